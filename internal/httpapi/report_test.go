package httpapi_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// reviewRated writes a complete review with the given transferability rating; submit says whether
// it is submitted or left a draft.
func (w *reviewWorld) reviewRated(token, assignment string, value float64, rating int, submit bool) {
	w.t.Helper()
	must(w.t, w.do(req{method: "POST", path: "/api/v1/assignments/" + assignment + "/accept", token: token}), 200)
	cur := must(w.t, w.get("/api/v1/assignments/"+assignment+"/review", token), 200)
	body := completeReview(value)
	body["transferability"] = map[string]any{"rating": rating, "conditions": "An employer network."}
	must(w.t, w.do(req{method: "PUT", path: "/api/v1/assignments/" + assignment + "/review", token: token, header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: body}), 200)
	if submit {
		must(w.t, w.do(req{method: "POST", path: "/api/v1/assignments/" + assignment + "/review/submit", token: token}), 200)
	}
}

// TestProgrammeReportFigures checks the report's figures against values computed by hand:
//
// Reviews (blind round, two Dutch practices): DE rates P1 2 and P2 5, FI rates P1 4, IE leaves a
// draft rating P2 1. Transferability: NL→DE 2 ratings, mean 3.5; NL→FI 1 rating, mean 4; the
// draft does not count.
//
// Adaptations of P1 (NL): A1 in DE, follow-ups 1 March (5 participants, 1 back at work) and
// 1 June (20, 9 back, 6 in work after six months) — only June counts; A2 in DE, 12 participants,
// 5 back, in-work not reported; A3 in IE (inconsistent), 8 participants, none back, none in work;
// A4 in DE without a follow-up.
//
//	DE: returned 14/32 = .4375, Wilson [.2817, .6067]; in work 6/20 = .3000 [.1455, .5190]
//	IE: returned 0/8 = 0 [0, .3244]; in work 0/8 = 0 [0, .3244]
//	P1: returned 14/40 = .3500 [.2213, .5049]; in work 6/28 = .2143 [.1021, .3954]
func TestProgrammeReportFigures(t *testing.T) {
	rw := newReviewWorld(t)
	second := rw.createPractice(rw.tok["partner"], fullPractice("Work-learning places", "en"))["id"].(string)
	must(t, rw.action(rw.tok["partner"], second, "submit"), 200)
	round := rw.newRound(true)
	must(t, rw.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/practices", token: rw.tok["coordinator"], body: map[string]any{"practice_ids": []string{second}}}), 200)
	assign := func(practice, reviewer string) string {
		return must(t, rw.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/assignments", token: rw.tok["coordinator"],
			body: map[string]any{"practice_id": practice, "reviewer_id": reviewer}}), 201).json(t)["id"].(string)
	}
	de1, fi1 := assign(rw.practiceID, rw.revDE.ID.String()), assign(rw.practiceID, rw.revFI.ID.String())
	de2, ie2 := assign(second, rw.revDE.ID.String()), assign(second, rw.revIE.ID.String())
	must(t, rw.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: rw.tok["coordinator"]}), 200)
	rw.reviewRated(rw.tok["rev.de"], de1, 2, 2, true)
	rw.reviewRated(rw.tok["rev.fi"], fi1, 3, 4, true)
	rw.reviewRated(rw.tok["rev.de"], de2, 4, 5, true)
	rw.reviewRated(rw.tok["rev.ie"], ie2, 1, 1, false)

	w := adaptationWorldOn(rw)
	// A German title for P1, for the report read in German.
	tag := must(t, w.get("/api/v1/practices/"+w.practiceID, w.tok["partner"]), 200).Header.Get("ETag")
	must(t, w.do(req{method: "PUT", path: "/api/v1/practices/" + w.practiceID + "/translations/de", token: w.tok["partner"], header: map[string]string{"If-Match": tag},
		body: map[string]any{"status": "verified", "title": "Arbeitgebernetzwerk"}}), 200)

	pie := w.user("partner.ie@example.org", w.orgIE, false)
	w.member(w.prog, pie, domain.RolePartner)
	tokIE := w.login(pie.Email)
	a1 := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	a2 := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	ieBody := w.validBody()
	frame := ieBody["frame"].(map[string]any)
	frame["fidelity"], frame["core_elements_kept"], frame["core_elements_changed"] = "inconsistent", w.core[1:], w.core[:1]
	a3 := must(t, w.adaptation(tokIE, ieBody), 201).json(t)["id"].(string)
	must(t, w.adaptation(w.partnerDE, w.validBody()), 201)
	followUp := func(token, id, on string, participants, back int, inWork *int) {
		t.Helper()
		body := map[string]any{"recorded_on": on, "participants": participants, "returned_to_work": back}
		if inWork != nil {
			body["in_work_after_6_months"] = *inWork
		}
		must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/outcomes", token: token, body: body}), 201)
	}
	six, zero := 6, 0
	// The later follow-up is written first: "latest" is by date, not by when it was written.
	followUp(w.partnerDE, a1, "2026-06-01", 20, 9, &six)
	followUp(w.partnerDE, a1, "2026-03-01", 5, 1, nil)
	followUp(w.partnerDE, a2, "2026-05-01", 12, 5, nil)
	followUp(tokIE, a3, "2026-04-01", 8, 0, &zero)

	path := "/api/v1/programmes/" + w.prog.ID.String() + "/report"
	rep := must(t, w.get(path, w.tok["coordinator"]), 200)
	r := rep.json(t)

	if o := r["outputs"].(map[string]any); o["products_adapted"].(float64) != 4 || o["practices_reviewed"].(float64) != 2 {
		t.Fatalf("outputs: %v", o)
	}
	if len(r["timeline"].([]any)) == 0 {
		t.Fatal("no timeline")
	}

	// Work resumption, from each adaptation's latest follow-up only.
	wr := r["work_resumption"].(map[string]any)
	checkRate := func(what string, got any, count, of float64, rate, low, high float64) {
		t.Helper()
		g := got.(map[string]any)
		ci, _ := g["ci95"].([]any)
		if g["count"].(float64) != count || g["of"].(float64) != of || g["rate"] == nil || math.Abs(g["rate"].(float64)-rate) > 1e-9 || len(ci) != 2 ||
			math.Abs(ci[0].(float64)-low) > 1e-9 || math.Abs(ci[1].(float64)-high) > 1e-9 {
			t.Errorf("%s: %v, want %v/%v = %v [%v, %v]", what, g, count, of, rate, low, high)
		}
	}
	byCountry := map[string]map[string]any{}
	for _, c := range wr["by_country"].([]any) {
		byCountry[c.(map[string]any)["country"].(string)] = c.(map[string]any)
	}
	if len(byCountry) != 2 || byCountry["DE"]["participants"].(float64) != 32 || byCountry["DE"]["adaptations"].(float64) != 2 || byCountry["IE"]["participants"].(float64) != 8 {
		t.Fatalf("by adopting country: %v", wr["by_country"])
	}
	checkRate("DE returned", byCountry["DE"]["returned_to_work"], 14, 32, 0.4375, 0.2817, 0.6067)
	checkRate("DE in work", byCountry["DE"]["in_work_after_6_months"], 6, 20, 0.3, 0.1455, 0.5190)
	checkRate("IE returned", byCountry["IE"]["returned_to_work"], 0, 8, 0, 0, 0.3244)
	checkRate("IE in work", byCountry["IE"]["in_work_after_6_months"], 0, 8, 0, 0, 0.3244)
	byPractice := wr["by_practice"].([]any)
	if len(byPractice) != 1 || wr["practices"].(float64) != 1 {
		t.Fatalf("by practice: %v of %v", byPractice, wr["practices"])
	}
	p1 := byPractice[0].(map[string]any)
	if p1["practice_id"] != w.practiceID || p1["title"] != "Employer network" || p1["country"] != "NL" || p1["adaptations"].(float64) != 3 || p1["participants"].(float64) != 40 {
		t.Fatalf("practice P1: %v", p1)
	}
	checkRate("P1 returned", p1["returned_to_work"], 14, 40, 0.35, 0.2213, 0.5049)
	checkRate("P1 in work", p1["in_work_after_6_months"], 6, 28, 0.2143, 0.1021, 0.3954)
	checkRate("total returned", wr["total"].(map[string]any)["returned_to_work"], 14, 40, 0.35, 0.2213, 0.5049)

	// Country flows with their fidelity.
	flows := map[string]string{}
	for _, f := range r["adaptations"].(map[string]any)["flows"].([]any) {
		fm := f.(map[string]any)
		flows[fm["from_country"].(string)+"→"+fm["to_country"].(string)] = fmt.Sprint(fm["count"], fm["by_fidelity"])
	}
	if len(flows) != 2 || flows["NL→DE"] != "3 [map[count:3 key:consistent]]" || flows["NL→IE"] != "1 [map[count:1 key:inconsistent]]" {
		t.Fatalf("flows: %v", flows)
	}

	// Transferability by (practice country → reviewer country), submitted reviews only.
	pairs := map[string]string{}
	for _, p := range r["transferability"].([]any) {
		pm := p.(map[string]any)
		pairs[pm["practice_country"].(string)+"→"+pm["reviewer_country"].(string)] = fmt.Sprint(pm["ratings"], " ", pm["mean"])
	}
	if len(pairs) != 2 || pairs["NL→DE"] != "2 3.5" || pairs["NL→FI"] != "1 4" {
		t.Fatalf("transferability pairs: %v", pairs)
	}
	// Blind round: nothing in the report names a reviewer.
	for _, name := range []string{"rev.de", "rev.fi", "rev.ie", w.revDE.ID.String()} {
		if strings.Contains(string(rep.Body), name) {
			t.Errorf("the report names reviewer %q", name)
		}
	}

	// The round with its agreement, as the results page computes it.
	rounds := r["review_rounds"].([]any)
	if len(rounds) != 1 {
		t.Fatalf("rounds: %v", rounds)
	}
	rd := rounds[0].(map[string]any)
	res := must(t, w.get("/api/v1/rounds/"+round+"/results", w.tok["coordinator"]), 200).json(t)
	if rd["reviews"].(float64) != 3 || rd["practices"].(float64) != 2 || fmt.Sprint(rd["agreement"].(map[string]any)["weighted_score"]) != fmt.Sprint(res["agreement"].(map[string]any)["weighted_score"]) {
		t.Fatalf("round: %v\nresults: %v", rd, res["agreement"])
	}

	// Barriers by frequency, all of them (case-insensitive).
	if b := r["barriers"].([]any); len(b) != 2 || b[0].(map[string]any)["count"].(float64) != 4 {
		t.Fatalf("barriers: %v", b)
	}

	// Practice titles in the reader's language where there is a translation.
	de := must(t, w.get(path+"?lang=de", w.tok["coordinator"]), 200).json(t)
	if title := de["work_resumption"].(map[string]any)["by_practice"].([]any)[0].(map[string]any)["title"]; title != "Arbeitgebernetzwerk" || de["lang"] != "de" {
		t.Fatalf("title in German: %v", title)
	}
	if fr := must(t, w.get(path+"?lang=fr", w.tok["coordinator"]), 200).json(t); fr["work_resumption"].(map[string]any)["by_practice"].([]any)[0].(map[string]any)["title"] != "Employer network" {
		t.Fatal("without a French translation the title stays the original")
	}
	// The aggregates are kept between reads at the same data version: a new follow-up moves the
	// version and shows at once; a retitled translation, which does not move it, shows too.
	tag = must(t, w.get("/api/v1/practices/"+w.practiceID, w.tok["partner"]), 200).Header.Get("ETag")
	must(t, w.do(req{method: "PUT", path: "/api/v1/practices/" + w.practiceID + "/translations/de", token: w.tok["partner"], header: map[string]string{"If-Match": tag},
		body: map[string]any{"status": "verified", "title": "Netzwerk der Arbeitgeber"}}), 200)
	again := must(t, w.get(path+"?lang=de", w.tok["coordinator"]), 200).json(t)["work_resumption"].(map[string]any)
	if title := again["by_practice"].([]any)[0].(map[string]any)["title"]; title != "Netzwerk der Arbeitgeber" {
		t.Fatalf("a retitled translation after the report was read: %v", title)
	}
	followUp(w.partnerDE, a2, "2026-07-01", 12, 7, nil)
	again = must(t, w.get(path+"?lang=de", w.tok["coordinator"]), 200).json(t)["work_resumption"].(map[string]any)
	for _, c := range again["by_country"].([]any) {
		if c := c.(map[string]any); c["country"] == "DE" && c["returned_to_work"].(map[string]any)["count"].(float64) != 16 {
			t.Fatalf("a new follow-up after the report was read: %v", c)
		}
	}
	if bad := must(t, w.get(path+"?lang=not_a_tag!", w.tok["coordinator"]), 400); !strings.Contains(string(bad.Body), `"field":"lang"`) {
		t.Fatalf("a bad lang: %s", bad.Body)
	}

	// Only the programme's coordinators see the report.
	for _, who := range []string{"partner", "reviewer", "rev.de", "outsider"} {
		must(t, w.get(path, w.tok[who]), 404)
	}
	must(t, w.get(path, ""), 401)
	must(t, w.get("/api/v1/programmes/"+w.other.ID.String()+"/report", w.tok["coordinator"]), 404)
}

// TestReportNotesVersioning: ETag on read, If-Match on write (428 without, 412 when stale), a 400
// naming the field for text over the bound, coordinators only, and an audit entry.
func TestReportNotesVersioning(t *testing.T) {
	w := newWorld(t)
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/report-notes"
	put := func(token, ifMatch string, body map[string]any) response {
		h := map[string]string{}
		if ifMatch != "" {
			h["If-Match"] = ifMatch
		}
		return w.do(req{method: "PUT", path: path, token: token, header: h, body: body})
	}
	first := must(t, w.get(path, w.tok["coordinator"]), 200)
	if first.Header.Get("ETag") != `"1"` || first.json(t)["conclusions"] != "" || first.json(t)["updated_at"] != nil {
		t.Fatalf("notes never saved: %s %s", first.Header.Get("ETag"), first.Body)
	}
	body := map[string]any{"conclusions": "  Employer networks shorten the second track.  ", "policy_lessons": "Fund regional coordinators."}
	if r := must(t, put(w.tok["coordinator"], "", body), 428); r.code() != "precondition_required" {
		t.Fatalf("without If-Match: %s", r.Body)
	}
	saved := must(t, put(w.tok["coordinator"], `"1"`, body), 200)
	if saved.Header.Get("ETag") != `"2"` || saved.json(t)["conclusions"] != "Employer networks shorten the second track." || saved.json(t)["version"].(float64) != 2 {
		t.Fatalf("saved: %s %s", saved.Header.Get("ETag"), saved.Body)
	}
	if r := must(t, put(w.tok["coordinator"], `"1"`, map[string]any{"conclusions": "Mine", "policy_lessons": ""}), 412); r.code() != "version_mismatch" {
		t.Fatalf("stale If-Match: %s", r.Body)
	}
	must(t, put(w.tok["coordinator"], `"7"`, body), 412)
	long := strings.Repeat("é", domain.ReportNotesMaxLength+1)
	r := must(t, put(w.tok["coordinator"], `"2"`, map[string]any{"conclusions": "ok", "policy_lessons": long}), 400)
	if !strings.Contains(string(r.Body), `"field":"policy_lessons"`) || !strings.Contains(string(r.Body), `"code":"too_long"`) {
		t.Fatalf("too long: %s", r.Body)
	}
	// Exactly the bound is fine.
	must(t, put(w.tok["coordinator"], `"2"`, map[string]any{"conclusions": strings.Repeat("é", domain.ReportNotesMaxLength), "policy_lessons": ""}), 200)
	must(t, w.do(req{method: "PUT", path: path, token: w.tok["coordinator"], header: map[string]string{"If-Match": `"3"`}, body: map[string]any{"conclusions": 3, "policy_lessons": ""}}), 400)

	for _, who := range []string{"partner", "reviewer", "outsider"} {
		must(t, w.get(path, w.tok[who]), 404)
		must(t, put(w.tok[who], `"3"`, body), 404)
	}
	got := must(t, w.get(path, w.tok["coordinator"]), 200)
	if got.Header.Get("ETag") != `"3"` {
		t.Fatalf("after two saves: %s", got.Header.Get("ETag"))
	}
	audit := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit?action=programme.report_notes_updated", w.tok["coordinator"]), 200).json(t)
	if audit["total"].(float64) != 2 {
		t.Fatalf("audit entries: %v", audit)
	}
	entry := audit["items"].([]any)[0].(map[string]any)
	if entry["object_title"] != w.prog.Name || entry["actor_name"] != "coord" {
		t.Fatalf("audit entry: %v", entry)
	}
	// The report carries the notes.
	rep := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/report", w.tok["coordinator"]), 200).json(t)
	if n := rep["notes"].(map[string]any); n["version"].(float64) != 3 || n["policy_lessons"] != "" {
		t.Fatalf("notes in the report: %v", n)
	}
}
