package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// problemFields maps each field of a 400 to its code.
func problemFields(t *testing.T, r response) map[string]string {
	t.Helper()
	out := map[string]string{}
	errs, _ := r.json(t)["errors"].([]any)
	for _, e := range errs {
		m := e.(map[string]any)
		out[m["field"].(string)], _ = m["code"].(string)
	}
	return out
}

func TestProgrammeTranslationsAreReadAndWrittenWithIfMatch(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String()
	got := must(t, w.get(path, w.tok["partner"]), 200)
	p := got.json(t)
	if tr, ok := p["translations"].(map[string]any); !ok || len(tr) != 0 {
		t.Fatalf("an untranslated programme: translations %v", p["translations"])
	}
	if titles, ok := p["themes"].([]any)[0].(map[string]any)["titles"].(map[string]any); !ok || len(titles) != 0 {
		t.Fatalf("an untranslated theme: %v", p["themes"])
	}
	tag := got.Header.Get("ETag")
	body := map[string]any{
		"translations": map[string]any{
			"nl": map[string]any{"name": "Terug naar werk", "objective": "Meer mensen aan het werk"},
			"fr": map[string]any{"name": "Retour au travail", "description": "  "},
		},
		"themes":        []any{map[string]any{"key": "upscaling", "title": "Scaling up", "titles": map[string]any{"fr": "Changement d'échelle", "de": " "}}},
		"target_groups": []any{map[string]any{"key": "older_workers", "title": "Older employees", "titles": map[string]any{"nl": "Oudere werknemers"}}},
	}
	patched := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: body}), 200)
	p = patched.json(t)
	tr := p["translations"].(map[string]any)
	if tr["nl"].(map[string]any)["name"] != "Terug naar werk" || tr["fr"].(map[string]any)["description"] != "" || tr["nl"].(map[string]any)["description"] != "" {
		t.Fatalf("translations after PATCH: %v", tr)
	}
	titles := p["themes"].([]any)[0].(map[string]any)["titles"].(map[string]any)
	if titles["fr"] != "Changement d'échelle" || titles["de"] != nil {
		t.Fatalf("theme titles (a blank one is dropped): %v", titles)
	}
	// Every member reads them, in the list too.
	list := must(t, w.get("/api/v1/programmes", w.tok["reviewer"]), 200).json(t)["items"].([]any)
	if list[0].(map[string]any)["translations"].(map[string]any)["fr"].(map[string]any)["name"] != "Retour au travail" {
		t.Fatalf("programme list: %v", list[0])
	}
	// A write based on the old version is refused and changes nothing.
	stale := w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag},
		body: map[string]any{"translations": map[string]any{"de": map[string]any{"name": "Rückkehr"}}}})
	must(t, stale, 412)
	if stale.code() != "version_mismatch" {
		t.Fatalf("stale write: %s", stale.Body)
	}
	if _, ok := must(t, w.get(path, w.tok["coordinator"]), 200).json(t)["translations"].(map[string]any)["de"]; ok {
		t.Fatal("the stale write was applied")
	}
	// A new programme takes its translations from the start, and its default rubric comes complete.
	created := must(t, w.do(req{method: "POST", path: "/api/v1/programmes", token: w.tok["admin"], body: map[string]any{
		"name": "Rückkehr", "translations": map[string]any{"en": map[string]any{"name": "Return"}},
		"themes": []any{map[string]any{"key": "networks", "title": "Netzwerke", "titles": map[string]any{"fr-BE": "Réseaux"}}},
	}}), 201).json(t)
	if created["translations"].(map[string]any)["en"].(map[string]any)["name"] != "Return" ||
		created["themes"].([]any)[0].(map[string]any)["titles"].(map[string]any)["fr-BE"] != "Réseaux" {
		t.Fatalf("created programme: %v", created)
	}
	// Other roles cannot translate.
	must(t, w.do(req{method: "PATCH", path: path, token: w.tok["partner"], header: map[string]string{"If-Match": patched.Header.Get("ETag")},
		body: map[string]any{"translations": map[string]any{}}}), 403)
}

func TestProgrammeTranslationsAreValidated(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String()
	tag := w.get(path, w.tok["coordinator"]).Header.Get("ETag")
	res := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: map[string]any{
		"translations": map[string]any{
			"xx-QQQQQQQQQ": map[string]any{"name": "x"},
			"fr":           map[string]any{"name": strings.Repeat("n", 201), "objective": "a\x00b"},
		},
		"themes": []any{map[string]any{"key": "upscaling", "title": "Scaling up", "titles": map[string]any{"Deutsch": "Hochskalieren", "nl": strings.Repeat("t", 201)}}},
	}}), 400)
	fields := problemFields(t, res)
	// NUL characters are refused before anything else is looked at.
	if fields["translations.fr.objective"] != "nul_character" {
		t.Fatalf("fields: %v", fields)
	}
	res = must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: map[string]string{"If-Match": tag}, body: map[string]any{
		"translations": map[string]any{
			"xx-QQQQQQQQQ": map[string]any{"name": "x"},
			"fr":           map[string]any{"name": strings.Repeat("n", 201)},
		},
		"themes": []any{map[string]any{"key": "upscaling", "title": "Scaling up", "titles": map[string]any{"Deutsch": "Hochskalieren", "nl": strings.Repeat("t", 201)}}},
	}}), 400)
	fields = problemFields(t, res)
	want := map[string]string{
		"translations.xx-QQQQQQQQQ": "invalid_language",
		"translations.fr.name":      "too_long",
		"themes[0].titles.Deutsch":  "invalid_language",
		"themes[0].titles.nl":       "too_long",
	}
	for f, code := range want {
		if fields[f] != code {
			t.Errorf("field %s: code %q, want %q (all: %v)", f, fields[f], code, fields)
		}
	}
}

func TestRubricTranslations(t *testing.T) {
	w := newReviewWorld(t)
	path := "/api/v1/rubrics/" + w.rubricID
	got := must(t, w.get(path, w.tok["reviewer"]), 200)
	r := got.json(t)
	criteria := r["criteria"].([]any)
	// The default rubric arrives complete in Dutch, French and German.
	for _, c := range criteria {
		cm := c.(map[string]any)
		tr := cm["translations"].(map[string]any)
		for _, lang := range []string{"nl", "fr", "de"} {
			text, ok := tr[lang].(map[string]any)
			if !ok || text["title"] == "" || text["description"] == "" || len(text["levels"].([]any)) != len(cm["levels"].([]any)) {
				t.Fatalf("criterion %s in %s: %v", cm["key"], lang, tr[lang])
			}
		}
	}
	if criteria[0].(map[string]any)["translations"].(map[string]any)["fr"].(map[string]any)["title"] != "Pertinence" {
		t.Fatalf("relevance in French: %v", criteria[0])
	}
	ifMatch := func(tag string) map[string]string { return map[string]string{"If-Match": tag} }

	// A level value off the scale, a value given twice and a bad language tag name their fields.
	bad := cloneJSON(t, criteria)
	c2 := bad[2].(map[string]any)
	c2["translations"].(map[string]any)["fr"] = map[string]any{"title": "Fondements", "levels": []any{
		map[string]any{"value": 3, "label": "x"}, map[string]any{"value": 1, "label": "a"}, map[string]any{"value": 1, "label": "b"}}}
	c2["translations"].(map[string]any)["english"] = map[string]any{"title": "x"}
	res := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(got.Header.Get("ETag")), body: map[string]any{"criteria": bad}}), 400)
	fields := problemFields(t, res)
	if fields["criteria[2].translations.english"] != "invalid_language" {
		t.Fatalf("language tag: %v", fields)
	}
	delete(c2["translations"].(map[string]any), "english")
	res = must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(got.Header.Get("ETag")), body: map[string]any{"criteria": bad}}), 400)
	fields = problemFields(t, res)
	if fields["criteria[2].translations.fr.levels[0].value"] != "not_allowed" || fields["criteria[2].translations.fr.levels[2].value"] != "duplicate" {
		t.Fatalf("level values: %v", fields)
	}

	// A partial translation is kept as sent; blank texts are dropped.
	edit := cloneJSON(t, criteria)
	e0 := edit[0].(map[string]any)
	e0["translations"].(map[string]any)["fr"] = map[string]any{"title": "Pertinence du besoin", "description": "", "levels": []any{map[string]any{"value": 1, "label": "Oui", "descriptor": ""}}}
	e0["translations"].(map[string]any)["fi"] = map[string]any{"title": "Merkityksellisyys"}
	ok := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(got.Header.Get("ETag")), body: map[string]any{"criteria": edit}}), 200)
	fr := ok.json(t)["criteria"].([]any)[0].(map[string]any)["translations"].(map[string]any)["fr"].(map[string]any)
	if fr["title"] != "Pertinence du besoin" || fr["description"] != "" || len(fr["levels"].([]any)) != 1 {
		t.Fatalf("partial French translation: %v", fr)
	}
	// The stale version is refused.
	stale := w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(got.Header.Get("ETag")), body: map[string]any{"criteria": edit}})
	if must(t, stale, 412).code() != "version_mismatch" {
		t.Fatalf("stale rubric write: %s", stale.Body)
	}

	// Once a round uses the rubric, translations may still be added and changed...
	w.newRound(false)
	cur := must(t, w.get(path, w.tok["coordinator"]), 200)
	frozen := cur.json(t)
	if frozen["in_use"] != true {
		t.Fatal("the rubric is not in use")
	}
	fc := frozen["criteria"].([]any)
	fc[4].(map[string]any)["translations"].(map[string]any)["ga"] = map[string]any{"title": "Éifeachtacht agus éifeachtúlacht"}
	after := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(cur.Header.Get("ETag")), body: map[string]any{"criteria": fc}}), 200)
	if after.json(t)["criteria"].([]any)[4].(map[string]any)["translations"].(map[string]any)["ga"] == nil {
		t.Fatal("the Irish translation of a rubric in use was not kept")
	}
	// ... with If-Match as always ...
	if must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(cur.Header.Get("ETag")), body: map[string]any{"criteria": fc}}), 412).code() != "version_mismatch" {
		t.Fatal("a stale translation of a rubric in use was not refused")
	}
	// ... but what reviewers judge does not change.
	fc = after.json(t)["criteria"].([]any)
	fc[4].(map[string]any)["levels"].([]any)[0].(map[string]any)["descriptor"] = "Changed"
	changed := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(after.Header.Get("ETag")), body: map[string]any{"criteria": fc}}), 409)
	if changed.code() != "rubric_in_use" {
		t.Fatal(string(changed.Body))
	}
	fc[4].(map[string]any)["levels"].([]any)[0].(map[string]any)["descriptor"] = criteria[4].(map[string]any)["levels"].([]any)[0].(map[string]any)["descriptor"]
	must(t, w.do(req{method: "PATCH", path: path, token: w.tok["coordinator"], header: ifMatch(after.Header.Get("ETag")), body: map[string]any{"criteria": fc, "title": "Renamed"}}), 409)
}

// cloneJSON deep-copies a decoded JSON list so a test can edit it freely.
func cloneJSON(t *testing.T, v []any) []any {
	t.Helper()
	var out []any
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
