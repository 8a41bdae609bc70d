package httpapi_test

import (
	"testing"
)

// Expertise is chosen from the themes of one's programmes: an unknown key is refused with a
// code the web app renders, and nothing is stored.
func TestExpertiseIsAThemeOfYourProgrammes(t *testing.T) {
	w := newWorld(t)
	tok := w.tok["reviewer"]

	r := must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: tok, body: map[string]any{"expertise": []string{"upscaling"}}}), 200)
	if got := r.json(t)["expertise"]; len(got.([]any)) != 1 {
		t.Fatalf("expertise = %v, want [upscaling]", got)
	}

	r = must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: tok, body: map[string]any{"name": "Renamed", "expertise": []string{"upscaling", "cooking"}}}), 400)
	fe := r.json(t)["errors"].([]any)[0].(map[string]any)
	if fe["field"] != "expertise[1]" || fe["code"] != "unknown_theme" || fe["params"].(map[string]any)["value"] != "cooking" {
		t.Fatalf("field error = %v", fe)
	}
	me := must(t, w.get("/api/v1/me", tok), 200).json(t)
	if me["name"] == "Renamed" || len(me["expertise"].([]any)) != 1 {
		t.Fatalf("a refused patch changed the account: %v", me)
	}

	// A theme of another programme is not one of the reviewer's.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["outsider"], body: map[string]any{"expertise": []string{"upscaling"}}}), 200)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["reviewer"], body: map[string]any{"expertise": []string{"employer_engagement"}}}), 400)

	// An administrator may give any programme's theme, and nothing else.
	path := "/api/v1/users/" + w.partner.ID.String()
	cur := must(t, w.get(path, w.tok["admin"]), 200)
	must(t, w.do(req{method: "PATCH", path: path, token: w.tok["admin"], header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: map[string]any{"expertise": []string{"unheard_of"}}}), 400)
	must(t, w.do(req{method: "PATCH", path: path, token: w.tok["admin"], header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: map[string]any{"expertise": []string{"upscaling"}}}), 200)
}
