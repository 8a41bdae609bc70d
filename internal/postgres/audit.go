package postgres

import (
	"context"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// AppendAudit adds an entry to the append-only audit log, inside the caller's transaction.
func (s *Store) AppendAudit(ctx context.Context, e domain.AuditEntry) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO audit_log (programme_id, actor_id, action, object_type, object_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ProgrammeID, e.ActorID, e.Action, e.ObjectType, e.ObjectID,
		nullableJSON(e.Before), nullableJSON(e.After)).Error)
}

func nullableJSON(m map[string]any) any {
	if m == nil {
		return nil
	}
	return JSON[map[string]any]{V: m}
}
