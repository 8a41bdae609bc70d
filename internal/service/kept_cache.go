package service

import "sync"

// keptCache keeps results computed at a version of what they depend on: the version is part of
// every key, so a result is never found once the version moved on, and the oldest keys beyond
// size are forgotten.
type keptCache[T any] struct {
	size    int
	mu      sync.Mutex
	entries map[string]T
	order   []string // oldest first
	flight  flight[T]
}

// cached returns the kept result for key or computes it once, however many requests ask at
// the same time. The result is kept inside the computation, and a computation looks for a kept
// result first: a request that missed the cache just before another's computation ended finds
// that result instead of computing again.
func (c *keptCache[T]) cached(key string, compute func() (T, error)) (T, error) {
	if f, ok := c.kept(key); ok {
		return f, nil
	}
	f, _, err := c.flight.do(key, func() (T, error) {
		if f, ok := c.kept(key); ok {
			return f, nil
		}
		f, err := compute()
		if err == nil {
			c.keep(key, f)
		}
		return f, err
	})
	return f, err
}

func (c *keptCache[T]) kept(key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.entries[key]
	return f, ok
}

// keep adds key's result, forgetting the oldest keys beyond the cache's size.
func (c *keptCache[T]) keep(key string, f T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]T{}
	}
	if _, ok := c.entries[key]; !ok {
		c.entries[key] = f
		c.order = append(c.order, key)
		for len(c.order) > c.size {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
}
