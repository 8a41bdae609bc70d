package postgres

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// criterionValues is a review's compact criterion values (reviews.criterion_values, a JSON
// object of criterion keys and numbers), read in the order PostgreSQL writes the object. A round's
// results page reads a hundred practices' reviews, about three hundred of these: decoded through
// encoding/json into a map they were a fifth of the server's CPU for the page on the benchmark
// data set, so the flat object PostgreSQL writes is read directly, and anything else (an escaped
// key, a value that is not a number) through encoding/json.
type criterionValues struct{ V []criterionValue }

type criterionValue struct {
	Key   string
	Value float64
}

// GormDataType tells GORM the column type (a value it scans, not a relation).
func (criterionValues) GormDataType() string { return "jsonb" }

// Scan reads a jsonb object of numbers; NULL is no values.
func (c *criterionValues) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		c.V = nil
		return nil
	case []byte:
		b = v
	case string:
		b = []byte(v)
	default:
		return fmt.Errorf("cannot scan %T into criterion values", src)
	}
	if out, ok := parseFlatNumbers(b); ok {
		c.V = out
		return nil
	}
	var m map[string]float64
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	out := make([]criterionValue, 0, len(m))
	for k, v := range m {
		out = append(out, criterionValue{k, v})
	}
	slices.SortFunc(out, func(a, b criterionValue) int { return strings.Compare(a.Key, b.Key) })
	c.V = out
	return nil
}

// parseFlatNumbers reads {"key": number, ...} with plain keys (no escapes); ok is false for
// anything else, which the caller then reads through encoding/json.
func parseFlatNumbers(b []byte) ([]criterionValue, bool) {
	i := 0
	skip := func() {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
			i++
		}
	}
	skip()
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	i++
	out := []criterionValue{}
	for {
		skip()
		if i < len(b) && b[i] == '}' && len(out) == 0 {
			i++
			break
		}
		if i >= len(b) || b[i] != '"' {
			return nil, false
		}
		end := bytes.IndexByte(b[i+1:], '"')
		if end < 0 {
			return nil, false
		}
		key := b[i+1 : i+1+end]
		if bytes.IndexByte(key, '\\') >= 0 {
			return nil, false
		}
		i += end + 2
		skip()
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i++
		skip()
		start := i
		for i < len(b) && (b[i] == '-' || b[i] == '+' || b[i] == '.' || b[i] == 'e' || b[i] == 'E' || (b[i] >= '0' && b[i] <= '9')) {
			i++
		}
		v, err := strconv.ParseFloat(string(b[start:i]), 64)
		if err != nil || start == i || b[start] == '+' {
			return nil, false
		}
		out = append(out, criterionValue{string(key), v})
		skip()
		if i >= len(b) {
			return nil, false
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '}' {
			return nil, false
		}
		i++
		break
	}
	skip()
	return out, i == len(b)
}
