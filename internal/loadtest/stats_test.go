package loadtest

import (
	"os"
	"strings"
	"testing"
	"time"
)

func ms(v ...int) []time.Duration {
	out := make([]time.Duration, len(v))
	for i, x := range v {
		out[i] = time.Duration(x) * time.Millisecond
	}
	return out
}

func TestPercentileNearestRank(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	cases := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one value", ms(7), 99, 7 * time.Millisecond},
		{"median of five", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p90 of ten", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90, 9 * time.Millisecond},
		{"p99 of ten is the largest", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"p50 of 1..100", hundred, 50, 50 * time.Millisecond},
		{"p99 of 1..100", hundred, 99, 99 * time.Millisecond},
		{"p100", hundred, 100, 100 * time.Millisecond},
	}
	for _, c := range cases {
		if got := Percentile(c.sorted, c.p); got != c.want {
			t.Errorf("%s: p%v = %v, want %v", c.name, c.p, got, c.want)
		}
	}
}

func TestSummariseCountsFailuresApartFromLatencies(t *testing.T) {
	s := Summarise(ms(30, 10, 20, 40), map[string]int{"503": 3, "timeout": 1}, 2*time.Second)
	if s.OK != 4 || s.Errors != 4 || s.P50 != 20*time.Millisecond || s.P99 != 40*time.Millisecond {
		t.Fatalf("summary: %+v", s)
	}
	if s.PerSecond != 2 {
		t.Fatalf("req/s counts successes only: %v", s.PerSecond)
	}
	if got := s.KindsString(); got != "503×3 timeout×1" {
		t.Fatalf("kinds: %q", got)
	}
}

func TestRolledBackLeavesNothingCommitted(t *testing.T) {
	got := RolledBack([]Statement{{SQL: "SELECT 1 FROM sessions WHERE id = $1", Args: []any{1}}, {SQL: "begin"}, {SQL: "INSERT INTO comments VALUES ($1)", Args: []any{2}}, {SQL: "commit"}})
	var sqls []string
	for _, s := range got {
		sqls = append(sqls, s.SQL)
	}
	want := []string{"begin", "SELECT 1 FROM sessions WHERE id = $1", "INSERT INTO comments VALUES ($1)", "rollback"}
	if strings.Join(sqls, ";") != strings.Join(want, ";") {
		t.Fatalf("got %q, want %q", sqls, want)
	}
}

func TestReadCPU(t *testing.T) {
	before, err := ReadCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	// Spin until the process has used 30 ms more CPU (three clock ticks): a busy machine may
	// take longer to give it, so the bound is wall time, and only a reading that never moves
	// fails.
	x := 0
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		for range 1_000_000 {
			x++
		}
		after, err := ReadCPU(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		if after-before >= 30*time.Millisecond {
			return
		}
	}
	t.Fatalf("10 s of spinning (%d steps) never added 30 ms of CPU time from %v", x, before)
}
