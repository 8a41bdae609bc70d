package domain

import (
	"testing"
	"time"
)

func TestCallStateAndSubmissionWindow(t *testing.T) {
	opens := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	c := Call{OpensAt: opens, ClosesAt: opens.Add(48 * time.Hour)}
	cases := []struct {
		name     string
		at       time.Time
		from     PracticeStatus
		state    string
		accepted bool
	}{
		{"before it opens", opens.Add(-time.Second), StatusDraft, CallUpcoming, false},
		{"at the opening", opens, StatusDraft, CallOpen, true},
		{"inside", opens.Add(time.Hour), StatusDraft, CallOpen, true},
		{"at the closing", opens.Add(48 * time.Hour), StatusDraft, CallOpen, true},
		{"after it closed", opens.Add(48*time.Hour + time.Second), StatusDraft, CallClosed, false},
		{"revision after it closed", opens.Add(72 * time.Hour), StatusRevisionRequested, CallClosed, true},
		{"revision before it opens", opens.Add(-time.Hour), StatusRevisionRequested, CallUpcoming, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.State(tc.at); got != tc.state {
				t.Errorf("state %q, want %q", got, tc.state)
			}
			if got := c.AcceptsSubmission(tc.from, tc.at); got != tc.accepted {
				t.Errorf("accepted %v, want %v", got, tc.accepted)
			}
		})
	}
	if errs := CheckCallWindow(&Call{OpensAt: opens, ClosesAt: opens}); len(errs) != 1 || errs[0].Field != "closes_at" {
		t.Fatalf("a window that closes as it opens: %v", errs)
	}
	if errs := CheckCallWindow(&c); errs != nil {
		t.Fatalf("a valid window: %v", errs)
	}
}
