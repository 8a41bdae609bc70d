package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/loadtest"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// TestActivityListIsTwoStatementsWhateverThePage checks that a page of activity summaries is read
// with the total in two statements, one page or thirty activities alike (the parts are counted
// in the page's statement, not loaded), and that the counts are those of the activities' parts.
func TestActivityListIsTwoStatementsWhateverThePage(t *testing.T) {
	dsn := testdb.New(t)
	db, err := postgres.Open(dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := postgres.NewStore(db)
	ctx := context.Background()
	orgs := make([]domain.Organisation, 3)
	for i, c := range []string{"BE", "NL", "FR"} {
		if orgs[i], err = s.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Org " + c, Country: c, Kind: "ngo", Version: 1}); err != nil {
			t.Fatal(err)
		}
	}
	user, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "u@example.org", Name: "U", OrganisationID: orgs[0].ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := s.CreateProgramme(ctx, domain.Programme{ID: uuid.New(), Name: "P", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	practices := make([]uuid.UUID, 2)
	for i := range practices {
		p, err := s.CreatePractice(ctx, domain.Practice{ID: uuid.New(), ProgrammeID: prog.ID, OrganisationID: orgs[0].ID, CreatedBy: user.ID,
			PracticeText: domain.PracticeText{Title: fmt.Sprintf("Practice %d", i), Language: "en", Country: "BE"}, Status: domain.StatusSubmitted, Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		practices[i] = p.ID
	}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := range 30 {
		a := domain.Activity{ID: uuid.New(), ProgrammeID: prog.ID, Kind: domain.ActivityWorkshop, Title: fmt.Sprintf("Workshop %02d", i),
			Description: "All day.", HostOrganisationID: orgs[0].ID, Country: "BE", StartsAt: start.AddDate(0, 0, i), EndsAt: start.AddDate(0, 0, i).Add(6 * time.Hour),
			Status: domain.ActivityPlanned, Minutes: "Notes.", CreatedBy: &user.ID, PracticeIDs: practices[:i%3]}
		for j := range i%3 + 1 {
			a.Participants = append(a.Participants, domain.ActivityParticipant{OrganisationID: orgs[j].ID, Role: domain.ParticipantOther, People: 1 + j + i})
			a.Agenda = append(a.Agenda, domain.AgendaItem{At: a.StartsAt.Add(time.Duration(j) * time.Hour), Title: "Session"})
		}
		for j := range i % 4 {
			status := domain.FollowUpOpen
			if j == 1 {
				status = domain.FollowUpDone
			}
			a.FollowUps = append(a.FollowUps, domain.FollowUp{ID: uuid.New(), Title: "Write it up", OwnerOrganisationID: orgs[j%3].ID, Status: status})
		}
		if _, err := s.CreateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}

	var rec loadtest.Recorder
	recording, err := postgres.OpenForRecording(dsn, nil, &rec)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { recording.Close() })
	rs := postgres.NewStore(recording)
	statements := map[int]int{}
	for _, size := range []int{1, 30} {
		rec.Begin()
		page, err := rs.ListActivities(ctx, domain.ActivityFilter{ProgrammeID: prog.ID}, domain.PageRequest{Page: 1, Size: size})
		statements[size] = len(rec.End())
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != size || page.Total != 30 {
			t.Fatalf("page of %d: %d items of %d", size, len(page.Items), page.Total)
		}
		for _, item := range page.Items {
			a, err := s.Activity(ctx, item.ID, false)
			if err != nil {
				t.Fatal(err)
			}
			people, open := 0, 0
			for _, p := range a.Participants {
				people += p.People
			}
			for _, f := range a.FollowUps {
				if f.Status != domain.FollowUpDone {
					open++
				}
			}
			if item.ParticipantOrganisations != len(a.Participants) || item.People != people || item.PracticeCount != len(a.Practices) ||
				item.OpenFollowUps != open || item.HostOrganisationName != "Org BE" || item.Country != "BE" {
				t.Errorf("%s: %+v; its parts: %d participants, %d people, %d practices, %d open follow-ups", a.Title, item,
					len(a.Participants), people, len(a.Practices), open)
			}
		}
	}
	if statements[1] != 2 || statements[30] != 2 {
		t.Fatalf("statements for a page of 1 and of 30: %v, want 2 each (the total and the page)", statements)
	}
}
