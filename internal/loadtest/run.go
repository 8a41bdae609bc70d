package loadtest

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Op is one operation of worker (0 ≤ worker < workers). A returned error counts as a failure of
// the kind Kind(err); its latency is not counted.
type Op func(ctx context.Context, worker int) error

// Failure is an error that names its kind, such as an HTTP status.
type Failure struct{ Kind string }

func (f *Failure) Error() string { return "failed: " + f.Kind }

// Kind names the kind of a failure for the summary.
func Kind(err error) string {
	var f *Failure
	if errors.As(err, &f) {
		return f.Kind
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	msg := err.Error()
	if len(msg) > 80 {
		msg = msg[:80] + "…"
	}
	return "error: " + msg
}

// Plan says how long to run.
type Plan struct {
	Workers int
	Warmup  time.Duration
	Measure time.Duration
	// Timeout bounds one operation (zero: none).
	Timeout time.Duration
}

// Run runs op from p.Workers goroutines, each in a loop: first for p.Warmup (not counted), then for
// p.Measure. Operations that start inside the measured window are counted, also when they end
// after it; none starts after it.
func Run(ctx context.Context, p Plan, op Op) Summary {
	var mu sync.Mutex
	var latencies []time.Duration
	failures := map[string]int{}
	start := time.Now()
	from, to := start.Add(p.Warmup), start.Add(p.Warmup+p.Measure)
	var wg sync.WaitGroup
	for w := range p.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			kinds := map[string]int{}
			for ctx.Err() == nil {
				t0 := time.Now()
				if !t0.Before(to) {
					break
				}
				opCtx, cancel := ctx, context.CancelFunc(func() {})
				if p.Timeout > 0 {
					opCtx, cancel = context.WithTimeout(ctx, p.Timeout)
				}
				err := op(opCtx, w)
				cancel()
				if t0.Before(from) {
					continue
				}
				if err != nil {
					kinds[Kind(err)]++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			for k, n := range kinds {
				failures[k] += n
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return Summarise(latencies, failures, p.Measure)
}
