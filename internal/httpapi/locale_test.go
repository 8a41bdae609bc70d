package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// A person's locale is theirs to set with PATCH /me; anything but en, nl, fr or de is refused
// naming the field, and changes nothing.
func TestMeLocale(t *testing.T) {
	w := newWorld(t)
	tok := w.tok["reviewer"]
	if got := must(t, w.get("/api/v1/me", tok), 200).json(t)["locale"]; got != "en" {
		t.Fatalf("default locale %v", got)
	}
	if got := must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: tok, body: map[string]any{"locale": "fr"}}), 200).json(t)["locale"]; got != "fr" {
		t.Fatalf("locale after PATCH %v", got)
	}
	for _, bad := range []any{"es", "FR", "fr-BE", ""} {
		r := must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: tok, body: map[string]any{"locale": bad, "name": "Changed"}}), 400)
		fe := r.json(t)["errors"].([]any)[0].(map[string]any)
		if fe["field"] != "locale" || fe["code"] == "" || fe["code"] == nil {
			t.Fatalf("locale %q: field error %v", bad, fe)
		}
	}
	me := must(t, w.get("/api/v1/me", tok), 200).json(t)
	if me["locale"] != "fr" || me["name"] == "Changed" {
		t.Fatalf("a refused patch changed the account: %v", me)
	}
	// Administrators set it on accounts they edit.
	path := "/api/v1/users/" + w.partner.ID.String()
	cur := must(t, w.get(path, w.tok["admin"]), 200)
	u := must(t, w.do(req{method: "PATCH", path: path, token: w.tok["admin"], header: map[string]string{"If-Match": cur.Header.Get("ETag")},
		body: map[string]any{"locale": "de"}}), 200).json(t)
	if u["locale"] != "de" {
		t.Fatalf("admin-set locale %v", u["locale"])
	}
}

// An invitation carries the locale its inviter chose, or the inviter's own, and the account it
// creates takes it.
func TestInvitationLocaleIsTheNewAccounts(t *testing.T) {
	w := newWorld(t)
	invite := func(email string, locale any) map[string]any {
		body := map[string]any{"email": email, "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"reviewer"}}
		if locale != nil {
			body["locale"] = locale
		}
		return must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: body}), 201).json(t)
	}
	r := must(t, w.do(req{method: "POST", path: "/api/v1/invitations", token: w.tok["coordinator"], body: map[string]any{
		"email": "x@example.org", "organisation_id": w.orgFR.ID, "programme_id": w.prog.ID, "roles": []string{"reviewer"}, "locale": "it"}}), 400)
	if fe := r.json(t)["errors"].([]any)[0].(map[string]any); fe["field"] != "locale" || fe["code"] != "not_allowed" {
		t.Fatalf("field error %v", fe)
	}

	inv := invite("nouvelle@example.org", "fr")
	if inv["locale"] != "fr" {
		t.Fatalf("invitation locale %v", inv["locale"])
	}
	token := strings.TrimPrefix(inv["invite_url"].(string), "http://peerbridge.test/invitations/")
	if got := must(t, w.get("/api/v1/invitations/"+token, ""), 200).json(t)["locale"]; got != "fr" {
		t.Fatalf("preview locale %v", got)
	}
	tokens := must(t, w.do(req{method: "POST", path: "/api/v1/invitations/" + token + "/accept",
		body: map[string]any{"name": "Nouvelle", "password": "a long enough password"}}), 200).json(t)
	if got := tokens["user"].(map[string]any)["locale"]; got != "fr" {
		t.Fatalf("new account's locale %v", got)
	}
	if got := must(t, w.get("/api/v1/me", tokens["access_token"].(string)), 200).json(t)["locale"]; got != "fr" {
		t.Fatalf("GET /me locale %v", got)
	}

	// Without a choice, the inviter's locale.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["coordinator"], body: map[string]any{"locale": "nl"}}), 200)
	if got := invite("nieuw@example.org", nil)["locale"]; got != "nl" {
		t.Fatalf("default invitation locale %v", got)
	}
}

// A French export: headers and coded values in French, codes in their own columns, the BOM when
// asked for, and the latest follow-up's figures in adaptations.csv.
func TestCSVExportsInFrench(t *testing.T) {
	w := newAdaptationWorld(t)
	id := must(t, w.adaptation(w.partnerDE, w.validBody()), 201).json(t)["id"].(string)
	for _, o := range []map[string]any{
		{"recorded_on": "2026-03-31", "participants": 8, "returned_to_work": 2},
		{"recorded_on": "2026-06-30", "participants": 12, "returned_to_work": 5, "in_work_after_6_months": 4, "placements_offered": 6, "satisfaction": 4.5},
		{"recorded_on": "2026-05-15", "participants": 10, "returned_to_work": 3},
	} {
		must(t, w.do(req{method: "POST", path: "/api/v1/adaptations/" + id + "/outcomes", token: w.partnerDE, body: o}), 201)
	}
	base := "/api/v1/programmes/" + w.prog.ID.String() + "/exports/"
	read := func(path string, bom bool) (map[string]int, [][]string) {
		t.Helper()
		body := must(t, w.get(path, w.tok["coordinator"]), 200).Body
		if got := bytes.HasPrefix(body, []byte("\uFEFF")); got != bom {
			t.Fatalf("%s: BOM %v, want %v", path, got, bom)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s is not CSV: %v", path, err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		return col, rows
	}
	cell := func(col map[string]int, row []string, h string) string {
		t.Helper()
		i, ok := col[h]
		if !ok {
			t.Fatalf("no column %q", h)
		}
		return row[i]
	}

	col, rows := read(base+"adaptations.csv?lang=fr&bom=true", true)
	if len(rows) != 2 {
		t.Fatalf("rows: %d", len(rows))
	}
	row := rows[1]
	want := map[string]string{
		"Titre": "Arbeitgebernetzwerk Köln", "Étape (code)": "exploring", "Étape": "Exploration",
		"Moment de la modification (code)": "pre_implementation", "Moment de la modification": "Avant de commencer",
		"Qui a décidé (code)": "programme_leader; employer", "Fidélité (code)": "consistent", "Fidélité": "Fidèle",
		"Dernier suivi : Date": "2026-06-30", "Dernier suivi : Participants": "12", "Dernier suivi : Retour au travail": "5",
		"Dernier suivi : En emploi après 6 mois": "4", "Dernier suivi : Satisfaction (1–5)": "4.5",
	}
	for h, v := range want {
		if got := cell(col, row, h); got != v {
			t.Errorf("%s = %q, want %q", h, got, v)
		}
	}
	if got := cell(col, row, "Qui a décidé"); strings.Contains(got, "programme_leader") || !strings.Contains(got, ";") {
		t.Errorf("decided by, in words: %q", got)
	}

	// Theme titles appear in the export's language where the programme translates them.
	progPath := "/api/v1/programmes/" + w.prog.ID.String()
	got := must(t, w.get(progPath, w.tok["coordinator"]), 200)
	themes := got.json(t)["themes"].([]any)
	for _, th := range themes {
		th := th.(map[string]any)
		th["titles"] = map[string]any{"fr": "FR " + th["title"].(string)}
	}
	must(t, w.do(req{method: "PATCH", path: progPath, token: w.tok["coordinator"], header: map[string]string{"If-Match": got.Header.Get("ETag")},
		body: map[string]any{"themes": themes}}), 200)

	// Without lang, the caller's locale; without bom, no BOM.
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["coordinator"], body: map[string]any{"locale": "fr"}}), 200)
	col, rows = read(base+"practices.csv", false)
	if cell(col, rows[1], "Statut (code)") != "published" || cell(col, rows[1], "Statut") != "Publiée" {
		t.Fatalf("practice status: %v", rows[1])
	}
	if th := cell(col, rows[1], "Thèmes"); th == "" || !strings.HasPrefix(th, "FR ") {
		t.Fatalf("practice themes in French: %q", th)
	}
	col, rows = read(base+"practices.csv?lang=en", false)
	if cell(col, rows[1], "Status") != "Published" {
		t.Fatalf("English status: %v", rows[1])
	}
	r := must(t, w.get(base+"reviews.csv?lang=es", w.tok["coordinator"]), 400)
	if fe := r.json(t)["errors"].([]any)[0].(map[string]any); fe["field"] != "lang" || fe["code"] != "not_allowed" {
		t.Fatalf("lang=es: %v", fe)
	}
	must(t, w.get(base+"reviews.csv?bom=yes", w.tok["coordinator"]), 400)
}
