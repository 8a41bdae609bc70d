package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// learningWorld is a programme with three themes and organisations in five countries, two of them
// Belgian, each with a learning profile:
//
//	organisation        early_contact   employers            upscaling
//	Jobcentrum (BE)     wants some      wants high + a question   offers
//	Werkpunt (BE)                       offers
//	Werkbrug (NL)       offers          wants some           wants some
//	Retour (FR)         offers          offers
//	Wiedereinstieg (DE)                                      wants high
//	Työkyky (FI)        wants high                           offers
type learningWorld struct {
	*env
	prog                                         domain.Programme
	jobcentrum, werkpunt, werkbrug, retour, wied domain.Organisation
	tyokyky, elsewhere                           domain.Organisation
	tok                                          map[string]string
	practice                                     map[string]string // title → id
}

const question = "How do you involve employers in job coaching?"

func newLearningWorld(t *testing.T) *learningWorld {
	e := newEnv(t)
	w := &learningWorld{env: e, tok: map[string]string{}, practice: map[string]string{}}
	ctx := context.Background()
	prog, err := e.store.CreateProgramme(ctx, domain.Programme{ID: uuid.New(), Name: "Return to work after cancer", Version: 1, Languages: []string{"en"},
		Themes: []domain.Keyed{{Key: "early_contact", Title: "Early contact"}, {Key: "employers", Title: "Involving employers"}, {Key: "upscaling", Title: "Scaling up"}}})
	if err != nil {
		t.Fatal(err)
	}
	w.prog = prog
	w.jobcentrum, w.werkpunt = e.org("Jobcentrum", "BE"), e.org("Werkpunt", "BE")
	w.werkbrug, w.retour, w.wied = e.org("Werkbrug", "NL"), e.org("Retour", "FR"), e.org("Wiedereinstieg", "DE")
	w.tyokyky, w.elsewhere = e.org("Tyokyky", "FI"), e.org("Elsewhere", "IE")
	people := []struct {
		name string
		org  domain.Organisation
		role domain.Role
	}{
		{"coordinator", w.jobcentrum, domain.RoleCoordinator}, {"be", w.jobcentrum, domain.RolePartner}, {"be2", w.werkpunt, domain.RolePartner},
		{"nl", w.werkbrug, domain.RolePartner}, {"fr", w.retour, domain.RolePartner}, {"de", w.wied, domain.RolePartner},
		{"fi", w.tyokyky, domain.RoleReviewer}, {"outsider", w.elsewhere, ""},
	}
	for _, p := range people {
		u := e.user(p.name+"@example.org", p.org, false)
		if p.role != "" {
			e.member(prog, u, p.role)
		}
		w.tok[p.name] = e.login(u.Email)
	}
	// The profiles (FI's reviewer cannot write one: it is stored directly).
	w.putProfile("be", `"0"`, []map[string]any{
		{"key": "early_contact", "wants": "some"},
		{"key": "employers", "wants": "high", "questions": []string{question}},
		{"key": "upscaling", "offers": true},
	}, 200)
	w.putProfile("be2", `"0"`, []map[string]any{{"key": "employers", "offers": true}}, 200)
	w.putProfile("nl", `"0"`, []map[string]any{{"key": "early_contact", "offers": true}, {"key": "employers", "wants": "some"}, {"key": "upscaling", "wants": "some"}}, 200)
	w.putProfile("fr", `"0"`, []map[string]any{{"key": "early_contact", "offers": true}, {"key": "employers", "offers": true}}, 200)
	w.putProfile("de", `"0"`, []map[string]any{{"key": "upscaling", "wants": "high"}}, 200)
	if _, err := e.store.SaveLearningProfile(ctx, domain.LearningProfile{ProgrammeID: prog.ID, OrganisationID: w.tyokyky.ID, Themes: []domain.LearningTheme{
		{Key: "early_contact", Wants: domain.WantHigh, Questions: []string{}}, {Key: "upscaling", Offers: true, Wants: domain.WantNone, Questions: []string{}},
	}}, 0); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *learningWorld) profilePath() string {
	return "/api/v1/programmes/" + w.prog.ID.String() + "/learning-profile"
}

func (w *learningWorld) putProfile(who, etag string, themes []map[string]any, status int) response {
	w.t.Helper()
	h := map[string]string{}
	if etag != "" {
		h["If-Match"] = etag
	}
	return must(w.t, w.do(req{method: "PUT", path: w.profilePath(), token: w.tok[who], header: h, body: map[string]any{"themes": themes}}), status)
}

// addPractice creates a practice of who's organisation on themes and moves it to status, with a
// decision's outcome when one is given.
func (w *learningWorld) addPractice(who, title, approach string, themes []string, status domain.PracticeStatus, outcome string) string {
	w.t.Helper()
	body := fullPractice(title, "en")
	body["themes"], body["approach"] = themes, approach
	r := must(w.t, w.do(req{method: "POST", path: "/api/v1/programmes/" + w.prog.ID.String() + "/practices", token: w.tok[who], body: body}), 201).json(w.t)
	id := r["id"].(string)
	if _, err := w.db.SQL().Exec(`UPDATE practices SET status = $1 WHERE id = $2`, string(status), id); err != nil {
		w.t.Fatal(err)
	}
	if outcome != "" {
		d := fmt.Sprintf(`{"outcome": %q, "rationale": "", "decided_at": "2026-01-01T00:00:00Z", "round_id": %q}`, outcome, uuid.NewString())
		if _, err := w.db.SQL().Exec(`UPDATE practices SET decision = $1::jsonb WHERE id = $2`, d, id); err != nil {
			w.t.Fatal(err)
		}
	}
	w.practice[title] = id
	return id
}

// seedPractices gives the world practices that must and must not be suggested to Jobcentrum.
func (w *learningWorld) seedPractices() {
	w.addPractice("nl", "Job coaching with employers", "Job coaches visit the employer and involve the team before the first day back.",
		[]string{"employers"}, domain.StatusPublished, domain.OutcomeGoodPractice)
	w.addPractice("fr", "Early contact", "A call in the first month of sick leave.", []string{"early_contact"}, domain.StatusPublished, domain.OutcomePromisingPractice)
	w.addPractice("fr", "Employer draft", "Job coaches involve employers.", []string{"employers"}, domain.StatusDraft, "")
	w.addPractice("fr", "Employer panel under review", "A panel of employers.", []string{"employers"}, domain.StatusInReview, "")
	w.addPractice("fr", "Regional roll-out", "From one city to the region.", []string{"upscaling"}, domain.StatusPublished, "")
	w.addPractice("be2", "Belgian employer network", "Job coaches involve employers.", []string{"employers"}, domain.StatusPublished, domain.OutcomeGoodPractice)
	w.addPractice("be", "Our own employer practice", "Job coaches involve employers.", []string{"employers"}, domain.StatusPublished, "")
}

type suggestion struct {
	Kind         string
	Organisation struct{ ID, Name, Country string }
	Practice     *struct {
		ID, Title string
		Outcome   *string
	}
	Offers, Wants []string
	Reciprocal    bool
	Score         int
	Reasons       []struct {
		Code   string
		Params map[string]string
	}
}

func (s suggestion) label() string {
	if s.Practice != nil {
		return "practice " + s.Practice.Title
	}
	return "organisation " + s.Organisation.Name
}

func (s suggestion) reasons() []string {
	out := make([]string, len(s.Reasons))
	for i, r := range s.Reasons {
		var ps []string
		for _, k := range []string{"theme", "level", "question", "outcome"} {
			if v, ok := r.Params[k]; ok {
				ps = append(ps, k+"="+v)
			}
		}
		out[i] = r.Code
		if len(ps) > 0 {
			out[i] += "(" + strings.Join(ps, ",") + ")"
		}
	}
	return out
}

func (w *learningWorld) matches(who string) []suggestion {
	w.t.Helper()
	r := must(w.t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/matches", w.tok[who]), 200)
	var m struct {
		Organisation struct{ Name string }
		Suggestions  []suggestion
	}
	if err := json.Unmarshal(r.Body, &m); err != nil {
		w.t.Fatal(err)
	}
	return m.Suggestions
}

func TestMatchesSuggestWhatAnswersTheProfileWithTheirReasons(t *testing.T) {
	w := newLearningWorld(t)
	w.seedPractices()
	got := w.matches("be")
	want := []struct {
		label      string
		reciprocal bool
		score      int
		reasons    []string
	}{
		{"practice Job coaching with employers", true, 7, []string{"reciprocal", "offers_theme_you_want(theme=employers,level=high)",
			"answers_question(theme=employers,question=" + question + ")", "judged_good_practice(outcome=good_practice)"}},
		{"organisation Werkbrug", true, 2, []string{"reciprocal", "offers_theme_you_want(theme=early_contact,level=some)", "wants_theme_you_offer(theme=upscaling,level=some)"}},
		{"organisation Retour", false, 4, []string{"offers_theme_you_want(theme=early_contact,level=some)", "offers_theme_you_want(theme=employers,level=high)"}},
		{"organisation Wiedereinstieg", false, 3, []string{"wants_theme_you_offer(theme=upscaling,level=high)"}},
		{"practice Early contact", false, 2, []string{"offers_theme_you_want(theme=early_contact,level=some)", "judged_good_practice(outcome=promising_practice)"}},
	}
	labels := make([]string, len(got))
	for i, s := range got {
		labels[i] = s.label()
	}
	if len(got) != len(want) {
		t.Fatalf("suggestions %v", labels)
	}
	for i, w := range want {
		s := got[i]
		if s.label() != w.label || s.Reciprocal != w.reciprocal || s.Score != w.score || !reflect.DeepEqual(s.reasons(), w.reasons) {
			t.Errorf("suggestion %d: got %s reciprocal=%v score=%d %v\nwant %s reciprocal=%v score=%d %v", i, s.label(), s.Reciprocal, s.Score, s.reasons(),
				w.label, w.reciprocal, w.score, w.reasons)
		}
	}
	if nl := got[1]; !reflect.DeepEqual(nl.Offers, []string{"early_contact"}) || !reflect.DeepEqual(nl.Wants, []string{"upscaling"}) || nl.Organisation.Country != "NL" {
		t.Errorf("Werkbrug's offers and wants: %+v", nl)
	}
	if p := got[0].Practice; p == nil || p.ID != w.practice["Job coaching with employers"] || p.Outcome == nil || *p.Outcome != "good_practice" {
		t.Errorf("the practice suggested: %+v", p)
	}
}

func TestMatchesNeverSuggestTheOwnCountryDraftsOrWhatTheCallerMayNotSee(t *testing.T) {
	w := newLearningWorld(t)
	w.seedPractices()
	for _, who := range []string{"be", "coordinator"} {
		t.Run(who, func(t *testing.T) {
			seen := map[string]bool{}
			for _, s := range w.matches(who) {
				seen[s.label()] = true
				if s.Organisation.Country == "BE" {
					t.Errorf("%s is from the caller's own country", s.label())
				}
			}
			for _, never := range []string{"practice Employer draft", "practice Belgian employer network", "practice Our own employer practice",
				"organisation Werkpunt", "organisation Jobcentrum", "practice Regional roll-out", "organisation Tyokyky"} {
				if seen[never] {
					t.Errorf("%s suggested", never)
				}
			}
			// A practice under review is seen by the coordinators only (not by a partner who does not review it).
			if underReview := seen["practice Employer panel under review"]; underReview != (who == "coordinator") {
				t.Errorf("practice under review suggested to %s: %v", who, underReview)
			}
		})
	}
	// The Dutch partner is told of Jobcentrum and Retour, never of itself or another Dutch organisation.
	for _, s := range w.matches("nl") {
		if s.Organisation.Country == "NL" {
			t.Errorf("%s suggested to the Dutch partner", s.label())
		}
	}
}

func TestReciprocalInterestRanksFirst(t *testing.T) {
	w := newLearningWorld(t)
	got := w.matches("be")
	if len(got) != 3 || got[0].label() != "organisation Werkbrug" || !got[0].Reciprocal || got[1].Reciprocal || got[1].Score <= got[0].Score {
		t.Fatalf("a reciprocal organisation of lower score must come first: %+v", got)
	}
	// Once Werkbrug no longer wants what Jobcentrum offers, the higher score wins.
	w.putProfile("nl", `"1"`, []map[string]any{{"key": "early_contact", "offers": true}}, 200)
	got = w.matches("be")
	if got[0].label() != "organisation Retour" || got[0].Reciprocal {
		t.Fatalf("without reciprocity: %+v", got)
	}
}

func TestLearningMapCountsOffersAndWantsAndPairsCountries(t *testing.T) {
	w := newLearningWorld(t)
	r := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/learning-map", w.tok["coordinator"]), 200)
	var m struct {
		Themes, Countries []string
		Cells             []struct {
			Theme, Country string
			Offers         int
			WantsSome      int `json:"wants_some"`
			WantsHigh      int `json:"wants_high"`
		}
		Pairs []struct {
			Countries []string
			AOffersB  []string `json:"a_offers_b"`
			BOffersA  []string `json:"b_offers_a"`
			Themes    int
		}
	}
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Themes, []string{"early_contact", "employers", "upscaling"}) || !reflect.DeepEqual(m.Countries, []string{"BE", "DE", "FI", "FR", "NL"}) {
		t.Fatalf("themes %v countries %v", m.Themes, m.Countries)
	}
	// By hand from the table of newLearningWorld: theme, country, offers, wants some, wants high.
	want := []string{
		"early_contact BE 0 1 0", "early_contact FI 0 0 1", "early_contact FR 1 0 0", "early_contact NL 1 0 0",
		"employers BE 1 0 1", "employers FR 1 0 0", "employers NL 0 1 0",
		"upscaling BE 1 0 0", "upscaling DE 0 0 1", "upscaling FI 1 0 0", "upscaling NL 0 1 0",
	}
	var cells []string
	for _, c := range m.Cells {
		cells = append(cells, fmt.Sprintf("%s %s %d %d %d", c.Theme, c.Country, c.Offers, c.WantsSome, c.WantsHigh))
	}
	if !reflect.DeepEqual(cells, want) {
		t.Errorf("cells\n got %v\nwant %v", cells, want)
	}
	// BE offers NL employers and upscaling, NL offers BE early contact: 3. FI offers NL upscaling,
	// NL offers FI early contact: 2. DE, FI and BE offer each other nothing they want both ways.
	var pairs []string
	for _, p := range m.Pairs {
		pairs = append(pairs, fmt.Sprintf("%s %v %v %d", strings.Join(p.Countries, "-"), p.AOffersB, p.BOffersA, p.Themes))
	}
	if wantPairs := []string{"BE-NL [employers upscaling] [early_contact] 3", "FI-NL [upscaling] [early_contact] 2"}; !reflect.DeepEqual(pairs, wantPairs) {
		t.Errorf("pairs\n got %v\nwant %v", pairs, wantPairs)
	}
	for who, status := range map[string]int{"be": 403, "fi": 403, "outsider": 404, "anonymous": 401} {
		must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/learning-map", w.tok[who]), status)
	}
}

func TestLearningProfileIsVersioned(t *testing.T) {
	w := newLearningWorld(t)
	path := w.profilePath()
	r := must(t, w.get(path, w.tok["coordinator"]), 200)
	if r.Header.Get("ETag") != `"1"` {
		t.Fatalf("Jobcentrum's ETag %q", r.Header.Get("ETag"))
	}
	p := r.json(t)
	themes := p["themes"].([]any)
	if len(themes) != 3 || p["version"].(float64) != 1 || p["organisation"].(map[string]any)["name"] != "Jobcentrum" {
		t.Fatalf("profile %v", p)
	}
	if emp := themes[1].(map[string]any); emp["key"] != "employers" || emp["wants"] != "high" || emp["offers"] != false || fmt.Sprint(emp["questions"]) != "["+question+"]" {
		t.Fatalf("employers %v", emp)
	}

	// An organisation nobody wrote a profile for reads every theme, empty, as version 0, then created with If-Match "0", once.
	prog := w.prog
	newcomer := w.user("newcomer@example.org", w.org("Newcomer", "IE"), false)
	w.member(prog, newcomer, domain.RolePartner)
	w.tok["ie"] = w.login(newcomer.Email)
	r = must(t, w.get(path, w.tok["ie"]), 200)
	if r.Header.Get("ETag") != `"0"` || r.json(t)["updated_at"] != nil || len(r.json(t)["themes"].([]any)) != 3 {
		t.Fatalf("unsaved profile: %s %s", r.Header.Get("ETag"), r.Body)
	}
	w.putProfile("ie", "", []map[string]any{{"key": "upscaling", "offers": true}}, 428)
	created := w.putProfile("ie", `"0"`, []map[string]any{{"key": "upscaling", "offers": true}}, 200)
	if created.Header.Get("ETag") != `"1"` {
		t.Fatalf("created: %s", created.Header.Get("ETag"))
	}
	if w.putProfile("ie", `"0"`, []map[string]any{}, 412).code() != "version_mismatch" {
		t.Fatal("a second creation is not a stale write")
	}
	w.putProfile("ie", `"1"`, []map[string]any{{"key": "upscaling", "wants": "high", "questions": []string{"  Who pays for scaling up?  "}}}, 200)
	w.putProfile("ie", `"1"`, []map[string]any{{"key": "upscaling", "offers": true}}, 412)
	got := must(t, w.get(path, w.tok["ie"]), 200).json(t)["themes"].([]any)[2].(map[string]any)
	if got["wants"] != "high" || got["offers"] != false || fmt.Sprint(got["questions"]) != "[Who pays for scaling up?]" {
		t.Fatalf("a stale write changed the profile or the question was not trimmed: %v", got)
	}
	var n int
	if err := w.db.SQL().QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'learning_profile.updated' AND object_id = $1`, newcomer.OrganisationID).Scan(&n); err != nil || n != 2 {
		t.Fatalf("audit entries of the newcomer's profile: %d %v", n, err)
	}
}

func TestLearningProfileValidationNamesTheField(t *testing.T) {
	w := newLearningWorld(t)
	long := strings.Repeat("q", 301)
	cases := []struct {
		name        string
		themes      []map[string]any
		field, code string
	}{
		{"unknown theme", []map[string]any{{"key": "upscaling"}, {"key": "astrology", "offers": true}}, "themes[1].key", "unknown_theme"},
		{"theme twice", []map[string]any{{"key": "upscaling"}, {"key": "upscaling", "offers": true}}, "themes[1].key", "duplicate"},
		{"malformed key", []map[string]any{{"key": "Up Scaling"}}, "themes[0].key", "invalid_format"},
		{"unknown want", []map[string]any{{"key": "upscaling", "wants": "lots"}}, "themes[0].wants", "not_allowed"},
		{"question too long", []map[string]any{{"key": "upscaling", "questions": []string{long}}}, "themes[0].questions[0]", "too_long"},
		{"question too short", []map[string]any{{"key": "upscaling", "questions": []string{"ok", "Who pays?"}}}, "themes[0].questions[0]", "too_short"},
		{"blank question", []map[string]any{{"key": "upscaling", "questions": []string{"   "}}}, "themes[0].questions[0]", "required"},
		{"too many questions", []map[string]any{{"key": "upscaling", "questions": []string{"one?", "two?", "three?", "four?", "five?", "six?"}}}, "themes[0].questions", "too_long"},
		{"question twice", []map[string]any{{"key": "upscaling", "questions": []string{"Who pays?", "Who pays?"}}}, "themes[0].questions", "duplicate"},
		{"offers not a boolean", []map[string]any{{"key": "upscaling", "offers": "yes"}}, "themes[0].offers", "wrong_type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := w.putProfile("be", `"1"`, c.themes, 400)
			var p struct {
				Code   string
				Errors []struct{ Field, Code string }
			}
			if err := json.Unmarshal(r.Body, &p); err != nil || p.Code != "validation_failed" || len(p.Errors) != 1 || p.Errors[0].Field != c.field || p.Errors[0].Code != c.code {
				t.Fatalf("want %s (%s): %s", c.field, c.code, r.Body)
			}
		})
	}
	if r := must(t, w.get(w.profilePath(), w.tok["be"]), 200); r.Header.Get("ETag") != `"1"` {
		t.Fatalf("a refused write changed the profile: %s", r.Header.Get("ETag"))
	}
	must(t, w.do(req{method: "PUT", path: w.profilePath(), token: w.tok["be"], header: map[string]string{"If-Match": `"1"`}, body: map[string]any{}}), 400)
}

func TestLearningProfileAccess(t *testing.T) {
	w := newLearningWorld(t)
	path := w.profilePath()
	other := "/api/v1/programmes/" + uuid.NewString() + "/learning-profile"
	cases := []struct {
		name, who, method, path string
		status                  int
	}{
		{"outsider reads", "outsider", "GET", path, 404},
		{"outsider writes", "outsider", "PUT", path, 404},
		{"outsider's matches", "outsider", "GET", "/api/v1/programmes/" + w.prog.ID.String() + "/matches", 404},
		{"unknown programme", "be", "GET", other, 404},
		{"reviewer reads", "fi", "GET", path, 200},
		{"reviewer writes", "fi", "PUT", path, 403},
		{"reviewer's matches", "fi", "GET", "/api/v1/programmes/" + w.prog.ID.String() + "/matches", 200},
		{"partner reads another organisation", "be", "GET", path + "?organisation_id=" + w.werkbrug.ID.String(), 403},
		{"partner names their own", "be", "GET", path + "?organisation_id=" + w.jobcentrum.ID.String(), 200},
		{"coordinator reads another organisation", "coordinator", "GET", path + "?organisation_id=" + w.werkbrug.ID.String(), 200},
		{"coordinator reads an organisation outside", "coordinator", "GET", path + "?organisation_id=" + w.elsewhere.ID.String(), 404},
		{"malformed organisation", "coordinator", "GET", path + "?organisation_id=nope", 400},
		{"anonymous", "anonymous", "GET", path, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := req{method: c.method, path: c.path, token: w.tok[c.who]}
			if c.method == "PUT" {
				r.header = map[string]string{"If-Match": `"0"`}
				r.body = map[string]any{"themes": []map[string]any{{"key": "upscaling", "offers": true}}}
			}
			must(t, w.do(r), c.status)
		})
	}
	nl := must(t, w.get(path+"?organisation_id="+w.werkbrug.ID.String(), w.tok["coordinator"]), 200).json(t)
	if nl["organisation"].(map[string]any)["name"] != "Werkbrug" || nl["themes"].([]any)[0].(map[string]any)["offers"] != true {
		t.Fatalf("Werkbrug's profile read by the coordinator: %v", nl)
	}
}

// TestMatchesFollowEveryChange asks for Jobcentrum's matches after each kind of change a match
// depends on — and again right after, when they are kept — and checks that none is answered
// from before the change: a saved profile, an organisation renamed, a person leaving the
// programme, a practice published, the programme's themes, and a change rolled back.
func TestMatchesFollowEveryChange(t *testing.T) {
	w := newLearningWorld(t)
	w.seedPractices()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	labels := func() map[string]suggestion {
		t.Helper()
		first, second := w.matches("be"), w.matches("be")
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("two requests with no change in between differ:\n%v\n%v", first, second)
		}
		out := map[string]suggestion{}
		for _, s := range first {
			out[s.label()] = s
		}
		return out
	}
	if _, ok := labels()["organisation Wiedereinstieg"]; !ok {
		t.Fatal("Wiedereinstieg, which wants what Jobcentrum offers, is not suggested")
	}

	// A saved profile: Wiedereinstieg no longer wants what Jobcentrum offers.
	w.putProfile("de", `"1"`, []map[string]any{{"key": "early_contact", "wants": "none"}}, 200)
	if _, ok := labels()["organisation Wiedereinstieg"]; ok {
		t.Error("after its profile changed, Wiedereinstieg is still suggested")
	}

	// An organisation renamed.
	exec(`UPDATE organisations SET name = 'Werkbrug Utrecht' WHERE id = $1`, w.werkbrug.ID)
	got := labels()
	if _, ok := got["organisation Werkbrug Utrecht"]; !ok {
		t.Errorf("after the rename, Werkbrug is not suggested under its new name: %v", got)
	}

	// The only person of Retour leaves the programme.
	exec(`DELETE FROM memberships WHERE programme_id = $1 AND user_id IN (SELECT id FROM users WHERE organisation_id = $2)`, w.prog.ID, w.retour.ID)
	if _, ok := labels()["organisation Retour"]; ok {
		t.Error("after its people left the programme, Retour is still suggested")
	}

	// A practice published on a theme Jobcentrum wants.
	w.addPractice("de", "Early contact from the first week", "A call in the first week of sick leave.", []string{"early_contact"}, domain.StatusPublished, "")
	if _, ok := labels()["practice Early contact from the first week"]; !ok {
		t.Error("a newly published practice on a wanted theme is not suggested")
	}

	// The programme's themes: without the theme Jobcentrum wants, its practices are no reason.
	exec(`UPDATE programmes SET themes = '[{"key": "upscaling", "title": "Scaling up"}]'::jsonb WHERE id = $1`, w.prog.ID)
	if _, ok := labels()["practice Early contact from the first week"]; ok {
		t.Error("after its theme left the programme, the practice is still suggested")
	}

	// A change rolled back changes nothing, and moves no version a later request could trust.
	before := labels()
	tx, err := w.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE organisations SET name = 'Renamed' WHERE id = $1`, w.wied.ID); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := labels(); !reflect.DeepEqual(before, after) {
		t.Errorf("a rolled-back change changed the matches:\n%v\n%v", before, after)
	}
}

// TestLearningMapFollowsEveryChange reads the learning map after each kind of change it counts —
// and again right after, when it is kept — and checks that none is answered from before the
// change: a saved profile, an organisation's country, people leaving the programme, the
// programme's themes, and a change rolled back.
func TestLearningMapFollowsEveryChange(t *testing.T) {
	w := newLearningWorld(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.db.SQL().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	type learningMap struct {
		Themes, Countries []string
		Cells             []struct {
			Theme, Country string
			Offers         int
		}
	}
	read := func() learningMap {
		t.Helper()
		var first, second learningMap
		for _, m := range []*learningMap{&first, &second} {
			r := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/learning-map", w.tok["coordinator"]), 200)
			if err := json.Unmarshal(r.Body, m); err != nil {
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("two reads with no change in between differ:\n%v\n%v", first, second)
		}
		return first
	}
	offers := func(m learningMap, theme, country string) int {
		for _, c := range m.Cells {
			if c.Theme == theme && c.Country == country {
				return c.Offers
			}
		}
		return 0
	}
	if got := offers(read(), "upscaling", "DE"); got != 0 {
		t.Fatalf("DE offers upscaling %d times before its profile says so", got)
	}
	w.putProfile("de", `"1"`, []map[string]any{{"key": "upscaling", "offers": true}}, 200)
	if got := offers(read(), "upscaling", "DE"); got != 1 {
		t.Errorf("after Wiedereinstieg's profile changed, DE offers upscaling %d times", got)
	}
	exec(`UPDATE organisations SET country = 'AT' WHERE id = $1`, w.wied.ID)
	if m := read(); offers(m, "upscaling", "AT") != 1 || offers(m, "upscaling", "DE") != 0 {
		t.Errorf("after Wiedereinstieg moved to AT, the map reads countries %v", m.Countries)
	}
	exec(`DELETE FROM memberships WHERE programme_id = $1 AND user_id IN (SELECT id FROM users WHERE organisation_id = $2)`, w.prog.ID, w.wied.ID)
	if m := read(); slices.Contains(m.Countries, "AT") {
		t.Errorf("after its people left, Wiedereinstieg's country is still on the map: %v", m.Countries)
	}
	exec(`UPDATE programmes SET themes = '[{"key": "upscaling", "title": "Scaling up"}]'::jsonb WHERE id = $1`, w.prog.ID)
	if m := read(); !reflect.DeepEqual(m.Themes, []string{"upscaling"}) {
		t.Errorf("after the programme's themes changed, the map reads %v", m.Themes)
	}
	before := read()
	tx, err := w.db.SQL().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE organisations SET country = 'LU' WHERE id = $1`, w.werkbrug.ID); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := read(); !reflect.DeepEqual(before, after) {
		t.Errorf("a rolled-back change changed the map:\n%v\n%v", before, after)
	}
}
