package demo

import (
	"context"
	"slices"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// yearPractice is a practice described during the programmes' first year, with the day its
// organisation submitted it (empty for a draft). Its status follows the rounds: a practice in an
// open or closed round is in review, one decided on carries its decision (see roundDecision).
type yearPractice struct {
	demoPractice
	submittedOn string
}

// yearPractices are the practices of both programmes beyond the first demo's, in the order they
// are loaded.
func yearPractices() []yearPractice {
	return slices.Concat(springPractices, autumnPractices, winterPractices, waitingPractices, networkPractices)
}

// allPractices is every demo practice, the first demo's and the year's.
func allPractices() []demoPractice {
	out := slices.Clone(demoPractices)
	for _, p := range yearPractices() {
		out = append(out, p.demoPractice)
	}
	return out
}

func orgByKey(key string) org {
	for _, o := range demoOrganisations() {
		if o.key == key {
			return o
		}
	}
	return org{}
}

// seedYearPractices loads the year's practices with their first revision; each is created once.
func seedYearPractices(ctx context.Context, store *postgres.Store) error {
	for _, d := range yearPractices() {
		p := domain.Practice{PracticeText: d.text}
		p.ID = ID("practice", d.key)
		if _, err := store.Practice(ctx, p.ID, false); err == nil {
			continue
		} else if !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		p.ProgrammeID, p.OrganisationID, p.CreatedBy = ID("programme", d.programme), ID("organisation", d.org), ID("user", d.author)
		p.Status, p.Version = d.status, 1
		if p.Country == "" {
			p.Country = orgByKey(d.org).country
		}
		if d.call != "" {
			call := ID("call", d.call)
			p.CallID = &call
		}
		created := time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)
		if d.programme == secondTrack {
			created = time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC)
		}
		if d.submittedOn != "" {
			submitted := at(d.submittedOn + "T10:00:00Z")
			p.Revision, p.SubmittedAt = 1, &submitted
			created = submitted.AddDate(0, 0, -24)
		}
		if p.Translations == nil {
			p.Translations = map[string]domain.Translation{}
		}
		for lang, t := range p.Translations {
			t.UpdatedAt, t.UpdatedBy = created.AddDate(0, 0, 10), p.CreatedBy
			p.Translations[lang] = t
		}
		if dec, ok := roundDecision(d.key); ok {
			p.Decision = &domain.Decision{Outcome: dec.outcome, Rationale: dec.rationale, DecidedAt: at(dec.at), RoundID: ID("round", dec.round)}
			if d.status == domain.StatusPublished {
				p.PublishedAt = &p.Decision.DecidedAt
			}
		} else if d.status == domain.StatusPublished {
			// The network's coordinators accept practices without a review round.
			decided := p.SubmittedAt.AddDate(0, 0, 21)
			p.PublishedAt = &decided
			p.Decision = &domain.Decision{Outcome: domain.OutcomeGoodPractice, DecidedAt: decided,
				Rationale: "Discussed at the network meeting: the placement is described well enough for other companies to offer it too."}
		}
		err := store.WithTx(ctx, func(ctx context.Context) error {
			if _, err := store.CreatePractice(ctx, p); err != nil {
				return err
			}
			if p.Revision > 0 {
				if err := store.InsertRevision(ctx, domain.Revision{PracticeID: p.ID, Number: 1, Snapshot: domain.Snapshot(&p), CreatedBy: p.CreatedBy}); err != nil {
					return err
				}
			}
			return store.Exec(ctx, `UPDATE practices SET created_at = '`+created.Format(time.RFC3339)+`' WHERE id = '`+p.ID.String()+`'`)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
