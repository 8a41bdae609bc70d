// Package loadtest is the engine of `make bench`: it runs an operation from many concurrent
// workers for a fixed time after a warm-up, summarises latencies and throughput, samples a
// process's memory, and replays recorded SQL statements directly on PostgreSQL. It knows nothing
// of Peerbridge's API: the scenarios live with the command that wires the application.
package loadtest

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Summary describes one measured run of an operation.
type Summary struct {
	// OK counts the operations that succeeded; P50, P90 and P99 are their latencies.
	OK            int
	P50, P90, P99 time.Duration
	// Errors counts failed operations (a non-2xx answer, a timeout); Kinds says which, by count.
	Errors int
	Kinds  map[string]int
	// Elapsed is the measured window; PerSecond is OK / Elapsed.
	Elapsed   time.Duration
	PerSecond float64
}

// Percentile returns the p-th percentile (0 < p <= 100) of sorted latencies by the nearest-rank
// method: the smallest value with at least p % of the values at or below it. Zero when empty.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	// The epsilon keeps 10 × 90 / 100 = 9.000000000000002 at rank 9.
	rank := int(math.Ceil(float64(len(sorted))*p/100 - 1e-9))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// Summarise builds the summary of latencies of successful operations and failures by kind,
// measured over elapsed.
func Summarise(latencies []time.Duration, failures map[string]int, elapsed time.Duration) Summary {
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	s := Summary{OK: len(sorted), Kinds: map[string]int{}, Elapsed: elapsed,
		P50: Percentile(sorted, 50), P90: Percentile(sorted, 90), P99: Percentile(sorted, 99)}
	for k, n := range failures {
		s.Kinds[k] += n
		s.Errors += n
	}
	if elapsed > 0 {
		s.PerSecond = float64(s.OK) / elapsed.Seconds()
	}
	return s
}

// KindsString lists the failure kinds as "503×12 timeout×1", most frequent first.
func (s Summary) KindsString() string {
	type kv struct {
		k string
		n int
	}
	var kinds []kv
	for k, n := range s.Kinds {
		kinds = append(kinds, kv{k, n})
	}
	sort.Slice(kinds, func(i, j int) bool {
		if kinds[i].n != kinds[j].n {
			return kinds[i].n > kinds[j].n
		}
		return kinds[i].k < kinds[j].k
	})
	parts := make([]string, len(kinds))
	for i, x := range kinds {
		parts[i] = fmt.Sprintf("%s×%d", x.k, x.n)
	}
	return strings.Join(parts, " ")
}
