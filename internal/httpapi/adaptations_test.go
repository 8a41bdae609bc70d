package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// adaptationWorld: a published Dutch practice with a product, adopted by partners in other countries.
type adaptationWorld struct {
	*reviewWorld
	productID string
	core      []string
	partnerDE string // token of a German partner
}

func newAdaptationWorld(t *testing.T) *adaptationWorld {
	return adaptationWorldOn(newReviewWorld(t))
}

func adaptationWorldOn(base *reviewWorld) *adaptationWorld {
	t := base.t
	w := &adaptationWorld{reviewWorld: base}
	w.setStatus(w.practiceID, domain.StatusPublished)
	p := must(t, w.get("/api/v1/practices/"+w.practiceID, w.tok["partner"]), 200).json(t)
	prod := p["products"].([]any)[0].(map[string]any)
	w.productID = prod["id"].(string)
	for _, c := range prod["core_elements"].([]any) {
		w.core = append(w.core, c.(string))
	}
	pde := w.user("partner.de@example.org", w.orgDE, false)
	w.member(w.prog, pde, domain.RolePartner)
	w.partnerDE = w.login(pde.Email)
	return w
}

func (w *adaptationWorld) adaptation(token string, body map[string]any) response {
	return w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/adaptations", token: token, body: body})
}

func (w *adaptationWorld) validBody() map[string]any {
	return map[string]any{
		"source_practice_id": w.practiceID, "product_id": w.productID, "title": "Arbeitgebernetzwerk Köln",
		"context_description": "Small employers, \"Mittelstand\", in the Rhineland.",
		"frame": map[string]any{"when": "pre_implementation", "planned": "proactive", "decided_by": []string{"programme_leader", "employer"},
			"what": []string{"content", "context"}, "level": "organisation", "context_modifications": []string{"setting"},
			"content_modifications": []string{"tailoring", "shortening"}, "fidelity": "consistent", "core_elements_kept": w.core,
			"goals": []string{"fit", "reach"}, "reasons": map[string]any{"sociopolitical": []string{"laws_policies"}, "recipient": []string{"language"}}},
		"barriers":     []string{"No budget for coordination", "Privacy rules"},
		"facilitators": []string{"Chamber of commerce support"},
	}
}

func TestAdaptationVocabularyAndFidelity(t *testing.T) {
	w := newAdaptationWorld(t)
	mut := func(f func(map[string]any)) map[string]any {
		b := w.validBody()
		f(b)
		return b
	}
	frame := func(b map[string]any) map[string]any { return b["frame"].(map[string]any) }
	cases := map[string]struct {
		body  map[string]any
		field string
	}{
		"unknown when":         {mut(func(b map[string]any) { frame(b)["when"] = "yesterday" }), "frame.when"},
		"unknown decided_by":   {mut(func(b map[string]any) { frame(b)["decided_by"] = []string{"astrologer"} }), "frame.decided_by[0]"},
		"unknown content mod":  {mut(func(b map[string]any) { frame(b)["content_modifications"] = []string{"tailoring", "inventing"} }), "frame.content_modifications[1]"},
		"unknown reason level": {mut(func(b map[string]any) { frame(b)["reasons"] = map[string]any{"cosmic": []string{"funding"}} }), "frame.reasons.cosmic"},
		"unknown reason":       {mut(func(b map[string]any) { frame(b)["reasons"] = map[string]any{"organisation": []string{"weather"}} }), "frame.reasons.organisation[0]"},
		"missing fidelity":     {mut(func(b map[string]any) { frame(b)["fidelity"] = "" }), "frame.fidelity"},
		"undeclared core":      {mut(func(b map[string]any) { frame(b)["core_elements_kept"] = []string{"Something else"} }), "frame.core_elements_kept[0]"},
		"consistent but changed": {mut(func(b map[string]any) {
			frame(b)["core_elements_changed"] = []string{w.core[0]}
			frame(b)["core_elements_kept"] = w.core[1:]
		}), "frame.fidelity"},
		"inconsistent nothing changed": {mut(func(b map[string]any) { frame(b)["fidelity"] = "inconsistent" }), "frame.fidelity"},
		"kept and changed": {mut(func(b map[string]any) {
			frame(b)["fidelity"] = "inconsistent"
			frame(b)["core_elements_changed"] = []string{w.core[0]}
		}), "frame.core_elements_kept[0]"},
		"core without product": {mut(func(b map[string]any) { delete(b, "product_id") }), "product_id"},
		"foreign product":      {mut(func(b map[string]any) { b["product_id"] = w.practiceID }), "product_id"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			r := must(t, w.adaptation(w.partnerDE, c.body), 400)
			if !strings.Contains(string(r.Body), `"field":"`+c.field+`"`) {
				t.Fatalf("field %s not named: %s", c.field, r.Body)
			}
		})
	}
	if n := countRows(t, w.world, "adaptations"); n != 0 {
		t.Fatalf("%d invalid adaptations stored", n)
	}
	ok := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)
	if ok["country"] != "DE" || ok["stage"] != "exploring" || ok["adopting_organisation"].(map[string]any)["name"] != "Netzwerk" || ok["source_country"] != "NL" {
		t.Fatalf("created: %v", ok)
	}
	// Reviewers (not partners) cannot record adaptations; outsiders do not see the programme.
	must(t, w.adaptation(w.tok["rev.fi"], w.validBody()), 403)
	must(t, w.adaptation(w.tok["outsider"], w.validBody()), 404)
	// A draft of another organisation is not a source anyone else can use.
	draft := w.createPractice(w.tok["partner"], fullPractice("Hidden draft", "en"))["id"].(string)
	b := w.validBody()
	b["source_practice_id"], b["product_id"] = draft, nil
	delete(b, "product_id")
	b["frame"].(map[string]any)["core_elements_kept"] = []string{}
	must(t, w.adaptation(w.partnerDE, b), 400)
}

func TestAdaptationStagesOutcomesAndAudit(t *testing.T) {
	w := newAdaptationWorld(t)
	a := must(t, w.adaptation(w.partnerDE, w.validBody()), 201)
	id := a.json(t)["id"].(string)
	patch := func(token, tag string, body map[string]any) response {
		return w.do(req{method: "PATCH", path: "/api/v1/adaptations/" + id, token: token, header: map[string]string{"If-Match": tag}, body: body})
	}
	must(t, patch(w.partnerDE, a.Header.Get("ETag"), map[string]any{"stage": "sustained"}), 409)
	must(t, patch(w.tok["partner"], a.Header.Get("ETag"), map[string]any{"stage": "planning"}), 403)
	p := must(t, patch(w.partnerDE, a.Header.Get("ETag"), map[string]any{"stage": "planning"}), 200)
	must(t, patch(w.partnerDE, a.Header.Get("ETag"), map[string]any{"stage": "implementing"}), 412)
	p = must(t, patch(w.partnerDE, p.Header.Get("ETag"), map[string]any{"stage": "implementing"}), 200)
	must(t, patch(w.partnerDE, p.Header.Get("ETag"), map[string]any{"stage": "planning"}), 200) // back, as ADAPT allows

	out := func(body map[string]any) response {
		return w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/outcomes", token: w.partnerDE, body: body})
	}
	today := time.Now().UTC().Format(time.DateOnly)
	must(t, out(map[string]any{"recorded_on": today, "participants": 10, "returned_to_work": 11}), 400)
	must(t, out(map[string]any{"recorded_on": time.Now().Add(72 * time.Hour).Format(time.DateOnly), "participants": 10, "returned_to_work": 1}), 400)
	must(t, out(map[string]any{"recorded_on": today, "participants": 10, "returned_to_work": 4, "in_work_after_6_months": 12}), 400)
	must(t, out(map[string]any{"recorded_on": today, "participants": 10, "returned_to_work": 4, "satisfaction": 7}), 400)
	must(t, out(map[string]any{"recorded_on": "31-12-2025", "participants": 1, "returned_to_work": 1}), 400)
	got := must(t, out(map[string]any{"recorded_on": "2026-06-30", "participants": 12, "returned_to_work": 5, "in_work_after_6_months": 4,
		"placements_offered": 6, "satisfaction": 4.2, "notes": "First cohort"}), 201).json(t)
	if o := got["outcomes"].([]any); len(o) != 1 || o[0].(map[string]any)["recorded_on"] != "2026-06-30" {
		t.Fatalf("outcomes: %v", got["outcomes"])
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/outcomes", token: w.tok["partner"], body: map[string]any{"recorded_on": today, "participants": 1, "returned_to_work": 1}}), 403)
	// A list gives each adaptation's latest follow-up and their number, not all of them, and none
	// of its free text; an earlier follow-up recorded later does not become the latest.
	must(t, out(map[string]any{"recorded_on": "2026-09-30", "participants": 12, "returned_to_work": 8}), 201)
	must(t, out(map[string]any{"recorded_on": "2026-03-31", "participants": 12, "returned_to_work": 2}), 201)
	list := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/adaptations", w.partnerDE), 200).json(t)
	var item map[string]any
	for _, it := range list["items"].([]any) {
		if it.(map[string]any)["id"] == id {
			item = it.(map[string]any)
		}
	}
	if item == nil {
		t.Fatalf("the adaptation is not listed: %v", list)
	}
	latest, _ := item["latest_outcome"].(map[string]any)
	if item["outcome_count"] != float64(3) || latest == nil || latest["recorded_on"] != "2026-09-30" || latest["returned_to_work"] != float64(8) {
		t.Fatalf("list item's follow-ups: count %v, latest %v", item["outcome_count"], item["latest_outcome"])
	}
	for _, k := range []string{"outcomes", "context_description", "barriers", "facilitators"} {
		if _, ok := item[k]; ok {
			t.Errorf("a list item has %s", k)
		}
	}
	if full := must(t, w.get("/api/v1/adaptations/"+id, w.partnerDE), 200).json(t); len(full["outcomes"].([]any)) != 3 {
		t.Fatalf("the adaptation has %d follow-ups, want 3", len(full["outcomes"].([]any)))
	}
	// Comments on adaptations.
	must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/comments", token: w.tok["partner"], body: map[string]any{"body": "How did you shorten it?"}}), 201)
	must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/comments", token: w.tok["outsider"], body: map[string]any{"body": "hi"}}), 404)

	// Every audited action of the product so far appears in the programme's audit log.
	audit := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit?page_size=100", w.tok["coordinator"]), 200).json(t)
	actions := map[string]int{}
	for _, it := range audit["items"].([]any) {
		actions[it.(map[string]any)["action"].(string)]++
	}
	for _, want := range []string{"practice.created", "practice.submit", "adaptation.created", "adaptation.stage_changed", "adaptation.outcome_recorded"} {
		if actions[want] == 0 {
			t.Errorf("audit has no %s: %v", want, actions)
		}
	}
	if actions["adaptation.stage_changed"] != 3 {
		t.Errorf("stage changes audited: %d, want 3", actions["adaptation.stage_changed"])
	}
	byObject := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit?object_id="+id, w.tok["coordinator"]), 200).json(t)
	if byObject["total"].(float64) != 7 { // created, 3 stage changes, 3 follow-ups
		t.Fatalf("audit entries for the adaptation: %v", byObject["total"])
	}
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit", w.tok["partner"]), 403)
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit", w.tok["outsider"]), 404)
}

func TestLineageAndNewProducts(t *testing.T) {
	w := newAdaptationWorld(t)
	a := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)
	b2 := w.validBody()
	b2["title"] = "Réseau d'employeurs"
	fr := must(t, w.adaptation(w.tok["partner"], b2), 201).json(t) // the owner's partner adapts its own practice elsewhere
	_ = fr
	np := must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Regional employer pool", "kind": "network", "status": "in_development", "description": "Grew out of the Köln adaptation",
		"inspired_by_practice_ids": []string{w.practiceID}, "derived_from_adaptation_ids": []string{a["id"].(string)},
		"organisation_ids": []string{w.orgDE.ID.String(), w.orgNL.ID.String()},
	}}), 201).json(t)
	if fmt.Sprint(np["countries"]) != "[DE NL]" {
		t.Fatalf("countries derived from organisations: %v", np["countries"])
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Orphan", "kind": "tool", "status": "idea"}}), 400)
	l := must(t, w.get("/api/v1/practices/"+w.practiceID+"/lineage", w.tok["rev.fi"]), 200).json(t)
	ads := l["adaptations"].([]any)
	if len(ads) != 2 || len(l["new_products"].([]any)) != 1 || len(l["products"].([]any)) != 1 {
		t.Fatalf("lineage: %v", l)
	}
	first := ads[0].(map[string]any)
	if first["country"] != "DE" || first["stage"] != "exploring" || first["adopting_organisation_id"] != w.orgDE.ID.String() || first["product_id"] != w.productID {
		t.Fatalf("lineage adaptation: %v", first)
	}
	must(t, w.get("/api/v1/practices/"+w.practiceID+"/lineage", w.tok["outsider"]), 404)
	// Status changes of a new product are audited; only involved organisations or coordinators change it.
	tag := w.get("/api/v1/products/"+np["id"].(string), w.partnerDE).Header.Get("ETag")
	must(t, w.do(req{method: "PATCH", path: "/api/v1/products/" + np["id"].(string), token: w.tok["rev.fi"], header: map[string]string{"If-Match": tag}, body: map[string]any{"status": "available"}}), 403)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/products/" + np["id"].(string), token: w.partnerDE, header: map[string]string{"If-Match": tag}, body: map[string]any{"status": "available"}}), 200)
}

// TestDashboardFigures checks every figure against data the test creates.
func TestDashboardFigures(t *testing.T) {
	w := newAdaptationWorld(t)
	ids := []string{}
	for i, body := range []map[string]any{w.validBody(), w.validBody()} {
		body["title"] = fmt.Sprintf("Adaptation %d", i)
		if i == 1 {
			body["barriers"] = []string{"privacy rules", "Language"}
			body["facilitators"] = []string{}
		}
		ids = append(ids, must(t, w.adaptation(w.partnerDE, body), 201).json(t)["id"].(string))
	}
	orgIE := w.orgIE
	pie := w.user("partner.ie@example.org", orgIE, false)
	w.member(w.prog, pie, domain.RolePartner)
	ie := w.adaptation(w.login(pie.Email), w.validBody())
	must(t, ie, 201)
	// Two follow-ups on the first adaptation: only the latest counts; one on the Irish one.
	for _, o := range []struct {
		id     string
		on     string
		p, rtw int
	}{{ids[0], "2026-03-01", 5, 1}, {ids[0], "2026-06-01", 9, 4}, {ie.json(t)["id"].(string), "2026-05-01", 3, 2}} {
		token := w.partnerDE
		if o.id != ids[0] {
			token = w.login(pie.Email)
		}
		must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + o.id + "/outcomes", token: token,
			body: map[string]any{"recorded_on": o.on, "participants": o.p, "returned_to_work": o.rtw, "satisfaction": 4}}), 201)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.fi"], body: map[string]any{"body": "Inspiring"}}), 201)
	must(t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/products", token: w.partnerDE, body: map[string]any{
		"title": "Pool", "kind": "network", "status": "idea", "derived_from_adaptation_ids": []string{ids[0]}}}), 201)

	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["partner"]), 403)
	d := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/dashboard", w.tok["coordinator"]), 200).json(t)
	outputs := d["outputs"].(map[string]any)
	if outputs["products_adapted"].(float64) != 3 || outputs["new_products"].(float64) != 1 || outputs["information_exchanged"].(float64) != 1 || outputs["practices_reviewed"].(float64) != 0 {
		t.Fatalf("outputs: %v", outputs)
	}
	flow := map[string]float64{}
	for _, f := range d["adaptation_flow"].([]any) {
		fm := f.(map[string]any)
		flow[fm["from_country"].(string)+"→"+fm["to_country"].(string)] = fm["count"].(float64)
	}
	if flow["NL→DE"] != 2 || flow["NL→IE"] != 1 || len(flow) != 2 {
		t.Fatalf("flow: %v", flow)
	}
	barriers := d["barriers"].([]any)
	if top := barriers[0].(map[string]any); top["key"] != "privacy rules" || top["count"].(float64) != 3 {
		t.Fatalf("top barrier (case-insensitive): %v", barriers)
	}
	o := d["outcomes"].(map[string]any)
	if o["participants"].(float64) != 12 || o["returned_to_work"].(float64) != 6 || o["adaptations_with_outcomes"].(float64) != 2 || o["satisfaction_mean"].(float64) != 4 {
		t.Fatalf("outcomes (latest follow-up per adaptation): %v", o)
	}
	stages := d["adaptations"].(map[string]any)["by_stage"].([]any)
	if s := stages[0].(map[string]any); s["key"] != "exploring" || s["count"].(float64) != 3 {
		t.Fatalf("by stage: %v", stages)
	}
	reasons := map[string]float64{}
	for _, r := range d["adaptations"].(map[string]any)["by_reason_level"].([]any) {
		reasons[r.(map[string]any)["key"].(string)] = r.(map[string]any)["count"].(float64)
	}
	if reasons["sociopolitical"] != 3 || reasons["recipient"] != 3 || reasons["provider"] != 0 {
		t.Fatalf("reason levels: %v", reasons)
	}
	month := time.Now().UTC().Format("2006-01")
	tl := d["timeline"].([]any)
	if last := tl[len(tl)-1].(map[string]any); last["month"] != month || last["products_adapted"].(float64) != 3 {
		t.Fatalf("timeline: %v", tl)
	}
	byStatus := d["practices"].(map[string]any)["by_status"].([]any)
	if len(byStatus) != 1 || byStatus[0].(map[string]any)["key"] != "published" {
		t.Fatalf("practices by status (drafts never counted): %v", byStatus)
	}
}

func TestCSVExportsRoundTripAwkwardText(t *testing.T) {
	w := newAdaptationWorld(t)
	awkward := "Réseau, \"employeurs\" —\nzweite Zeile; 日本語 ✓"
	b := w.validBody()
	b["title"] = awkward
	b["barriers"] = []string{"=HYPERLINK(\"http://evil\")", "comma, inside"}
	must(t, w.adaptation(w.partnerDE, b), 201)
	r := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/exports/adaptations.csv", w.tok["coordinator"]), 200)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") || !strings.Contains(r.Header.Get("Content-Disposition"), "adaptations.csv") {
		t.Fatalf("headers: %v", r.Header)
	}
	rows, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if err != nil {
		t.Fatalf("the export is not valid CSV: %v", err)
	}
	if len(rows) != 2 {
		t.Fatalf("rows: %d", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	// Headers are labels in the caller's language (English here); coded fields have a code column beside their labels.
	for _, h := range []string{"When it was changed (code)", "Planned (code)", "Who decided (code)", "Who decided", "What changed (code)", "For whom (code)",
		"Changes to setting or delivery (code)", "Changes to content (code)", "Fidelity (code)", "Fidelity", "Core elements kept", "Core elements changed",
		"Goals (code)", "Reasons: Society and policy (code)", "Reasons: The participants (code)", "What hinders", "What helps"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("no FRAME column %q in %v", h, rows[0])
		}
	}
	row := rows[1]
	if row[col["Title"]] != awkward {
		t.Fatalf("title did not survive the round trip: %q", row[col["Title"]])
	}
	if row[col["What hinders"]] != "'=HYPERLINK(\"http://evil\"); comma, inside" {
		t.Fatalf("formula not neutralised: %q", row[col["What hinders"]])
	}
	if row[col["Who decided (code)"]] != "programme_leader; employer" || row[col["Fidelity (code)"]] != "consistent" {
		t.Fatalf("FRAME values: %v", row)
	}
	p := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/exports/practices.csv", w.tok["coordinator"]), 200)
	prows, err := csv.NewReader(bytes.NewReader(p.Body)).ReadAll()
	if err != nil || len(prows) != 2 {
		t.Fatalf("practices export: %v %d", err, len(prows))
	}
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/exports/adaptations.csv", w.tok["partner"]), 403)
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/exports/secrets.csv", w.tok["coordinator"]), 404)
}

// Exports follow the blind rule: reviewer identities of blind rounds are left out unless asked for.
func TestExportsRespectTheBlindRule(t *testing.T) {
	w := newReviewWorld(t)
	round := w.newRound(true)
	a := w.assignment(round, w.revDE.ID.String())
	must(t, w.do(req{method: "POST", path: "/api/v1/rounds/" + round + "/open", token: w.tok["coordinator"]}), 200)
	w.review(w.tok["rev.de"], a, 3)
	must(t, w.do(req{method: "POST", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["rev.de"], body: map[string]any{"body": "A question"}}), 201)
	base := "/api/v1/programmes/" + w.prog.ID.String()
	csvBody := string(must(t, w.get(base+"/exports/reviews.csv", w.tok["coordinator"]), 200).Body)
	jsonBody := string(must(t, w.get(base+"/export.json", w.tok["coordinator"]), 200).Body)
	for _, body := range []string{csvBody, jsonBody} {
		for _, secret := range []string{w.revDE.Name, w.revDE.Email, w.revDE.ID.String(), a} {
			if strings.Contains(body, secret) {
				t.Fatalf("export shows %q of a blind reviewer", secret)
			}
		}
	}
	rows, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("reviews export: %v %d", err, len(rows))
	}
	header := strings.Join(rows[0], ",")
	for _, c := range domain.DefaultCriteria() {
		if !strings.Contains(header, c.Title+": score") || !strings.Contains(header, c.Title+": comment") {
			t.Fatalf("no columns for %s: %s", c.Key, header)
		}
	}
	if !strings.Contains(csvBody, "Reviewer A") {
		t.Fatal("the anonymised label is missing")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(jsonBody), &doc); err != nil {
		t.Fatalf("export.json is not JSON: %v", err)
	}
	for _, k := range []string{"programme", "practices", "reviews", "adaptations", "outcomes", "new_products", "comments"} {
		if _, ok := doc[k]; !ok {
			t.Fatalf("export.json has no %s", k)
		}
	}
	// In French: the anonymised label, the gates as oui/non beside their code, the recommendation in words.
	frRows, err := csv.NewReader(bytes.NewReader(must(t, w.get(base+"/exports/reviews.csv?lang=fr", w.tok["coordinator"]), 200).Body)).ReadAll()
	if err != nil || len(frRows) != 2 {
		t.Fatalf("French reviews export: %v", err)
	}
	fr := map[string]string{}
	for i, h := range frRows[0] {
		fr[h] = frRows[1][i]
	}
	if fr["Évaluateur·rice"] != "Évaluateur·rice A" || fr["Critères éliminatoires satisfaits (code)"] != "true" || fr["Critères éliminatoires satisfaits"] != "oui" ||
		fr["Recommandation (code)"] == "" || fr["Recommandation"] == fr["Recommandation (code)"] {
		t.Fatalf("French reviews export: %v", fr)
	}
	with := string(must(t, w.get(base+"/exports/reviews.csv?include_identities=true", w.tok["coordinator"]), 200).Body)
	if !strings.Contains(with, w.revDE.Name) {
		t.Fatal("identities asked for but missing")
	}
	must(t, w.get(base+"/export.json", w.tok["rev.de"]), 403)
}

// TestAdaptationListsFollowEveryChange reads the adaptation list after each kind of change it
// shows — and again right after, when the page is kept — and checks that none is answered from
// before the change: a new adaptation, a stage, a follow-up, a title written directly in SQL, the
// source practice's title, the adopting organisation's name, and a change rolled back. Whether an
// item can be edited is the reader's own: the adopting partner's, not another partner's.
func TestAdaptationListsFollowEveryChange(t *testing.T) {
	w := newAdaptationWorld(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	path := "/api/v1/programmes/" + w.prog.ID.String() + "/adaptations"
	item := func(token string) map[string]any {
		t.Helper()
		first := must(t, w.get(path, token), 200).json(t)
		second := must(t, w.get(path, token), 200).json(t)
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("two reads with no change in between differ:\n%v\n%v", first, second)
		}
		items := first["items"].([]any)
		if len(items) == 0 {
			return nil
		}
		return items[0].(map[string]any)
	}
	if item(w.partnerDE) != nil {
		t.Fatal("the list has an adaptation before any was made")
	}

	a := must(t, w.adaptation(w.partnerDE, w.validBody()), 201)
	id := a.json(t)["id"].(string)
	got := item(w.partnerDE)
	if got == nil || got["id"] != id || got["stage"] != "exploring" || got["can_edit"] != true {
		t.Fatalf("after the adaptation was made, the adopting partner reads %v", got)
	}
	if other := item(w.tok["partner"]); other == nil || other["can_edit"] != false {
		t.Fatalf("another organisation's partner reads %v", other)
	}

	must(t, w.do(req{method: "PATCH", path: "/api/v1/adaptations/" + id, token: w.partnerDE, header: map[string]string{"If-Match": a.Header.Get("ETag")},
		body: map[string]any{"stage": "planning"}}), 200)
	if got := item(w.partnerDE); got["stage"] != "planning" {
		t.Errorf("after the stage changed, the list reads %v", got["stage"])
	}

	must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/outcomes", token: w.partnerDE,
		body: map[string]any{"recorded_on": "2026-06-30", "participants": 12, "returned_to_work": 5}}), 201)
	if got := item(w.partnerDE); got["outcome_count"] != float64(1) || got["latest_outcome"] == nil {
		t.Errorf("after a follow-up, the list reads %v and %v", got["outcome_count"], got["latest_outcome"])
	}

	exec(`UPDATE adaptations SET title = 'Arbeitgebernetzwerk Bonn' WHERE id = $1`, id)
	if got := item(w.partnerDE); got["title"] != "Arbeitgebernetzwerk Bonn" {
		t.Errorf("after a title written in SQL, the list reads %v", got["title"])
	}

	exec(`UPDATE practices SET title = 'Employer network, second edition' WHERE id = $1`, w.practiceID)
	if got := item(w.partnerDE); got["source_practice_title"] != "Employer network, second edition" {
		t.Errorf("after the source practice was renamed, the list reads %v", got["source_practice_title"])
	}

	exec(`UPDATE organisations SET name = 'Netzwerk Rheinland' WHERE id = $1`, w.orgDE.ID)
	if got := item(w.partnerDE); got["adopting_organisation"].(map[string]any)["name"] != "Netzwerk Rheinland" {
		t.Errorf("after the organisation was renamed, the list reads %v", got["adopting_organisation"])
	}

	before := item(w.partnerDE)
	tx, err := w.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE adaptations SET title = 'Rolled back' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := item(w.partnerDE); !reflect.DeepEqual(before, after) {
		t.Errorf("a rolled-back change changed the list:\n%v\n%v", before, after)
	}
}
