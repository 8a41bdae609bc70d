package domain

// ReviewOutcome is what a submitted review says in two figures; it is stored with the review when
// it is submitted (and cleared when it is reopened), so that results and the dashboard aggregate
// it in SQL. Migration 0008's pb_gates_passed and 0021's pb_weighted_score compute the same in SQL.
type ReviewOutcome struct {
	WeightedScore *float64
	GatesPassed   bool
}

// ComputeOutcome computes the review's weighted score and gates under rubric.
func (r *Review) ComputeOutcome(rubric *Rubric) ReviewOutcome {
	return ReviewOutcome{WeightedScore: r.WeightedScore(rubric), GatesPassed: r.GatesPassed(rubric)}
}

// WeightedScore is a review's score from 0 to 100: each answered scored criterion is put on 0–1
// over its scale and weighted; weights are normalised over the answered criteria, so an n/a
// neither helps nor hurts. Nil when no weighted criterion was answered. Not rounded: a practice's
// score is the mean of its reviews' unrounded scores, rounded once for display (rounding each
// review first drifts: 86.67, 86.67 and 76.67 average 83.3, rounded first they give 83.4).
func (r *Review) WeightedScore(rubric *Rubric) *float64 {
	var sum, weights float64
	for _, c := range rubric.Criteria {
		if c.Gate() || c.Weight <= 0 {
			continue
		}
		s, ok := r.Score(c.Key)
		if !ok || s.Value == nil {
			continue
		}
		sum += c.Weight * (*s.Value - float64(c.Scale.Min)) / float64(c.Scale.Max-c.Scale.Min)
		weights += c.Weight
	}
	if weights == 0 {
		return nil
	}
	v := sum / weights * 100
	return &v
}

// GatesPassed says every gate is answered with "passes" in the review.
func (r *Review) GatesPassed(rubric *Rubric) bool {
	for _, c := range rubric.Criteria {
		if !c.Gate() {
			continue
		}
		s, ok := r.Score(c.Key)
		if !ok || s.Value == nil || *s.Value < 1 {
			return false
		}
	}
	return true
}
