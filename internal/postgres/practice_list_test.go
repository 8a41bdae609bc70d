package postgres

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestPartnerListPagesTheVisibilityRule checks that a partner's practice list, read as the union
// of the sets a partner may see, pages exactly through what SPEC §2 lets them see — their
// organisation's practices, published ones, and those they review in a started round (not
// declined) — in every order, with filters, totals, and no practice twice or missing.
func TestPartnerListPagesTheVisibilityRule(t *testing.T) {
	s, own, prog := newTestStore(t)
	ctx := context.Background()
	exec := execer(t, s)
	rng := rand.New(rand.NewSource(11))

	other, err := s.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Other", Country: "NL", Kind: "ngo", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	me, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "me@example.org", Name: "Me", OrganisationID: own.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	author, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "a@example.org", Name: "A", OrganisationID: other.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	rubric, started, draftRound := uuid.New(), uuid.New(), uuid.New()
	exec(`INSERT INTO rubrics (id, programme_id, number, title, status, criteria, recommendation_options) VALUES ($1, $2, 1, 'R', 'active', '[]', '[]')`, rubric, prog.ID)
	for id, status := range map[uuid.UUID]string{started: "open", draftRound: "draft"} {
		exec(`INSERT INTO rounds (id, programme_id, name, rubric_id, status, due_at, reviewers_per_practice, max_load) VALUES ($1, $2, 'R', $3, $4, now(), 2, 50)`,
			id, prog.ID, rubric, status)
	}

	type practice struct {
		id               uuid.UUID
		title            string
		country          string
		updated, created time.Time
	}
	var visible []practice
	countries := []string{"BE", "NL"}
	statuses := []string{"draft", "submitted", "in_review", "published", "revision_requested", "not_retained", "withdrawn", "archived"}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 160; i++ {
		p := practice{id: uuid.New(), title: fmt.Sprintf("Practice %03d", rng.Intn(60)), country: countries[rng.Intn(2)],
			created: base.Add(time.Duration(rng.Intn(400)) * time.Hour)}
		// Ties in the order are frequent, so that the tie-breaker is tested too.
		p.updated = p.created.Add(time.Duration(rng.Intn(4)) * time.Hour)
		org, by := other.ID, author.ID
		mine := rng.Intn(4) == 0
		if mine {
			org, by = own.ID, me.ID
		}
		status := statuses[rng.Intn(len(statuses))]
		exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, language, country, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, 'en', $6, $7, $8, $9)`, p.id, prog.ID, org, by, p.title, p.country, status, p.created, p.updated)
		reviewing := false
		if !mine && rng.Intn(3) == 0 {
			round, assignment := started, "accepted"
			switch rng.Intn(4) {
			case 0:
				round = draftRound
			case 1:
				assignment = "declined"
			}
			exec(`INSERT INTO assignments (id, round_id, practice_id, reviewer_id, status, due_at, source) VALUES ($1, $2, $3, $4, $5, now(), 'manual')`,
				uuid.New(), round, p.id, me.ID, assignment)
			reviewing = round == started && assignment != "declined"
		}
		if mine || status == "published" || (status != "draft" && reviewing) {
			visible = append(visible, p)
		}
	}

	viewer := domain.PracticeSearchViewer{OrganisationID: own.ID, UserID: me.ID}
	orders := map[string]func(a, b practice) int{
		"": func(a, b practice) int { // newest change first
			return cmpDesc(a.updated, b.updated, a.id, b.id)
		},
		"created_at": func(a, b practice) int {
			if c := a.created.Compare(b.created); c != 0 {
				return c
			}
			return strings.Compare(a.id.String(), b.id.String())
		},
		"-updated_at": func(a, b practice) int { return cmpDesc(a.updated, b.updated, a.id, b.id) },
		"title": func(a, b practice) int {
			if c := strings.Compare(strings.ToLower(a.title), strings.ToLower(b.title)); c != 0 {
				return c
			}
			return strings.Compare(a.id.String(), b.id.String())
		},
	}
	for _, country := range []string{"", "NL"} {
		var want []practice
		for _, p := range visible {
			if country == "" || p.country == country {
				want = append(want, p)
			}
		}
		for sort, cmp := range orders {
			slices.SortFunc(want, cmp)
			for _, size := range []int{7, 25} {
				var got []uuid.UUID
				for page := 1; ; page++ {
					res, err := s.ListPractices(ctx, domain.PracticeFilter{ProgrammeID: &prog.ID, Country: country, Viewer: viewer},
						domain.PageRequest{Page: page, Size: size, Sort: sort})
					if err != nil {
						t.Fatalf("country %q sort %q page %d: %v", country, sort, page, err)
					}
					if res.Total != int64(len(want)) || res.TotalIsEstimate {
						t.Fatalf("country %q sort %q: total %d (estimate %v), want %d", country, sort, res.Total, res.TotalIsEstimate, len(want))
					}
					for _, p := range res.Items {
						got = append(got, p.ID)
					}
					if len(res.Items) < size {
						break
					}
				}
				if len(got) != len(want) {
					t.Fatalf("country %q sort %q size %d: %d practices listed, want %d", country, sort, size, len(got), len(want))
				}
				for i := range want {
					if got[i] != want[i].id {
						t.Fatalf("country %q sort %q size %d: position %d is %s, want %s", country, sort, size, i, got[i], want[i].id)
					}
				}
			}
		}
	}
}

// cmpDesc orders by time, newest first, then by id, highest first.
func cmpDesc(a, b time.Time, ida, idb uuid.UUID) int {
	if c := b.Compare(a); c != 0 {
		return c
	}
	return strings.Compare(idb.String(), ida.String())
}
