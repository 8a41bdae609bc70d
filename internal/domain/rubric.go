package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Rubric tiers after the European Commission's criteria for selecting best practices.
const (
	TierGate      = "gate"
	TierCore      = "core"
	TierQualifier = "qualifier"
)

// Rubric statuses: a draft is edited, one rubric of a programme is active, retired ones stay for
// the rounds that used them.
const (
	RubricDraft   = "draft"
	RubricActive  = "active"
	RubricRetired = "retired"
)

// Rubric is a versioned set of criteria. Once a round uses it, it no longer changes: a new
// rubric based on it is made instead.
type Rubric struct {
	ID                    uuid.UUID
	ProgrammeID           uuid.UUID
	Number                int
	Title                 string
	Status                string // RubricDraft, RubricActive, RubricRetired
	Criteria              []Criterion
	RecommendationOptions []string
	BasedOn               *uuid.UUID
	Version               int
	CreatedAt             time.Time
	UpdatedAt             time.Time
	InUse                 bool // a round uses it
}

// Criterion is one thing reviewers judge.
type Criterion struct {
	Key         string
	Title       string
	Description string
	Tier        string
	Weight      float64
	Scale       Range
	Levels      []Level
	AllowNA     bool
	// Translations are the title, description and level texts in other languages (BCP 47 tag →
	// text). They change nothing reviewers judge, so a rubric in use still takes them.
	Translations map[string]CriterionText
}

// Range is the lowest and highest value of a scale.
type Range struct {
	Min int
	Max int
}

// Level anchors one value of a scale with a label and a descriptor.
type Level struct {
	Value      int
	Label      string
	Descriptor string
}

// Gate reports whether the criterion is pass/fail.
func (c Criterion) Gate() bool { return c.Tier == TierGate }

// Criterion finds a criterion by key.
func (r *Rubric) Criterion(key string) (Criterion, bool) {
	for _, c := range r.Criteria {
		if c.Key == key {
			return c, true
		}
	}
	return Criterion{}, false
}

// Editable: a rubric no round uses can still change.
func (r *Rubric) Editable() bool { return !r.InUse && r.Status != RubricRetired }

// CheckRubric lists what makes a set of criteria unusable: unknown tiers, gates that are not
// pass/fail with no weight, scales without an anchored descriptor for every level, duplicates.
func CheckRubric(criteria []Criterion, options []string) []FieldError {
	var errs []FieldError
	add := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	seen := map[string]bool{}
	weighted := false
	for i, c := range criteria {
		f := fmt.Sprintf("criteria[%d]", i)
		if seen[c.Key] {
			add(f+".key", "appears twice")
		}
		seen[c.Key] = true
		switch c.Tier {
		case TierGate:
			if c.Scale.Min != 0 || c.Scale.Max != 1 {
				add(f+".scale", "a gate criterion is pass/fail: scale 0–1")
			}
			if c.Weight != 0 {
				add(f+".weight", "a gate criterion carries no weight")
			}
		case TierCore, TierQualifier:
			if c.Scale.Min >= c.Scale.Max {
				add(f+".scale", "min must be below max")
			}
			if c.Weight < 0 {
				add(f+".weight", "must not be negative")
			}
			if c.Weight > 0 {
				weighted = true
			}
		default:
			add(f+".tier", "must be one of gate, core, qualifier")
		}
		if c.Scale.Max-c.Scale.Min > 10 {
			add(f+".scale", "may have at most 11 levels")
			continue
		}
		for v := c.Scale.Min; v <= c.Scale.Max; v++ {
			n := 0
			for _, l := range c.Levels {
				if l.Value == v && l.Descriptor != "" && l.Label != "" {
					n++
				}
			}
			if n != 1 {
				add(f+".levels", fmt.Sprintf("needs exactly one level with a label and a descriptor for the value %d", v))
			}
		}
		for _, l := range c.Levels {
			if l.Value < c.Scale.Min || l.Value > c.Scale.Max {
				add(f+".levels", fmt.Sprintf("the value %d is outside the scale", l.Value))
			}
		}
		errs = append(errs, checkCriterionTranslations(f, c)...)
	}
	if len(criteria) > 0 && !weighted {
		add("criteria", "at least one scored criterion needs a weight above zero")
	}
	if len(options) == 0 {
		add("recommendation_options", "needs at least one option")
	}
	for i, o := range options {
		if slices.Index(options, o) != i {
			add(fmt.Sprintf("recommendation_options[%d]", i), "appears twice")
		}
	}
	return errs
}

func gate(key, title, description, pass, fail string) Criterion {
	return Criterion{Key: key, Title: title, Description: description, Tier: TierGate, Scale: Range{0, 1},
		Levels: []Level{{0, "Does not pass", fail}, {1, "Passes", pass}}}
}

func scored(key, title, description, tier string, weight float64, d1, d2, d3, d4 string) Criterion {
	return Criterion{Key: key, Title: title, Description: description, Tier: tier, Weight: weight, Scale: Range{1, 4},
		Levels: []Level{{1, "Weak", d1}, {2, "Fair", d2}, {3, "Good", d3}, {4, "Excellent", d4}}, AllowNA: tier == TierQualifier}
}

// DefaultRecommendations are the options of the default rubric.
var DefaultRecommendations = []string{"good_practice", "promising_practice", "revise_and_resubmit", "not_recommended"}

// DefaultCriteria is the rubric every new programme starts with: four gates, two core and four
// qualifier criteria, each level anchored, complete in DefaultRubricLanguages.
func DefaultCriteria() []Criterion {
	return withDefaultTranslations([]Criterion{
		gate("relevance", "Relevance", "The practice addresses a real need in return to work or re-integration, for a defined group.",
			"The need and the group are stated and the practice answers them.", "The need or the group is unclear, or the practice does not answer it."),
		gate("intervention_characteristics", "Intervention characteristics", "Aims, activities, actors and resources are described well enough to understand what is done.",
			"A peer could explain what is done, by whom and with what.", "Essential parts of the intervention are missing."),
		gate("evidence_theory", "Evidence and theory base", "The practice rests on evidence or a plausible rationale.",
			"There is evidence, or a clear rationale linked to what is known.", "No evidence and no rationale are given."),
		gate("ethics", "Ethical aspects", "Participation is voluntary, privacy is protected and no group is harmed.",
			"Consent, privacy and fairness are addressed.", "There are ethical concerns that are not addressed."),
		scored("effectiveness_efficiency", "Effectiveness and efficiency", "The practice achieves its aims with reasonable resources.", TierCore, 3,
			"No results are reported, or costs are out of proportion.", "Some results, weakly documented.",
			"Clear results with a reasonable use of resources.", "Strong, well-measured results at a justified cost."),
		scored("equity", "Equity", "The practice reaches people in vulnerable situations and reduces inequalities.", TierCore, 2,
			"Vulnerable groups are not considered.", "Vulnerable groups are mentioned but not specifically reached.",
			"Vulnerable groups are reached on purpose.", "The practice demonstrably narrows a gap for vulnerable groups."),
		scored("transferability", "Transferability", "The practice could work in another context or country.", TierQualifier, 2,
			"Tied to its local setting.", "Transferable with major changes.", "Transferable with adjustments that are described.",
			"Already transferred, or conditions for transfer are fully described."),
		scored("sustainability", "Sustainability", "The practice can continue beyond its initial funding.", TierQualifier, 1,
			"Depends entirely on temporary funding.", "Continuation is planned but not secured.",
			"Structural funding or embedding is in sight.", "The practice is embedded in regular services."),
		scored("intersectoral_collaboration", "Intersectoral collaboration", "Work, health and social actors work together.", TierQualifier, 1,
			"A single sector acts alone.", "Other sectors are informed.", "Several sectors work together in parts of the practice.",
			"Sectors plan and deliver the practice together."),
		scored("participation", "Participation", "Participants and employers have a say in how the practice is designed and run.", TierQualifier, 1,
			"No participation.", "Participants are consulted once.", "Participants and employers give regular input.",
			"Participants and employers co-design and co-decide."),
	})
}

// Round is a review round.
type Round struct {
	ID          uuid.UUID
	ProgrammeID uuid.UUID
	Name        string
	RubricID    uuid.UUID
	Status      string // draft, open, closed, rebuttal, decided
	OpensAt     *time.Time
	DueAt       time.Time
	// RebuttalDueAt ends the organisations' window to answer their released reviews.
	RebuttalDueAt *time.Time
	// ReviewsReleasedAt is when the reviews went to the organisations before the decision; nil
	// for a round that never had a rebuttal.
	ReviewsReleasedAt    *time.Time
	ReviewersPerPractice int
	MaxLoad              int
	Blind                bool
	CrossBorder          bool
	// CallID is the call the round was set up from: practices submitted to it later join the
	// round while it is a draft or open.
	CallID        *uuid.UUID
	Version       int
	CreatedAt     time.Time
	UpdatedAt     time.Time
	PracticeCount int
}

// Round statuses and the moves between them.
const (
	RoundDraft  = "draft"
	RoundOpen   = "open"
	RoundClosed = "closed"
	// RoundRebuttal: the reviews are released to the practices' organisations, which may
	// respond until the round's rebuttal_due_at; reviewers may revise once; decisions follow.
	RoundRebuttal = "rebuttal"
	RoundDecided  = "decided"
)

// Round actions.
const (
	RoundActionOpen    = "open"
	RoundActionClose   = "close"
	RoundActionDecide  = "decide"
	RoundActionRelease = "release_reviews"
)

// A round in rebuttal leads only to its decision: reopening it for reviews would take back
// what its organisations have already read.
var roundTransitions = map[string]map[string]string{
	RoundDraft:    {RoundActionOpen: RoundOpen},
	RoundOpen:     {RoundActionClose: RoundClosed, RoundActionRelease: RoundRebuttal},
	RoundClosed:   {RoundActionOpen: RoundOpen, RoundActionDecide: RoundDecided, RoundActionRelease: RoundRebuttal},
	RoundRebuttal: {RoundActionDecide: RoundDecided},
}

// RoundTransition returns the status action leads to, or CodeInvalidTransition.
func RoundTransition(from, action string) (string, error) {
	if to, ok := roundTransitions[from][action]; ok {
		return to, nil
	}
	return "", Errorf(CodeInvalidTransition, "A round that is %s cannot be %s.", from, map[string]string{RoundActionOpen: "opened", RoundActionClose: "closed", RoundActionDecide: "marked decided",
		RoundActionRelease: "released to rebuttal"}[action])
}

// Decidable reports whether coordinators may record decisions in a round of this status.
func Decidable(status string) bool {
	return status == RoundOpen || status == RoundClosed || status == RoundRebuttal
}

// CheckRebuttalDue is CodeScheduleInvalid naming rebuttal_due_at when it does not fall after the
// round's due_at.
func CheckRebuttalDue(r *Round) error {
	if r.RebuttalDueAt != nil && !r.RebuttalDueAt.After(r.DueAt) {
		return &Error{Code: CodeScheduleInvalid, Message: "The rebuttal deadline must fall after the review deadline.",
			Fields: []FieldError{{Field: "rebuttal_due_at", Code: FieldInvalid, Message: "must be after due_at"}}}
	}
	return nil
}

// Decision outcomes.
const (
	OutcomeGoodPractice      = "good_practice"
	OutcomePromisingPractice = "promising_practice"
	OutcomeRevisionRequested = "revision_requested"
	OutcomeNotRetained       = "not_retained"
)

// DecisionOutcomes maps each decision outcome to the practice action it leads to.
var DecisionOutcomes = map[string]PracticeAction{
	OutcomeGoodPractice:      ActionPublish,
	OutcomePromisingPractice: ActionPublish,
	OutcomeRevisionRequested: ActionRevise,
	OutcomeNotRetained:       ActionReject,
}
