package domain

import "github.com/google/uuid"

// A bid is a reviewer's stated interest in reviewing one practice of a round (SPEC §7.2).
const (
	BidEager     = "eager"
	BidWilling   = "willing"
	BidNeutral   = "neutral"
	BidReluctant = "reluctant"
	BidConflict  = "conflict"
)

// BidLevels are the levels a reviewer can bid, from most to least wanted.
var BidLevels = []string{BidEager, BidWilling, BidNeutral, BidReluctant, BidConflict}

// BidNone filters the bidding page to the practices the caller has not bid on yet.
const BidNone = "none"

// Bid is one reviewer's bid on one practice of a round.
type Bid struct {
	RoundID, PracticeID, ReviewerID uuid.UUID
	Level                           string
}

// BiddingPractice is what a reviewer sees of a practice while bidding: no more than these
// fields, and the caller's own bid ("" without one).
type BiddingPractice struct {
	ID               uuid.UUID
	Title, Summary   string
	Themes           []string
	Country          string
	Language         string
	OrganisationName string
	Bid              string
}

// BiddingFilter narrows the bidding page. Bid is a level or BidNone; ExcludeOrganisation is the
// caller's organisation, whose practices they cannot review.
type BiddingFilter struct {
	RoundID, ReviewerID, ExcludeOrganisation uuid.UUID
	Theme, Language, Country, Bid            string
}

// BidCounts counts a practice's bids by level.
type BidCounts struct {
	PracticeID                                   uuid.UUID
	Eager, Willing, Neutral, Reluctant, Conflict int
}
