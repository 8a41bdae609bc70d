// Package lists holds the slice helpers the layers share when they copy lists from one type to
// another at a boundary.
package lists

// Map maps in through f, keeping nil as nil (a stored or answered null stays distinguishable
// from an empty list).
func Map[A, B any](in []A, f func(A) B) []B {
	if in == nil {
		return nil
	}
	out := make([]B, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// NonNil returns v, or an empty list where v is nil, for lists that are never null.
func NonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
