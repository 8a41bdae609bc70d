package stats

import (
	"math"
	"testing"
)

// TestWilsonPublished checks the interval against the four worked examples of Newcombe (1998), "Two-sided
// confidence intervals for the single proportion: comparison of seven methods", Statistics in
// Medicine 17, 857–872, method 3 (score interval without continuity correction), to the four
// decimals printed there (81/263, 15/148, 0/20, 1/29); the last three cases are Wilson's (1927)
// closed form worked by hand, covering all successes and small cohorts.
func TestWilsonPublished(t *testing.T) {
	cases := []struct {
		name      string
		x, n      int64
		low, high float64
	}{
		{"Newcombe 81/263", 81, 263, 0.2553, 0.3662},
		{"Newcombe 15/148", 15, 148, 0.0624, 0.1605},
		{"Newcombe 0/20", 0, 20, 0.0000, 0.1611},
		{"Newcombe 1/29", 1, 29, 0.0061, 0.1718},
		{"all successes 29/29", 29, 29, 0.8830, 1.0000},
		{"5/12", 5, 12, 0.1933, 0.6805},
		{"9/10", 9, 10, 0.5958, 0.9821},
	}
	round4 := func(x float64) float64 { return math.Round(x*1e4) / 1e4 }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			low, high, ok := Wilson(c.x, c.n, Z95)
			if !ok {
				t.Fatal("no interval")
			}
			if round4(low) != c.low || round4(high) != c.high {
				t.Fatalf("Wilson(%d, %d) = [%.4f, %.4f], want [%.4f, %.4f]", c.x, c.n, low, high, c.low, c.high)
			}
			// The interval holds the observed proportion and stays within [0, 1].
			if p := float64(c.x) / float64(c.n); low > p || high < p || low < 0 || high > 1 {
				t.Fatalf("[%v, %v] does not hold %v within [0, 1]", low, high, p)
			}
		})
	}
}

func TestWilsonSymmetryAndEdges(t *testing.T) {
	// x of n and n−x of n are mirror images around one half.
	for n := int64(1); n <= 40; n++ {
		for x := int64(0); x <= n; x++ {
			l1, h1, _ := Wilson(x, n, Z95)
			l2, h2, _ := Wilson(n-x, n, Z95)
			if math.Abs(l1-(1-h2)) > 1e-12 || math.Abs(h1-(1-l2)) > 1e-12 {
				t.Fatalf("%d/%d: [%v, %v] is not the mirror of [%v, %v]", x, n, l1, h1, l2, h2)
			}
		}
	}
	for _, c := range []struct {
		name string
		x, n int64
		z    float64
	}{{"no participants", 0, 0, Z95}, {"more successes than participants", 3, 2, Z95}, {"negative", -1, 4, Z95}, {"no quantile", 1, 4, 0}} {
		if _, _, ok := Wilson(c.x, c.n, c.z); ok {
			t.Errorf("%s: an interval where there is none", c.name)
		}
	}
	// A wider quantile gives a wider interval.
	l95, h95, _ := Wilson(4, 10, Z95)
	l99, h99, _ := Wilson(4, 10, 2.5758293035489)
	if !(l99 < l95 && h99 > h95) {
		t.Fatalf("99 %% [%v, %v] is not wider than 95 %% [%v, %v]", l99, h99, l95, h95)
	}
}
