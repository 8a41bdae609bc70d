package domain

import (
	"time"

	"github.com/google/uuid"
)

// AuditEntry records who did what to which object. Before and After hold the changed state
// (status changes, role changes); never tokens or passwords.
type AuditEntry struct {
	ID          int64
	ProgrammeID *uuid.UUID
	ActorID     *uuid.UUID
	Action      string
	ObjectType  string
	ObjectID    uuid.UUID
	Before      map[string]any
	After       map[string]any
	At          time.Time
	// ObjectTitle and ActorName are the object's title and the actor's name as they were when
	// the entry was written. Writers may leave ObjectTitle empty: the store reads it then.
	ObjectTitle string
	ActorName   string
}

// AuditLine is an audit entry as the log lists it.
type AuditLine struct {
	AuditEntry
}
