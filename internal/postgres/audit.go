package postgres

import (
	"context"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// AppendAudit adds an entry to the append-only audit log, inside the caller's transaction. The
// actor's name and the object's title are copied in the same statement, so the entry keeps them
// as they are at this moment; a title the service passes wins (an object gone by now).
func (s *Store) AppendAudit(ctx context.Context, e domain.AuditEntry) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO audit_log (programme_id, actor_id, action, object_type, object_id, before, after, actor_name, object_title)
		SELECT ?, ?::uuid, ?, ?::text, ?::uuid, ?::jsonb, ?::jsonb,
			COALESCE((SELECT name FROM users WHERE id = ?::uuid), ''),
			COALESCE(NULLIF(?, ''), audit_object_title(?::text, ?::uuid), '')`,
		e.ProgrammeID, e.ActorID, e.Action, e.ObjectType, e.ObjectID, nullableJSON(e.Before), nullableJSON(e.After),
		e.ActorID, e.ObjectTitle, e.ObjectType, e.ObjectID).Error)
}

func nullableJSON(m map[string]any) any {
	if m == nil {
		return nil
	}
	return JSON[map[string]any]{V: m}
}
