package httpapi_test

import (
	"fmt"
	"testing"
)

// auditEntries lists the programme's audit log as its coordinator reads it, filtered by query.
func auditEntries(t *testing.T, w *world, query string) []map[string]any {
	t.Helper()
	body := must(t, w.get("/api/v1/programmes/"+w.prog.ID.String()+"/audit?page_size=100"+query, w.tok["coordinator"]), 200).json(t)
	var out []map[string]any
	for _, it := range body["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

func findEntry(entries []map[string]any, action, objectID string) map[string]any {
	for _, e := range entries {
		if e["action"] == action && e["object_id"] == objectID {
			return e
		}
	}
	return nil
}

// The log names people and objects as they were when the action happened: renaming the practice
// and the person afterwards leaves the old entries as they were, and later entries use the new names.
func TestAuditKeepsNamesAsTheyWere(t *testing.T) {
	w := newWorld(t)
	oldName := w.partner.Name
	created := w.createPractice(w.tok["partner"], fullPractice("Job coaching in Ghent", "en"))
	id := created["id"].(string)
	gone := w.createPractice(w.tok["partner"], fullPractice("A short-lived draft", "en"))["id"].(string)
	must(t, w.do(req{method: "DELETE", path: "/api/v1/practices/" + gone, token: w.tok["partner"]}), 204)

	must(t, w.do(req{method: "PATCH", path: "/api/v1/practices/" + id, token: w.tok["partner"],
		header: map[string]string{"If-Match": fmt.Sprintf(`"%v"`, created["version"])}, body: map[string]any{"title": "Job coaching in Antwerp"}}), 200)
	must(t, w.do(req{method: "PATCH", path: "/api/v1/me", token: w.tok["partner"], body: map[string]any{"name": "Anna Peeters"}}), 200)
	must(t, w.action(w.tok["partner"], id, "submit"), 200)

	entries := auditEntries(t, w, "&actor_id="+w.partner.ID.String())
	first := findEntry(entries, "practice.created", id)
	if first == nil || first["object_title"] != "Job coaching in Ghent" || first["actor_name"] != oldName {
		t.Fatalf("creation entry after the renames: %v", first)
	}
	deleted := findEntry(entries, "practice.deleted", gone)
	if deleted == nil || deleted["object_title"] != "A short-lived draft" || deleted["actor_name"] != oldName {
		t.Fatalf("deletion entry: %v", deleted)
	}
	submitted := findEntry(entries, "practice.submit", id)
	if submitted == nil || submitted["object_title"] != "Job coaching in Antwerp" || submitted["actor_name"] != "Anna Peeters" {
		t.Fatalf("submission entry: %v", submitted)
	}
	// The log stays append-only: the names are written once, never rewritten.
	if _, err := w.db.SQL().Exec(`UPDATE audit_log SET object_title = 'x'`); err == nil {
		t.Fatal("audit rows could be changed")
	}
}
