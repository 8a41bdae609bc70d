package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// activityBody is a study visit of the world's programme hosted by host, a week from now.
func activityBody(w *world, title, host string) map[string]any {
	return map[string]any{
		"kind": "study_visit", "title": title, "description": "Two days with the job coaches.", "host_organisation_id": host,
		"city": "Leuven", "starts_at": stamp(7 * 24 * time.Hour), "ends_at": stamp(8 * 24 * time.Hour),
		"participants": []map[string]any{
			{"organisation_id": host, "role": "host", "people": 3},
			{"organisation_id": w.orgFR.ID.String(), "role": "peer", "people": 2},
		},
		"agenda": []map[string]any{{"at": stamp(7*24*time.Hour + time.Hour), "title": "Welcome and introductions"}},
	}
}

func (w *world) createActivity(body map[string]any) map[string]any {
	w.t.Helper()
	return must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/activities", token: w.tok["coordinator"], body: body}), 201).json(w.t)
}

func (w *world) patchActivity(token string, a map[string]any, body map[string]any) response {
	w.t.Helper()
	return w.do(req{method: "PATCH", path: "/api/v1/activities/" + a["id"].(string), token: token, body: body,
		header: map[string]string{"If-Match": fmt.Sprintf(`"%v"`, a["version"])}})
}

func TestActivitiesAreSeenByMembersAndEditedByCoordinatorsAndTheHost(t *testing.T) {
	w := newWorld(t)
	list := "/api/v1/programmes/" + w.prog.ID.String() + "/activities"
	hostedByNL := w.createActivity(activityBody(w, "Visit to Werkbrug", w.orgNL.ID.String()))
	hostedByBE := w.createActivity(activityBody(w, "Visit to Jobcentrum", w.orgBE.ID.String()))
	if hostedByNL["country"] != "NL" || hostedByNL["host_organisation_name"] != "Werkbrug" || len(hostedByNL["participants"].([]any)) != 2 {
		t.Fatalf("new activity: %v", hostedByNL)
	}
	nl, be := hostedByNL["id"].(string), hostedByBE["id"].(string)

	for _, who := range []string{"coordinator", "partner", "reviewer", "admin"} {
		items := must(t, w.get(list, w.tok[who]), 200).json(t)["items"].([]any)
		if len(items) != 2 {
			t.Fatalf("%s sees %d activities", who, len(items))
		}
		must(t, w.get("/api/v1/activities/"+nl, w.tok[who]), 200)
	}
	if got := must(t, w.get("/api/v1/activities/"+nl, w.tok["partner"]), 200).json(t); got["can_edit"] != true || got["can_delete"] != false {
		t.Fatalf("the host's partner: can_edit %v can_delete %v", got["can_edit"], got["can_delete"])
	}
	if got := must(t, w.get("/api/v1/activities/"+be, w.tok["partner"]), 200).json(t); got["can_edit"] != false {
		t.Fatal("a partner of another organisation may edit")
	}

	cases := []struct {
		name, token string
		r           req
		status      int
	}{
		{"outsider lists", "outsider", req{method: "GET", path: list}, 404},
		{"outsider reads", "outsider", req{method: "GET", path: "/api/v1/activities/" + nl}, 404},
		{"outsider edits", "outsider", req{method: "PATCH", path: "/api/v1/activities/" + nl, header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"title": "x"}}, 404},
		{"outsider deletes", "outsider", req{method: "DELETE", path: "/api/v1/activities/" + nl}, 404},
		{"outsider creates", "outsider", req{method: "POST", path: list, body: activityBody(w, "x", w.orgNL.ID.String())}, 404},
		{"partner creates", "partner", req{method: "POST", path: list, body: activityBody(w, "x", w.orgNL.ID.String())}, 403},
		{"partner of another organisation edits", "partner", req{method: "PATCH", path: "/api/v1/activities/" + be, header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"title": "x"}}, 403},
		{"reviewer edits", "reviewer", req{method: "PATCH", path: "/api/v1/activities/" + nl, header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"title": "x"}}, 403},
		{"host partner deletes", "partner", req{method: "DELETE", path: "/api/v1/activities/" + nl}, 403},
		{"unknown activity", "coordinator", req{method: "GET", path: "/api/v1/activities/" + uuid.NewString()}, 404},
		{"anonymous", "anonymous", req{method: "GET", path: "/api/v1/activities/" + nl}, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.r.token = w.tok[c.token]
			must(t, w.do(c.r), c.status)
		})
	}

	// The host's partner edits; the coordinator edits an activity hosted by someone else.
	r := must(t, w.patchActivity(w.tok["partner"], hostedByNL, map[string]any{"title": "Study visit to Werkbrug", "minutes": "We met the coaches."}), 200)
	if got := r.json(t); got["title"] != "Study visit to Werkbrug" || got["version"].(float64) != 2 || r.Header.Get("ETag") != `"2"` || len(got["agenda"].([]any)) != 1 {
		t.Fatalf("after the host's edit: %v", got)
	}
	must(t, w.patchActivity(w.tok["partner"], hostedByNL, map[string]any{"title": "Lost update"}), 412)
	must(t, w.patchActivity(w.tok["coordinator"], hostedByBE, map[string]any{"status": "cancelled"}), 200)
	if e := findEntry(auditEntries(t, w, ""), "activity.updated", nl); e == nil || e["object_title"] != "Study visit to Werkbrug" {
		t.Fatalf("audit entry of the edit: %v", e)
	}
	if e := findEntry(auditEntries(t, w, ""), "activity.created", be); e == nil || e["object_type"] != "activity" {
		t.Fatalf("audit entry of the creation: %v", e)
	}

	// Filters and order.
	if items := must(t, w.get(list+"?status=cancelled", w.tok["partner"]), 200).json(t)["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != be {
		t.Fatalf("cancelled: %v", items)
	}
	if items := must(t, w.get(list+"?kind=webinar", w.tok["partner"]), 200).json(t)["items"].([]any); len(items) != 0 {
		t.Fatalf("webinars: %v", items)
	}
	if items := must(t, w.get(list+"?to="+url.QueryEscape(stamp(time.Hour)), w.tok["partner"]), 200).json(t)["items"].([]any); len(items) != 0 {
		t.Fatalf("before the visits: %v", items)
	}
	if r := must(t, w.get(list+"?status=done", w.tok["partner"]), 400); !strings.Contains(string(r.Body), `"field":"status"`) {
		t.Fatalf("bad status filter: %s", r.Body)
	}

	must(t, w.do(req{method: "DELETE", path: "/api/v1/activities/" + be, token: w.tok["coordinator"]}), 204)
	must(t, w.get("/api/v1/activities/"+be, w.tok["coordinator"]), 404)
	if n := countRows(t, w, "activity_participants"); n != 2 {
		t.Fatalf("%d participants left", n)
	}
}

// TestActivityListGivesSummaries checks that the programme's list gives each activity without
// its text and parts, with the parts counted as its page lists them, and with what the caller
// may do decided as on its page.
func TestActivityListGivesSummaries(t *testing.T) {
	w := newReviewWorld(t)
	body := activityBody(w.world, "Visit to Werkbrug", w.orgNL.ID.String())
	body["minutes"] = "We met the coaches."
	body["practice_ids"] = []string{w.practiceID}
	body["participants"] = append(body["participants"].([]map[string]any), map[string]any{"organisation_id": w.orgBE.ID.String(), "role": "expert", "people": 4})
	body["follow_ups"] = []map[string]any{
		{"title": "Share the coaching manual", "owner_organisation_id": w.orgNL.ID.String()},
		{"title": "Send the evaluation grid", "owner_organisation_id": w.orgFR.ID.String(), "status": "done"},
		{"title": "Invite the employers", "owner_organisation_id": w.orgBE.ID.String(), "due_on": time.Now().AddDate(0, 1, 0).Format(time.DateOnly)},
	}
	full := w.createActivity(body)
	bare := activityBody(w.world, "Webinar on job carving", w.orgBE.ID.String())
	bare["kind"], bare["online_url"], bare["participants"], bare["agenda"] = "webinar", "https://meet.example.org/jobcarving", []any{}, []any{}
	empty := w.createActivity(bare)

	want := map[string]map[string]float64{
		full["id"].(string):  {"participant_organisations": 3, "people": 9, "practice_count": 1, "open_follow_ups": 2},
		empty["id"].(string): {"participant_organisations": 0, "people": 0, "practice_count": 0, "open_follow_ups": 0},
	}
	parts := []string{"description", "minutes", "practice_ids", "practices", "participants", "agenda", "follow_ups"}
	for _, who := range []string{"partner", "coordinator", "reviewer"} {
		items := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/activities", w.tok[who]), 200).json(t)["items"].([]any)
		if len(items) != 2 {
			t.Fatalf("%s lists %d activities", who, len(items))
		}
		for _, it := range items {
			item := it.(map[string]any)
			id := item["id"].(string)
			detail := must(t, w.get("/api/v1/activities/"+id, w.tok[who]), 200).json(t)
			for _, p := range parts {
				if _, ok := item[p]; ok {
					t.Errorf("%s: the list item carries %s", who, p)
				}
				if _, ok := detail[p]; !ok {
					t.Errorf("the page of %s lacks %s", id, p)
				}
			}
			// Every field the list and the page share has the page's value, can_edit and can_delete too.
			for k, v := range item {
				if dv, ok := detail[k]; ok && fmt.Sprint(dv) != fmt.Sprint(v) {
					t.Errorf("%s: %s of %s is %v in the list, %v on the page", who, k, id, v, dv)
				}
			}
			people, open := 0.0, 0.0
			for _, p := range detail["participants"].([]any) {
				people += p.(map[string]any)["people"].(float64)
			}
			for _, f := range detail["follow_ups"].([]any) {
				if f.(map[string]any)["status"] != "done" {
					open++
				}
			}
			fromPage := map[string]float64{"participant_organisations": float64(len(detail["participants"].([]any))), "people": people,
				"practice_count": float64(len(detail["practices"].([]any))), "open_follow_ups": open}
			for k, n := range want[id] {
				if item[k] != n || fromPage[k] != n {
					t.Errorf("%s: %s of %s is %v in the list and %v on the page, want %v", who, k, id, item[k], fromPage[k], n)
				}
			}
		}
		byID := map[string]map[string]any{}
		for _, it := range items {
			byID[it.(map[string]any)["id"].(string)] = it.(map[string]any)
		}
		if who == "partner" && (byID[full["id"].(string)]["can_edit"] != true || byID[empty["id"].(string)]["can_edit"] != false) {
			t.Errorf("the host's partner may edit the NL-hosted activity only: %v", byID)
		}
	}
}

func TestActivityValidationNamesTheField(t *testing.T) {
	w := newWorld(t)
	nowhere := w.org("Elsewhere", "BE") // nobody of it is a member
	existing := w.createActivity(activityBody(w, "Visit", w.orgNL.ID.String()))
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/activities"
	with := func(change func(b map[string]any)) map[string]any {
		b := activityBody(w, "Visit", w.orgNL.ID.String())
		change(b)
		return b
	}
	peerReview := func(parts ...map[string]any) func(b map[string]any) {
		return func(b map[string]any) { b["kind"], b["participants"] = "peer_review_meeting", parts }
	}
	part := func(org uuid.UUID, role string) map[string]any {
		return map[string]any{"organisation_id": org.String(), "role": role, "people": 2}
	}
	cases := []struct {
		name, method, path string
		body               map[string]any
		field, code        string
	}{
		{"ends before it starts", "POST", path, with(func(b map[string]any) { b["ends_at"] = stamp(time.Hour) }), "ends_at", "ends_before_start"},
		{"no kind", "POST", path, with(func(b map[string]any) { delete(b, "kind") }), "kind", "required"},
		{"unknown kind", "POST", path, with(func(b map[string]any) { b["kind"] = "party" }), "kind", "not_allowed"},
		{"no title", "POST", path, with(func(b map[string]any) { b["title"] = "  " }), "title", "required"},
		{"bad online address", "POST", path, with(func(b map[string]any) { b["online_url"] = "not a url" }), "online_url", "invalid_format"},
		{"nobody comes", "POST", path, with(func(b map[string]any) {
			b["participants"] = []map[string]any{{"organisation_id": w.orgNL.ID.String(), "role": "host", "people": 0}}
		}), "participants[0].people", "required"},
		{"unknown role", "POST", path, with(func(b map[string]any) {
			b["participants"] = []map[string]any{{"organisation_id": w.orgNL.ID.String(), "role": "guest", "people": 1}}
		}), "participants[0].role", "not_allowed"},
		{"host outside the programme", "POST", path, with(func(b map[string]any) { b["host_organisation_id"] = nowhere.ID.String(); b["participants"] = []any{} }), "host_organisation_id", "not_in_programme"},
		{"participant outside the programme", "POST", path, with(func(b map[string]any) {
			b["participants"] = []map[string]any{part(nowhere.ID, "participant")}
		}), "participants[0].organisation_id", "not_in_programme"},
		{"practice of another programme", "POST", path, with(func(b map[string]any) { b["practice_ids"] = []string{uuid.NewString()} }), "practice_ids[0]", "not_in_programme"},
		{"follow-up owner outside the programme", "POST", path, with(func(b map[string]any) {
			b["follow_ups"] = []map[string]any{{"title": "Write it up", "owner_organisation_id": nowhere.ID.String()}}
		}), "follow_ups[0].owner_organisation_id", "not_in_programme"},
		{"organisation twice", "POST", path, with(func(b map[string]any) {
			b["participants"] = []map[string]any{part(w.orgNL.ID, "host"), part(w.orgNL.ID, "peer")}
		}), "participants[1].organisation_id", "duplicate"},
		{"peer review without a host", "POST", path, with(peerReview(part(w.orgFR.ID, "peer"))), "participants", "host_count"},
		{"peer review with two hosts", "POST", path, with(peerReview(part(w.orgNL.ID, "host"), part(w.orgFR.ID, "host"))), "participants", "host_count"},
		{"peer from the host's country", "POST", path, with(func(b map[string]any) {
			b["host_organisation_id"] = w.orgBE.ID.String()
			peerReview(part(w.orgBE.ID, "host"), part(w.orgFR.ID, "peer"), part(w.orgBE2(t).ID, "peer"))(b)
		}), "participants[2].organisation_id", "same_country_as_host"},
		{"edit ends before it starts", "PATCH", "/api/v1/activities/" + existing["id"].(string), map[string]any{"ends_at": stamp(-time.Hour)}, "ends_at", "ends_before_start"},
		{"edit to an unknown follow-up", "PATCH", "/api/v1/activities/" + existing["id"].(string), map[string]any{
			"follow_ups": []map[string]any{{"id": uuid.NewString(), "title": "x", "owner_organisation_id": w.orgNL.ID.String()}}}, "follow_ups[0].id", "invalid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := must(t, w.do(req{method: c.method, path: c.path, token: w.tok["coordinator"], body: c.body, header: map[string]string{"If-Match": `"1"`}}), 400)
			var p struct {
				Code   string
				Errors []struct{ Field, Code string }
			}
			if err := json.Unmarshal(r.Body, &p); err != nil || p.Code != "validation_failed" || len(p.Errors) != 1 || p.Errors[0].Field != c.field || p.Errors[0].Code != c.code {
				t.Fatalf("want %s (%s): %s", c.field, c.code, r.Body)
			}
		})
	}
	if n := countRows(t, w, "activities"); n != 1 {
		t.Fatalf("%d activities stored", n)
	}
	// A valid peer-review meeting: one host, peers from elsewhere.
	ok := with(peerReview(part(w.orgNL.ID, "host"), part(w.orgFR.ID, "peer"), part(w.orgBE.ID, "expert")))
	if got := w.createActivity(ok); got["kind"] != "peer_review_meeting" {
		t.Fatalf("peer review: %v", got)
	}
}

// orgBE2 is a second Belgian organisation with a member in the programme.
func (w *world) orgBE2(t *testing.T) domain.Organisation {
	t.Helper()
	org := w.org("Tandem", "BE")
	w.member(w.prog, w.user("tandem@example.org", org, false), domain.RolePartner)
	return org
}

func TestFollowUpStatusIsSetByItsOwnerOrTheEditors(t *testing.T) {
	w := newWorld(t)
	body := activityBody(w, "Visit to Jobcentrum", w.orgBE.ID.String())
	body["follow_ups"] = []map[string]any{
		{"title": "Share the coaching manual", "owner_organisation_id": w.orgNL.ID.String(), "due_on": time.Now().AddDate(0, 0, 3).Format(time.DateOnly)},
		{"title": "Send the evaluation grid", "owner_organisation_id": w.orgFR.ID.String()},
	}
	a := w.createActivity(body)
	id := a["id"].(string)
	fus := a["follow_ups"].([]any)
	manual, grid := fus[0].(map[string]any), fus[1].(map[string]any)
	if manual["status"] != "open" || manual["owner_organisation_name"] != "Werkbrug" || grid["due_on"] != nil {
		t.Fatalf("follow-ups: %v", fus)
	}
	set := func(token, fid, status string) response {
		return w.do(req{method: "PATCH", path: "/api/v1/activities/" + id + "/follow-ups/" + fid, token: token, body: map[string]any{"status": status}})
	}
	// The Dutch partner owns the manual, not the grid; the activity is hosted by the Belgians.
	if got := must(t, w.get("/api/v1/activities/"+id, w.tok["partner"]), 200).json(t)["follow_ups"].([]any); got[0].(map[string]any)["can_set_status"] != true || got[1].(map[string]any)["can_set_status"] != false {
		t.Fatalf("can_set_status for the partner: %v", got)
	}
	r := must(t, set(w.tok["partner"], manual["id"].(string), "done"), 200)
	if got := r.json(t); got["follow_ups"].([]any)[0].(map[string]any)["status"] != "done" || got["version"].(float64) != 2 || r.Header.Get("ETag") != `"2"` {
		t.Fatalf("after marking done: %v", got)
	}
	must(t, set(w.tok["partner"], grid["id"].(string), "done"), 403)
	must(t, set(w.tok["outsider"], manual["id"].(string), "open"), 404)
	must(t, set(w.tok["coordinator"], uuid.NewString(), "done"), 404)
	must(t, set(w.tok["coordinator"], grid["id"].(string), "finished"), 400)
	must(t, set(w.tok["reviewer"], grid["id"].(string), "done"), 200) // the French reviewer's organisation owns the grid
	must(t, set(w.tok["coordinator"], manual["id"].(string), "open"), 200)
	if e := findEntry(auditEntries(t, w, ""), "activity.follow_up_status", id); e == nil || e["object_title"] != "Visit to Jobcentrum" {
		t.Fatalf("audit entry: %v", e)
	}

	// An edit that names the follow-ups keeps them (and their status); one left out goes.
	cur := must(t, w.get("/api/v1/activities/"+id, w.tok["coordinator"]), 200).json(t)
	r = must(t, w.patchActivity(w.tok["coordinator"], cur, map[string]any{"follow_ups": []map[string]any{
		{"id": grid["id"], "title": "Send the evaluation grid in French", "owner_organisation_id": w.orgFR.ID.String(), "status": "done"},
		{"title": "Plan the return visit", "owner_organisation_id": w.orgBE.ID.String(), "due_on": "2027-03-01"},
	}}), 200)
	got := r.json(t)["follow_ups"].([]any)
	if len(got) != 2 || got[0].(map[string]any)["id"] != grid["id"] || got[0].(map[string]any)["status"] != "done" || got[1].(map[string]any)["due_on"] != "2027-03-01" {
		t.Fatalf("follow-ups after the edit: %v", got)
	}
}

func TestFollowUpsFallingDueNotifyTheOwnerOnce(t *testing.T) {
	w := newWorld(t)
	body := activityBody(w, "Visit to Jobcentrum", w.orgBE.ID.String())
	body["follow_ups"] = []map[string]any{
		{"title": "Share the coaching manual", "owner_organisation_id": w.orgNL.ID.String(), "due_on": time.Now().AddDate(0, 0, 3).Format(time.DateOnly)},
		{"title": "Write the report", "owner_organisation_id": w.orgNL.ID.String(), "due_on": time.Now().AddDate(0, 0, 30).Format(time.DateOnly)},
	}
	w.createActivity(body)
	worker := service.NewWorker(w.store, &capturingMailer{}, slog.New(slog.NewTextHandler(io.Discard, nil)), "https://peerbridge.example")
	for i := range 2 {
		if err := w.store.EnqueueJob(context.Background(), "reminders", nil, time.Now().Add(-time.Minute), fmt.Sprintf("reminders-test-%d", i)); err != nil {
			t.Fatal(err)
		}
		for {
			n, err := worker.RunOnce(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
	}
	items := must(t, w.get("/api/v1/me/notifications", w.tok["partner"]), 200).json(t)["items"].([]any)
	var due []map[string]any
	for _, it := range items {
		if n := it.(map[string]any); n["kind"] == "follow_up_due" {
			due = append(due, n)
		}
	}
	if len(due) != 1 || due[0]["subject_type"] != "activity" || due[0]["params"].(map[string]any)["follow_up"] != "Share the coaching manual" {
		t.Fatalf("follow-up notifications of the owner: %v", due)
	}
	for _, who := range []string{"coordinator", "reviewer"} {
		for _, it := range must(t, w.get("/api/v1/me/notifications", w.tok[who]), 200).json(t)["items"].([]any) {
			if it.(map[string]any)["kind"] == "follow_up_due" {
				t.Fatalf("%s was told of another organisation's follow-up", who)
			}
		}
	}
}

func TestDashboardCountsHeldActivities(t *testing.T) {
	w := newWorld(t)
	dash := func() map[string]any {
		return must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["coordinator"]), 200).json(t)
	}
	before := dash()
	exchanged := before["outputs"].(map[string]any)["information_exchanged"].(float64)
	body := activityBody(w, "Visit", w.orgNL.ID.String())
	body["starts_at"], body["ends_at"] = stamp(-48*time.Hour), stamp(-24*time.Hour)
	a := w.createActivity(body)
	planned := w.createActivity(activityBody(w, "Later visit", w.orgNL.ID.String()))
	if got := dash()["activities"].(map[string]any); got["held"].(float64) != 0 {
		t.Fatalf("planned activities counted: %v", got)
	}
	must(t, w.patchActivity(w.tok["coordinator"], a, map[string]any{"status": "held"}), 200)
	after := dash()
	acts := after["activities"].(map[string]any)
	if acts["held"].(float64) != 1 || after["outputs"].(map[string]any)["information_exchanged"].(float64) != exchanged+1 {
		t.Fatalf("after the visit was held: %v, outputs %v", acts, after["outputs"])
	}
	byCountry := map[string]float64{}
	for _, kc := range acts["participants_by_country"].([]any) {
		byCountry[kc.(map[string]any)["key"].(string)] = kc.(map[string]any)["count"].(float64)
	}
	if byCountry["NL"] != 3 || byCountry["FR"] != 2 || len(byCountry) != 2 {
		t.Fatalf("participants by country: %v", byCountry)
	}
	must(t, w.do(req{method: "DELETE", path: "/api/v1/activities/" + a["id"].(string), token: w.tok["coordinator"]}), 204)
	if got := dash()["activities"].(map[string]any); got["held"].(float64) != 0 {
		t.Fatalf("a removed activity still counts: %v", got)
	}
	_ = planned
}

// icsLine is one content line of a calendar, unfolded: its name, parameters and raw value.
type icsLine struct{ name, value string }

// parseICS checks the physical form of a calendar (CRLF line ends, no line over 75 octets, folds
// starting with a space) and returns its unfolded content lines.
func parseICS(t *testing.T, body string) []icsLine {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		t.Fatal("the calendar does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a character: %q", i, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatal("the calendar starts with a continuation")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	out := make([]icsLine, 0, len(logical))
	for _, l := range logical {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("not a content line: %q", l)
		}
		name, _, _ = strings.Cut(name, ";")
		out = append(out, icsLine{name, value})
	}
	return out
}

// unescapeText reads an iCalendar TEXT value.
func unescapeText(t *testing.T, v string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == ',' || c == ';' {
			t.Fatalf("unescaped %q in %q", c, v)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(v) {
			t.Fatalf("dangling backslash in %q", v)
		}
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ',', ';':
			b.WriteByte(v[i])
		default:
			t.Fatalf("unknown escape \\%c in %q", v[i], v)
		}
	}
	return b.String()
}

type icsEvent map[string]string

// icsEvents parses a calendar's events, checking the envelope.
func icsEvents(t *testing.T, body string) []icsEvent {
	t.Helper()
	lines := parseICS(t, body)
	if lines[0] != (icsLine{"BEGIN", "VCALENDAR"}) || lines[len(lines)-1] != (icsLine{"END", "VCALENDAR"}) {
		t.Fatalf("not a VCALENDAR: %v … %v", lines[0], lines[len(lines)-1])
	}
	head := map[string]string{}
	var events []icsEvent
	var cur icsEvent
	for _, l := range lines[1 : len(lines)-1] {
		switch {
		case l == icsLine{"BEGIN", "VEVENT"}:
			cur = icsEvent{}
		case l == icsLine{"END", "VEVENT"}:
			for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "SUMMARY"} {
				if cur[p] == "" {
					t.Fatalf("event without %s: %v", p, cur)
				}
			}
			events = append(events, cur)
			cur = nil
		case cur != nil:
			cur[l.name] = l.value
		default:
			head[l.name] = l.value
		}
	}
	if head["VERSION"] != "2.0" || head["PRODID"] == "" {
		t.Fatalf("calendar properties: %v", head)
	}
	return events
}

func TestCalendarFeedListsActivitiesAndReviewDeadlines(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	assignment := w.assignment(round, w.revDE.ID.String())

	long := strings.Repeat("Über die Rückkehr zur Arbeit; ", 12)
	body := activityBody(w.world, "Peer review, Leuven; day 1 \\ morning", w.orgBE.ID.String())
	body["description"] = long + "\nSecond line, with a comma."
	body["practice_ids"] = []string{w.practiceID}
	visit := w.createActivity(body)
	cancelled := w.createActivity(activityBody(w.world, "Webinar on job carving", w.orgNL.ID.String()))
	must(t, w.patchActivity(w.tok["coordinator"], cancelled, map[string]any{"status": "cancelled", "kind": "webinar", "online_url": "https://meet.example.org/jobcarving"}), 200)
	if got := must(t, w.get("/api/v1/activities/"+visit["id"].(string), w.tok["rev.de"]), 200).json(t); len(got["practices"].([]any)) != 1 {
		t.Fatalf("practices presented: %v", got["practices"])
	}

	must(t, w.get("/api/v1/me/calendar.ics?token=not-a-real-token-at-all", ""), 404)
	must(t, w.do(req{method: "POST", path: "/api/v1/me/calendar-token"}), 401)
	tok := must(t, w.do(req{method: "POST", path: "/api/v1/me/calendar-token", token: w.tok["rev.de"]}), 201).json(t)
	feedURL, err := url.Parse(tok["url"].(string))
	if err != nil || feedURL.Query().Get("token") != tok["token"] || feedURL.Path != "/api/v1/me/calendar.ics" {
		t.Fatalf("feed address: %v", tok)
	}
	var stored int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM calendar_tokens WHERE position(convert_to($1, 'UTF8') IN digest) > 0`, tok["token"]).Scan(&stored); err != nil || stored != 0 {
		t.Fatalf("the token is stored as it is (%v)", err)
	}

	feed := "/api/v1/me/calendar.ics?token=" + url.QueryEscape(tok["token"].(string))
	r := must(t, w.get(feed, ""), 200)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Fatalf("Content-Type %q", ct)
	}
	if !strings.Contains(string(r.Body), "\r\n ") {
		t.Fatal("the long description was not folded")
	}
	events := icsEvents(t, string(r.Body))
	byUID := map[string]icsEvent{}
	for _, e := range events {
		byUID[e["UID"]] = e
	}
	if len(events) != 3 || len(byUID) != 3 {
		t.Fatalf("%d events: %v", len(events), events)
	}
	v := byUID["activity-"+visit["id"].(string)+"@peerbridge.test"]
	if v == nil {
		t.Fatalf("no event for the visit: %v", byUID)
	}
	if got := unescapeText(t, v["SUMMARY"]); got != "Peer review, Leuven; day 1 \\ morning" {
		t.Fatalf("SUMMARY %q", got)
	}
	if got := unescapeText(t, v["DESCRIPTION"]); got != long+"\nSecond line, with a comma." {
		t.Fatalf("DESCRIPTION %q", got)
	}
	start, _ := time.Parse(time.RFC3339, visit["starts_at"].(string))
	if v["DTSTART"] != start.UTC().Format("20060102T150405Z") || !strings.HasSuffix(v["DTEND"], "Z") || !strings.HasSuffix(v["DTSTAMP"], "Z") || v["STATUS"] != "CONFIRMED" {
		t.Fatalf("visit times: %v", v)
	}
	if unescapeText(t, v["LOCATION"]) != "Leuven, Belgium" { // the country named in the reader's language
		t.Fatalf("LOCATION %q", v["LOCATION"])
	}
	if c := byUID["activity-"+cancelled["id"].(string)+"@peerbridge.test"]; c == nil || c["STATUS"] != "CANCELLED" {
		t.Fatalf("cancelled webinar: %v", c)
	}
	d := byUID["review-"+assignment+"@peerbridge.test"]
	if d == nil || !strings.Contains(unescapeText(t, d["SUMMARY"]), "Employer network") || d["DTEND"] != "" {
		t.Fatalf("review deadline: %v", d)
	}
	// UIDs are stable: a second read has the same.
	again := icsEvents(t, string(must(t, w.get(feed, ""), 200).Body))
	for _, e := range again {
		if byUID[e["UID"]] == nil {
			t.Fatalf("UID %s changed", e["UID"])
		}
	}
	// An outsider's feed shows nothing of the programme.
	otok := must(t, w.do(req{method: "POST", path: "/api/v1/me/calendar-token", token: w.tok["outsider"]}), 201).json(t)
	if ev := icsEvents(t, string(must(t, w.get("/api/v1/me/calendar.ics?token="+url.QueryEscape(otok["token"].(string)), ""), 200).Body)); len(ev) != 0 {
		t.Fatalf("the outsider's feed: %v", ev)
	}

	// A new token replaces the old one; revoking ends the feed.
	tok2 := must(t, w.do(req{method: "POST", path: "/api/v1/me/calendar-token", token: w.tok["rev.de"]}), 201).json(t)
	must(t, w.get(feed, ""), 404)
	feed2 := "/api/v1/me/calendar.ics?token=" + url.QueryEscape(tok2["token"].(string))
	must(t, w.get(feed2, ""), 200)
	must(t, w.do(req{method: "DELETE", path: "/api/v1/me/calendar-token", token: w.tok["rev.de"]}), 204)
	if r := must(t, w.get(feed2, ""), 404); !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("revoked feed answer: %s", r.Header.Get("Content-Type"))
	}
}

// TestActivityListsFollowEveryChange reads the activity list after each kind of change it shows —
// and again right after, when the page is kept — and checks that none is answered from before the
// change: a new activity, a title written directly in SQL, a participant, a presented practice, a
// follow-up done, the host's name, an activity deleted, and a change rolled back.
func TestActivityListsFollowEveryChange(t *testing.T) {
	w := newReviewWorld(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/activities"
	items := func() map[string]map[string]any {
		t.Helper()
		first := must(t, w.get(path, w.tok["partner"]), 200).json(t)
		second := must(t, w.get(path, w.tok["partner"]), 200).json(t)
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("two reads with no change in between differ:\n%v\n%v", first, second)
		}
		out := map[string]map[string]any{}
		for _, it := range first["items"].([]any) {
			out[it.(map[string]any)["id"].(string)] = it.(map[string]any)
		}
		return out
	}
	if len(items()) != 0 {
		t.Fatal("the list has an activity before any was made")
	}
	body := activityBody(w.world, "Visit to Werkbrug", w.orgNL.ID.String())
	body["follow_ups"] = []map[string]any{{"title": "Share the coaching manual", "owner_organisation_id": w.orgNL.ID.String()}}
	a := w.createActivity(body)
	id := a["id"].(string)
	got := items()[id]
	if got == nil || got["participant_organisations"] != float64(2) || got["open_follow_ups"] != float64(1) || got["practice_count"] != float64(0) {
		t.Fatalf("after the activity was made, the list reads %v", got)
	}

	exec(`UPDATE activities SET title = 'Visit to Werkbrug Utrecht' WHERE id = $1`, id)
	if got := items()[id]; got["title"] != "Visit to Werkbrug Utrecht" {
		t.Errorf("after a title written in SQL, the list reads %v", got["title"])
	}
	exec(`INSERT INTO activity_participants (activity_id, organisation_id, role, people, position) VALUES ($1, $2, 'expert', 4, 9)`, id, w.orgBE.ID)
	if got := items()[id]; got["participant_organisations"] != float64(3) || got["people"] != float64(9) {
		t.Errorf("after a participant joined, the list reads %v organisations, %v people", got["participant_organisations"], got["people"])
	}
	exec(`INSERT INTO activity_practices (activity_id, practice_id, position) VALUES ($1, $2, 0)`, id, w.practiceID)
	if got := items()[id]; got["practice_count"] != float64(1) {
		t.Errorf("after a practice was presented, the list reads %v", got["practice_count"])
	}
	exec(`UPDATE activity_follow_ups SET status = 'done' WHERE activity_id = $1`, id)
	if got := items()[id]; got["open_follow_ups"] != float64(0) {
		t.Errorf("after the follow-up was done, the list reads %v", got["open_follow_ups"])
	}
	exec(`UPDATE organisations SET name = 'Werkbrug Utrecht' WHERE id = $1`, w.orgNL.ID)
	if got := items()[id]; got["host_organisation_name"] != "Werkbrug Utrecht" {
		t.Errorf("after the host was renamed, the list reads %v", got["host_organisation_name"])
	}

	before := items()
	tx, err := w.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE activities SET title = 'Rolled back' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := items(); !reflect.DeepEqual(before, after) {
		t.Errorf("a rolled-back change changed the list:\n%v\n%v", before, after)
	}

	exec(`DELETE FROM activities WHERE id = $1`, id)
	if got := items(); len(got) != 0 {
		t.Errorf("after the activity was deleted, the list reads %v", got)
	}
}
