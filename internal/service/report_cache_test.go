package service

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The report's aggregates are computed once per key, however many ask at once; a failure is not
// kept; the cache forgets its oldest keys beyond its size.
func TestReportCacheComputesOncePerKey(t *testing.T) {
	c := newReportCache()
	var runs atomic.Int32
	compute := func() (domain.ReportFigures, error) {
		runs.Add(1)
		return domain.ReportFigures{ResumptionPractices: 7}, nil
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if f, err := c.cached("p@1/en", compute); err != nil || f.ResumptionPractices != 7 {
				t.Errorf("figures: %+v, %v", f, err)
			}
		}()
	}
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Fatalf("computed %d times for one key", n)
	}
	if _, err := c.cached("p@1/en", compute); err != nil || runs.Load() != 1 {
		t.Fatalf("a cached key was computed again (%d runs, %v)", runs.Load(), err)
	}
	if _, err := c.cached("p@2/en", compute); err != nil || runs.Load() != 2 {
		t.Fatalf("a new data version was not computed (%d runs, %v)", runs.Load(), err)
	}

	failed := errors.New("cancelled")
	if _, err := c.cached("q@1/en", func() (domain.ReportFigures, error) { return domain.ReportFigures{}, failed }); !errors.Is(err, failed) {
		t.Fatalf("error: %v", err)
	}
	if _, ok := c.entries["q@1/en"]; ok {
		t.Fatal("a failed computation was kept")
	}

	for i := range reportCacheSize + 5 {
		if _, err := c.cached(fmt.Sprintf("r@%d/en", i), compute); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.entries) != reportCacheSize || len(c.order) != reportCacheSize {
		t.Fatalf("%d entries, %d in order; want %d", len(c.entries), len(c.order), reportCacheSize)
	}
	if _, ok := c.entries["p@1/en"]; ok {
		t.Fatal("the oldest key was kept beyond the cache's size")
	}
}
