package service

import (
	"strings"
	"sync"
)

// flight lets one request compute a cached value (a round's statistics, a programme's figures)
// while others asking for the same key (the same object at the same data version) wait for its
// answer.
type flight[T any] struct {
	mu    sync.Mutex
	calls map[string]*flightCall[T]
}

type flightCall[T any] struct {
	done chan struct{}
	v    T
	err  error
}

// do runs fn unless a call with the same key is running, in which case it waits for that call's
// result; computed tells whether this caller ran fn. A waiter whose leader failed (its request
// may have been cancelled) computes for itself.
func (g *flight[T]) do(key string, fn func() (T, error)) (T, bool, error) {
	g.mu.Lock()
	if g.calls == nil {
		g.calls = map[string]*flightCall[T]{}
	}
	if c, ok := g.calls[key]; ok {
		g.mu.Unlock()
		<-c.done
		if c.err == nil {
			return c.v, false, nil
		}
		v, err := fn()
		return v, err == nil, err
	}
	c := &flightCall[T]{done: make(chan struct{})}
	g.calls[key] = c
	g.mu.Unlock()
	c.v, c.err = fn()
	g.mu.Lock()
	delete(g.calls, key)
	g.mu.Unlock()
	close(c.done)
	return c.v, c.err == nil, c.err
}

// running tells whether a call whose key starts with prefix is in progress.
func (g *flight[T]) running(prefix string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for key := range g.calls {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}
