package postgres

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/stats"
)

// Round statistics (agreement and completion counts) are aggregated in SQL and cached in
// round_statistics under the round's data version (round_data_versions). Every store method that
// changes what they are computed from bumps that version in the caller's transaction.

// bumpRound moves the round's data version on; the caller's transaction holds the row until it
// ends, so the new version becomes visible together with the write that caused it.
func (s *Store) bumpRound(ctx context.Context, roundID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO round_data_versions (round_id, version) VALUES (?, 1)
		ON CONFLICT (round_id) DO UPDATE SET version = round_data_versions.version + 1`, roundID).Error)
}

// bumpRoundOfAssignment bumps the round of an assignment.
func (s *Store) bumpRoundOfAssignment(ctx context.Context, assignmentID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO round_data_versions (round_id, version) SELECT round_id, 1 FROM assignments WHERE id = ?
		ON CONFLICT (round_id) DO UPDATE SET version = round_data_versions.version + 1`, assignmentID).Error)
}

// refreshFirstReview recomputes the first review date of an assignment's practice.
func (s *Store) refreshFirstReview(ctx context.Context, assignmentID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`SELECT pb_refresh_first_reviews(ARRAY(SELECT practice_id FROM assignments WHERE id = ?))`, assignmentID).Error)
}

// roundStatisticsDoc is the cached payload. (Migration 0016 emptied the cache of the statistics
// computed before the agreement figures existed.)
type roundStatisticsDoc struct {
	Practices          int                     `json:"practices"`
	Decided            int                     `json:"decided"`
	Assigned           int                     `json:"assigned"`
	Accepted           int                     `json:"accepted"`
	Declined           int                     `json:"declined"`
	Submitted          int                     `json:"submitted"`
	Reviews            int                     `json:"reviews"`
	WeightedScoreAlpha *float64                `json:"weighted_score_alpha"`
	WeightedScore      agreementDoc            `json:"weighted_score"`
	Criteria           []criterionAgreementDoc `json:"criteria"`
	Gates              agreementDoc            `json:"gates"`
	Recommendation     agreementDoc            `json:"recommendation"`
	ICC                *iccDoc                 `json:"icc"`
	SEM                *float64                `json:"sem"`
	ReviewerEffects    map[uuid.UUID]float64   `json:"reviewer_effects"`
}

type iccDoc struct {
	Single  float64 `json:"single"`
	Average float64 `json:"average"`
	K       float64 `json:"k"`
}

type agreementDoc struct {
	Alpha          *float64    `json:"alpha"`
	Units          int         `json:"units"`
	PairableValues int         `json:"pairable_values"`
	CI95           *[2]float64 `json:"ci95"`
	PBelow667      *float64    `json:"p_below_667"`
	Reading        string      `json:"reading"`
}

type criterionAgreementDoc struct {
	Key string `json:"key"`
	agreementDoc
}

func toRoundStatisticsDoc(st domain.RoundStatistics) roundStatisticsDoc {
	d := roundStatisticsDoc{Practices: st.Practices, Decided: st.Decided, Assigned: st.Assigned, Accepted: st.Accepted, Declined: st.Declined,
		Submitted: st.Submitted, Reviews: st.Reviews, WeightedScoreAlpha: st.WeightedScoreAlpha, WeightedScore: agreementDoc(st.WeightedScore),
		Criteria: []criterionAgreementDoc{}, Gates: agreementDoc(st.Gates), Recommendation: agreementDoc(st.Recommendation), SEM: st.SEM,
		ReviewerEffects: st.ReviewerEffects}
	if st.ICC != nil {
		d.ICC = &iccDoc{Single: st.ICC.Single, Average: st.ICC.Average, K: st.ICC.K}
	}
	for _, c := range st.Criteria {
		d.Criteria = append(d.Criteria, criterionAgreementDoc{Key: c.Key, agreementDoc: agreementDoc(c.AgreementFigure)})
	}
	return d
}

func (d roundStatisticsDoc) toDomain(version int64) domain.RoundStatistics {
	st := domain.RoundStatistics{DataVersion: version, Practices: d.Practices, Decided: d.Decided, Assigned: d.Assigned, Accepted: d.Accepted,
		Declined: d.Declined, Submitted: d.Submitted, Reviews: d.Reviews, WeightedScoreAlpha: d.WeightedScoreAlpha,
		WeightedScore: domain.AgreementFigure(d.WeightedScore), Gates: domain.AgreementFigure(d.Gates), Recommendation: domain.AgreementFigure(d.Recommendation),
		SEM: d.SEM, ReviewerEffects: d.ReviewerEffects}
	if d.ICC != nil {
		st.ICC = &domain.ICCFigure{Single: d.ICC.Single, Average: d.ICC.Average, K: d.ICC.K}
	}
	for _, c := range d.Criteria {
		st.Criteria = append(st.Criteria, domain.CriterionAgreement{Key: c.Key, AgreementFigure: domain.AgreementFigure(c.agreementDoc)})
	}
	return st
}

// CachedRoundStatistics reads the data version of each round and the statistics cached for that
// version, in one statement.
func (s *Store) CachedRoundStatistics(ctx context.Context, roundIDs []uuid.UUID) ([]domain.CachedStatistics, error) {
	if len(roundIDs) == 0 {
		return nil, nil
	}
	var rows []struct {
		ID                uuid.UUID
		Version           int64
		StatisticsVersion *int64
		Statistics        JSON[*roundStatisticsDoc]
	}
	// The statistics this store decoded last are not sent again (a results page decoded a 37 kB
	// document, 15 % of its CPU, on the benchmark data set).
	known := make([]string, 0, len(roundIDs))
	knownIDs := make([]string, 0, len(roundIDs))
	for _, id := range roundIDs {
		if d, ok := s.statistics.get(id); ok {
			knownIDs, known = append(knownIDs, id.String()), append(known, strconv.FormatInt(d.version, 10))
		}
	}
	err := s.conn(ctx).Raw(`SELECT r.id, coalesce(v.version, 0) AS version, c.data_version AS statistics_version,
			CASE WHEN c.data_version = coalesce(v.version, 0) AND c.data_version IS DISTINCT FROM k.known THEN c.statistics END AS statistics
		FROM rounds r LEFT JOIN round_data_versions v ON v.round_id = r.id LEFT JOIN round_statistics c ON c.round_id = r.id
			LEFT JOIN unnest(?::uuid[], ?::int8[]) AS k (round_id, known) ON k.round_id = r.id
		WHERE r.id IN ?`, "{"+strings.Join(knownIDs, ",")+"}", "{"+strings.Join(known, ",")+"}", roundIDs).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]domain.CachedStatistics, 0, len(rows))
	for _, r := range rows {
		c := domain.CachedStatistics{RoundID: r.ID, DataVersion: r.Version}
		switch {
		case r.Statistics.V != nil:
			st := r.Statistics.V.toDomain(r.Version)
			s.statistics.put(r.ID, decoded[domain.RoundStatistics]{version: r.Version, value: st})
			c.Statistics = &st
		case r.StatisticsVersion != nil && *r.StatisticsVersion == r.Version:
			if d, ok := s.statistics.get(r.ID); ok && d.version == r.Version {
				st := d.value
				c.Statistics = &st
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// SaveRoundStatistics caches statistics computed at st.DataVersion, unless statistics of a newer
// version are cached already.
func (s *Store) SaveRoundStatistics(ctx context.Context, roundID uuid.UUID, st domain.RoundStatistics) error {
	doc, err := json.Marshal(toRoundStatisticsDoc(st))
	if err != nil {
		return err
	}
	return translate(s.conn(ctx).Exec(`INSERT INTO round_statistics (round_id, data_version, statistics, computed_at)
		SELECT id, ?, ?, now() FROM rounds WHERE id = ?
		ON CONFLICT (round_id) DO UPDATE SET data_version = EXCLUDED.data_version, statistics = EXCLUDED.statistics, computed_at = EXCLUDED.computed_at
		WHERE round_statistics.data_version < EXCLUDED.data_version`, st.DataVersion, string(doc), roundID).Error)
}

// RoundAggregates aggregates a round's rows for its statistics: counts, the stored weighted scores
// of each practice with their reviewers, and the kinds of per-practice answer multisets per
// criterion key, gate outcome and recommendation, all from the values round_unit_values keeps
// (migrations 0016 and 0021). Three statements, each over the round's index ranges. The submitted
// reviews are counted from the '#gates_passed' units, which hold one value per submitted review
// (gates_passed is never null), instead of joining the round's reviews.
func (s *Store) RoundAggregates(ctx context.Context, roundID uuid.UUID, criterionKeys []string) (domain.RoundAggregates, error) {
	db := s.conn(ctx)
	var a domain.RoundAggregates
	var counts struct{ Practices, Decided, Assigned, Accepted, Declined, Submitted, Reviews int }
	err := db.Raw(`SELECT (SELECT count(*) FROM round_practices WHERE round_id = @round) AS practices,
			(SELECT count(*) FROM decisions WHERE round_id = @round) AS decided,
			count(*) FILTER (WHERE status = 'assigned') AS assigned, count(*) FILTER (WHERE status = 'accepted') AS accepted,
			count(*) FILTER (WHERE status = 'declined') AS declined, count(*) FILTER (WHERE status = 'submitted') AS submitted,
			(SELECT coalesce(sum(cardinality(u.vs)), 0) FROM round_unit_values u JOIN round_practices rp ON rp.round_id = u.round_id AND rp.practice_id = u.practice_id
				WHERE u.round_id = @round AND u.key = '#gates_passed') AS reviews
		FROM assignments WHERE round_id = @round`, map[string]any{"round": roundID}).Scan(&counts).Error
	if err != nil {
		return a, translate(err)
	}
	a.Practices, a.Decided, a.Assigned, a.Accepted, a.Declined, a.Submitted, a.Reviews = counts.Practices, counts.Decided, counts.Assigned, counts.Accepted,
		counts.Declined, counts.Submitted, counts.Reviews
	// The weighted scores of each practice with their reviewers, read from the index alone: their
	// moments for agreement, ICC and SEM (practices with two scores or more), every score with its
	// reviewer for the adjusted scores.
	var units []struct {
		PracticeID uuid.UUID
		VS         JSON[[]float64]   `gorm:"column:vs"`
		Reviewers  JSON[[]uuid.UUID] `gorm:"column:reviewers"`
	}
	err = db.Raw(`SELECT u.practice_id, to_jsonb(u.vs) AS vs, to_jsonb(u.reviewers) AS reviewers
		FROM round_unit_values u JOIN round_practices rp ON rp.round_id = u.round_id AND rp.practice_id = u.practice_id
		WHERE u.round_id = ? AND u.key = '#weighted_score'`, roundID).Scan(&units).Error
	if err != nil {
		return a, translate(err)
	}
	a.ScoreRatings = make([]stats.Rating[uuid.UUID, uuid.UUID], 0, 3*len(units))
	for _, u := range units {
		if len(u.VS.V) >= 2 {
			a.ScoreUnits = append(a.ScoreUnits, stats.MomentsOf(u.VS.V))
		}
		if len(u.Reviewers.V) != len(u.VS.V) {
			continue // values kept before their reviewers were (cannot happen after migration 0021)
		}
		for i, v := range u.VS.V {
			a.ScoreRatings = append(a.ScoreRatings, stats.Rating[uuid.UUID, uuid.UUID]{Practice: u.PracticeID, Reviewer: u.Reviewers.V[i], Score: v})
		}
	}
	// Each practice's answers to a criterion (or its gate outcomes, or recommendations) form a
	// multiset of values; practices with the same multiset are one kind, so a round of
	// thousands of practices comes as a few hundred kinds per key.
	keys := append([]string{domain.UnitGatesPassed, domain.UnitRecommendation}, criterionKeys...)
	var kinds []struct {
		Key   string
		VS    JSON[[]float64] `gorm:"column:vs"`
		Units int
	}
	err = db.Raw(`SELECT u.key, to_jsonb(u.vs) AS vs, count(*) AS units
		FROM round_unit_values u JOIN round_practices rp ON rp.round_id = u.round_id AND rp.practice_id = u.practice_id
		WHERE u.round_id = ? AND u.key IN ? AND cardinality(u.vs) >= 2
		GROUP BY u.key, u.vs ORDER BY u.key, u.vs`, roundID, keys).Scan(&kinds).Error
	if err != nil {
		return a, translate(err)
	}
	a.Kinds = map[string][]stats.UnitKind{}
	for _, k := range kinds {
		a.Kinds[k.Key] = append(a.Kinds[k.Key], stats.UnitKind{Values: k.VS.V, Units: k.Units})
	}
	return a, nil
}

// OverdueAssignments counts the round's open assignments whose deadline is before now.
func (s *Store) OverdueAssignments(ctx context.Context, roundID uuid.UUID, now time.Time) (int, error) {
	var n int
	err := s.conn(ctx).Raw(`SELECT count(*) FROM assignments WHERE round_id = ? AND status IN ('assigned', 'accepted') AND due_at < ?`, roundID, now).Scan(&n).Error
	return n, translate(err)
}

// ResultsPage reads one page of a round's practices, in the order they joined the round, with
// their title, country, decision and submitted reviews (their compact criterion values and stored
// outcome, not the score documents with their comments): a row per review, only the columns
// shown, index scans bounded by the page.
func (s *Store) ResultsPage(ctx context.Context, roundID uuid.UUID, p domain.PageRequest) ([]domain.PracticeReviews, error) {
	var rows []struct {
		PracticeID    uuid.UUID
		Title         string
		Country       string
		Decision      *string
		ReviewID      *uuid.UUID
		ReviewerID    *uuid.UUID
		WeightedScore *float64
		GatesPassed   *bool
		Values        criterionValues
	}
	err := s.conn(ctx).Raw(`WITH page AS (
			SELECT practice_id, added_at FROM round_practices WHERE round_id = @round ORDER BY added_at, practice_id LIMIT @limit OFFSET @offset
		)
		SELECT pg.practice_id, p.title, p.country, d.outcome AS decision, v.assignment_id AS review_id, x.reviewer_id, v.weighted_score, v.gates_passed, v.criterion_values AS values
		FROM page pg JOIN practices p ON p.id = pg.practice_id
		LEFT JOIN decisions d ON d.round_id = @round AND d.practice_id = pg.practice_id
		LEFT JOIN (assignments x JOIN reviews v ON v.assignment_id = x.id AND v.status = 'submitted')
			ON x.round_id = @round AND x.practice_id = pg.practice_id
		ORDER BY pg.added_at, pg.practice_id, v.assignment_id`, map[string]any{"round": roundID, "limit": p.Size, "offset": p.Offset()}).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	var out []domain.PracticeReviews
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].PracticeID != r.PracticeID {
			pr := domain.PracticeReviews{PracticeID: r.PracticeID, Title: r.Title, Country: r.Country}
			if r.Decision != nil {
				pr.Decision = *r.Decision
			}
			out = append(out, pr)
		}
		if r.ReviewID == nil {
			continue
		}
		last := &out[len(out)-1]
		rv := domain.Review{AssignmentID: *r.ReviewID, ReviewerID: *r.ReviewerID, Scores: make([]domain.Score, len(r.Values.V)), Status: domain.ReviewSubmitted, RoundID: roundID,
			PracticeID: r.PracticeID, Outcome: domain.ReviewOutcome{WeightedScore: r.WeightedScore, GatesPassed: r.GatesPassed != nil && *r.GatesPassed}}
		for i := range r.Values.V {
			rv.Scores[i] = domain.Score{CriterionKey: r.Values.V[i].Key, Value: &r.Values.V[i].Value}
		}
		last.Reviews = append(last.Reviews, rv)
	}
	return out, nil
}

// firstReviewTimeline is the dashboard timeline's "practices peer-reviewed": practices by the month
// of their first submitted review, from the maintained first-review dates.
const firstReviewTimeline = `SELECT 'practices_reviewed', first_reviewed_at FROM practice_first_reviews WHERE programme_id = ?`
