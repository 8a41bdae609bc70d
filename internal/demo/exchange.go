package demo

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

func at(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func iptr(i int) *int             { return &i }
func fptr(f float64) *float64     { return &f }
func uptr(u uuid.UUID) *uuid.UUID { return &u }

// demoReview is one submitted review of the spring round.
type demoReview struct {
	practice, reviewer string
	scored             float64 // the value given to every scored criterion
	strengths          string
	improvements       string
	rating             int
	conditions         string
}

var springReviews = []demoReview{
	{"rentree", "reviewer.de@peerbridge.example", 4, "One coach from diagnosis to work: clear roles, and employers are involved early.",
		"Report how many people kept their job after a year.", 4, "Needs agreements with hospitals about early referral."},
	{"rentree", "reviewer.fi@peerbridge.example", 4, "The monthly review of the return plan is simple and effective.",
		"Costs per participant are not reported.", 4, "Works where occupational health services are part of primary care."},
	{"bilan", "partner.ie@peerbridge.example", 3, "Fatigue is assessed systematically, which is rare.",
		"The comparison group in the evaluation is small.", 3, "Needs access to occupational therapists."},
	{"bilan", "reviewer.de@peerbridge.example", 3, "A well evaluated assessment with a clear link to the occupational physician.",
		"Describe what happens when the employer refuses adjustments.", 4, "Works where the occupational physician has a legal role."},
}

// seedExchange loads what happened in the cancer programme: a decided review round, comments,
// adaptations of the published practices in other countries with their outcomes, and a new
// product derived from them. Fixed ids keep it idempotent.
func seedExchange(ctx context.Context, store *postgres.Store) error {
	roundID := ID("round", "spring")
	if _, err := store.Round(ctx, roundID, false); err == nil {
		return nil // already loaded
	} else if !domain.IsCode(err, domain.CodeNotFound) {
		return err
	}
	prog := ID("programme", cancer)
	return store.WithTx(ctx, func(ctx context.Context) error {
		rubric, err := store.ActiveRubric(ctx, prog)
		if err != nil {
			return err
		}
		if _, err := store.CreateRound(ctx, domain.Round{ID: roundID, ProgrammeID: prog, Name: "Spring 2026 review round", RubricID: rubric.ID,
			Status: domain.RoundDecided, OpensAt: tptr(at("2026-03-01T09:00:00Z")), DueAt: at("2026-04-10T17:00:00Z"), ReviewersPerPractice: 2,
			MaxLoad: 3, Blind: true, CrossBorder: true}); err != nil {
			return err
		}
		if err := store.AddRoundPractices(ctx, roundID, []domain.RoundPractice{{PracticeID: ID("practice", "rentree"), Revision: 1},
			{PracticeID: ID("practice", "bilan"), Revision: 1}}); err != nil {
			return err
		}
		for i, r := range springReviews {
			aid := ID("assignment", r.practice+r.reviewer)
			if err := store.CreateAssignments(ctx, []domain.Assignment{{ID: aid, RoundID: roundID, PracticeID: ID("practice", r.practice),
				ReviewerID: ID("user", r.reviewer), DueAt: at("2026-04-10T17:00:00Z"), Source: "auto",
				Explanation: "Reviewer from another country who reads the practice's language."}}, map[uuid.UUID]int{ID("practice", r.practice): 1}); err != nil {
				return err
			}
			var scores []domain.Score
			for _, c := range rubric.Criteria {
				v := r.scored
				comment := ""
				if c.Gate() {
					v, comment = 1, "Clearly met."
				}
				scores = append(scores, domain.Score{CriterionKey: c.Key, Value: fptr(v), Comment: comment})
			}
			p, err := store.Practice(ctx, ID("practice", r.practice), false)
			if err != nil {
				return err
			}
			var answers []domain.Answer
			for _, q := range p.Content.LearningQuestions {
				answers = append(answers, domain.Answer{Question: q, Answer: "In our country this would start with the occupational health service."})
			}
			submitted := at("2026-04-0" + string(rune('2'+i)) + "T15:00:00Z")
			review, err := store.Review(ctx, aid, false)
			if err != nil {
				return err
			}
			review.Scores, review.Strengths, review.Improvements, review.Answers = scores, r.strengths, r.improvements, answers
			review.Transferability = domain.Transferability{Rating: iptr(r.rating), Conditions: r.conditions}
			review.Recommendation, review.Confidence, review.Status, review.SubmittedAt = "good_practice", iptr(4), domain.ReviewSubmitted, &submitted
			review.Outcome = review.ComputeOutcome(&rubric) // stored with the review, as SubmitReview does
			if _, err := store.SaveReview(ctx, review, review.Version); err != nil {
				return err
			}
			a, err := store.Assignment(ctx, aid, false)
			if err != nil {
				return err
			}
			if err := store.SetAssignmentStatus(ctx, aid, a.Version, domain.AssignmentSubmitted, ""); err != nil {
				return err
			}
		}
		for _, key := range []string{"rentree", "bilan"} {
			if err := store.InsertDecision(ctx, domain.DecisionRecord{RoundID: roundID, PracticeID: ID("practice", key), Outcome: domain.OutcomeGoodPractice,
				Rationale: "Reviewers from two other countries found the practice relevant, well documented and transferable with local adjustments.",
				DecidedBy: ID("user", "coordinator@peerbridge.example"), DecidedAt: at("2026-04-20T14:00:00Z")}); err != nil {
				return err
			}
		}
		if err := store.InsertResponse(ctx, domain.ReviewResponse{ID: ID("response", "rentree"), RoundID: roundID, PracticeID: ID("practice", "rentree"),
			AuthorID: ID("user", "partner.be@peerbridge.example"), Body: "Thank you. We now follow participants for two years and will report costs per trajectory."}); err != nil {
			return err
		}
		if err := seedComments(ctx, store); err != nil {
			return err
		}
		if err := seedAdaptations(ctx, store); err != nil {
			return err
		}
		// Spread the history over the months it happened in, for the dashboard's timeline.
		for _, q := range []string{
			`UPDATE review_responses SET created_at = '2026-04-28T10:00:00Z' WHERE id = '` + ID("response", "rentree").String() + `'`,
			`UPDATE assignments SET created_at = '2026-03-01T09:00:00Z' WHERE round_id = '` + roundID.String() + `'`,
		} {
			if err := store.Exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}

func tptr(t time.Time) *time.Time { return &t }

type demoComment struct {
	key, practice, author, body, at string
	parent                          string
}

var demoComments = []demoComment{
	{"c1", "rentree", "partner.nl@peerbridge.example", "How do you get the first contact within weeks of the diagnosis? In the Netherlands the employer's occupational physician usually comes first.", "2026-02-20T10:00:00Z", ""},
	{"c2", "rentree", "partner.be@peerbridge.example", "Through two hospitals: their social workers tell patients about us during treatment.", "2026-02-21T09:30:00Z", "c1"},
	{"c3", "bilan", "partner.ie@peerbridge.example", "Which fatigue scale do you use, and is it available in English?", "2026-03-12T14:00:00Z", ""},
	{"c4", "bilan", "partner.fr@peerbridge.example", "We use a short multidimensional scale; an English version exists and we can share our scoring sheet.", "2026-03-13T08:15:00Z", "c3"},
	{"c5", "placements-logistics", "zorg.nl@peerbridge.example", "Hoe regelen jullie de verzekering tijdens de werk-leerplek?", "2026-05-06T11:00:00Z", ""},
}

func seedComments(ctx context.Context, store *postgres.Store) error {
	for _, c := range demoComments {
		p, err := store.Practice(ctx, ID("practice", c.practice), false)
		if err != nil {
			return err
		}
		var parent *uuid.UUID
		if c.parent != "" {
			parent = uptr(ID("comment", c.parent))
		}
		if _, err := store.CreateComment(ctx, domain.Comment{ID: ID("comment", c.key), ProgrammeID: p.ProgrammeID, SubjectType: "practice", SubjectID: p.ID,
			ParentID: parent, AuthorID: ID("user", c.author), Body: c.body}); err != nil {
			return err
		}
		if err := store.Exec(ctx, `UPDATE comments SET created_at = '`+c.at+`' WHERE id = '`+ID("comment", c.key).String()+`'`); err != nil {
			return err
		}
	}
	return nil
}

type demoAdaptation struct {
	key, practice, product, org, author, country, title, context, stage, createdAt string
	frame                                                                          domain.Frame
	barriers, facilitators                                                         []string
	outcomes                                                                       []domain.Outcome
}

var rentreeCore = []string{"Eén vaste jobcoach van begin tot einde", "Gezamenlijk overleg van werknemer, werkgever en bedrijfsarts", "Plan voor geleidelijke werkhervatting, maandelijks bijgestuurd"}

var demoAdaptations = []demoAdaptation{
	{key: "rentree-lyon", practice: "rentree", product: "rentree-trajectory", org: "retour", author: "partner.fr@peerbridge.example", country: "FR",
		title: "Parcours Rentrée à Lyon", stage: "implementing", createdAt: "2026-05-04T09:00:00Z",
		context: "Two hospitals in Lyon refer patients; the coach works with the occupational health services of large employers.",
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"programme_leader", "practitioner"}, What: []string{"context"},
			Level: "organisation", ContextModifications: []string{"setting", "personnel"}, ContentModifications: []string{"tailoring"}, Fidelity: "consistent",
			CoreElementsKept: rentreeCore, Goals: []string{"fit", "reach"},
			Reasons: map[string][]string{"sociopolitical": {"laws_policies"}, "organisation": {"staff_capacity"}}},
		barriers:     []string{"Occupational physicians are hard to reach", "Waiting lists for occupational therapy"},
		facilitators: []string{"Hospital social workers refer early", "Employers value a single contact person"},
		outcomes: []domain.Outcome{
			{RecordedOn: at("2026-07-01T00:00:00Z"), Participants: 18, ReturnedToWork: 7, PlacementsOffered: iptr(0), Satisfaction: fptr(4.4), Notes: "First cohort after two months."},
			{RecordedOn: at("2026-10-01T00:00:00Z"), Participants: 31, ReturnedToWork: 16, InWorkAfter6Months: iptr(9), Satisfaction: fptr(4.5), Notes: "Second cohort started."},
		}},
	{key: "rentree-cork", practice: "rentree", product: "rentree-trajectory", org: "workwell", author: "partner.ie@peerbridge.example", country: "IE",
		title: "Rentree-style job coaching in Cork", stage: "evaluating", createdAt: "2026-05-20T09:00:00Z",
		context: "Delivered by peer mentors with a part-time job coach; employers join by phone.",
		frame: domain.Frame{When: "implementation", Planned: "reactive", DecidedBy: []string{"manager", "employer"}, What: []string{"content", "context"},
			Level: "target_group", ContextModifications: []string{"format", "personnel"}, ContentModifications: []string{"substituting", "shortening"},
			Fidelity: "inconsistent", CoreElementsKept: []string{rentreeCore[0], rentreeCore[2]}, CoreElementsChanged: []string{rentreeCore[1]},
			Goals: []string{"feasibility", "cost"}, Reasons: map[string][]string{"organisation": {"resources", "time_constraints"}, "recipient": {"work_situation"}}},
		barriers:     []string{"Employers unwilling to meet in person", "No budget for coordination"},
		facilitators: []string{"Peer mentors who returned to work themselves", "Employers value a single contact person"},
		outcomes: []domain.Outcome{
			{RecordedOn: at("2026-09-15T00:00:00Z"), Participants: 22, ReturnedToWork: 9, InWorkAfter6Months: iptr(6), Satisfaction: fptr(4.1), Notes: "Phone check-ins replaced the joint meeting."},
		}},
	{key: "sessions-online", practice: "rentree", product: "rentree-sessions", org: "wiedereinstieg", author: "reviewer.de@peerbridge.example", country: "DE",
		title: "Online-Infoabende Arbeit und Krebs", stage: "planning", createdAt: "2026-06-10T09:00:00Z",
		context: "Evening sessions online for employees in rural areas, with a survivor and a job coach.",
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"programme_leader"}, What: []string{"context"},
			Level: "cohort", ContextModifications: []string{"format"}, Fidelity: "consistent", CoreElementsKept: []string{"Samen gegeven door een ervaringsdeskundige en een jobcoach"},
			Goals: []string{"reach"}, Reasons: map[string][]string{"recipient": {"access"}}},
		barriers:     []string{"No budget for coordination"},
		facilitators: []string{"Cancer society lends its online platform"}},
	{key: "bilan-utrecht", practice: "bilan", product: "bilan-outil", org: "werkbrug", author: "partner.nl@peerbridge.example", country: "NL",
		title: "Hervattingsscan na kanker", stage: "exploring", createdAt: "2026-08-03T09:00:00Z",
		context: "Exploring whether the French assessment fits the Dutch Gatekeeper Improvement Act timeline.",
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"researcher", "practitioner"}, What: []string{"content"},
			Level: "individual", ContentModifications: []string{"integrating"}, Fidelity: "unknown", Goals: []string{"fit", "effectiveness"},
			Reasons: map[string][]string{"sociopolitical": {"laws_policies", "existing_services"}}},
		barriers:     []string{"Privacy rules on sharing medical information"},
		facilitators: []string{"Occupational physicians interested"}},
}

func seedAdaptations(ctx context.Context, store *postgres.Store) error {
	for _, d := range demoAdaptations {
		p, err := store.Practice(ctx, ID("practice", d.practice), false)
		if err != nil {
			return err
		}
		a := domain.Adaptation{ID: ID("adaptation", d.key), ProgrammeID: p.ProgrammeID, SourcePracticeID: p.ID, ProductID: uptr(ID("product", d.product)),
			AdoptingOrganisationID: ID("organisation", d.org), Country: d.country, Title: d.title, ContextDescription: d.context,
			TargetGroups: []string{"cancer_survivors"}, Stage: d.stage, Frame: d.frame, Barriers: d.barriers, Facilitators: d.facilitators,
			CreatedBy: ID("user", d.author)}
		if err := store.CreateAdaptation(ctx, a); err != nil {
			return err
		}
		for i, o := range d.outcomes {
			o.ID, o.AdaptationID, o.CreatedBy = ID("outcome", d.key+string(rune('0'+i))), a.ID, a.CreatedBy
			if err := store.InsertOutcome(ctx, o); err != nil {
				return err
			}
		}
		if err := store.Exec(ctx, `UPDATE adaptations SET created_at = '`+d.createdAt+`', updated_at = '`+d.createdAt+`' WHERE id = '`+a.ID.String()+`'`); err != nil {
			return err
		}
	}
	np := domain.NewProduct{ID: ID("new-product", "coaching-guide"), ProgrammeID: ID("programme", cancer), Title: "European guide to return-to-work coaching after cancer",
		Kind: "information", Description: "What the Belgian, French and Irish teams learned about coaching people back to work after cancer, with templates for the joint return plan.",
		OrganisationIDs: []uuid.UUID{ID("organisation", "jobcentrum"), ID("organisation", "retour"), ID("organisation", "workwell")},
		Countries:       []string{"BE", "FR", "IE"}, Status: "in_development", InspiredByPracticeIDs: []uuid.UUID{ID("practice", "rentree")},
		DerivedFromAdaptationIDs: []uuid.UUID{ID("adaptation", "rentree-lyon"), ID("adaptation", "rentree-cork")}, CreatedBy: ID("user", "coordinator@peerbridge.example")}
	if err := store.CreateNewProduct(ctx, np); err != nil {
		return err
	}
	return store.Exec(ctx, `UPDATE new_products SET created_at = '2026-10-12T09:00:00Z' WHERE id = '`+np.ID.String()+`'`)
}
