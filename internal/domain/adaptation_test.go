package domain_test

import (
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func TestCheckStageMove(t *testing.T) {
	cases := []struct {
		from, to string
		ok       bool
	}{
		{"exploring", "exploring", true},
		{"exploring", "planning", true},
		{"exploring", "implementing", false}, // no skipping ahead
		{"planning", "implementing", true},
		{"planning", "exploring", true}, // back to an earlier stage
		{"implementing", "evaluating", true},
		{"implementing", "sustained", false},
		{"evaluating", "sustained", true},
		{"evaluating", "exploring", false},
		{"sustained", "evaluating", true},
		{"sustained", "planning", false},
		{"discontinued", "planning", true},
		{"discontinued", "implementing", false},
		{"exploring", "discontinued", true},
		{"sustained", "discontinued", true},
		{"unknown", "planning", false},
	}
	for _, c := range cases {
		err := domain.CheckStageMove(c.from, c.to)
		switch {
		case c.ok && err != nil:
			t.Errorf("%s → %s refused: %v", c.from, c.to, err)
		case !c.ok && !domain.IsCode(err, domain.CodeInvalidTransition):
			t.Errorf("%s → %s: err = %v, want CodeInvalidTransition", c.from, c.to, err)
		}
	}
	// Every stage can stop, and every stop can restart.
	for _, s := range domain.AdaptationStages {
		if s != "discontinued" && domain.CheckStageMove(s, "discontinued") != nil {
			t.Errorf("%s cannot be discontinued", s)
		}
	}
}

func TestCheckFrameVocabulary(t *testing.T) {
	cases := []struct {
		name  string
		frame domain.Frame
		want  []string
		codes []domain.FieldCode
	}{
		{"fidelity only", domain.Frame{Fidelity: "unknown"}, nil, nil},
		{"fidelity is required", domain.Frame{}, []string{"frame.fidelity"}, []domain.FieldCode{domain.FieldOneOf}},
		{"every field from its vocabulary", domain.Frame{When: "implementation", Planned: "proactive", DecidedBy: []string{"manager", "employer"},
			What: []string{"content"}, Level: "cohort", ContextModifications: []string{"format"}, ContentModifications: []string{"adding"},
			Fidelity: "consistent", Goals: []string{"fit"}, Reasons: map[string][]string{"recipient": {"language"}}}, nil, nil},
		{"unknown single value", domain.Frame{Fidelity: "unknown", When: "someday"}, []string{"frame.when"}, []domain.FieldCode{domain.FieldOneOf}},
		{"unknown list value", domain.Frame{Fidelity: "unknown", Goals: []string{"fit", "fame"}}, []string{"frame.goals[1]"}, []domain.FieldCode{domain.FieldOneOf}},
		{"duplicate list value", domain.Frame{Fidelity: "unknown", What: []string{"content", "content"}}, []string{"frame.what[1]"}, []domain.FieldCode{domain.FieldDuplicate}},
		{"unknown reason level", domain.Frame{Fidelity: "unknown", Reasons: map[string][]string{"cosmic": {"x"}}}, []string{"frame.reasons.cosmic"}, []domain.FieldCode{domain.FieldOneOf}},
		{"reason from another level", domain.Frame{Fidelity: "unknown", Reasons: map[string][]string{"provider": {"funding"}}}, []string{"frame.reasons.provider[0]"}, []domain.FieldCode{domain.FieldOneOf}},
		{"reason levels reported in order", domain.Frame{Fidelity: "unknown", Reasons: map[string][]string{"zeta": nil, "alpha": nil}},
			[]string{"frame.reasons.alpha", "frame.reasons.zeta"}, []domain.FieldCode{domain.FieldOneOf, domain.FieldOneOf}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := domain.CheckFrameVocabulary(c.frame)
			assertFields(t, errs, c.want)
			for i, e := range errs {
				if e.Code != c.codes[i] {
					t.Errorf("%s: code %q, want %q", e.Field, e.Code, c.codes[i])
				}
			}
		})
	}
}

func TestCheckFrame(t *testing.T) {
	core := []string{"coach", "employer visit", "follow-up"}
	cases := []struct {
		name       string
		frame      domain.Frame
		hasProduct bool
		want       []string
	}{
		{"consistent, everything kept", domain.Frame{Fidelity: "consistent", CoreElementsKept: core}, true, nil},
		{"consistent but a core element changed", domain.Frame{Fidelity: "consistent", CoreElementsKept: core[:1], CoreElementsChanged: core[1:2]}, true,
			[]string{"frame.fidelity"}},
		{"inconsistent names what changed", domain.Frame{Fidelity: "inconsistent", CoreElementsChanged: core[:1]}, true, nil},
		{"inconsistent without what changed", domain.Frame{Fidelity: "inconsistent"}, true, []string{"frame.fidelity"}},
		{"inconsistent without a product", domain.Frame{Fidelity: "inconsistent"}, false, nil},
		{"core elements need a product", domain.Frame{Fidelity: "unknown", CoreElementsKept: []string{"coach"}}, false, []string{"product_id"}},
		{"undeclared core element", domain.Frame{Fidelity: "unknown", CoreElementsKept: []string{"lunch"}, CoreElementsChanged: []string{"dinner"}}, true,
			[]string{"frame.core_elements_kept[0]", "frame.core_elements_changed[0]"}},
		{"kept and changed at once", domain.Frame{Fidelity: "inconsistent", CoreElementsKept: []string{"coach"}, CoreElementsChanged: []string{"coach"}}, true,
			[]string{"frame.core_elements_kept[0]"}},
		{"vocabulary checked too", domain.Frame{Fidelity: "faithful"}, true, []string{"frame.fidelity"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFields(t, domain.CheckFrame(c.frame, core, c.hasProduct), c.want)
		})
	}
}

func TestCheckOutcome(t *testing.T) {
	today := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)
	n := func(v int) *int { return &v }
	cases := []struct {
		name    string
		outcome domain.Outcome
		want    []string
	}{
		{"consistent counts", domain.Outcome{RecordedOn: today, Participants: 10, ReturnedToWork: 6, InWorkAfter6Months: n(5)}, nil},
		{"everyone returned", domain.Outcome{RecordedOn: today.AddDate(0, -1, 0), Participants: 4, ReturnedToWork: 4, InWorkAfter6Months: n(4)}, nil},
		{"in the future", domain.Outcome{RecordedOn: today.AddDate(0, 0, 1), Participants: 1}, []string{"recorded_on"}},
		{"more returned than took part", domain.Outcome{RecordedOn: today, Participants: 3, ReturnedToWork: 4}, []string{"returned_to_work"}},
		{"more in work after 6 months than took part", domain.Outcome{RecordedOn: today, Participants: 3, InWorkAfter6Months: n(5)}, []string{"in_work_after_6_months"}},
		{"all wrong", domain.Outcome{RecordedOn: today.AddDate(1, 0, 0), Participants: 0, ReturnedToWork: 1, InWorkAfter6Months: n(1)},
			[]string{"recorded_on", "returned_to_work", "in_work_after_6_months"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFields(t, domain.CheckOutcome(c.outcome, today), c.want)
		})
	}
}
