package loadtest

import (
	"context"
	"testing"
	"time"
)

func TestRunCountsAnOperationSlowerThanTheWholeRun(t *testing.T) {
	slow := func(ctx context.Context, _ int) error {
		<-ctx.Done()
		return ctx.Err()
	}
	s := Run(context.Background(), Plan{Workers: 2, Warmup: 10 * time.Millisecond, Measure: 20 * time.Millisecond, Timeout: 60 * time.Millisecond}, slow)
	if s.OK != 0 || s.Errors != 2 || s.Kinds["timeout"] != 2 {
		t.Fatalf("two operations that time out after the window must count as two timeouts: %+v", s)
	}
	if s.Elapsed < 40*time.Millisecond {
		t.Fatalf("elapsed ends with the last counted operation: %v", s.Elapsed)
	}
}

func TestRunLeavesOutWhatEndsInTheWarmup(t *testing.T) {
	fast := func(context.Context, int) error { time.Sleep(time.Millisecond); return nil }
	s := Run(context.Background(), Plan{Workers: 1, Warmup: 30 * time.Millisecond, Measure: 30 * time.Millisecond}, fast)
	if s.OK == 0 || s.OK > 31 {
		t.Fatalf("only the measured window counts: %+v", s)
	}
}
