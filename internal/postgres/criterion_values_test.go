package postgres

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"
)

// asMap is what encoding/json reads from the same text, the reference for criterionValues.
func asMap(t *testing.T, c criterionValues) map[string]float64 {
	t.Helper()
	m := make(map[string]float64, len(c.V))
	for _, v := range c.V {
		if _, dup := m[v.Key]; dup {
			t.Fatalf("key %q read twice", v.Key)
		}
		m[v.Key] = v.Value
	}
	return m
}

func TestCriterionValuesReadAsEncodingJSONDoes(t *testing.T) {
	cases := []struct {
		text string
		fast bool // read without encoding/json
	}{
		{`{}`, true},
		{`{"fit": 3}`, true},
		{`{"a": 1, "b": 2.5, "evidence": -0.25, "transfer": 4e-1}`, true},
		{` {"a":1,"b":2} `, true},
		{"{\n  \"a\": 1E+2\n}", true},
		{`{"ré-usage": 3, "Übertragbarkeit": 2}`, true},
		{`{"a\"b": 1}`, false},
		{`{"a\u0041": 1}`, false},
		{`{"a": null}`, false},
	}
	for _, c := range cases {
		var got criterionValues
		if err := got.Scan([]byte(c.text)); err != nil {
			t.Fatalf("%s: %v", c.text, err)
		}
		var want map[string]float64
		if err := json.Unmarshal([]byte(c.text), &want); err != nil && c.fast {
			t.Fatalf("%s: the reference does not read it: %v", c.text, err)
		}
		if _, fast := parseFlatNumbers([]byte(c.text)); fast != c.fast {
			t.Errorf("%s: read directly %v, want %v", c.text, fast, c.fast)
		}
		if err := json.Unmarshal([]byte(c.text), &want); err == nil {
			gotMap := asMap(t, got)
			if len(gotMap) != len(want) {
				t.Fatalf("%s: %v, want %v", c.text, gotMap, want)
			}
			for k, v := range want {
				if gotMap[k] != v {
					t.Errorf("%s: %q = %v, want %v", c.text, k, gotMap[k], v)
				}
			}
		}
	}
	// What is not an object of numbers is an error, as it was through encoding/json.
	for _, bad := range []string{`[1, 2]`, `{"a": {"b": 1}}`, `{"a": "x"}`, `{"a": 1,}`, `{"a" 1}`, `{"a": 1`, `null x`, `{"a": +1}`, `{"a": 1.2.3}`} {
		var got criterionValues
		if err := got.Scan([]byte(bad)); err == nil {
			t.Errorf("%s: read as %v", bad, got)
		}
	}
	var none criterionValues
	if err := none.Scan(nil); err != nil || none.V != nil {
		t.Errorf("NULL: %v, %v", none, err)
	}
}

// Random objects of numbers written by PostgreSQL (jsonb's text form: its own key order and
// spacing, numbers as it prints them) are all read directly, and read as encoding/json reads them.
func TestCriterionValuesReadWhatPostgreSQLWrites(t *testing.T) {
	s, _, _ := newTestStore(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		m := map[string]float64{}
		for j := range r.IntN(8) {
			key := []string{"fit", "evidence", "transferability", "cost", "sustainability", "a", "ré"}[j%7] + strconv.Itoa(r.IntN(3))
			m[key] = []float64{float64(r.IntN(6)), r.Float64() * 10, -r.Float64(), 1e-7 * r.Float64(), 123456.789}[r.IntN(5)]
		}
		doc, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var text string
		if err := s.SQL().QueryRow(`SELECT $1::jsonb::text`, string(doc)).Scan(&text); err != nil {
			t.Fatal(err)
		}
		if _, fast := parseFlatNumbers([]byte(text)); !fast {
			t.Fatalf("PostgreSQL's %s is not read directly", text)
		}
		var got criterionValues
		if err := got.Scan([]byte(text)); err != nil {
			t.Fatal(err)
		}
		var want map[string]float64
		if err := json.Unmarshal([]byte(text), &want); err != nil {
			t.Fatal(err)
		}
		gotMap := asMap(t, got)
		if len(gotMap) != len(want) {
			t.Fatalf("%s: %v, want %v", text, gotMap, want)
		}
		for k, v := range want {
			if gotMap[k] != v {
				t.Fatalf("%s: %q = %v, want %v", text, k, gotMap[k], v)
			}
		}
	}
}
