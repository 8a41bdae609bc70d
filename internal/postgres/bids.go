package postgres

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// biddingRow is what a reviewer sees of a practice while bidding, and nothing more: the page
// never reads the practice's sections, translations or search vector.
type biddingRow struct {
	ID               uuid.UUID
	Title            string
	Summary          string
	Themes           JSON[[]string]
	Country          string
	Language         string
	OrganisationName string
	Bid              *string
}

func (r biddingRow) toDomain() domain.BiddingPractice {
	out := domain.BiddingPractice{ID: r.ID, Title: r.Title, Summary: r.Summary, Themes: r.Themes.V, Country: r.Country, Language: r.Language,
		OrganisationName: r.OrganisationName}
	if r.Bid != nil {
		out.Bid = *r.Bid
	}
	return out
}

const biddingSelect = `p.id, p.title, p.summary, p.themes, p.country, p.language, o.name AS organisation_name, b.level AS bid`

// BiddingPage returns a page of a round's practices with the reviewer's bid on each, leaving out
// the practices of f.ExcludeOrganisation. Pages follow the round's primary key (round, practice),
// so a page is read in index order whatever the round's size; the caller's bid comes from the
// bids primary key (round, user, practice).
func (s *Store) BiddingPage(ctx context.Context, f domain.BiddingFilter, p domain.PageRequest) (domain.Page[domain.BiddingPractice], error) {
	q := s.conn(ctx).Table("round_practices rp").
		Joins("JOIN practices p ON p.id = rp.practice_id").
		Joins("LEFT JOIN bids b ON b.round_id = rp.round_id AND b.user_id = ? AND b.practice_id = rp.practice_id", f.ReviewerID).
		Where("rp.round_id = ? AND p.organisation_id <> ?", f.RoundID, f.ExcludeOrganisation)
	if f.Theme != "" {
		q = q.Where("p.themes @> ?", List([]string{f.Theme}))
	}
	if f.Language != "" {
		q = q.Where("(p.language = ? OR jsonb_exists(p.translations, ?))", f.Language, f.Language)
	}
	if f.Country != "" {
		q = q.Where("p.country = ?", f.Country)
	}
	switch f.Bid {
	case "":
	case domain.BidNone:
		q = q.Where("b.level IS NULL")
	default:
		q = q.Where("b.level = ?", f.Bid)
	}
	var rows []biddingRow
	total, err := findPageCapped(q, p, columns{sql: biddingSelect, joins: "JOIN organisations o ON o.id = p.organisation_id"}, "rp.practice_id", &rows)
	return pageAt(rows, biddingRow.toDomain, p, total), err
}

// BiddingRounds lists the draft and open rounds of the programmes where the user reviews,
// soonest due first.
func (s *Store) BiddingRounds(ctx context.Context, userID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Round], error) {
	q := s.conn(ctx).Table("rounds r").Where(`r.status IN ('draft', 'open') AND r.programme_id IN
		(SELECT programme_id FROM memberships WHERE user_id = ? AND roles @> '["reviewer"]')`, userID)
	var rows []roundRow
	total, err := findPage(q, p, columns{sql: roundSelect}, "r.due_at ASC, r.id ASC", &rows)
	return pageOf(rows, roundRow.toDomain, p, total), err
}

// PutBid sets a reviewer's bid on a practice of a round. A practice that is not in the round,
// or that belongs to the reviewer's own organisation, is CodeNotFound.
func (s *Store) PutBid(ctx context.Context, b domain.Bid, reviewerOrganisation uuid.UUID) error {
	res := s.conn(ctx).Exec(`INSERT INTO bids (round_id, practice_id, user_id, level)
		SELECT rp.round_id, rp.practice_id, ?, ? FROM round_practices rp JOIN practices p ON p.id = rp.practice_id
		WHERE rp.round_id = ? AND rp.practice_id = ? AND p.organisation_id <> ?
		ON CONFLICT (round_id, user_id, practice_id) DO UPDATE SET level = EXCLUDED.level, updated_at = now()`,
		b.ReviewerID, b.Level, b.RoundID, b.PracticeID, reviewerOrganisation)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.NotFound("Practice")
	}
	return nil
}

// DeleteBid removes a reviewer's bid on a practice, if there is one.
func (s *Store) DeleteBid(ctx context.Context, roundID, practiceID, userID uuid.UUID) error {
	return translate(s.conn(ctx).Exec(`DELETE FROM bids WHERE round_id = ? AND user_id = ? AND practice_id = ?`, roundID, userID, practiceID).Error)
}

// BiddablePractice reports whether a practice is in the round and not of the given organisation.
func (s *Store) BiddablePractice(ctx context.Context, roundID, practiceID, organisationID uuid.UUID) (bool, error) {
	var ok bool
	err := s.conn(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM round_practices rp JOIN practices p ON p.id = rp.practice_id
		WHERE rp.round_id = ? AND rp.practice_id = ? AND p.organisation_id <> ?)`, roundID, practiceID, organisationID).Scan(&ok).Error
	return ok, translate(err)
}

// RoundBids lists every bid of a round, for the optimiser.
func (s *Store) RoundBids(ctx context.Context, roundID uuid.UUID) ([]domain.Bid, error) {
	var rows []struct {
		PracticeID, UserID uuid.UUID
		Level              string
	}
	err := s.conn(ctx).Raw(`SELECT practice_id, user_id, level FROM bids WHERE round_id = ? ORDER BY practice_id, user_id`, roundID).Scan(&rows).Error
	out := make([]domain.Bid, len(rows))
	for i, r := range rows {
		out[i] = domain.Bid{RoundID: roundID, PracticeID: r.PracticeID, ReviewerID: r.UserID, Level: r.Level}
	}
	return out, translate(err)
}

// BidCounts counts the bids of the given practices of a round by level; practices without bids
// are left out.
func (s *Store) BidCounts(ctx context.Context, roundID uuid.UUID, practiceIDs []uuid.UUID) ([]domain.BidCounts, error) {
	if len(practiceIDs) == 0 {
		return nil, nil
	}
	var rows []struct {
		PracticeID                                   uuid.UUID
		Eager, Willing, Neutral, Reluctant, Conflict int
	}
	err := s.conn(ctx).Raw(`SELECT practice_id,
			count(*) FILTER (WHERE level = 'eager') AS eager, count(*) FILTER (WHERE level = 'willing') AS willing,
			count(*) FILTER (WHERE level = 'neutral') AS neutral, count(*) FILTER (WHERE level = 'reluctant') AS reluctant,
			count(*) FILTER (WHERE level = 'conflict') AS conflict
		FROM bids WHERE round_id = ? AND practice_id IN ? GROUP BY practice_id ORDER BY practice_id`, roundID, practiceIDs).Scan(&rows).Error
	out := make([]domain.BidCounts, len(rows))
	for i, r := range rows {
		out[i] = domain.BidCounts{PracticeID: r.PracticeID, Eager: r.Eager, Willing: r.Willing, Neutral: r.Neutral, Reluctant: r.Reluctant, Conflict: r.Conflict}
	}
	return out, translate(err)
}
