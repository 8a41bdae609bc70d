package httpapi_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestReportCountsHeldActivitiesByCountry checks the report's "activities held by country"
// against counts made by hand. Three activities were held:
//
//	A1 study visit, hosted by Werkbrug (NL), 30 days ago: NL host 3, FR peer 2, BE (Jobcentrum) participant 4
//	A2 peer-review meeting, hosted by Jobcentrum (BE), 20 days ago: BE host 2, NL peer 3, FR peer 1, BE (Tandem) expert 1
//	A3 workshop, hosted by Werkbrug (NL), 10 days ago: NL host 5, BE (Jobcentrum) participant 2
//
// A planned webinar hosted in FR and a cancelled conference hosted in BE, each with ten people
// and more, count for nothing. So: by kind peer_review_meeting 1, study_visit 1, workshop 1; by
// host country NL 2, BE 1; participants BE host 1 organisation / 2 people, BE expert 1 / 1, BE
// participant 1 (Jobcentrum twice, counted once) / 6, FR peer 1 / 3, NL host 1 / 8, NL peer 1 / 3.
func TestReportCountsHeldActivitiesByCountry(t *testing.T) {
	w := newWorld(t)
	tandem := w.orgBE2(t)
	be, nl, fr := w.orgBE.ID.String(), w.orgNL.ID.String(), w.orgFR.ID.String()
	type part struct {
		org, role string
		people    int
	}
	add := func(kind, title, host, status string, daysAgo int, parts ...part) string {
		t.Helper()
		body := activityBody(w, title, host)
		start := -time.Duration(daysAgo) * 24 * time.Hour
		body["kind"], body["status"], body["starts_at"], body["ends_at"] = kind, status, stamp(start), stamp(start+3*time.Hour)
		body["agenda"] = []map[string]any{}
		ps := []map[string]any{}
		for _, p := range parts {
			ps = append(ps, map[string]any{"organisation_id": p.org, "role": p.role, "people": p.people})
		}
		body["participants"] = ps
		return w.createActivity(body)["id"].(string)
	}
	a1 := add("study_visit", "Job coaching in Utrecht", nl, "held", 30, part{nl, "host", 3}, part{fr, "peer", 2}, part{be, "participant", 4})
	a2 := add("peer_review_meeting", "Peer review: return to work after cancer", be, "held", 20,
		part{be, "host", 2}, part{nl, "peer", 3}, part{fr, "peer", 1}, part{tandem.ID.String(), "expert", 1})
	a3 := add("workshop", "Employers' workshop", nl, "held", 10, part{nl, "host", 5}, part{be, "participant", 2})
	add("webinar", "Planned webinar", fr, "planned", -5, part{fr, "host", 10}, part{nl, "participant", 10})
	add("conference", "Cancelled conference", be, "cancelled", 15, part{be, "host", 7}, part{nl, "peer", 7})

	var report struct {
		Activities struct {
			Held          int
			ByKind        []map[string]any `json:"by_kind"`
			ByHostCountry []map[string]any `json:"by_host_country"`
			Participants  []map[string]any
			List          []map[string]any
		}
	}
	r := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/report", w.tok["coordinator"]), 200)
	if err := json.Unmarshal(r.Body, &report); err != nil {
		t.Fatal(err)
	}
	got := report.Activities
	kc := func(pairs ...any) []map[string]any {
		out := []map[string]any{}
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, map[string]any{"key": pairs[i], "count": float64(pairs[i+1].(int))})
		}
		return out
	}
	if got.Held != 3 {
		t.Errorf("held %d, want 3", got.Held)
	}
	if want := kc("peer_review_meeting", 1, "study_visit", 1, "workshop", 1); !reflect.DeepEqual(got.ByKind, want) {
		t.Errorf("by kind %v, want %v", got.ByKind, want)
	}
	if want := kc("NL", 2, "BE", 1); !reflect.DeepEqual(got.ByHostCountry, want) {
		t.Errorf("by host country %v, want %v", got.ByHostCountry, want)
	}
	p := func(country, role string, orgs, people int) map[string]any {
		return map[string]any{"country": country, "role": role, "organisations": float64(orgs), "people": float64(people)}
	}
	want := []map[string]any{p("BE", "host", 1, 2), p("BE", "expert", 1, 1), p("BE", "participant", 1, 6), p("FR", "peer", 1, 3), p("NL", "host", 1, 8), p("NL", "peer", 1, 3)}
	if !reflect.DeepEqual(got.Participants, want) {
		t.Errorf("participants\n got %v\nwant %v", got.Participants, want)
	}
	if len(got.List) != 3 {
		t.Fatalf("list %v", got.List)
	}
	for i, w := range []struct{ id, kind, country, host string }{{a1, "study_visit", "NL", "Werkbrug"}, {a2, "peer_review_meeting", "BE", "Jobcentrum"}, {a3, "workshop", "NL", "Werkbrug"}} {
		row := got.List[i]
		if row["id"] != w.id || row["kind"] != w.kind || row["host_country"] != w.country || row["host_organisation_name"] != w.host || row["starts_at"] == "" {
			t.Errorf("list[%d] = %v, want %v", i, row, w)
		}
	}

	// Nothing held: zero and empty lists, never null.
	empty := newWorld(t)
	r = must(t, empty.get("/api/v1/programmes/"+empty.prog.ID.String()+"/report", empty.tok["coordinator"]), 200)
	var raw struct{ Activities map[string]any }
	if err := json.Unmarshal(r.Body, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"by_kind", "by_host_country", "participants", "list"} {
		if l, ok := raw.Activities[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s of a programme with nothing held: %v", k, raw.Activities[k])
		}
	}
}
