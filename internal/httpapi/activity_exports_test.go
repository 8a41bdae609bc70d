package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestActivitiesInTheExports: the programme's activities, with their participants and follow-ups,
// are in export.json and in activities.csv (labels in the asked language, formulas neutralised),
// for the coordinators only, like every export.
func TestActivitiesInTheExports(t *testing.T) {
	w := newWorld(t)
	body := activityBody(w, "=Peer review, \"Utrecht\"", w.orgNL.ID.String())
	body["kind"], body["status"] = "peer_review_meeting", "held"
	body["starts_at"], body["ends_at"] = stamp(-48*time.Hour), stamp(-44*time.Hour)
	body["minutes"] = "We agreed on two steps.\nSecond line."
	body["follow_ups"] = []map[string]any{
		{"title": "Send the comment paper", "owner_organisation_id": w.orgFR.ID.String(), "due_on": "2030-03-01"},
		{"title": "Share the manual", "owner_organisation_id": w.orgNL.ID.String()},
	}
	held := w.createActivity(body)
	follow := held["follow_ups"].([]any)[0].(map[string]any)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/activities/" + held["id"].(string) + "/follow-ups/" + follow["id"].(string), token: w.tok["coordinator"],
		body: map[string]any{"status": "done"}}), 200)
	planned := w.createActivity(activityBody(w, "Visit to Jobcentrum", w.orgBE.ID.String()))
	base := "/api/v1/programmes/" + w.prog.ID.String()

	// export.json: every activity, with its parts.
	var doc struct{ Activities []map[string]any }
	if err := json.Unmarshal(must(t, w.get(base+"/export.json", w.tok["coordinator"]), 200).Body, &doc); err != nil {
		t.Fatalf("export.json is not JSON: %v", err)
	}
	if len(doc.Activities) != 2 || doc.Activities[0]["id"] != held["id"] || doc.Activities[1]["id"] != planned["id"] {
		t.Fatalf("export.json activities: %v", doc.Activities)
	}
	a := doc.Activities[0]
	parts, fus := a["participants"].([]any), a["follow_ups"].([]any)
	if a["kind"] != "peer_review_meeting" || a["status"] != "held" || a["minutes"] != "We agreed on two steps.\nSecond line." || len(parts) != 2 || len(fus) != 2 {
		t.Fatalf("export.json activity: %v", a)
	}
	if p := parts[1].(map[string]any); p["organisation_name"] != "Retour" || p["country"] != "FR" || p["role"] != "peer" || p["people"] != float64(2) {
		t.Fatalf("participant: %v", p)
	}
	if f := fus[0].(map[string]any); f["title"] != "Send the comment paper" || f["owner_organisation_name"] != "Retour" || f["due_on"] != "2030-03-01" || f["status"] != "done" {
		t.Fatalf("follow-up: %v", f)
	}
	if f := fus[1].(map[string]any); f["due_on"] != nil || f["status"] != "open" {
		t.Fatalf("follow-up without a date: %v", f)
	}
	if _, ok := a["can_edit"]; ok {
		t.Fatal("export.json says what its reader may do")
	}

	// activities.csv, in Dutch.
	r := must(t, w.get(base+"/exports/activities.csv?lang=nl", w.tok["coordinator"]), 200)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") || !strings.Contains(r.Header.Get("Content-Disposition"), "activities.csv") {
		t.Fatalf("headers: %v", r.Header)
	}
	rows, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("activities.csv: %v, %d rows", err, len(rows))
	}
	row := map[string]string{}
	for i, h := range rows[0] {
		row[h] = rows[1][i]
	}
	want := map[string]string{
		"Titel":              "'=Peer review, \"Utrecht\"",
		"Soort (code)":       "peer_review_meeting",
		"Soort":              "Peer-reviewbijeenkomst",
		"Status (code)":      "held",
		"Status":             "Plaatsgevonden",
		"Gastorganisatie":    "Werkbrug",
		"Gastland":           "NL",
		"Deelnemers":         "Werkbrug (NL): Gastheer, 3; Retour (FR): Peer, 2",
		"Organisaties":       "2",
		"Personen":           "5",
		"Vervolgacties":      "Send the comment paper — Retour, 2030-03-01: Afgerond; Share the manual — Werkbrug: Open",
		"Open vervolgacties": "1",
		"Verslag":            "We agreed on two steps.\nSecond line.",
	}
	for h, v := range want {
		if row[h] != v {
			t.Errorf("%s = %q, want %q", h, row[h], v)
		}
	}
	if rows[2][0] != planned["id"] {
		t.Fatalf("second row: %v", rows[2])
	}

	// The same authorisation as every export.
	for who, status := range map[string]int{"partner": 403, "reviewer": 403, "outsider": 404, "anonymous": 401, "admin": 200} {
		must(t, w.get(base+"/exports/activities.csv", w.tok[who]), status)
	}
}
