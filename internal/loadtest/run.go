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

// Run runs op from p.Workers goroutines, each in a loop, for p.Warmup and then p.Measure; no
// operation starts after that. Every operation that ends after the warm-up is counted, also one
// that started during it or ends after the window: an operation slower than the whole run still
// shows up, as its latency or its failure. The elapsed time runs from the end of the warm-up to
// the last counted end, and at least p.Measure.
func Run(ctx context.Context, p Plan, op Op) Summary {
	var mu sync.Mutex
	var latencies []time.Duration
	failures := map[string]int{}
	start := time.Now()
	from, to := start.Add(p.Warmup), start.Add(p.Warmup+p.Measure)
	last := to
	var wg sync.WaitGroup
	for w := range p.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			kinds := map[string]int{}
			end := to
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
				t1 := time.Now()
				if t1.Before(from) {
					continue
				}
				end = maxTime(end, t1)
				if err != nil {
					kinds[Kind(err)]++
					continue
				}
				mine = append(mine, t1.Sub(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			for k, n := range kinds {
				failures[k] += n
			}
			last = maxTime(last, end)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return Summarise(latencies, failures, last.Sub(from))
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
