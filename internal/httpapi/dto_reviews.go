package httpapi

import (
	"math"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/assign"
	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
	"github.com/peerbridge/peerbridge/internal/stats"
)

type levelRequest struct {
	Value      int    `json:"value" validate:"min=0,max=100"`
	Label      string `json:"label" validate:"required,notblank,max=100"`
	Descriptor string `json:"descriptor" validate:"required,notblank,max=1000"`
}

type criterionRequest struct {
	Key         string         `json:"key" validate:"required,key"`
	Title       string         `json:"title" validate:"required,notblank,max=200"`
	Description string         `json:"description,omitempty" validate:"max=2000"`
	Tier        string         `json:"tier" validate:"required,oneof=gate core qualifier"`
	Weight      float64        `json:"weight" validate:"min=0,max=100"`
	Scale       rangeRequest   `json:"scale"`
	Levels      []levelRequest `json:"levels" validate:"required,min=2,max=11,dive"`
	AllowNA     bool           `json:"allow_na,omitempty"`
	// Translations may be partial; a blank text is "not translated".
	Translations map[string]criterionTextRequest `json:"translations,omitempty" validate:"max=20,dive,keys,lang,endkeys"`
}

type criterionTextRequest struct {
	Title       string             `json:"title,omitempty" validate:"max=200"`
	Description string             `json:"description,omitempty" validate:"max=2000"`
	Levels      []levelTextRequest `json:"levels,omitempty" validate:"max=11,dive"`
}

// levelTextRequest translates the level with the same value; the value must be on the scale.
type levelTextRequest struct {
	Value      int    `json:"value" validate:"min=0,max=100"`
	Label      string `json:"label,omitempty" validate:"max=100"`
	Descriptor string `json:"descriptor,omitempty" validate:"max=1000"`
}

func toCriterionText(t criterionTextRequest) domain.CriterionText {
	return domain.CriterionText{Title: t.Title, Description: t.Description,
		Levels: lists.Map(t.Levels, func(l levelTextRequest) domain.Level { return domain.Level(l) })}
}

type rubricRequest struct {
	Title                 string             `json:"title" validate:"required,notblank,max=200"`
	Criteria              []criterionRequest `json:"criteria,omitempty" validate:"max=40,dive"`
	RecommendationOptions []string           `json:"recommendation_options,omitempty" validate:"max=10,dive,key"`
	BasedOn               *uuid.UUID         `json:"based_on" nullable:"true"`
}

type rubricPatchRequest struct {
	Title                 *string             `json:"title" validate:"omitempty,notblank,max=200"`
	Criteria              *[]criterionRequest `json:"criteria" validate:"omitempty,min=1,max=40,dive"`
	RecommendationOptions *[]string           `json:"recommendation_options" validate:"omitempty,min=1,max=10,dive,key"`
}

func toCriteria(in []criterionRequest) []domain.Criterion {
	out := make([]domain.Criterion, len(in))
	for i, c := range in {
		levels := make([]domain.Level, len(c.Levels))
		for j, l := range c.Levels {
			levels[j] = domain.Level{Value: l.Value, Label: l.Label, Descriptor: l.Descriptor}
		}
		out[i] = domain.Criterion{Key: c.Key, Title: c.Title, Description: c.Description, Tier: c.Tier, Weight: c.Weight,
			Scale: domain.Range{Min: c.Scale.Min, Max: c.Scale.Max}, Levels: levels, AllowNA: c.AllowNA,
			Translations: copyMap(c.Translations, toCriterionText)}
	}
	return out
}

type rubricResponse struct {
	ID                    uuid.UUID           `json:"id"`
	ProgrammeID           uuid.UUID           `json:"programme_id"`
	Number                int                 `json:"number"`
	Title                 string              `json:"title"`
	Status                string              `json:"status"`
	Criteria              []criterionResponse `json:"criteria"`
	RecommendationOptions []string            `json:"recommendation_options"`
	BasedOn               *uuid.UUID          `json:"based_on"`
	InUse                 bool                `json:"in_use"`
	Version               int                 `json:"version"`
	CreatedAt             time.Time           `json:"created_at"`
	UpdatedAt             time.Time           `json:"updated_at"`
}

func toRubricResponse(r domain.Rubric) rubricResponse {
	return rubricResponse{ID: r.ID, ProgrammeID: r.ProgrammeID, Number: r.Number, Title: r.Title, Status: r.Status, Criteria: toCriterionResponses(r.Criteria),
		RecommendationOptions: r.RecommendationOptions, BasedOn: r.BasedOn, InUse: r.InUse, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

type roundRequest struct {
	Name                 string     `json:"name" validate:"required,notblank,max=200"`
	RubricID             *uuid.UUID `json:"rubric_id"`
	OpensAt              *time.Time `json:"opens_at" nullable:"true"`
	DueAt                time.Time  `json:"due_at" validate:"required"`
	RebuttalDueAt        *time.Time `json:"rebuttal_due_at" nullable:"true"`
	ReviewersPerPractice int        `json:"reviewers_per_practice" validate:"required,min=1,max=10"`
	MaxLoad              int        `json:"max_load" validate:"required,min=1,max=100"`
	Blind                *bool      `json:"blind"`
	CrossBorder          *bool      `json:"cross_border"`
	CallID               *uuid.UUID `json:"call_id" nullable:"true"`
}

func (r roundRequest) toInput() service.RoundInput {
	in := service.RoundInput{CallID: r.CallID, Name: r.Name, RubricID: r.RubricID, OpensAt: r.OpensAt, DueAt: r.DueAt, RebuttalDueAt: r.RebuttalDueAt, ReviewersPerPractice: r.ReviewersPerPractice,
		MaxLoad: r.MaxLoad, Blind: true, CrossBorder: true}
	if r.Blind != nil {
		in.Blind = *r.Blind
	}
	if r.CrossBorder != nil {
		in.CrossBorder = *r.CrossBorder
	}
	return in
}

type roundPatchRequest struct {
	Name                 *string             `json:"name" validate:"omitempty,notblank,max=200"`
	RubricID             *uuid.UUID          `json:"rubric_id"`
	OpensAt              Nullable[time.Time] `json:"opens_at"`
	DueAt                *time.Time          `json:"due_at"`
	RebuttalDueAt        Nullable[time.Time] `json:"rebuttal_due_at"`
	ReviewersPerPractice *int                `json:"reviewers_per_practice" validate:"omitempty,min=1,max=10"`
	MaxLoad              *int                `json:"max_load" validate:"omitempty,min=1,max=100"`
	Blind                *bool               `json:"blind"`
	CrossBorder          *bool               `json:"cross_border"`
}

func (r roundPatchRequest) toPatch() service.RoundPatch {
	return service.RoundPatch{Name: r.Name, RubricID: r.RubricID, OpensAt: r.OpensAt.patch(), DueAt: r.DueAt, RebuttalDueAt: r.RebuttalDueAt.patch(),
		ReviewersPerPractice: r.ReviewersPerPractice, MaxLoad: r.MaxLoad, Blind: r.Blind, CrossBorder: r.CrossBorder}
}

type roundResponse struct {
	ID                   uuid.UUID  `json:"id"`
	ProgrammeID          uuid.UUID  `json:"programme_id"`
	Name                 string     `json:"name"`
	RubricID             uuid.UUID  `json:"rubric_id"`
	Status               string     `json:"status"`
	OpensAt              *time.Time `json:"opens_at"`
	DueAt                time.Time  `json:"due_at"`
	RebuttalDueAt        *time.Time `json:"rebuttal_due_at"`
	ReviewsReleasedAt    *time.Time `json:"reviews_released_at"`
	ReviewersPerPractice int        `json:"reviewers_per_practice"`
	MaxLoad              int        `json:"max_load"`
	Blind                bool       `json:"blind"`
	CrossBorder          bool       `json:"cross_border"`
	CallID               *uuid.UUID `json:"call_id"`
	PracticeCount        int        `json:"practice_count"`
	Version              int        `json:"version"`
	CreatedAt            time.Time  `json:"created_at"`
	UpdatedAt            time.Time  `json:"updated_at"`
}

func toRoundResponse(r domain.Round) roundResponse {
	return roundResponse{ID: r.ID, ProgrammeID: r.ProgrammeID, Name: r.Name, RubricID: r.RubricID, Status: r.Status, OpensAt: r.OpensAt, DueAt: r.DueAt.UTC(),
		RebuttalDueAt: utcPtr(r.RebuttalDueAt), ReviewsReleasedAt: utcPtr(r.ReviewsReleasedAt), ReviewersPerPractice: r.ReviewersPerPractice, MaxLoad: r.MaxLoad, Blind: r.Blind, CrossBorder: r.CrossBorder, CallID: r.CallID, PracticeCount: r.PracticeCount,
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

type roundPracticesRequest struct {
	PracticeIDs []uuid.UUID `json:"practice_ids" validate:"required,min=1,max=500,unique"`
}

type assignmentRequest struct {
	PracticeID uuid.UUID `json:"practice_id" validate:"required"`
	ReviewerID uuid.UUID `json:"reviewer_id" validate:"required"`
}

type declineRequest struct {
	Reason   string `json:"reason" validate:"required,notblank,max=1000"`
	Conflict bool   `json:"conflict,omitempty"`
}

type extendRequest struct {
	DueAt time.Time `json:"due_at" validate:"required"`
}

type autoAssignRequest struct {
	DryRun bool `json:"dry_run"`
}

type releaseReviewsRequest struct {
	Force bool `json:"force"`
}

type assignmentResponse struct {
	ID            uuid.UUID `json:"id"`
	RoundID       uuid.UUID `json:"round_id"`
	RoundName     string    `json:"round_name"`
	PracticeID    uuid.UUID `json:"practice_id"`
	PracticeTitle string    `json:"practice_title"`
	ReviewerID    uuid.UUID `json:"reviewer_id"`
	ReviewerName  string    `json:"reviewer_name"`
	ReviewerCntry string    `json:"reviewer_country"`
	Status        string    `json:"status"`
	DueAt         time.Time `json:"due_at"`
	Source        string    `json:"source"`
	Explanation   string    `json:"explanation"`
	DeclineReason string    `json:"decline_reason,omitempty"`
	Version       int       `json:"version"`
	CreatedAt     time.Time `json:"created_at"`
}

func toAssignmentResponse(a domain.Assignment) assignmentResponse {
	return assignmentResponse{ID: a.ID, RoundID: a.RoundID, RoundName: a.RoundName, PracticeID: a.PracticeID, PracticeTitle: a.PracticeTitle,
		ReviewerID: a.ReviewerID, ReviewerName: a.ReviewerName, ReviewerCntry: a.ReviewerCountry, Status: a.Status, DueAt: a.DueAt.UTC(), Source: a.Source,
		Explanation: a.Explanation, DeclineReason: a.DeclineReason, Version: a.Version, CreatedAt: a.CreatedAt.UTC()}
}

type autoAssignResponse struct {
	DryRun      bool                 `json:"dry_run"`
	Assignments []autoAssignmentItem `json:"assignments"`
	Unstaffed   []unstaffedItem      `json:"unstaffed"`
}

type autoAssignmentItem struct {
	PracticeID    uuid.UUID   `json:"practice_id"`
	PracticeTitle string      `json:"practice_title"`
	ReviewerID    uuid.UUID   `json:"reviewer_id"`
	ReviewerName  string      `json:"reviewer_name"`
	ReviewerCntry string      `json:"reviewer_country"`
	Explanation   string      `json:"explanation"`
	Reasons       pairReasons `json:"reasons"`
	AssignmentID  *uuid.UUID  `json:"assignment_id,omitempty"`
}

// pairReasons are the facts behind a proposed pair, for clients that write them in their own words.
type pairReasons struct {
	ReviewerCountry string   `json:"reviewer_country"`
	PracticeCountry string   `json:"practice_country"`
	Languages       []string `json:"languages"`
	Expertise       []string `json:"expertise"`
	Load            int      `json:"load"`
	MaxLoad         int      `json:"max_load"`
	SharesCountry   bool     `json:"shares_country"`
	Bid             *string  `json:"bid"` // the reviewer's bid on the practice, null without one
}

type unstaffedItem struct {
	PracticeID uuid.UUID   `json:"practice_id"`
	Missing    int         `json:"missing"`
	Found      int         `json:"found"`
	Blocked    []ruleCount `json:"blocked"`
	Reason     string      `json:"reason"`
}

type ruleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

func toAutoAssignResponse(r service.AutoAssignResult, dryRun bool) autoAssignResponse {
	out := autoAssignResponse{DryRun: dryRun, Assignments: []autoAssignmentItem{}, Unstaffed: []unstaffedItem{}}
	for i, a := range r.Assignments {
		it := autoAssignmentItem{PracticeID: a.PracticeID, PracticeTitle: a.PracticeTitle, ReviewerID: a.ReviewerID, ReviewerName: a.ReviewerName,
			ReviewerCntry: a.ReviewerCountry, Explanation: a.Explanation}
		if i < len(r.Reasons) {
			x := r.Reasons[i]
			it.Reasons = pairReasons{ReviewerCountry: x.ReviewerCountry, PracticeCountry: x.PracticeCountry, Languages: lists.NonNil(x.Languages),
				Expertise: lists.NonNil(x.Expertise), Load: x.Load, MaxLoad: x.MaxLoad, SharesCountry: x.SharesCountry}
			if x.Bid != "" {
				bid := string(x.Bid)
				it.Reasons.Bid = &bid
			}
		}
		if r.Committed {
			id := a.ID
			it.AssignmentID = &id
		}
		out.Assignments = append(out.Assignments, it)
	}
	for _, u := range r.Unstaffed {
		out.Unstaffed = append(out.Unstaffed, toUnstaffed(u))
	}
	return out
}

func toUnstaffed(u assign.Unstaffed) unstaffedItem {
	id, _ := uuid.Parse(u.PracticeID)
	blocked := lists.Map(u.Excluded, func(c assign.RuleCount) ruleCount { return ruleCount{Rule: c.Rule, Count: c.Count} })
	return unstaffedItem{PracticeID: id, Missing: u.Missing, Found: u.Found, Blocked: lists.NonNil(blocked), Reason: u.Reason}
}

type scoreRequest struct {
	CriterionKey string   `json:"criterion_key" validate:"required,key"`
	Value        *float64 `json:"value" nullable:"true"`
	Comment      string   `json:"comment,omitempty" validate:"max=5000"`
}

type transferabilityRequest struct {
	Rating     *int   `json:"rating" nullable:"true" validate:"omitempty,min=1,max=5"`
	Conditions string `json:"conditions,omitempty" validate:"max=5000"`
}

type answerRequest struct {
	Question string `json:"question" validate:"required,max=500"`
	Answer   string `json:"answer,omitempty" validate:"max=5000"`
}

type reviewRequest struct {
	Scores          []scoreRequest         `json:"scores,omitempty" validate:"max=40,dive"`
	Strengths       string                 `json:"strengths,omitempty" validate:"max=10000"`
	Improvements    string                 `json:"improvements,omitempty" validate:"max=10000"`
	Transferability transferabilityRequest `json:"transferability,omitempty"`
	Answers         []answerRequest        `json:"answers,omitempty" validate:"max=10,dive"`
	Recommendation  string                 `json:"recommendation,omitempty" validate:"omitempty,key"`
	Confidence      *int                   `json:"confidence" nullable:"true" validate:"omitempty,min=1,max=5"`
}

func (r reviewRequest) toInput() service.ReviewInput {
	scores := make([]domain.Score, len(r.Scores))
	for i, s := range r.Scores {
		scores[i] = domain.Score{CriterionKey: s.CriterionKey, Value: s.Value, Comment: s.Comment}
	}
	answers := make([]domain.Answer, len(r.Answers))
	for i, a := range r.Answers {
		answers[i] = domain.Answer{Question: a.Question, Answer: a.Answer}
	}
	return service.ReviewInput{Scores: scores, Strengths: r.Strengths, Improvements: r.Improvements,
		Transferability: domain.Transferability{Rating: r.Transferability.Rating, Conditions: r.Transferability.Conditions},
		Answers:         answers, Recommendation: r.Recommendation, Confidence: r.Confidence}
}

type reviewerRef struct {
	ID           *uuid.UUID `json:"id,omitempty"`
	Name         string     `json:"name,omitempty"`
	Organisation string     `json:"organisation,omitempty"`
	Country      string     `json:"country,omitempty"`
	Label        string     `json:"label,omitempty"`
}

type reviewResponse struct {
	AssignmentID     *uuid.UUID              `json:"assignment_id,omitempty"`
	RoundID          uuid.UUID               `json:"round_id"`
	RoundName        string                  `json:"round_name,omitempty"`
	PracticeID       uuid.UUID               `json:"practice_id"`
	RubricID         *uuid.UUID              `json:"rubric_id,omitempty"`
	Reviewer         reviewerRef             `json:"reviewer"`
	Revision         int                     `json:"revision"`
	Scores           []scoreResponse         `json:"scores"`
	Strengths        string                  `json:"strengths"`
	Improvements     string                  `json:"improvements"`
	Transferability  transferabilityResponse `json:"transferability"`
	Answers          []answerResponse        `json:"answers"`
	Recommendation   string                  `json:"recommendation"`
	Confidence       *int                    `json:"confidence"`
	Status           string                  `json:"status"`
	SubmittedAt      *time.Time              `json:"submitted_at"`
	AssignmentStatus string                  `json:"assignment_status,omitempty"`
	DueAt            *time.Time              `json:"due_at,omitempty"`
	Revised          bool                    `json:"revised"`
	Revisable        *bool                   `json:"revisable,omitempty"`
	FirstSubmission  *reviewRevisionResponse `json:"first_submission,omitempty"`
	Responses        []responseResponse      `json:"responses,omitempty"`
	Version          int                     `json:"version"`
	UpdatedAt        time.Time               `json:"updated_at"`
}

// reviewRevisionResponse is a revised review's first submission, as its reviewer and the
// coordinators read it next to the revised one.
type reviewRevisionResponse struct {
	Revision        int                     `json:"revision"`
	Scores          []scoreResponse         `json:"scores"`
	Strengths       string                  `json:"strengths"`
	Improvements    string                  `json:"improvements"`
	Transferability transferabilityResponse `json:"transferability"`
	Answers         []answerResponse        `json:"answers"`
	Recommendation  string                  `json:"recommendation"`
	Confidence      *int                    `json:"confidence"`
	SubmittedAt     time.Time               `json:"submitted_at"`
	RevisedAt       time.Time               `json:"revised_at"`
}

func toReviewRevisionResponse(v *domain.ReviewRevision) *reviewRevisionResponse {
	if v == nil {
		return nil
	}
	return &reviewRevisionResponse{Revision: v.Revision, Scores: toScoreResponses(v.Scores), Strengths: v.Strengths, Improvements: v.Improvements,
		Transferability: transferabilityResponse(v.Transferability), Answers: toAnswerResponses(v.Answers), Recommendation: v.Recommendation,
		Confidence: v.Confidence, SubmittedAt: v.SubmittedAt.UTC(), RevisedAt: v.RevisedAt.UTC()}
}

func reviewBody(r domain.Review) reviewResponse {
	rubric := r.RubricID
	return reviewResponse{RoundID: r.RoundID, RoundName: r.RoundName, RubricID: &rubric, PracticeID: r.PracticeID, Revision: r.Revision, Scores: toScoreResponses(r.Scores), Strengths: r.Strengths,
		Improvements: r.Improvements, Transferability: transferabilityResponse(r.Transferability), Answers: toAnswerResponses(r.Answers), Recommendation: r.Recommendation, Confidence: r.Confidence,
		Status: r.Status, SubmittedAt: r.SubmittedAt, Revised: r.Revised, Version: r.Version, UpdatedAt: r.UpdatedAt.UTC()}
}

func toOwnReviewResponse(v service.ReviewView) reviewResponse {
	out := reviewBody(v.Review)
	id, rid := v.AssignmentID, v.ReviewerID
	out.AssignmentID = &id
	due := v.Assignment.DueAt.UTC()
	out.AssignmentStatus, out.DueAt = v.Assignment.Status, &due
	out.Reviewer = reviewerRef{ID: &rid, Name: v.ReviewerName, Organisation: v.ReviewerOrg, Country: v.ReviewerCntry}
	revisable := v.Revisable
	out.Revisable = &revisable
	out.FirstSubmission = toReviewRevisionResponse(v.FirstSubmission)
	for _, r := range v.Responses {
		out.Responses = append(out.Responses, toResponseResponse(r))
	}
	return out
}

// toPracticeReviewResponse shows a review as its reader may see it: in a blind round the
// practice's organisation gets a label and nothing else about the reviewer — no id, name,
// organisation, country or assignment id.
func toPracticeReviewResponse(v service.PracticeReview) reviewResponse {
	out := reviewBody(v.Review)
	if v.Anonymous {
		out.Reviewer = reviewerRef{Label: "Reviewer " + v.Label}
		return out
	}
	id, rid := v.AssignmentID, v.ReviewerID
	out.AssignmentID = &id
	out.Reviewer = reviewerRef{ID: &rid, Name: v.ReviewerName, Organisation: v.ReviewerOrg, Country: v.ReviewerCntry}
	out.FirstSubmission = toReviewRevisionResponse(v.FirstSubmission)
	return out
}

type decisionRequest struct {
	RoundID   uuid.UUID `json:"round_id" validate:"required"`
	Outcome   string    `json:"outcome" validate:"required,oneof=good_practice promising_practice revision_requested not_retained"`
	Rationale string    `json:"rationale" validate:"required,notblank,max=10000"`
}

type responseRequest struct {
	RoundID uuid.UUID `json:"round_id" validate:"required"`
	Body    string    `json:"body" validate:"required,notblank,max=10000"`
}

type decisionResponse struct {
	RoundID    uuid.UUID `json:"round_id"`
	PracticeID uuid.UUID `json:"practice_id"`
	Outcome    string    `json:"outcome"`
	Rationale  string    `json:"rationale"`
	DecidedAt  time.Time `json:"decided_at"`
}

type responseResponse struct {
	ID         uuid.UUID `json:"id"`
	RoundID    uuid.UUID `json:"round_id"`
	PracticeID uuid.UUID `json:"practice_id"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

func toResponseResponse(r domain.ReviewResponse) responseResponse {
	return responseResponse{ID: r.ID, RoundID: r.RoundID, PracticeID: r.PracticeID, AuthorName: r.AuthorName, Body: r.Body, CreatedAt: r.CreatedAt.UTC()}
}

type practiceReviewsResponse struct {
	Reviews   []reviewResponse   `json:"reviews"`
	Decisions []decisionResponse `json:"decisions"`
	Responses []responseResponse `json:"responses"`
	Rebuttals []rebuttalResponse `json:"rebuttals"`
}

type rebuttalResponse struct {
	RoundID       uuid.UUID  `json:"round_id"`
	RoundName     string     `json:"round_name"`
	RebuttalDueAt *time.Time `json:"rebuttal_due_at"`
	Open          bool       `json:"open"`
}

type summaryResponse struct {
	N      int     `json:"n"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	SD     float64 `json:"sd"`
}

func toSummary(s stats.Summary) summaryResponse {
	r := func(x float64) float64 { return math.Round(x*100) / 100 }
	return summaryResponse{N: s.N, Mean: r(s.Mean), Median: r(s.Median), Min: r(s.Min), Max: r(s.Max), SD: r(s.SD)}
}

type criterionResultResponse struct {
	Key string `json:"key"`
	summaryResponse
}

type practiceResultResponse struct {
	PracticeID            uuid.UUID                 `json:"practice_id"`
	Title                 string                    `json:"title"`
	Country               string                    `json:"country"`
	Reviews               int                       `json:"reviews"`
	GatesPassed           *bool                     `json:"gates_passed"`
	WeightedScore         *float64                  `json:"weighted_score"`
	WeightedScoreSummary  summaryResponse           `json:"weighted_score_summary"`
	Criteria              []criterionResultResponse `json:"criteria"`
	ReviewerAdjustedScore *float64                  `json:"reviewer_adjusted_score"`
	SpreadFlag            bool                      `json:"spread_flag"`
	SpreadLimit           *float64                  `json:"spread_limit"`
	SuggestExtraReviewer  bool                      `json:"suggest_extra_reviewer"`
	Decision              string                    `json:"decision,omitempty"`
}

// agreementResponse is one agreement figure of SPEC §7.3.
type agreementResponse struct {
	Alpha          *float64    `json:"alpha"`
	Units          int         `json:"units"`
	PairableValues int         `json:"pairable_values"`
	CI95           *[2]float64 `json:"ci95"`
	PBelow667      *float64    `json:"p_below_667"`
	Reading        string      `json:"reading"`
}

// weightedScoreAgreementResponse is the agreement on the weighted score, with the one-way ICC and
// the round's SEM.
type weightedScoreAgreementResponse struct {
	agreementResponse
	ICC *iccResponse `json:"icc"`
	SEM *float64     `json:"sem"`
}

type iccResponse struct {
	Single             float64 `json:"single"`
	Average            float64 `json:"average"`
	ReviewsPerPractice float64 `json:"reviews_per_practice"`
}

type criterionAgreementResponse struct {
	Key string `json:"key"`
	agreementResponse
}

type resultsResponse struct {
	Round     roundResponse            `json:"round"`
	Practices []practiceResultResponse `json:"practices"`
	Page      int                      `json:"page"`
	PageSize  int                      `json:"page_size"`
	Total     int                      `json:"total"`
	Agreement struct {
		WeightedScoreAlpha *float64                       `json:"weighted_score_alpha"`
		WeightedScore      weightedScoreAgreementResponse `json:"weighted_score"`
		Criteria           []criterionAgreementResponse   `json:"criteria"`
		Gates              agreementResponse              `json:"gates"`
		Recommendation     agreementResponse              `json:"recommendation"`
	} `json:"agreement"`
	Completion struct {
		Practices int `json:"practices"`
		Decided   int `json:"decided"`
		Assigned  int `json:"assigned"`
		Accepted  int `json:"accepted"`
		Declined  int `json:"declined"`
		Submitted int `json:"submitted"`
		Overdue   int `json:"overdue"`
	} `json:"completion"`
}

func toResultsResponse(r service.RoundResults) resultsResponse {
	var out resultsResponse
	out.Round = toRoundResponse(r.Round)
	out.Page, out.PageSize, out.Total = r.Page, r.PageSize, r.Total
	out.Practices = []practiceResultResponse{}
	for _, p := range r.Practices {
		pr := practiceResultResponse{PracticeID: p.PracticeID, Title: p.Title, Country: p.Country, Reviews: p.Reviews, GatesPassed: p.GatesPassed,
			WeightedScore: p.WeightedScore, WeightedScoreSummary: toSummary(p.ScoreSummary), SpreadFlag: p.SpreadFlag,
			ReviewerAdjustedScore: p.ReviewerAdjustedScore, SpreadLimit: p.SpreadLimit,
			SuggestExtraReviewer: p.SuggestExtraReviewer, Decision: p.Decision, Criteria: []criterionResultResponse{}}
		for _, c := range p.Criteria {
			pr.Criteria = append(pr.Criteria, criterionResultResponse{Key: c.Key, summaryResponse: toSummary(c.Summary)})
		}
		out.Practices = append(out.Practices, pr)
	}
	out.Agreement.WeightedScoreAlpha = r.WeightedScoreAlpha
	out.Agreement.Gates, out.Agreement.Recommendation = agreementResponse(r.Gates), agreementResponse(r.Recommendation)
	out.Agreement.WeightedScore = weightedScoreAgreementResponse{agreementResponse: agreementResponse(r.WeightedScore), SEM: r.SEM}
	if r.ICC != nil {
		out.Agreement.WeightedScore.ICC = &iccResponse{Single: r.ICC.Single, Average: r.ICC.Average, ReviewsPerPractice: r.ICC.K}
	}
	out.Agreement.Criteria = []criterionAgreementResponse{}
	for _, c := range r.Criteria {
		out.Agreement.Criteria = append(out.Agreement.Criteria, criterionAgreementResponse{Key: c.Key, agreementResponse: agreementResponse(c.AgreementFigure)})
	}
	c := r.Completion
	out.Completion.Practices, out.Completion.Decided, out.Completion.Assigned = c.Practices, c.Decided, c.Assigned
	out.Completion.Accepted, out.Completion.Declined, out.Completion.Submitted, out.Completion.Overdue = c.Accepted, c.Declined, c.Submitted, c.Overdue
	return out
}

type notificationResponse struct {
	ID          uuid.UUID         `json:"id"`
	Kind        string            `json:"kind"`
	ProgrammeID *uuid.UUID        `json:"programme_id"`
	SubjectType string            `json:"subject_type"`
	SubjectID   uuid.UUID         `json:"subject_id"`
	Params      map[string]string `json:"params"`
	CreatedAt   time.Time         `json:"created_at"`
	ReadAt      *time.Time        `json:"read_at"`
}

func toNotificationResponse(n domain.Notification) notificationResponse {
	params := n.Params
	if params == nil {
		params = map[string]string{}
	}
	return notificationResponse{ID: n.ID, Kind: n.Kind, ProgrammeID: n.ProgrammeID, SubjectType: n.SubjectType, SubjectID: n.SubjectID, Params: params,
		CreatedAt: n.CreatedAt.UTC(), ReadAt: n.ReadAt}
}

// markReadRequest names the notifications to mark read, or says all of them; an empty request
// is refused rather than read as "everything".
type markReadRequest struct {
	IDs []uuid.UUID `json:"ids,omitempty" validate:"omitempty,min=1,max=500"`
	All bool        `json:"all,omitempty"`
}

type preferenceRequest struct {
	Email string `json:"email" validate:"required,oneof=immediate daily off"`
}

type rangeRequest struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

type criterionResponse struct {
	Key          string                           `json:"key"`
	Title        string                           `json:"title"`
	Description  string                           `json:"description"`
	Tier         string                           `json:"tier"`
	Weight       float64                          `json:"weight"`
	Scale        rangeResponse                    `json:"scale"`
	Levels       []levelResponse                  `json:"levels"`
	AllowNA      bool                             `json:"allow_na"`
	Translations map[string]criterionTextResponse `json:"translations"`
}

type criterionTextResponse struct {
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Levels      []levelResponse `json:"levels"`
}

type rangeResponse struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

type levelResponse struct {
	Value      int    `json:"value"`
	Label      string `json:"label"`
	Descriptor string `json:"descriptor"`
}

func toCriterionResponses(in []domain.Criterion) []criterionResponse {
	return lists.Map(in, func(c domain.Criterion) criterionResponse {
		return criterionResponse{Key: c.Key, Title: c.Title, Description: c.Description, Tier: c.Tier, Weight: c.Weight,
			Scale: rangeResponse(c.Scale), Levels: lists.Map(c.Levels, func(l domain.Level) levelResponse { return levelResponse(l) }), AllowNA: c.AllowNA,
			Translations: toCriterionTextResponses(c.Translations)}
	})
}

func toCriterionTextResponses(in map[string]domain.CriterionText) map[string]criterionTextResponse {
	out := make(map[string]criterionTextResponse, len(in))
	for lang, t := range in {
		out[lang] = criterionTextResponse{Title: t.Title, Description: t.Description,
			Levels: lists.NonNil(lists.Map(t.Levels, func(l domain.Level) levelResponse { return levelResponse(l) }))}
	}
	return out
}

type scoreResponse struct {
	CriterionKey string   `json:"criterion_key"`
	Value        *float64 `json:"value"`
	Comment      string   `json:"comment"`
}

func toScoreResponses(in []domain.Score) []scoreResponse {
	return lists.Map(in, func(s domain.Score) scoreResponse { return scoreResponse(s) })
}

type transferabilityResponse struct {
	Rating     *int   `json:"rating"`
	Conditions string `json:"conditions"`
}

type answerResponse struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

func toAnswerResponses(in []domain.Answer) []answerResponse {
	return lists.Map(in, func(a domain.Answer) answerResponse { return answerResponse(a) })
}

// utcPtr writes an optional time in UTC, as every timestamp of the API.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
