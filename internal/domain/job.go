package domain

import "time"

// Job is a unit of background work: its kind says what to do, its payload with what.
type Job struct {
	ID       int64
	Kind     string
	Payload  map[string]string
	Attempts int
	RunAt    time.Time
}
