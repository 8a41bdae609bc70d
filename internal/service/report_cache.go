package service

import (
	"context"
	"strconv"
	"sync"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// reportCacheSize bounds the report figures kept in memory: one entry per programme and reading
// language at the programme's current data version, each some tens of kilobytes.
const reportCacheSize = 32

// reportCache keeps the report's aggregates of a programme at one data version, so that a report
// read again before anything changed (a coordinator printing it, a colleague opening it) costs
// no aggregate over the reviews and follow-ups. The data version moves with every write that
// changes a figure; titles, which can change without moving it, are read afresh on every request.
type reportCache = keptCache[domain.ReportFigures]

func newReportCache() *reportCache { return &reportCache{size: reportCacheSize} }

// keptCache keeps results computed at a version of what they depend on: the version is part of
// every key, so a result is never found once the version moved on, and the oldest keys beyond
// size are forgotten.
type keptCache[T any] struct {
	size    int
	mu      sync.Mutex
	entries map[string]T
	order   []string // oldest first
	flight  flight[T]
}

func reportCacheKey(programmeID uuid.UUID, version int64, lang string) string {
	return programmeID.String() + "@" + strconv.FormatInt(version, 10) + "/" + lang
}

// figures returns the cached result for key or computes it once, however many requests ask at
// the same time. The result is kept inside the computation, and a computation looks for a kept
// result first: a request that missed the cache just before another's computation ended finds
// that result instead of computing again.
func (c *keptCache[T]) figures(key string, compute func() (T, error)) (T, error) {
	if f, ok := c.kept(key); ok {
		return f, nil
	}
	f, _, err := c.flight.do(key, func() (T, error) {
		if f, ok := c.kept(key); ok {
			return f, nil
		}
		f, err := compute()
		if err == nil {
			c.keep(key, f)
		}
		return f, err
	})
	return f, err
}

func (c *keptCache[T]) kept(key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.entries[key]
	return f, ok
}

// keep adds key's result, forgetting the oldest keys beyond the cache's size.
func (c *keptCache[T]) keep(key string, f T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]T{}
	}
	if _, ok := c.entries[key]; !ok {
		c.entries[key] = f
		c.order = append(c.order, key)
		for len(c.order) > c.size {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
}

// reportFigures reads the report's aggregates at the programme's data version, from the cache
// when they were computed at that version, with practice titles as they are now.
func (s *Service) reportFigures(ctx context.Context, programmeID uuid.UUID, version int64, lang string) (domain.ReportFigures, error) {
	f, err := s.reportCache.figures(reportCacheKey(programmeID, version, lang), func() (domain.ReportFigures, error) {
		return s.reports.ReportFigures(ctx, programmeID, lang)
	})
	if err != nil || len(f.ResumptionByPractice) == 0 {
		return f, err
	}
	ids := make([]uuid.UUID, len(f.ResumptionByPractice))
	for i, p := range f.ResumptionByPractice {
		ids[i] = p.PracticeID
	}
	titles, err := s.reports.PracticeTitles(ctx, ids, lang)
	if err != nil {
		return f, err
	}
	// A copy: the cached slice is shared by every request.
	byPractice := make([]domain.PracticeResumption, len(f.ResumptionByPractice))
	for i, p := range f.ResumptionByPractice {
		if t, ok := titles[p.PracticeID]; ok {
			p.Title = t
		}
		byPractice[i] = p
	}
	f.ResumptionByPractice = byPractice
	return f, nil
}
