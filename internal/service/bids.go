package service

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// BidStore keeps reviewers' bids on the practices of a round.
type BidStore interface {
	// BiddingPage returns a page of a round's practices, as a bidder sees them, with the
	// reviewer's own bid on each.
	BiddingPage(ctx context.Context, f domain.BiddingFilter, p domain.PageRequest) (domain.Page[domain.BiddingPractice], error)
	// BiddablePractice reports whether the practice is in the round and not of the organisation.
	BiddablePractice(ctx context.Context, roundID, practiceID, organisationID uuid.UUID) (bool, error)
	// PutBid sets a bid; CodeNotFound when the practice is not in the round or is of
	// reviewerOrganisation.
	PutBid(ctx context.Context, b domain.Bid, reviewerOrganisation uuid.UUID) error
	// DeleteBid removes a bid; removing a bid that does not exist is no error.
	DeleteBid(ctx context.Context, roundID, practiceID, userID uuid.UUID) error
	// BiddingRounds lists the draft and open rounds of the programmes where the user reviews.
	BiddingRounds(ctx context.Context, userID uuid.UUID, p domain.PageRequest) (domain.Page[domain.Round], error)
	// RoundBids lists every bid of a round.
	RoundBids(ctx context.Context, roundID uuid.UUID) ([]domain.Bid, error)
	// BidCounts counts the bids on the given practices of a round by level (practices
	// without bids are left out).
	BidCounts(ctx context.Context, roundID uuid.UUID, practiceIDs []uuid.UUID) ([]domain.BidCounts, error)
}

// BiddingQuery are the filters a bidder may set on the bidding page.
type BiddingQuery struct {
	Theme, Language, Country string
	Bid                      string // a level, domain.BidNone, or "" for all
}

// biddingRound reads a round for bidding: the programme's reviewers and coordinators see it;
// for anyone else it does not exist. It returns the caller's scope in the programme.
func (s *Service) biddingRound(ctx context.Context, a *domain.Actor, roundID uuid.UUID) (domain.Round, domain.Scope, error) {
	r, err := s.rounds.Round(ctx, roundID, false)
	if err != nil {
		return r, domain.Scope{}, notFoundAs(err, domain.NotFound("Round"))
	}
	sc, err := s.scope(ctx, a, r.ProgrammeID)
	if err != nil {
		return r, sc, notFoundAs(err, domain.NotFound("Round"))
	}
	if !sc.Has(domain.RoleReviewer) && !sc.IsCoordinator() {
		return r, sc, domain.NotFound("Round")
	}
	return r, sc, nil
}

// Bidding lists the practices of a round for the caller to bid on (the programme's reviewers,
// and coordinators, who see it as reviewers do), with the caller's bid on each. Practices of
// the caller's own organisation are left out: they could never review them.
// Errors: CodeNotFound.
func (s *Service) Bidding(ctx context.Context, a *domain.Actor, roundID uuid.UUID, q BiddingQuery, p domain.PageRequest) (domain.Page[domain.BiddingPractice], error) {
	if _, _, err := s.biddingRound(ctx, a, roundID); err != nil {
		return domain.Page[domain.BiddingPractice]{}, err
	}
	return s.bids.BiddingPage(ctx, domain.BiddingFilter{RoundID: roundID, ReviewerID: a.UserID, ExcludeOrganisation: a.OrganisationID,
		Theme: q.Theme, Language: q.Language, Country: q.Country, Bid: q.Bid}, p)
}

// MyBiddingRounds lists the rounds the caller can bid in: draft or open, in a programme where
// they review.
func (s *Service) MyBiddingRounds(ctx context.Context, a *domain.Actor, p domain.PageRequest) (domain.Page[domain.Round], error) {
	return s.bids.BiddingRounds(ctx, a.UserID, p)
}

// biddable checks everything a change of the caller's bid needs: a reviewer of the round's
// programme, a practice of the round not of their organisation, a round still draft or open.
func (s *Service) biddable(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID) error {
	r, sc, err := s.biddingRound(ctx, a, roundID)
	if err != nil {
		return err
	}
	if !sc.Has(domain.RoleReviewer) {
		return domain.NotFound("Round")
	}
	ok, err := s.bids.BiddablePractice(ctx, roundID, practiceID, a.OrganisationID)
	if err != nil {
		return err
	}
	if !ok {
		return domain.NotFound("Practice")
	}
	if r.Status != domain.RoundDraft && r.Status != domain.RoundOpen {
		return domain.Errorf(domain.CodeRoundState, "Bids can only change while a round is a draft or open.")
	}
	return nil
}

// PutBid sets the caller's bid on a practice of a round. The bid is the caller's own row, so it
// takes no version. Errors: CodeNotFound (not a reviewer of the programme, or the practice is not
// in the round or is of the caller's organisation), CodeRoundState.
func (s *Service) PutBid(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID, level string) (domain.Bid, error) {
	b := domain.Bid{RoundID: roundID, PracticeID: practiceID, ReviewerID: a.UserID, Level: level}
	err := s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.biddable(ctx, a, roundID, practiceID); err != nil {
			return err
		}
		return notFoundAs(s.bids.PutBid(ctx, b, a.OrganisationID), domain.NotFound("Practice"))
	})
	return b, err
}

// DeleteBid clears the caller's bid on a practice of a round (back to no bid). Clearing a bid
// that is not there is no error. Errors: as PutBid.
func (s *Service) DeleteBid(ctx context.Context, a *domain.Actor, roundID, practiceID uuid.UUID) error {
	return s.tx.WithTx(ctx, func(ctx context.Context) error {
		if err := s.biddable(ctx, a, roundID, practiceID); err != nil {
			return err
		}
		return s.bids.DeleteBid(ctx, roundID, practiceID, a.UserID)
	})
}

// BidCounts counts the bids by level on the given practices of a round (coordinators), for the
// assignment board. Errors: CodeNotFound, CodeForbidden.
func (s *Service) BidCounts(ctx context.Context, a *domain.Actor, roundID uuid.UUID, practiceIDs []uuid.UUID) ([]domain.BidCounts, error) {
	if _, err := s.coordinatedRound(ctx, a, roundID, false); err != nil {
		return nil, err
	}
	return s.bids.BidCounts(ctx, roundID, practiceIDs)
}
