package httpapi_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
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

// TestAuditListUsesIndexes fills the log with many entries of several programmes and checks the
// plan of the real page query: each filter of the audit page is served by an index in the
// listing's order.
func TestAuditListUsesIndexes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.db.SQL().Exec(`INSERT INTO audit_log (programme_id, actor_id, action, object_type, object_id, actor_name, object_title, at)
		SELECT CASE WHEN g % 5 = 0 THEN $1::uuid ELSE $2::uuid END, CASE WHEN g % 7 = 0 THEN $3::uuid ELSE gen_random_uuid() END,
			(ARRAY['practice.created','practice.submit','assignment.created','adaptation.stage_changed','round.open'])[1 + g % 5],
			(ARRAY['practice','practice','assignment','adaptation','round'])[1 + g % 5], gen_random_uuid(), 'Someone', 'Something',
			now() - g * interval '1 minute'
		FROM generate_series(1, 60000) g`, w.prog.ID, w.other.ID, w.partner.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.SQL().Exec(`VACUUM ANALYZE audit_log`); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		f     domain.AuditFilter
		index string
	}{
		"everything":     {domain.AuditFilter{ProgrammeID: w.prog.ID}, "audit_log_programme"},
		"by person":      {domain.AuditFilter{ProgrammeID: w.prog.ID, ActorID: &w.partner.ID}, "audit_log_programme_actor"},
		"by action":      {domain.AuditFilter{ProgrammeID: w.prog.ID, Action: "round.open"}, "audit_log_programme_action"},
		"by object type": {domain.AuditFilter{ProgrammeID: w.prog.ID, ObjectType: "round"}, "audit_log_programme_object"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			plan, err := w.store.ExplainAudit(ctx, c.f, domain.PageRequest{Page: 1, Size: 20})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(plan, "Seq Scan on audit_log") || !strings.Contains(plan, "Index") {
				t.Fatalf("the audit list %s is not served by an index:\n%s", name, plan)
			}
			if !strings.Contains(plan, c.index) {
				t.Fatalf("the audit list %s does not use %s:\n%s", name, c.index, plan)
			}
		})
	}
}
