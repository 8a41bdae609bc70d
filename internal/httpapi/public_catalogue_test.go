package httpapi_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// publicCatalogue: two published practices of a programme with a public catalogue, one of them
// for employers and translated into French by machine.
func publicCatalogue(t *testing.T) (w *world, translated, plain string) {
	w = newWorld(t)
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = true,
		target_groups = '[{"key": "employers", "title": "Employers"}, {"key": "jobseekers", "title": "Jobseekers"}]' WHERE id = $1`, w.prog.ID); err != nil {
		t.Fatal(err)
	}
	body := fullPractice("Employer network", "en")
	body["target_groups"] = []string{"employers"}
	p := w.createPractice(w.tok["partner"], body)
	translated = p["id"].(string)
	must(t, w.do(req{method: "PUT", path: "/api/v1/practices/" + translated + "/translations/fr", token: w.tok["partner"],
		header: map[string]string{"If-Match": fmt.Sprintf(`"%v"`, p["version"])},
		body:   map[string]any{"status": "machine", "title": "Réseau d’employeurs", "summary": "Un réseau d’employeurs"}}), 200)
	plain = w.createPractice(w.tok["partner"], fullPractice("Peer coaching", "en"))["id"].(string)
	w.setStatus(translated, domain.StatusPublished)
	w.setStatus(plain, domain.StatusPublished)
	return w, translated, plain
}

func publicItems(t *testing.T, w *world, query string) map[string]map[string]any {
	t.Helper()
	body := must(t, w.get("/api/v1/public/practices?"+query, ""), 200).json(t)
	out := map[string]map[string]any{}
	for _, it := range body["items"].([]any) {
		m := it.(map[string]any)
		out[m["id"].(string)] = m
	}
	return out
}

func TestPublicCatalogueFiltersByThemeAndTargetGroup(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	if got := publicItems(t, w, "theme=upscaling"); len(got) != 2 {
		t.Fatalf("theme filter: %v", got)
	}
	got := publicItems(t, w, "target_group=employers")
	if len(got) != 1 || got[translated] == nil {
		t.Fatalf("target group filter: %v", got)
	}
	if got := publicItems(t, w, "target_group=jobseekers&theme=upscaling"); len(got) != 0 {
		t.Fatalf("a target group no practice has: %v", got)
	}
	refused(t, w.get("/api/v1/public/practices?theme=no_such_theme", ""), "theme", string(domain.FieldUnknownTheme))
	refused(t, w.get("/api/v1/public/practices?target_group=no_such_group", ""), "target_group", string(domain.FieldOneOf))
	refused(t, w.get("/api/v1/public/practices?theme=Not%20a%20key", ""), "theme", string(domain.FieldFormat))
	// A theme only a programme without a public catalogue has is unknown to the catalogue.
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET themes = themes || '[{"key": "private_theme", "title": "Private"}]' WHERE id = $1`, w.other.ID); err != nil {
		t.Fatal(err)
	}
	refused(t, w.get("/api/v1/public/practices?theme=private_theme", ""), "theme", string(domain.FieldUnknownTheme))

	// The filters offered are the catalogue's own, with their titles and translated titles.
	v := must(t, w.get("/api/v1/public/vocabulary", ""), 200).json(t)
	if fmt.Sprint(v["themes"]) != "[map[key:upscaling title:Scaling up titles:map[]]]" ||
		fmt.Sprint(v["target_groups"]) != "[map[key:employers title:Employers titles:map[]] map[key:jobseekers title:Jobseekers titles:map[]]]" {
		t.Fatalf("vocabulary: %v", v)
	}
	_ = plain
}

func TestPublicCatalogueInTheReadersLanguage(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	fr := publicItems(t, w, "lang=fr")
	tr, ok := fr[translated]["translation"].(map[string]any)
	if !ok || tr["language"] != "fr" || tr["status"] != "machine" || tr["title"] != "Réseau d’employeurs" || tr["summary"] != "Un réseau d’employeurs" {
		t.Fatalf("French translation: %v", fr[translated])
	}
	if fr[translated]["title"] != "Employer network" {
		t.Fatalf("the original title is kept beside the translation: %v", fr[translated]["title"])
	}
	if _, has := fr[plain]["translation"]; has {
		t.Fatalf("a practice without a French translation: %v", fr[plain])
	}
	// In the original's language, or without a language, no translation is attached.
	for _, q := range []string{"lang=en", "lang=de", ""} {
		for id, it := range publicItems(t, w, q) {
			if _, has := it["translation"]; has {
				t.Fatalf("%q: %s carries a translation: %v", q, id, it)
			}
		}
	}
	refused(t, w.get("/api/v1/public/practices?lang=not-a-language!", ""), "lang", string(domain.FieldLanguage))
}

// decideInRound records a decision on a practice through the API, in a round named name: the
// practice is added to the round, which is then closed for the decision.
func (w *world) decideInRound(id, name, outcome string) string {
	w.t.Helper()
	if err := w.svc.EnsureDefaultRubric(context.Background(), w.prog.ID); err != nil {
		w.t.Fatal(err)
	}
	round := must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/rounds", token: w.tok["coordinator"], body: map[string]any{
		"name": name, "due_at": time.Now().Add(14 * 24 * time.Hour).UTC().Format(time.RFC3339), "reviewers_per_practice": 1, "max_load": 3}}), 201).json(w.t)["id"].(string)
	w.setStatus(id, domain.StatusSubmitted)
	must(w.t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: w.tok["coordinator"], body: map[string]any{"practice_ids": []string{id}}}), 200)
	if _, err := w.db.SQL().Exec(`UPDATE rounds SET status = 'closed' WHERE id = $1`, round); err != nil {
		w.t.Fatal(err)
	}
	w.setStatus(id, domain.StatusInReview)
	must(w.t, w.do(req{method: "POST", path: "/api/v1/practices/" + id + "/decision", token: w.tok["coordinator"],
		body: map[string]any{"round_id": round, "outcome": outcome, "rationale": "Confidential rationale about reviewer Anna."}}), 200)
	return round
}

func TestPublicCatalogueShowsTheDecisionsLabelAndRound(t *testing.T) {
	w, translated, plain := publicCatalogue(t) // both published without any decision
	good := w.createPractice(w.tok["partner"], fullPractice("Job coaching in hospitals", "en"))["id"].(string)
	promising := w.createPractice(w.tok["partner"], fullPractice("Peer mentors", "en"))["id"].(string)
	sentBack := w.createPractice(w.tok["partner"], fullPractice("Sent back", "en"))["id"].(string)
	spring := w.decideInRound(good, "Spring round 2026", "good_practice")
	w.decideInRound(promising, "Autumn round 2026", "promising_practice")
	w.decideInRound(sentBack, "Winter round 2026", "revision_requested")

	all := publicItems(t, w, "")
	if len(all) != 4 || all[sentBack] != nil {
		t.Fatalf("the catalogue holds the four published practices only: %v", all)
	}
	rec, ok := all[good]["recognition"].(map[string]any)
	if !ok || rec["label"] != "good_practice" || rec["decided_at"] == "" {
		t.Fatalf("the good practice's label: %v", all[good])
	}
	if round, _ := rec["round"].(map[string]any); round == nil || round["id"] != spring || round["name"] != "Spring round 2026" {
		t.Fatalf("the round it came from: %v", rec)
	}
	if rec := all[promising]["recognition"].(map[string]any); rec["label"] != "promising_practice" || rec["round"].(map[string]any)["name"] != "Autumn round 2026" {
		t.Fatalf("the promising practice's label: %v", rec)
	}
	for _, id := range []string{translated, plain} {
		if r, has := all[id]["recognition"]; !has || r != nil {
			t.Fatalf("a practice published without a recorded decision has no label: %v", all[id])
		}
	}

	page := must(t, w.get("/api/v1/public/practices/"+good, ""), 200)
	body := page.json(t)
	if rec := body["recognition"].(map[string]any); rec["label"] != "good_practice" || rec["round"].(map[string]any)["name"] != "Spring round 2026" {
		t.Fatalf("the practice page's label: %v", body["recognition"])
	}
	if body["decision"] != nil {
		t.Fatalf("the decision itself stays inside: %v", body["decision"])
	}
	for _, r := range []response{page, w.get("/api/v1/public/practices", "")} {
		for _, secret := range []string{"Confidential rationale", "coord@example.org", w.coord.ID.String(), "decided_by", "rationale"} {
			if strings.Contains(string(r.Body), secret) {
				t.Fatalf("a public answer shows %q: %s", secret, r.Body)
			}
		}
	}
	if body := must(t, w.get("/api/v1/public/practices/"+plain, ""), 200).json(t); body["recognition"] != nil {
		t.Fatalf("no decision, no label: %v", body["recognition"])
	}
	must(t, w.get("/api/v1/public/practices/"+sentBack, ""), 404)

	// Filtering by label, alone and with the other filters, with the count.
	for q, want := range map[string][]string{
		"label=good_practice":                        {good},
		"label=promising_practice":                   {promising},
		"label=good_practice&theme=upscaling":        {good},
		"label=good_practice&q=hospitals":            {good},
		"label=promising_practice&q=hospitals":       {},
		"target_group=employers&label=good_practice": {},
	} {
		body := must(t, w.get("/api/v1/public/practices?"+q, ""), 200).json(t)
		items := body["items"].([]any)
		if int(body["total"].(float64)) != len(want) || len(items) != len(want) {
			t.Fatalf("%s: %d of %v, want %v", q, len(items), body["total"], want)
		}
		for i, id := range want {
			if items[i].(map[string]any)["id"] != id {
				t.Fatalf("%s: %v", q, items)
			}
		}
	}
	refused(t, w.get("/api/v1/public/practices?label=not_retained", ""), "label", string(domain.FieldOneOf))
}

func TestPublicCatalogueByProgramme(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = true, languages = '["nl", "fr"]',
		translations = '{"fr": {"name": "Second parcours", "description": "Le second parcours", "objective": ""}}',
		target_groups = '[{"key": "employers", "title": "Employers", "titles": {"fr": "Employeurs", "nl": ""}}]' WHERE id = $1`, w.other.ID); err != nil {
		t.Fatal(err)
	}
	w.member(w.other, w.partner, domain.RolePartner)
	elsewhere := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.other.ID.String() + "/practices", token: w.tok["partner"],
		body: fullPractice("Second track practice", "en")}), 201).json(t)["id"].(string)
	w.setStatus(elsewhere, domain.StatusPublished)

	if got := publicItems(t, w, ""); len(got) != 3 {
		t.Fatalf("the catalogue holds both programmes' practices: %v", got)
	}
	got := publicItems(t, w, "programme_id="+w.prog.ID.String())
	if len(got) != 2 || got[translated] == nil || got[plain] == nil {
		t.Fatalf("programme filter: %v", got)
	}
	if got := publicItems(t, w, "programme_id="+w.other.ID.String()+"&theme=upscaling"); len(got) != 1 || got[elsewhere] == nil {
		t.Fatalf("programme and theme: %v", got)
	}
	refused(t, w.get("/api/v1/public/practices?programme_id=nope", ""), "programme_id", string(domain.FieldFormat))

	// The programme's public page: its description, languages and vocabularies in the reader's language.
	p := must(t, w.get("/api/v1/public/programmes/"+w.other.ID.String()+"?lang=fr", ""), 200).json(t)
	if p["name"] != "Second track" || p["translation"].(map[string]any)["name"] != "Second parcours" || fmt.Sprint(p["languages"]) != "[nl fr]" {
		t.Fatalf("public programme: %v", p)
	}
	groups := p["target_groups"].([]any)
	if len(groups) != 1 || groups[0].(map[string]any)["label"] != "Employeurs" || groups[0].(map[string]any)["title"] != "Employers" {
		t.Fatalf("target groups in French: %v", groups)
	}
	if th := p["themes"].([]any); len(th) != 1 || th[0].(map[string]any)["label"] != "Scaling up" {
		t.Fatalf("a theme without a French title falls back to the original: %v", th)
	}
	nl := must(t, w.get("/api/v1/public/programmes/"+w.other.ID.String()+"?lang=nl", ""), 200).json(t)
	if _, has := nl["translation"]; has || nl["target_groups"].([]any)[0].(map[string]any)["label"] != "Employers" {
		t.Fatalf("Dutch falls back to the original: %v", nl)
	}
	for _, key := range []string{"members", "public_catalogue", "my_roles", "version"} {
		if _, has := p[key]; has {
			t.Fatalf("the public programme shows %s", key)
		}
	}
	if _, err := w.db.SQL().Exec(`UPDATE programmes SET public_catalogue = false WHERE id = $1`, w.other.ID); err != nil {
		t.Fatal(err)
	}
	must(t, w.get("/api/v1/public/programmes/"+w.other.ID.String(), ""), 404)
	must(t, w.get("/api/v1/public/programmes/"+uuid.NewString(), ""), 404)
	refused(t, w.get("/api/v1/public/programmes/"+w.prog.ID.String()+"?lang=??", ""), "lang", string(domain.FieldLanguage))
}

func TestPublicPracticeInTheReadersLanguage(t *testing.T) {
	w, translated, plain := publicCatalogue(t)
	fr := must(t, w.get("/api/v1/public/practices/"+translated+"?lang=fr", ""), 200).json(t)
	tr, ok := fr["translation"].(map[string]any)
	if !ok || tr["language"] != "fr" || tr["status"] != "machine" || tr["title"] != "Réseau d’employeurs" || tr["summary"] != "Un réseau d’employeurs" {
		t.Fatalf("the French translation first: %v", fr["translation"])
	}
	if fr["title"] != "Employer network" || fr["language"] != "en" {
		t.Fatalf("the original stays, with its language: %v %v", fr["title"], fr["language"])
	}
	// No translation into the language, or the original's language: the original alone.
	for _, path := range []string{translated + "?lang=de", translated + "?lang=en", translated, plain + "?lang=fr"} {
		if body := must(t, w.get("/api/v1/public/practices/"+path, ""), 200).json(t); body["translation"] != nil {
			t.Fatalf("%s: %v", path, body["translation"])
		}
	}
	refused(t, w.get("/api/v1/public/practices/"+translated+"?lang=!!", ""), "lang", string(domain.FieldLanguage))
}
