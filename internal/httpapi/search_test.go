package httpapi_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func (w *world) search(token, query string) []map[string]any {
	w.t.Helper()
	r := must(w.t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/practices?"+query, token), 200).json(w.t)
	var out []map[string]any
	for _, it := range r["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

func titles(items []map[string]any) string {
	var t []string
	for _, it := range items {
		t = append(t, it["title"].(string))
	}
	return strings.Join(t, " | ")
}

func TestMultilingualSearch(t *testing.T) {
	testMultilingualSearch(t, newWorld(t))
}

// TestNoRUMIndexes: migration 0029 removes the RUM indexes 0007 and 0009 create where the rum
// extension loads (Debian's 1.3.13 corrupted one and hung an update that no cancellation could
// stop), and search reads neither those nor the whole table.
func TestNoRUMIndexes(t *testing.T) {
	w := newWorld(t)
	var n int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM pg_class c JOIN pg_am am ON am.oid = c.relam
		WHERE c.relkind = 'i' AND am.amname NOT IN ('btree', 'gin', 'gist', 'hash', 'brin', 'spgist')`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d indexes use an access method from an extension", n)
	}
	plan, err := w.store.ExplainPractices(context.Background(), domain.PracticeFilter{ProgrammeID: &w.prog.ID, Query: "employer",
		Viewer: domain.PracticeSearchViewer{OrganisationID: w.orgFR.ID, UserID: w.reviewer.ID}}, domain.PageRequest{Page: 1, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plan, "_rum") || strings.Contains(plan, "Seq Scan on practices") {
		t.Fatalf("search reads a RUM index or the whole table:\n%s", plan)
	}
}

func testMultilingualSearch(t *testing.T, w *world) {
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET themes = '[{"key":"upscaling","title":"Scaling up"},{"key":"placements","title":"Placements"}]',
		target_groups = '[{"key":"second_track","title":"Second track"}]' WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	mk := func(body map[string]any, publish bool) string {
		id := w.createPractice(w.tok["partner"], body)["id"].(string)
		if publish {
			w.setStatus(id, domain.StatusPublished)
		}
		return id
	}
	nl := fullPractice("Leerwerkplekken in de zorg", "nl")
	nl["summary"] = "Een netwerk waarin elke werkgever een werk-leerplek aanbiedt voor werknemers in het tweede spoor."
	nl["themes"] = []string{"placements"}
	nl["target_groups"] = []string{"second_track"}
	nl["products"] = []map[string]any{{"name": "Plaatsingsregeling", "kind": "placement", "core_elements": []string{"Begeleiding op de werkvloer"}}}
	nl["context"], nl["approach"] = "Langdurig verzuim.", "Bedrijven delen leerplekken."
	mk(nl, true)
	en := fullPractice("Coaching for returning staff", "en")
	en["summary"] = "Each employer gets a coach who prepares the team for the return of a colleague."
	en["evidence"] = map[string]any{"level": "evaluation"}
	mk(en, true)
	fr := fullPractice("Accompagnement des salariés", "fr")
	fr["summary"] = "Un accompagnement individuel des salariés atteints de cancer pendant leur retour au travail."
	fr["products"] = []map[string]any{{"name": "Guide du retour", "kind": "information", "core_elements": []string{"Entretien préalable"}}}
	fr["context"], fr["approach"] = "Le cancer au travail.", "Un conseiller suit chaque personne."
	mk(fr, true)
	titleHit := fullPractice("Employer toolkit", "en")
	titleHit["summary"] = "Templates and checklists."
	mk(titleHit, true)
	draft := fullPractice("Secret werkgever draft", "nl")
	mk(draft, false)

	other := "reviewer" // a member of another organisation: sees published practices only
	cases := []struct {
		query, want string
	}{
		{"q=werkgevers", "Leerwerkplekken in de zorg"},                            // Dutch plural finds the singular
		{"q=employers", "Employer toolkit | Coaching for returning staff"},        // English plural; the title match ranks first
		{"q=salarié", "Accompagnement des salariés"},                              // French stem
		{"q=employer&evidence_level=evaluation", "Coaching for returning staff"},  // filters combine with search
		{"q=werkgever&theme=placements&country=NL", "Leerwerkplekken in de zorg"}, // and with each other
		{"theme=placements&target_group=second_track", "Leerwerkplekken in de zorg"},
		{"q=werkgever&theme=upscaling", ""},
		{"language=fr", "Accompagnement des salariés"},
		{"q=zzzzunknownword", ""},
		// Several words: the practice with all of them in its title or summary ranks before a
		// newer one with them only in its body.
		{"q=employer%20return", "Coaching for returning staff | Employer toolkit"},
		// Words only in bodies (the English practices' products): newest first, page by page.
		{"q=joint%20plan", "Employer toolkit | Coaching for returning staff"},
		{"q=joint%20plan&page_size=1&page=2", "Coaching for returning staff"},
		{"sort=title&status=published", "Accompagnement des salariés | Coaching for returning staff | Employer toolkit | Leerwerkplekken in de zorg"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			if got := titles(w.search(w.tok[other], c.query)); got != c.want {
				t.Fatalf("%s: got %q, want %q", c.query, got, c.want)
			}
		})
	}
	// The owner finds their own draft; nobody else does.
	if got := titles(w.search(w.tok["partner"], "q=werkgever&status=draft")); got != "Secret werkgever draft" {
		t.Fatalf("owner's draft search: %q", got)
	}
	if got := titles(w.search(w.tok["coordinator"], "q=secret")); got != "" {
		t.Fatalf("coordinator found a draft: %q", got)
	}
	for _, bad := range []string{"country=nl", "status=lost", "evidence_level=rumour", "theme=Bad%20Key", "sort=rank", "q=" + strings.Repeat("x", 201)} {
		must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/practices?"+bad, w.tok["partner"]), 400)
	}
}

// TestSearchUsesIndexes fills the table with many practices and checks the plan of the real
// list query: every search and listing can be served by indexes, never only by reading the
// whole table.
func TestSearchUsesIndexes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.db.SQL().Exec(`INSERT INTO practices (id, programme_id, organisation_id, created_by, title, summary, language, country, status, content)
		SELECT gen_random_uuid(), $1, $2, $3, 'Practice ' || g, 'Support for employees in sector' || (g % 400) || ' with ' ||
			(ARRAY['coaching','placements','assessment','training'])[1 + g % 4], (ARRAY['en','nl','fr','de'])[1 + g % 4], 'NL',
			(ARRAY['published','draft','submitted'])[1 + g % 3], '{"context":"A long description of the setting"}'
		FROM generate_series(1, 12000) g`, w.other.ID, w.orgNL.ID, w.partner.ID); err != nil {
		t.Fatal(err)
	}
	// A tenth of the published practices carry a decision's label, as in the public catalogue.
	if _, err := w.db.SQL().Exec(`UPDATE practices SET decision = jsonb_build_object('outcome',
		CASE WHEN title LIKE '%0' THEN 'good_practice' ELSE 'promising_practice' END, 'decided_at', now(), 'round_id', gen_random_uuid())
		WHERE status = 'published' AND title ~ '[05]$'`); err != nil {
		t.Fatal(err)
	}
	// As autovacuum would: flush the GIN pending list and gather statistics.
	if _, err := w.db.SQL().Exec(`VACUUM ANALYZE practices`); err != nil {
		t.Fatal(err)
	}
	viewer := domain.PracticeSearchViewer{OrganisationID: w.orgFR.ID, UserID: w.reviewer.ID}
	for _, f := range []domain.PracticeFilter{
		{ProgrammeID: &w.other.ID, Query: "werkgever", Viewer: viewer},
		{ProgrammeID: &w.other.ID, Query: "sector17 coaching", Viewer: viewer},
		{Public: true, Query: "sector123"},
		{Public: true, Theme: "upscaling", ReadingLanguage: "fr"},
		{Public: true, TargetGroup: "employers"},
		{Public: true, Label: "good_practice", ReadingLanguage: "fr"},
		{Public: true, ProgrammeID: &w.other.ID, Label: "promising_practice"},
		{Public: true, ProgrammeID: &w.other.ID},
		{Public: true, Query: "sector123", Label: "good_practice"},
		{ProgrammeID: &w.prog.ID, Viewer: viewer},
	} {
		plan, err := w.store.ExplainPractices(ctx, f, domain.PageRequest{Page: 1, Size: 20})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(plan, "Seq Scan on practices") {
			t.Fatalf("search %+v scans the whole table:\n%s", f.Query, plan)
		}
		if !strings.Contains(plan, "Index") {
			t.Fatalf("no index in plan:\n%s", plan)
		}
		if f.Query != "" && !strings.Contains(plan, "practices_search") {
			t.Fatalf("text search %q does not use the full-text index:\n%s", f.Query, plan)
		}
	}
	// A search of several words ranks on the practices' heads, never on their full text.
	plan, err := w.store.ExplainPractices(ctx, domain.PracticeFilter{ProgrammeID: &w.other.ID, Query: "sector17 coaching", Viewer: viewer}, domain.PageRequest{Page: 1, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "practices_search_head") {
		t.Fatalf("search of several words does not read the head index:\n%s", plan)
	}
	// And the answer is still right at this size: 3,000 matches are more than the store counts
	// exactly, so the total is an estimate, and says so.
	items := must(t, w.get(fmt.Sprintf("/api/v1/programmes/%s/practices?q=coaching&page_size=5", w.other.ID), w.tok["admin"]), 200).json(t)
	if est, _ := items["total_is_estimate"].(bool); !est {
		t.Fatalf("total of 3000 matches is not marked as an estimate: %v", items)
	}
	if n := items["total"].(float64); n < 2400 || n > 3600 {
		t.Fatalf("estimated %v coaching practices, want about 3000", n)
	}
	if n := len(items["items"].([]any)); n != 5 {
		t.Fatalf("page holds %d practices, want 5", n)
	}
	// A selective search over what the reviewer may see: published practices of sector 17.
	sector := must(t, w.get(fmt.Sprintf("/api/v1/programmes/%s/practices?q=sector17", w.other.ID), w.tok["admin"]), 200).json(t)
	if sector["total"].(float64) != 30 || sector["total_is_estimate"].(bool) {
		t.Fatalf("found %v practices of sector 17 (estimate: %v), want exactly 30", sector["total"], sector["total_is_estimate"])
	}
}
