package httpapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// changeResponse is one field that differs between two revisions. Before is absent when the
// field was added, After when it was removed. Fields are named as the API names them.
type changeResponse struct {
	Field  string `json:"field"`
	Before any    `json:"before,omitempty"`
	After  any    `json:"after,omitempty"`
}

// compareSnapshots lists, field by field, what changed from old to new. Nested objects are
// compared by their leaves ("evidence.level", "products[0].name"); translation time stamps are
// ignored.
func compareSnapshots(old, new snapshotResponse) []changeResponse {
	return compareTrees(asTree(old), asTree(new))
}

// asTree is the JSON object a client reads, so that changes name the fields it knows.
func asTree(v any) map[string]any {
	b, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

func compareTrees(old, new map[string]any) []changeResponse {
	a, b := map[string]any{}, map[string]any{}
	flatten("", old, a)
	flatten("", new, b)
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []changeResponse
	for k := range keys {
		va, inA := a[k]
		vb, inB := b[k]
		if inA && inB && reflect.DeepEqual(va, vb) {
			continue
		}
		c := changeResponse{Field: k}
		if inA {
			c.Before = va
		}
		if inB {
			c.After = vb
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

func flatten(prefix string, v any, out map[string]any) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if k == "updated_at" || k == "updated_by" {
				continue
			}
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
	case []any:
		if len(t) == 0 {
			return
		}
		if allScalars(t) {
			out[prefix] = t
			return
		}
		for i, x := range t {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), x, out)
		}
	case nil:
		// Absent and null are the same to a reader.
	default:
		if s, ok := t.(string); ok && s == "" {
			return
		}
		out[prefix] = t
	}
}

// allScalars: a list of strings (themes, learning questions) reads best as one value.
func allScalars(xs []any) bool {
	for _, x := range xs {
		switch x.(type) {
		case map[string]any, []any:
			return false
		}
	}
	return true
}
