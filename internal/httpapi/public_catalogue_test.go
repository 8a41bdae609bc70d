package httpapi_test

import (
	"fmt"
	"testing"

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
