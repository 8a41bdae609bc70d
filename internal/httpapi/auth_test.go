package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/auth"
)

// A token is refused unless it is HS256, signed with our key, unexpired, and carries exp, our
// issuer and our audience — even when it names a live session.
func TestAccessTokenIsRefusedWhenAnyClaimOrTheSignatureIsWrong(t *testing.T) {
	w := newWorld(t)
	good := w.tok["partner"]
	// Recover the live session id from a real token so that only the flaw under test differs.
	uid, sid, err := auth.NewSigner([]byte(testSecret), testIssuer, testAudience, time.Minute, nil).Verify(good)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	claims := func(mod func(*auth.Claims)) auth.Claims {
		c := auth.Claims{SessionID: sid.String(), RegisteredClaims: jwt.RegisteredClaims{
			Issuer: testIssuer, Subject: uid.String(), Audience: jwt.ClaimStrings{testAudience},
			IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)),
		}}
		if mod != nil {
			mod(&c)
		}
		return c
	}
	sign := func(method jwt.SigningMethod, key any, c auth.Claims) string {
		s, err := jwt.NewWithClaims(method, c).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	cases := map[string]string{
		"valid control":  sign(jwt.SigningMethodHS256, []byte(testSecret), claims(nil)),
		"alg none":       sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, claims(nil)),
		"wrong key":      sign(jwt.SigningMethodHS256, []byte("another-secret-another-secret-another"), claims(nil)),
		"HS512":          sign(jwt.SigningMethodHS512, []byte(testSecret), claims(nil)),
		"expired":        sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.ExpiresAt = jwt.NewNumericDate(now.Add(-time.Minute)) })),
		"missing exp":    sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.ExpiresAt = nil })),
		"wrong audience": sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.Audience = jwt.ClaimStrings{"someone-else"} })),
		"no audience":    sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.Audience = nil })),
		"wrong issuer":   sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.Issuer = "evil" })),
		"other session":  sign(jwt.SigningMethodHS256, []byte(testSecret), claims(func(c *auth.Claims) { c.SessionID = uuid.NewString() })),
		"garbage":        "not.a.token",
	}
	for name, token := range cases {
		t.Run(name, func(t *testing.T) {
			r := w.get("/api/v1/me", token)
			want := http.StatusUnauthorized
			if name == "valid control" {
				want = http.StatusOK
			}
			must(t, r, want)
			if want == http.StatusUnauthorized && r.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("content type %q", r.Header.Get("Content-Type"))
			}
		})
	}
}

func refresh(w *world, token string) response {
	return w.do(req{method: "POST", path: "/api/v1/auth/refresh", body: map[string]string{"refresh_token": token}})
}

func TestRefreshRotatesAndReuseRevokesTheWholeSession(t *testing.T) {
	w := newWorld(t)
	access1, r1 := w.loginPair(w.partner.Email)
	first := must(t, refresh(w, r1), 200).json(t)
	r2, access2 := first["refresh_token"].(string), first["access_token"].(string)
	if r2 == r1 {
		t.Fatal("refresh token did not rotate")
	}
	must(t, w.get("/api/v1/me", access2), 200)

	// The spent token comes back: someone copied it. The whole session ends.
	must(t, refresh(w, r1), 401)
	must(t, refresh(w, r2), 401)
	must(t, w.get("/api/v1/me", access2), 401)
	must(t, w.get("/api/v1/me", access1), 401)
	// Other sessions of the same person are untouched.
	must(t, w.get("/api/v1/me", w.tok["partner"]), 200)
}

func TestLogoutEndsAccessAndRefreshAtOnce(t *testing.T) {
	w := newWorld(t)
	access, refreshToken := w.loginPair(w.partner.Email)
	must(t, w.get("/api/v1/me", access), 200)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/logout", token: access}), 204)
	must(t, w.get("/api/v1/me", access), 401)
	must(t, refresh(w, refreshToken), 401)
}

func TestDisablingAnAccountEndsItsAccessAtOnce(t *testing.T) {
	w := newWorld(t)
	token := w.tok["partner"]
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String(), token), 200)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/users/" + w.partner.ID.String(), token: w.tok["admin"],
		header: map[string]string{"If-Match": `"1"`}, body: map[string]any{"disabled": true}}), 200)
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String(), token), 401)
	r := w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": testPassword}})
	must(t, r, 401)
	if r.code() != "invalid_credentials" {
		t.Fatalf("disabled account answered %s", r.Body)
	}
}

func TestRemovingAMemberEndsProgrammeAccessAtOnce(t *testing.T) {
	w := newWorld(t)
	p := "/api/v1/programmes/" + w.prog.ID.String()
	must(t, w.get(p, w.tok["reviewer"]), 200)
	must(t, w.do(req{method: "DELETE", path: p + "/members/" + w.reviewer.ID.String(), token: w.tok["coordinator"]}), 204)
	must(t, w.get(p, w.tok["reviewer"]), 404)
	must(t, w.get("/api/v1/me", w.tok["reviewer"]), 200)
}

// An unknown e-mail and a wrong password get the same status, the same body (but for the request
// id) and the same headers, and both go through a full password hash.
func TestUnknownEmailAndWrongPasswordGetTheSameAnswer(t *testing.T) {
	w := newWorld(t)
	strip := func(r response) map[string]any {
		m := r.json(t)
		delete(m, "request_id")
		return m
	}
	unknown := w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "nobody@example.org", "password": "whatever-password"}})
	wrong := w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": "whatever-password"}})
	must(t, unknown, 401)
	must(t, wrong, 401)
	a, _ := json.Marshal(strip(unknown))
	b, _ := json.Marshal(strip(wrong))
	if !bytes.Equal(a, b) {
		t.Fatalf("answers differ:\n%s\n%s", a, b)
	}
	for _, h := range []string{"Content-Type", "Www-Authenticate", "Retry-After", "Content-Length"} {
		if unknown.Header.Get(h) != wrong.Header.Get(h) {
			t.Fatalf("header %s differs: %q vs %q", h, unknown.Header.Get(h), wrong.Header.Get(h))
		}
	}
}

// The same work for both: an unknown account is verified against a dummy hash of the same cost,
// so the time taken does not tell whether an account exists.
func TestPasswordVerificationCostsTheSameForUnknownAccounts(t *testing.T) {
	h := auth.NewHasherWithParams(1, auth.Params{MemoryKiB: 8 * 1024, Time: 2, Threads: 1})
	ctx := context.Background()
	real, err := h.Hash(ctx, "a real password")
	if err != nil {
		t.Fatal(err)
	}
	// The cost is counted, not timed: a timing on a busy machine proves nothing either way.
	verify := func(encoded string) uint64 {
		before := h.Work()
		if ok, err := h.Verify(ctx, encoded, "a wrong password"); ok || err != nil {
			t.Fatalf("verify: %v %v", ok, err)
		}
		return h.Work() - before
	}
	known, unknown := verify(real), verify("")
	if known == 0 || unknown != known {
		t.Fatalf("argon2 work for an unknown account %d, for a known one %d: the dummy hash must do the same work", unknown, known)
	}
}

func TestSignInIsThrottledPerAccountWithRetryAfter(t *testing.T) {
	w := newWorld(t)
	body := func(email, pw string) map[string]string { return map[string]string{"email": email, "password": pw} }
	for i := range 10 {
		r := w.do(req{method: "POST", path: "/api/v1/auth/login", body: body(w.partner.Email, "wrong password "+string(rune('a'+i)))})
		must(t, r, 401)
	}
	// Now even the right password is refused for a while, with a hint when to retry.
	r := must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: body(w.partner.Email, testPassword)}), 429)
	if r.Header.Get("Retry-After") == "" || r.code() != "too_many_attempts" {
		t.Fatalf("throttled answer lacks Retry-After or code: %v %s", r.Header, r.Body)
	}
	// An unknown account is throttled the same way, so throttling does not reveal existence.
	for range 10 {
		must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: body("ghost@example.org", "wrong password")}), 401)
	}
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: body("ghost@example.org", "wrong password")}), 429)
	// Another account from the same address still signs in (the per-address limit is higher).
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: body(w.coord.Email, testPassword)}), 200)
}

func TestChangingPasswordEndsOtherSessionsButKeepsThisOne(t *testing.T) {
	w := newWorld(t)
	other := w.login(w.partner.Email)
	this := w.tok["partner"]
	must(t, w.do(req{method: "POST", path: "/api/v1/me/password", token: this, body: map[string]string{"current_password": "nope-nope-nope", "new_password": "a brand new password"}}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/me/password", token: this, body: map[string]string{"current_password": testPassword, "new_password": "short"}}), 400)
	must(t, w.do(req{method: "POST", path: "/api/v1/me/password", token: this, body: map[string]string{"current_password": testPassword, "new_password": "a brand new password"}}), 204)
	must(t, w.get("/api/v1/me", this), 200)
	must(t, w.get("/api/v1/me", other), 401)
	must(t, w.do(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": w.partner.Email, "password": "a brand new password"}}), 200)
}

func TestPatchMeIgnoresPrivilegedFields(t *testing.T) {
	w := newWorld(t)
	r := must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["partner"], body: map[string]any{
		"name": "Anouk", "languages": []string{"nl", "en"}, "is_admin": true, "organisation_id": w.orgBE.ID, "disabled": true,
		"email": "takeover@example.org", "version": 99,
	}}), 200).json(t)
	if r["name"] != "Anouk" || r["is_admin"] != false || r["organisation_id"] != w.orgNL.ID.String() || r["email"] != w.partner.Email || r["disabled"] != false {
		t.Fatalf("PATCH /me applied a field it must ignore: %v", r)
	}
	u, err := w.store.User(context.Background(), w.partner.ID)
	if err != nil || u.IsAdmin || u.OrganisationID != w.orgNL.ID {
		t.Fatalf("stored user changed: %+v %v", u, err)
	}
	if _, ok := r["password_hash"]; ok {
		t.Fatal("password hash leaked")
	}
}
