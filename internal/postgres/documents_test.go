package postgres

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// Documents as the code wrote them before storage had its own types: every member present.
const (
	oldContent = `{"context":"Setting","approach":"Coaching","resources":"Two coaches","scale":{"participants":40,"sites":null,"since_year":2019},
		"evidence":{"level":"monitoring","description":"Follow-up","indicators":["return rate"]},"outcomes":"Most return","transferability":"Anywhere",
		"lessons_learned":"Start early","learning_questions":["How to involve employers?"],"links":[{"title":"Report","url":"https://example.org/r"}],
		"contact":{"name":"An","email":"an@example.org"}}`
	oldProducts     = `[{"id":"6f1c2a3e-0b5e-4b61-9d55-2b0e7b1c0a11","name":"Guide","kind":"guidance","description":"A guide","core_elements":["three talks"]}]`
	oldTranslations = `{"nl":{"status":"machine","title":"Titel","summary":"Samenvatting","context":"Context","approach":"Aanpak","resources":"Middelen",
		"outcomes":"Resultaten","transferability":"Overdraagbaar","lessons_learned":"Lessen","learning_questions":["Vraag?"],
		"products":[{"id":"6f1c2a3e-0b5e-4b61-9d55-2b0e7b1c0a11","name":"Gids","description":"Een gids"}],
		"updated_at":"2026-03-01T10:00:00Z","updated_by":"0d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5"}}`
	oldDecision = `{"outcome":"good_practice","rationale":"Strong evidence","decided_at":"2026-03-02T09:30:00Z","round_id":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}`
	oldCriteria = `[{"key":"evidence","title":"Evidence","description":"Is it known to work?","tier":"core","weight":2,"scale":{"min":1,"max":4},
		"levels":[{"value":1,"label":"Weak","descriptor":"No data"}],"allow_na":true}]`
	oldScores          = `[{"criterion_key":"evidence","value":3,"comment":"Good"},{"criterion_key":"cost","value":null,"comment":""}]`
	oldTransferability = `{"rating":4,"conditions":"Needs employers"}`
	oldAnswers         = `[{"question":"How to involve employers?","answer":"Early"}]`
	oldFrame           = `{"when":"pre_implementation","planned":"planned","decided_by":["coordinator"],"what":["content"],"level":"organisation",
		"context_modifications":["setting"],"content_modifications":["adding"],"fidelity":"consistent","core_elements_kept":["three talks"],
		"core_elements_changed":[],"goals":["fit"],"reasons":{"organisation":["resources"]}}`
	oldKeyed = `[{"key":"upscaling","title":"Upscaling"}]`
	// A revision snapshot: the content sections sit at the top level beside the title.
	oldSnapshot = `{"title":"Return to work","summary":"Coaching","language":"en","country":"BE","themes":["upscaling"],"target_groups":["employees"],
		"context":"Setting","approach":"Coaching","resources":"Two coaches","scale":{"participants":40,"sites":null,"since_year":2019},
		"evidence":{"level":"monitoring","description":"Follow-up","indicators":["return rate"]},"outcomes":"Most return","transferability":"Anywhere",
		"lessons_learned":"Start early","learning_questions":["How to involve employers?"],"links":[{"title":"Report","url":"https://example.org/r"}],
		"contact":{"name":"An","email":"an@example.org"},"products":` + oldProducts + `,"translations":` + oldTranslations + `}`
)

// roundTrip decodes a stored document, converts it to the domain and back, and fails unless the
// document written again is the one read: same member names, same values, nothing lost.
func roundTrip[D, T any](t *testing.T, name, stored string, toDomain func(D) T, toDoc func(T) D) {
	t.Helper()
	var d D
	if err := json.Unmarshal([]byte(stored), &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	again, err := json.Marshal(toDoc(toDomain(d)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	assertSameJSON(t, name, stored, string(again))
}

func assertSameJSON(t *testing.T, name, want, got string) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !reflect.DeepEqual(w, g) {
		t.Errorf("%s changed on the way through the domain:\nstored %s\nwrote  %s", name, want, got)
	}
}

func each[A, B any](f func(A) B) func([]A) []B { return func(in []A) []B { return lists.Map(in, f) } }

func TestStoredDocumentsRoundTrip(t *testing.T) {
	roundTrip(t, "content", oldContent, practiceContentDoc.toDomain, toContentDoc)
	roundTrip(t, "products", oldProducts, each(productDoc.toDomain), each(toProductDoc))
	roundTrip(t, "translations", oldTranslations, translationsFromDocs, toTranslationDocs)
	roundTrip(t, "decision", oldDecision, decisionDoc.toDomain, toDecisionDoc)
	roundTrip(t, "criteria", oldCriteria, each(criterionDoc.toDomain), each(toCriterionDoc))
	roundTrip(t, "scores", oldScores, each(scoreDoc.toDomain), each(toScoreDoc))
	roundTrip(t, "transferability", oldTransferability, transferabilityDoc.toDomain, toTransferabilityDoc)
	roundTrip(t, "answers", oldAnswers, each(answerDoc.toDomain), each(toAnswerDoc))
	roundTrip(t, "frame", oldFrame, frameDoc.toDomain, toFrameDoc)
	roundTrip(t, "themes", oldKeyed, each(keyedDoc.toDomain), each(toKeyedDoc))
	roundTrip(t, "snapshot", oldSnapshot, snapshotDoc.toDomain, toSnapshotDoc)
}

// TestDocumentMembersAreFixedHere: a document's member names come from its own tags. The domain
// types have none, so renaming a domain field, or an API field, cannot rename a stored member.
func TestDocumentMembersAreFixedHere(t *testing.T) {
	for _, v := range []any{domain.PracticeContent{}, domain.Product{}, domain.Translation{}, domain.Decision{}, domain.Criterion{},
		domain.Score{}, domain.Transferability{}, domain.Answer{}, domain.Frame{}, domain.Keyed{}, domain.PracticeText{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			if tag, ok := typ.Field(i).Tag.Lookup("json"); ok {
				t.Errorf("domain.%s.%s has json tag %q: storage and API names belong to their own types", typ.Name(), typ.Field(i).Name, tag)
			}
		}
	}
	b, _ := json.Marshal(toContentDoc(domain.PracticeContent{}))
	assertSameJSON(t, "empty content", `{"context":"","approach":"","resources":"","scale":{"participants":null,"sites":null,"since_year":null},
		"evidence":{"level":"","description":"","indicators":null},"outcomes":"","transferability":"","lessons_learned":"","learning_questions":null,
		"links":null,"contact":{"name":"","email":""}}`, string(b))
}

// newTestStore opens a store on a fresh test database, closed when t ends, with one
// organisation and one programme in it.
func newTestStore(t *testing.T) (*Store, domain.Organisation, domain.Programme) {
	t.Helper()
	db, err := Open(testdb.New(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewStore(db)
	org, err := s.CreateOrganisation(context.Background(), domain.Organisation{ID: uuid.New(), Name: "Org", Country: "BE", Kind: "ngo", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := s.CreateProgramme(context.Background(), domain.Programme{ID: uuid.New(), Name: "P", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	return s, org, prog
}

// execer runs SQL statements straight on s, failing t on the first error.
func execer(t *testing.T, s *Store) func(q string, args ...any) {
	return func(q string, args ...any) {
		t.Helper()
		if _, err := s.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOldRowsStillRead writes documents in their old shape straight into the tables, reads them
// through the store, writes them back, and checks that the stored documents did not change.
func TestOldRowsStillRead(t *testing.T) {
	s, org, prog := newTestStore(t)
	ctx := context.Background()
	user, err := s.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "u@example.org", Name: "U", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreatePractice(ctx, domain.Practice{ID: uuid.New(), ProgrammeID: prog.ID, OrganisationID: org.ID, CreatedBy: user.ID,
		PracticeText: domain.PracticeText{Title: "Return to work", Language: "en", Country: "BE"}, Status: domain.StatusDraft, Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	exec := execer(t, s)
	exec(`UPDATE practices SET content = $2, products = $3, translations = $4, decision = $5 WHERE id = $1`,
		p.ID, oldContent, oldProducts, oldTranslations, oldDecision)
	exec(`INSERT INTO practice_revisions (practice_id, number, snapshot, created_by) VALUES ($1, 1, $2, $3)`, p.ID, oldSnapshot, user.ID)

	p, err = s.Practice(ctx, p.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if p.Content.Evidence.Level != "monitoring" || *p.Content.Scale.Participants != 40 || p.Products[0].CoreElements[0] != "three talks" ||
		p.Translations["nl"].Products[0].Name != "Gids" || p.Decision.Outcome != "good_practice" {
		t.Fatalf("old practice documents read wrongly: %+v", p)
	}
	revs, err := s.RevisionsByNumber(ctx, p.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	snap := revs[1].Snapshot
	if snap.Title != "Return to work" || snap.Content.Contact.Email != "an@example.org" || snap.Translations["nl"].Title != "Titel" {
		t.Fatalf("old snapshot read wrongly: %+v", snap)
	}

	if _, err := s.UpdatePractice(ctx, p, p.Version); err != nil {
		t.Fatal(err)
	}
	exec(`DELETE FROM practice_revisions WHERE practice_id = $1`, p.ID)
	if err := s.InsertRevision(ctx, revs[1]); err != nil {
		t.Fatal(err)
	}
	var content, products, translations, decision, snapshot string
	if err := s.SQL().QueryRow(`SELECT p.content::text, p.products::text, p.translations::text, p.decision::text, r.snapshot::text
		FROM practices p JOIN practice_revisions r ON r.practice_id = p.id WHERE p.id = $1`, p.ID).
		Scan(&content, &products, &translations, &decision, &snapshot); err != nil {
		t.Fatal(err)
	}
	assertSameJSON(t, "stored content", oldContent, content)
	assertSameJSON(t, "stored products", oldProducts, products)
	assertSameJSON(t, "stored translations", oldTranslations, translations)
	assertSameJSON(t, "stored decision", oldDecision, decision)
	assertSameJSON(t, "stored snapshot", oldSnapshot, snapshot)
}
