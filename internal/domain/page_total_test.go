package domain

import "testing"

func TestTotalSeenCorrectsAnEstimateByThePageRead(t *testing.T) {
	est := Total{N: 1500, Estimated: true}
	cases := []struct {
		name               string
		total              Total
		offset, rows, size int
		want               Total
	}{
		{"an exact total is kept", Total{N: 40}, 20, 5, 20, Total{N: 40}},
		{"a short first page ends the list", est, 0, 7, 20, Total{N: 7}},
		{"an empty first page means none", est, 0, 0, 20, Total{N: 0}},
		{"a short later page ends the list", est, 40, 3, 20, Total{N: 43}},
		{"a full page keeps the estimate", est, 0, 20, 20, est},
		{"a full page past the estimate raises it", est, 1500, 20, 20, Total{N: 1520, Estimated: true}},
		{"an empty page past the end lowers it to the offset", est, 1200, 0, 20, Total{N: 1200, Estimated: true}},
		{"an empty page past the estimate keeps it", est, 1600, 0, 20, est},
	}
	for _, c := range cases {
		if got := c.total.Seen(c.offset, c.rows, c.size); got != c.want {
			t.Errorf("%s: Seen(%d, %d, %d) of %+v = %+v, want %+v", c.name, c.offset, c.rows, c.size, c.total, got, c.want)
		}
	}
}
