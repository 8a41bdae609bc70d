package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Assignment asks one reviewer to review one practice in a round.
type Assignment struct {
	ID            uuid.UUID
	RoundID       uuid.UUID
	PracticeID    uuid.UUID
	ReviewerID    uuid.UUID
	Status        string // assigned, accepted, declined, submitted
	DueAt         time.Time
	Source        string // manual, auto
	Explanation   string
	DeclineReason string
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// Filled for display.
	ReviewerName    string
	ReviewerCountry string
	ReviewerOrgName string
	PracticeTitle   string
	PracticeCountry string
	RoundName       string
	RoundStatus     string
	ProgrammeID     uuid.UUID
}

// Assignment statuses.
const (
	AssignmentAssigned  = "assigned"
	AssignmentAccepted  = "accepted"
	AssignmentDeclined  = "declined"
	AssignmentSubmitted = "submitted"
)

// Review statuses: a review is a draft until its reviewer hands it in.
const (
	ReviewDraft     = "draft"
	ReviewSubmitted = "submitted"
)

// Active reports whether the assignment still counts towards load and staffing.
func (a *Assignment) Active() bool { return a.Status != AssignmentDeclined }

// Score is a reviewer's judgement on one criterion; a nil Value means "not applicable".
type Score struct {
	CriterionKey string
	Value        *float64
	Comment      string
}

// Transferability is how well the practice would travel to the reviewer's own country.
type Transferability struct {
	Rating     *int
	Conditions string
}

// Answer answers one of the practice's learning questions.
type Answer struct {
	Question string
	Answer   string
}

// Review is one reviewer's assessment of one practice revision.
type Review struct {
	AssignmentID    uuid.UUID
	Revision        int
	Scores          []Score
	Strengths       string
	Improvements    string
	Transferability Transferability
	Answers         []Answer
	Recommendation  string
	Confidence      *int
	Status          string // ReviewDraft, ReviewSubmitted
	SubmittedAt     *time.Time
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	// Outcome is stored while the review is submitted; zero for a draft.
	Outcome ReviewOutcome
	// Filled for display and results.
	RoundID       uuid.UUID
	PracticeID    uuid.UUID
	ReviewerID    uuid.UUID
	ReviewerName  string
	ReviewerOrg   string
	ReviewerCntry string
	Blind         bool
	RoundName     string
	RubricID      uuid.UUID
	// Revised: the reviewer revised it once during the rebuttal; its first submission is kept.
	Revised bool
	// ReviewsReleased: the round released its reviews to the organisations before the decision;
	// RebuttalDueAt is then when their window to respond ends.
	ReviewsReleased bool
	RebuttalDueAt   *time.Time
}

// ReviewRevision is a review's first submission, kept when its reviewer revised it during the
// rebuttal.
type ReviewRevision struct {
	AssignmentID    uuid.UUID
	Revision        int
	Scores          []Score
	Strengths       string
	Improvements    string
	Transferability Transferability
	Answers         []Answer
	Recommendation  string
	Confidence      *int
	Outcome         ReviewOutcome
	SubmittedAt     time.Time
	RevisedAt       time.Time
}

// FirstSubmission is what a submitted review keeps when it is revised.
func (r *Review) FirstSubmission(revisedAt time.Time) ReviewRevision {
	var at time.Time
	if r.SubmittedAt != nil {
		at = *r.SubmittedAt
	}
	return ReviewRevision{AssignmentID: r.AssignmentID, Revision: r.Revision, Scores: r.Scores, Strengths: r.Strengths, Improvements: r.Improvements,
		Transferability: r.Transferability, Answers: r.Answers, Recommendation: r.Recommendation, Confidence: r.Confidence, Outcome: r.Outcome,
		SubmittedAt: at, RevisedAt: revisedAt}
}

// AsSubmitted is the review as it read in a kept submission: its content, outcome and status.
func (r Review) AsSubmitted(v ReviewRevision) Review {
	at := v.SubmittedAt
	r.Revision, r.Scores, r.Strengths, r.Improvements = v.Revision, v.Scores, v.Strengths, v.Improvements
	r.Transferability, r.Answers, r.Recommendation, r.Confidence = v.Transferability, v.Answers, v.Recommendation, v.Confidence
	r.Outcome, r.Status, r.SubmittedAt = v.Outcome, ReviewSubmitted, &at
	return r
}

// Submitted reports whether the review was handed in.
func (r *Review) Submitted() bool { return r.Status == ReviewSubmitted }

// Score finds the score for a criterion.
func (r *Review) Score(key string) (Score, bool) {
	for _, s := range r.Scores {
		if s.CriterionKey == key {
			return s, true
		}
	}
	return Score{}, false
}

// CheckReviewDraft lists values a draft may never hold: unknown criteria, values off the scale,
// n/a where the criterion does not allow it, an unknown recommendation.
func CheckReviewDraft(r *Review, rubric *Rubric) []FieldError {
	var errs []FieldError
	seen := map[string]bool{}
	for i, s := range r.Scores {
		f := fmt.Sprintf("scores[%d]", i)
		c, ok := rubric.Criterion(s.CriterionKey)
		if !ok {
			errs = append(errs, FieldError{Field: f + ".criterion_key", Message: "is not a criterion of the round's rubric"})
			continue
		}
		if seen[s.CriterionKey] {
			errs = append(errs, FieldError{Field: f + ".criterion_key", Message: "appears twice"})
		}
		seen[s.CriterionKey] = true
		if s.Value == nil {
			continue // unanswered in a draft, or n/a; completeness is checked on submit
		}
		v := *s.Value
		if v != float64(int(v)) || int(v) < c.Scale.Min || int(v) > c.Scale.Max {
			errs = append(errs, FieldError{Field: f + ".value", Message: fmt.Sprintf("must be a whole number from %d to %d", c.Scale.Min, c.Scale.Max)})
		}
	}
	if r.Recommendation != "" && !slices.Contains(rubric.RecommendationOptions, r.Recommendation) {
		errs = append(errs, FieldError{Field: "recommendation", Message: "is not one of the rubric's options"})
	}
	return errs
}

// ReviewSubmitProblems lists what a review lacks before it can be submitted: every gate and
// scored criterion answered (n/a only where allowed), a comment on every gate, the
// transferability rating, a recommendation, a confidence and an answer to each learning question.
func ReviewSubmitProblems(r *Review, rubric *Rubric, learningQuestions []string) []FieldError {
	var errs []FieldError
	for _, c := range rubric.Criteria {
		s, ok := r.Score(c.Key)
		switch {
		case !ok || (s.Value == nil && !c.AllowNA):
			errs = append(errs, FieldError{Field: "scores." + c.Key, Message: "needs an answer"})
		case c.Gate() && s.Comment == "":
			errs = append(errs, FieldError{Field: "scores." + c.Key + ".comment", Message: "a gate criterion needs a justification"})
		}
	}
	if r.Transferability.Rating == nil {
		errs = append(errs, FieldError{Field: "transferability.rating", Message: "is required"})
	}
	if r.Recommendation == "" {
		errs = append(errs, FieldError{Field: "recommendation", Message: "is required"})
	}
	if r.Confidence == nil {
		errs = append(errs, FieldError{Field: "confidence", Message: "is required"})
	}
	for i, q := range learningQuestions {
		answered := false
		for _, a := range r.Answers {
			if a.Question == q && a.Answer != "" {
				answered = true
			}
		}
		if !answered {
			errs = append(errs, FieldError{Field: fmt.Sprintf("answers[%d]", i), Message: "answer the practice's question: " + q})
		}
	}
	return errs
}

// CanSeeReview applies SPEC §2 to a review listed with others. viewer is the caller's scope in the
// programme; ownSubmitted says whether the caller submitted their own review of the same
// practice in the same round (or is revising it); released says whether the coordinator recorded
// a decision or released the round's reviews for the rebuttal.
func CanSeeReview(s Scope, r *Review, practiceOrg uuid.UUID, ownSubmitted, released bool) bool {
	// Drafts are read through their assignment, never alongside others' reviews.
	if s.Actor == nil || !r.Submitted() {
		return false
	}
	if r.ReviewerID == s.Actor.UserID {
		return true
	}
	switch {
	case s.IsCoordinator():
		return true
	case ownSubmitted:
		return true
	case s.Actor.OrganisationID == practiceOrg && released:
		return true
	}
	return false
}
