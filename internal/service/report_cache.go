package service

import (
	"context"
	"strconv"

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

func reportCacheKey(programmeID uuid.UUID, version int64, lang string) string {
	return programmeID.String() + "@" + strconv.FormatInt(version, 10) + "/" + lang
}

// reportFigures reads the report's aggregates at the programme's data version, from the cache
// when they were computed at that version, with practice titles as they are now.
func (s *Service) reportFigures(ctx context.Context, programmeID uuid.UUID, version int64, lang string) (domain.ReportFigures, error) {
	f, err := s.reportCache.cached(reportCacheKey(programmeID, version, lang), func() (domain.ReportFigures, error) {
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
