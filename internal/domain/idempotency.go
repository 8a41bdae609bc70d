package domain

// StoredResponse is the answer recorded for an Idempotency-Key, replayed when the same request
// is retried (SPEC §4, Idempotency).
type StoredResponse struct {
	Status      int
	ContentType string
	Body        []byte
	Headers     map[string]string
}
