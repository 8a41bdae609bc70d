package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// FRAME vocabularies (Stirman et al. 2019), closed: an unknown value is refused naming the field.
var (
	FrameWhen                 = []string{"pre_implementation", "implementation", "scale_up", "sustainment"}
	FramePlanned              = []string{"proactive", "reactive", "unplanned"}
	FrameDecidedBy            = []string{"programme_leader", "funder", "manager", "developer", "researcher", "practitioner", "employer", "recipient", "community", "policy_maker"}
	FrameWhat                 = []string{"content", "context", "training_evaluation", "implementation_scale_up"}
	FrameLevel                = []string{"individual", "target_group", "cohort", "practitioner", "unit", "organisation", "network_system"}
	FrameContextModifications = []string{"format", "setting", "personnel", "population"}
	FrameContentModifications = []string{"tailoring", "adding", "removing", "shortening", "lengthening", "substituting", "reordering", "integrating", "repeating", "loosening_structure", "departing"}
	FrameFidelity             = []string{"consistent", "inconsistent", "unknown"}
	FrameGoals                = []string{"reach", "retention", "feasibility", "fit", "culture", "effectiveness", "cost", "satisfaction"}
	// ReasonLevels are the levels at which a reason for adapting sits.
	ReasonLevels = []string{"sociopolitical", "organisation", "provider", "recipient"}
	// ReasonVocabulary lists the reasons FRAME names at each level.
	ReasonVocabulary = map[string][]string{
		"sociopolitical": {"laws_policies", "funding", "political_climate", "social_norms", "existing_services"},
		"organisation":   {"resources", "mission_fit", "time_constraints", "competing_demands", "staff_capacity", "location"},
		"provider":       {"clinical_judgement", "preferences", "skills", "cultural_background"},
		"recipient":      {"language", "literacy", "cultural_norms", "access", "health_status", "work_situation", "motivation"},
	}
	AdaptationStages = []string{"exploring", "planning", "implementing", "evaluating", "sustained", "discontinued"}
	NewProductKinds  = ProductKinds
	NewProductStatus = []string{"idea", "in_development", "available"}
)

// Frame describes an adaptation after FRAME.
type Frame struct {
	When                 string
	Planned              string
	DecidedBy            []string
	What                 []string
	Level                string
	ContextModifications []string
	ContentModifications []string
	Fidelity             string
	CoreElementsKept     []string
	CoreElementsChanged  []string
	Goals                []string
	Reasons              map[string][]string
}

// Adaptation records how a practice or one of its products was adapted to a local context.
type Adaptation struct {
	ID                     uuid.UUID
	ProgrammeID            uuid.UUID
	SourcePracticeID       uuid.UUID
	ProductID              *uuid.UUID
	AdoptingOrganisationID uuid.UUID
	Country                string
	Title                  string
	ContextDescription     string
	TargetGroups           []string
	Stage                  string
	Frame                  Frame
	Barriers               []string
	Facilitators           []string
	CreatedBy              uuid.UUID
	Version                int
	CreatedAt              time.Time
	UpdatedAt              time.Time
	Outcomes               []Outcome
	// In a list, instead of Outcomes: the latest follow-up (nil when none) and how many there are.
	LatestOutcome *Outcome
	OutcomeCount  int
	// Filled for display.
	AdoptingOrganisationName string
	SourcePracticeTitle      string
	SourceCountry            string
	SourceOrganisationID     uuid.UUID
}

// Outcome is a dated follow-up of an adaptation.
type Outcome struct {
	ID                 uuid.UUID
	AdaptationID       uuid.UUID
	RecordedOn         time.Time
	Participants       int
	ReturnedToWork     int
	InWorkAfter6Months *int
	PlacementsOffered  *int
	Satisfaction       *float64
	Notes              string
	CreatedBy          uuid.UUID
	CreatedAt          time.Time
}

// NewProduct is a product or service created through the exchange.
type NewProduct struct {
	ID                       uuid.UUID
	ProgrammeID              uuid.UUID
	Title                    string
	Kind                     string
	Description              string
	OrganisationIDs          []uuid.UUID
	Countries                []string
	Status                   string
	InspiredByPracticeIDs    []uuid.UUID
	DerivedFromAdaptationIDs []uuid.UUID
	Link                     string
	CreatedBy                uuid.UUID
	Version                  int
	CreatedAt                time.Time
	UpdatedAt                time.Time
}

// stageMoves: forward one step, back to an earlier stage (ADAPT's iterative cycle), or stop.
var stageMoves = map[string][]string{
	"exploring":    {"planning", "discontinued"},
	"planning":     {"implementing", "exploring", "discontinued"},
	"implementing": {"evaluating", "planning", "exploring", "discontinued"},
	"evaluating":   {"sustained", "implementing", "planning", "discontinued"},
	"sustained":    {"evaluating", "discontinued"},
	"discontinued": {"exploring", "planning"},
}

// CheckStageMove refuses a stage change the cycle does not allow.
func CheckStageMove(from, to string) error {
	if from == to || slices.Contains(stageMoves[from], to) {
		return nil
	}
	return Errorf(CodeInvalidTransition, "An adaptation cannot move from %s to %s; allowed next stages: %v.", from, to, stageMoves[from])
}

// CheckFrameVocabulary checks FRAME's closed vocabularies, which need nothing but the frame:
// the HTTP layer runs it with the other shape checks, before any object is loaded.
func CheckFrameVocabulary(f Frame) []FieldError {
	var errs []FieldError
	one := func(field, v string, vocab []string, required bool) {
		if v == "" && !required {
			return
		}
		if !slices.Contains(vocab, v) {
			errs = append(errs, FieldError{Field: "frame." + field, Code: FieldOneOf, Message: "must be one of " + fmt.Sprint(vocab),
				Params: map[string]any{"allowed": vocab}})
		}
	}
	many := func(field string, vs, vocab []string) {
		for i, v := range vs {
			if !slices.Contains(vocab, v) {
				errs = append(errs, FieldError{Field: fmt.Sprintf("frame.%s[%d]", field, i), Code: FieldOneOf, Message: "must be one of " + fmt.Sprint(vocab),
					Params: map[string]any{"allowed": vocab}})
			} else if slices.Index(vs, v) != i {
				errs = append(errs, FieldError{Field: fmt.Sprintf("frame.%s[%d]", field, i), Code: FieldDuplicate, Message: "appears twice"})
			}
		}
	}
	one("when", f.When, FrameWhen, false)
	one("planned", f.Planned, FramePlanned, false)
	many("decided_by", f.DecidedBy, FrameDecidedBy)
	many("what", f.What, FrameWhat)
	one("level", f.Level, FrameLevel, false)
	many("context_modifications", f.ContextModifications, FrameContextModifications)
	many("content_modifications", f.ContentModifications, FrameContentModifications)
	one("fidelity", f.Fidelity, FrameFidelity, true)
	many("goals", f.Goals, FrameGoals)
	levels := make([]string, 0, len(f.Reasons))
	for level := range f.Reasons {
		levels = append(levels, level)
	}
	slices.Sort(levels)
	for _, level := range levels {
		vocab, ok := ReasonVocabulary[level]
		if !ok {
			errs = append(errs, FieldError{Field: "frame.reasons." + level, Code: FieldOneOf, Message: "must be one of " + fmt.Sprint(ReasonLevels),
				Params: map[string]any{"allowed": ReasonLevels}})
			continue
		}
		many("reasons."+level, f.Reasons[level], vocab)
	}
	return errs
}

// CheckFrame validates the closed vocabularies and that the fidelity matches the core elements
// kept and changed, which must come from the source product's declared core elements.
func CheckFrame(f Frame, declaredCore []string, hasProduct bool) []FieldError {
	errs := CheckFrameVocabulary(f)
	if (len(f.CoreElementsKept) > 0 || len(f.CoreElementsChanged) > 0) && !hasProduct {
		errs = append(errs, FieldError{Field: "product_id", Message: "is needed to name core elements kept or changed"})
	}
	for i, c := range f.CoreElementsKept {
		if hasProduct && !slices.Contains(declaredCore, c) {
			errs = append(errs, FieldError{Field: fmt.Sprintf("frame.core_elements_kept[%d]", i), Message: "is not a declared core element of the product"})
		}
		if slices.Contains(f.CoreElementsChanged, c) {
			errs = append(errs, FieldError{Field: fmt.Sprintf("frame.core_elements_kept[%d]", i), Message: "cannot be both kept and changed"})
		}
	}
	for i, c := range f.CoreElementsChanged {
		if hasProduct && !slices.Contains(declaredCore, c) {
			errs = append(errs, FieldError{Field: fmt.Sprintf("frame.core_elements_changed[%d]", i), Message: "is not a declared core element of the product"})
		}
	}
	switch f.Fidelity {
	case "consistent":
		if len(f.CoreElementsChanged) > 0 {
			errs = append(errs, FieldError{Field: "frame.fidelity", Message: "cannot be consistent while core elements were changed"})
		}
	case "inconsistent":
		if hasProduct && len(f.CoreElementsChanged) == 0 {
			errs = append(errs, FieldError{Field: "frame.fidelity", Message: "inconsistent needs the core elements that were changed"})
		}
	}
	return errs
}

// CheckOutcome validates a follow-up: counts that fit inside each other, no date in the future.
func CheckOutcome(o Outcome, today time.Time) []FieldError {
	var errs []FieldError
	if o.RecordedOn.After(today) {
		errs = append(errs, FieldError{Field: "recorded_on", Message: "must not be in the future"})
	}
	if o.ReturnedToWork > o.Participants {
		errs = append(errs, FieldError{Field: "returned_to_work", Message: "cannot exceed participants"})
	}
	if o.InWorkAfter6Months != nil && *o.InWorkAfter6Months > o.Participants {
		errs = append(errs, FieldError{Field: "in_work_after_6_months", Message: "cannot exceed participants"})
	}
	return errs
}

// CanEditAdaptation: partners of the adopting organisation, and admins.
func CanEditAdaptation(s Scope, a *Adaptation) bool {
	return s.IsAdmin() || (s.Actor != nil && s.Actor.OrganisationID == a.AdoptingOrganisationID && s.Has(RolePartner))
}
