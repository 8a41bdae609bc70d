package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// reportResponse is GET /programmes/{id}/report (SPEC §7.6).
type reportResponse struct {
	Programme       programmeResponse         `json:"programme"`
	Lang            string                    `json:"lang"`
	GeneratedAt     time.Time                 `json:"generated_at"`
	Outputs         outputs                   `json:"outputs"`
	Timeline        []monthOutputs            `json:"timeline"`
	Activities      reportActivitiesResponse  `json:"activities"`
	ReviewRounds    []reportRoundResponse     `json:"review_rounds"`
	Adaptations     reportAdaptationsResponse `json:"adaptations"`
	WorkResumption  workResumptionResponse    `json:"work_resumption"`
	Barriers        []keyCount                `json:"barriers"`
	Facilitators    []keyCount                `json:"facilitators"`
	Transferability []transferabilityPairDTO  `json:"transferability"`
	Notes           reportNotesResponse       `json:"notes"`
}

// reportActivitiesResponse is the report's "activities held by country".
type reportActivitiesResponse struct {
	Held          int64                           `json:"held"`
	ByKind        []keyCount                      `json:"by_kind"`
	ByHostCountry []keyCount                      `json:"by_host_country"`
	Participants  []activityParticipationResponse `json:"participants"`
	List          []heldActivityResponse          `json:"list"`
}

type activityParticipationResponse struct {
	Country       string `json:"country"`
	Role          string `json:"role"`
	Organisations int64  `json:"organisations"`
	People        int64  `json:"people"`
}

type heldActivityResponse struct {
	ID               uuid.UUID `json:"id"`
	StartsAt         time.Time `json:"starts_at"`
	Kind             string    `json:"kind"`
	Title            string    `json:"title"`
	HostOrganisation string    `json:"host_organisation_name"`
	HostCountry      string    `json:"host_country"`
}

func toReportActivitiesResponse(a domain.ReportActivities) reportActivitiesResponse {
	return reportActivitiesResponse{Held: a.Held, ByKind: keyCounts(a.ByKind), ByHostCountry: keyCounts(a.ByHostCountry),
		Participants: lists.NonNil(lists.Map(a.Participation, func(p domain.ActivityParticipation) activityParticipationResponse {
			return activityParticipationResponse(p)
		})),
		List: lists.NonNil(lists.Map(a.List, func(h domain.HeldActivity) heldActivityResponse {
			return heldActivityResponse{ID: h.ID, StartsAt: h.StartsAt.UTC(), Kind: h.Kind, Title: h.Title, HostOrganisation: h.HostOrganisation, HostCountry: h.HostCountry}
		}))}
}

type reportRoundResponse struct {
	RoundID   uuid.UUID  `json:"round_id"`
	Name      string     `json:"name"`
	Status    string     `json:"status"`
	Blind     bool       `json:"blind"`
	Practices int        `json:"practices"`
	Decided   int        `json:"decided"`
	Reviews   int        `json:"reviews"`
	Decisions []keyCount `json:"decisions"`
	Agreement struct {
		WeightedScore  weightedScoreAgreementResponse `json:"weighted_score"`
		Criteria       []criterionAgreementResponse   `json:"criteria"`
		Gates          agreementResponse              `json:"gates"`
		Recommendation agreementResponse              `json:"recommendation"`
	} `json:"agreement"`
}

type reportFlowResponse struct {
	FromCountry string     `json:"from_country"`
	ToCountry   string     `json:"to_country"`
	Count       int64      `json:"count"`
	ByFidelity  []keyCount `json:"by_fidelity"`
}

type reportAdaptationsResponse struct {
	ByStage    []keyCount           `json:"by_stage"`
	ByFidelity []keyCount           `json:"by_fidelity"`
	Flows      []reportFlowResponse `json:"flows"`
}

type rateResponse struct {
	Count int64       `json:"count"`
	Of    int64       `json:"of"`
	Rate  *float64    `json:"rate"`
	CI95  *[2]float64 `json:"ci95"`
}

type resumptionResponse struct {
	Adaptations        int64        `json:"adaptations"`
	Participants       int64        `json:"participants"`
	ReturnedToWork     rateResponse `json:"returned_to_work"`
	InWorkAfter6Months rateResponse `json:"in_work_after_6_months"`
}

type practiceResumptionResponse struct {
	PracticeID uuid.UUID `json:"practice_id"`
	Title      string    `json:"title"`
	Country    string    `json:"country"`
	resumptionResponse
}

type countryResumptionResponse struct {
	Country string `json:"country"`
	resumptionResponse
}

type workResumptionResponse struct {
	Total      resumptionResponse           `json:"total"`
	ByPractice []practiceResumptionResponse `json:"by_practice"`
	Practices  int                          `json:"practices"`
	ByCountry  []countryResumptionResponse  `json:"by_country"`
}

type transferabilityPairDTO struct {
	PracticeCountry string  `json:"practice_country"`
	ReviewerCountry string  `json:"reviewer_country"`
	Ratings         int64   `json:"ratings"`
	Mean            float64 `json:"mean"`
}

type reportNotesResponse struct {
	Conclusions   string     `json:"conclusions"`
	PolicyLessons string     `json:"policy_lessons"`
	Version       int        `json:"version"`
	UpdatedAt     *time.Time `json:"updated_at"`
}

// reportNotesRequest replaces the notes; both texts may be empty.
type reportNotesRequest struct {
	Conclusions   string `json:"conclusions" validate:"max=20000"`
	PolicyLessons string `json:"policy_lessons" validate:"max=20000"`
}

func (r reportNotesRequest) toInput() service.ReportNotesInput {
	return service.ReportNotesInput{Conclusions: r.Conclusions, PolicyLessons: r.PolicyLessons}
}

func toReportNotesResponse(n domain.ReportNotes) reportNotesResponse {
	out := reportNotesResponse{Conclusions: n.Conclusions, PolicyLessons: n.PolicyLessons, Version: n.Version}
	if n.UpdatedAt != nil {
		at := n.UpdatedAt.UTC()
		out.UpdatedAt = &at
	}
	return out
}

func toRateResponse(r service.Rate) rateResponse { return rateResponse(r) }

func toResumptionResponse(r service.ResumptionRates) resumptionResponse {
	return resumptionResponse{Adaptations: r.Adaptations, Participants: r.Participants,
		ReturnedToWork: toRateResponse(r.ReturnedToWork), InWorkAfter6Months: toRateResponse(r.InWorkAfter6Months)}
}

func toReportRoundResponse(r service.ReportRound) reportRoundResponse {
	out := reportRoundResponse{RoundID: r.Round.ID, Name: r.Round.Name, Status: r.Round.Status, Blind: r.Round.Blind, Practices: r.Practices,
		Decided: r.Decided, Reviews: r.Reviews, Decisions: keyCounts(r.Decisions)}
	out.Agreement.WeightedScore = weightedScoreAgreementResponse{agreementResponse: agreementResponse(r.WeightedScore), SEM: r.SEM}
	if r.ICC != nil {
		out.Agreement.WeightedScore.ICC = &iccResponse{Single: r.ICC.Single, Average: r.ICC.Average, ReviewsPerPractice: r.ICC.K}
	}
	out.Agreement.Criteria = lists.NonNil(lists.Map(r.Criteria, func(c service.CriterionAgreement) criterionAgreementResponse {
		return criterionAgreementResponse{Key: c.Key, agreementResponse: agreementResponse(c.AgreementFigure)}
	}))
	out.Agreement.Gates, out.Agreement.Recommendation = agreementResponse(r.Gates), agreementResponse(r.Recommendation)
	return out
}

func toReportResponse(r service.Report) reportResponse {
	o := r.Outputs
	out := reportResponse{
		Programme: toProgrammeResponse(r.Programme), Lang: r.Language, GeneratedAt: r.GeneratedAt.UTC(),
		Outputs: outputs{o.InformationExchanged, o.PracticesReviewed, o.ProductsAdapted, o.NewProducts},
		Timeline: lists.NonNil(lists.Map(r.Timeline, func(m domain.MonthOutputs) monthOutputs {
			return monthOutputs{Month: m.Month, outputs: outputs{m.InformationExchanged, m.PracticesReviewed, m.ProductsAdapted, m.NewProducts}}
		})),
		Activities:   toReportActivitiesResponse(r.Activities),
		ReviewRounds: lists.NonNil(lists.Map(r.Rounds, toReportRoundResponse)),
		Adaptations: reportAdaptationsResponse{ByStage: keyCounts(r.ByStage), ByFidelity: keyCounts(r.ByFidelity),
			Flows: lists.NonNil(lists.Map(r.Flows, func(f service.FlowWithFidelity) reportFlowResponse {
				return reportFlowResponse{FromCountry: f.From, ToCountry: f.To, Count: f.Count, ByFidelity: keyCounts(f.ByFidelity)}
			}))},
		WorkResumption: workResumptionResponse{Total: toResumptionResponse(r.Resumption), Practices: r.PracticesWithFollowUps,
			ByPractice: lists.NonNil(lists.Map(r.ByPractice, func(p service.PracticeRates) practiceResumptionResponse {
				return practiceResumptionResponse{PracticeID: p.PracticeID, Title: p.Title, Country: p.Country, resumptionResponse: toResumptionResponse(p.ResumptionRates)}
			})),
			ByCountry: lists.NonNil(lists.Map(r.ByCountry, func(c service.CountryRates) countryResumptionResponse {
				return countryResumptionResponse{Country: c.Country, resumptionResponse: toResumptionResponse(c.ResumptionRates)}
			}))},
		Barriers: keyCounts(r.Barriers), Facilitators: keyCounts(r.Facilitators),
		Transferability: lists.NonNil(lists.Map(r.Transferability, func(t domain.TransferabilityPair) transferabilityPairDTO {
			return transferabilityPairDTO{PracticeCountry: t.PracticeCountry, ReviewerCountry: t.ReviewerCountry, Ratings: t.Ratings, Mean: t.Mean}
		})),
		Notes: toReportNotesResponse(r.Notes),
	}
	return out
}
