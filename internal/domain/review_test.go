package domain_test

import (
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// testRubric has one gate, one scored criterion that allows n/a and one that does not.
func testRubric() *domain.Rubric {
	return &domain.Rubric{
		Criteria: []domain.Criterion{
			{Key: "ethics", Tier: domain.TierGate, Scale: domain.Range{Min: 0, Max: 1}},
			{Key: "evidence", Tier: domain.TierCore, Scale: domain.Range{Min: 1, Max: 4}},
			{Key: "cost", Tier: domain.TierQualifier, Scale: domain.Range{Min: 1, Max: 4}, AllowNA: true},
		},
		RecommendationOptions: []string{"good_practice", "revise"},
	}
}

func val(v float64) *float64 { return &v }
func num(v int) *int         { return &v }

func TestCheckReviewDraft(t *testing.T) {
	cases := []struct {
		name   string
		review domain.Review
		want   []string
	}{
		{"empty draft", domain.Review{}, nil},
		{"partial draft", domain.Review{Scores: []domain.Score{{CriterionKey: "evidence", Value: val(3)}, {CriterionKey: "cost"}}}, nil},
		{"unknown criterion", domain.Review{Scores: []domain.Score{{CriterionKey: "beauty", Value: val(3)}}}, []string{"scores[0].criterion_key"}},
		{"criterion twice", domain.Review{Scores: []domain.Score{{CriterionKey: "evidence", Value: val(2)}, {CriterionKey: "evidence", Value: val(3)}}},
			[]string{"scores[1].criterion_key"}},
		{"above the scale", domain.Review{Scores: []domain.Score{{CriterionKey: "evidence", Value: val(5)}}}, []string{"scores[0].value"}},
		{"below the scale", domain.Review{Scores: []domain.Score{{CriterionKey: "evidence", Value: val(0)}}}, []string{"scores[0].value"}},
		{"not a whole number", domain.Review{Scores: []domain.Score{{CriterionKey: "evidence", Value: val(2.5)}}}, []string{"scores[0].value"}},
		{"gate outside pass/fail", domain.Review{Scores: []domain.Score{{CriterionKey: "ethics", Value: val(2)}}}, []string{"scores[0].value"}},
		{"unknown recommendation", domain.Review{Recommendation: "maybe"}, []string{"recommendation"}},
		{"known recommendation", domain.Review{Recommendation: "revise"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFields(t, domain.CheckReviewDraft(&c.review, testRubric()), c.want)
		})
	}
}

func TestReviewSubmitProblems(t *testing.T) {
	questions := []string{"Would this work with small employers?"}
	complete := func() domain.Review {
		return domain.Review{
			Scores: []domain.Score{
				{CriterionKey: "ethics", Value: val(1), Comment: "Consent is asked in writing."},
				{CriterionKey: "evidence", Value: val(3)},
				{CriterionKey: "cost", Value: nil}, // n/a, allowed
			},
			Transferability: domain.Transferability{Rating: num(3)},
			Recommendation:  "good_practice",
			Confidence:      num(4),
			Answers:         []domain.Answer{{Question: questions[0], Answer: "Yes, with a shared coach."}},
		}
	}
	cases := []struct {
		name   string
		change func(*domain.Review)
		want   []string
	}{
		{"complete", func(*domain.Review) {}, nil},
		{"scored criterion unanswered", func(r *domain.Review) { r.Scores = r.Scores[:1] }, []string{"scores.evidence", "scores.cost"}},
		{"n/a where not allowed", func(r *domain.Review) { r.Scores[1].Value = nil }, []string{"scores.evidence"}},
		{"gate without justification", func(r *domain.Review) { r.Scores[0].Comment = "" }, []string{"scores.ethics.comment"}},
		{"no transferability rating", func(r *domain.Review) { r.Transferability.Rating = nil }, []string{"transferability.rating"}},
		{"no recommendation", func(r *domain.Review) { r.Recommendation = "" }, []string{"recommendation"}},
		{"no confidence", func(r *domain.Review) { r.Confidence = nil }, []string{"confidence"}},
		{"question unanswered", func(r *domain.Review) { r.Answers = nil }, []string{"answers[0]"}},
		{"question answered blank", func(r *domain.Review) { r.Answers[0].Answer = "" }, []string{"answers[0]"}},
		{"answer to another question", func(r *domain.Review) { r.Answers[0].Question = "Something else?" }, []string{"answers[0]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := complete()
			c.change(&r)
			assertFields(t, domain.ReviewSubmitProblems(&r, testRubric(), questions), c.want)
		})
	}
}

func TestRoundTransition(t *testing.T) {
	cases := []struct {
		from, action, to string
	}{
		{domain.RoundDraft, "open", domain.RoundOpen},
		{domain.RoundOpen, "close", domain.RoundClosed},
		{domain.RoundClosed, "open", domain.RoundOpen},
		{domain.RoundClosed, "decide", domain.RoundDecided},
		{domain.RoundOpen, "release_reviews", domain.RoundRebuttal},
		{domain.RoundClosed, "release_reviews", domain.RoundRebuttal},
		{domain.RoundRebuttal, "decide", domain.RoundDecided},
		{domain.RoundDraft, "close", ""},
		{domain.RoundDraft, "decide", ""},
		{domain.RoundOpen, "decide", ""},
		{domain.RoundDecided, "open", ""},
		{domain.RoundDraft, "release_reviews", ""},
		{domain.RoundRebuttal, "release_reviews", ""},
		{domain.RoundRebuttal, "open", ""},
		{domain.RoundRebuttal, "close", ""},
		{domain.RoundDecided, "release_reviews", ""},
	}
	for _, c := range cases {
		got, err := domain.RoundTransition(c.from, c.action)
		if c.to == "" {
			if !domain.IsCode(err, domain.CodeInvalidTransition) {
				t.Errorf("%s/%s: err = %v, want CodeInvalidTransition", c.from, c.action, err)
			}
			continue
		}
		if err != nil || got != c.to {
			t.Errorf("%s/%s = %q, %v; want %q", c.from, c.action, got, err, c.to)
		}
	}
}
