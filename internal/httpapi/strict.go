package httpapi

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The request types say what the contract says, and checkShape holds a body to them before it is
// decoded, so that every problem is reported on its JSON path with a code:
//
//   - a non-pointer field without `omitempty` is required: absent or null is refused;
//   - a non-pointer field with `omitempty` and a pointer field are optional, but not nullable;
//   - a Nullable field, or a pointer field tagged `nullable:"true"`, is optional and nullable
//     (the contract's `type: [T, "null"]`); tagged `required:"true"` as well, it must be present,
//     though it may be null (a required member of type [T, "null"]);
//   - list items and map values are never null;
//   - a value of the wrong JSON type, a UUID or a date-time that does not parse, and any text
//     holding a NUL character are refused.
//
// Unknown members are ignored: request types list exactly what a caller may set, so anything
// else can never be applied. A request type with a closedObject method refuses them instead, each
// on its path with not_allowed and the members it has (params.allowed): for a body of one or two
// members, a member sent in vain (a file name to a role change) is better named than dropped.

var (
	uuidType          = reflect.TypeOf(uuid.UUID{})
	timeType          = reflect.TypeOf(time.Time{})
	rawMessageType    = reflect.TypeOf(json.RawMessage{})
	jsonUnmarshaler   = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler   = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	nullableMarker    = reflect.TypeOf((*interface{ nullable() })(nil)).Elem()
	closedMarker      = reflect.TypeOf((*interface{ closedObject() })(nil)).Elem()
	maxShapeFieldErrs = 50
)

// parseJSON reads exactly one JSON value with numbers kept as written.
func parseJSON(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, domain.Errorf(domain.CodeBadRequest, "The body is not valid JSON.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, domain.Errorf(domain.CodeBadRequest, "The body must hold exactly one JSON value.")
	}
	return v, nil
}

// checkShape compares a parsed body with the Go type it will be decoded into.
func checkShape(v any, t reflect.Type) []domain.FieldError {
	s := shapeCheck{}
	if v == nil {
		return []domain.FieldError{{Field: "body", Code: domain.FieldNotNull, Message: "must be a JSON object, not null"}}
	}
	s.value(v, t, "")
	return s.errs
}

type shapeCheck struct{ errs []domain.FieldError }

func (s *shapeCheck) add(path string, code domain.FieldCode, msg string, params map[string]any) {
	if len(s.errs) >= maxShapeFieldErrs {
		return
	}
	if path == "" {
		path = "body"
	}
	s.errs = append(s.errs, domain.FieldError{Field: path, Code: code, Message: msg, Params: params})
}

func (s *shapeCheck) wrongType(path, expected string) {
	s.add(path, domain.FieldType, "must be "+article(expected), map[string]any{"expected": expected})
}

func article(expected string) string {
	switch expected {
	case "object", "array", "integer":
		return "an " + expected
	case "boolean":
		return "true or false"
	}
	return "a " + expected
}

// value checks v (never a JSON null here unless t accepts one) against t.
func (s *shapeCheck) value(v any, t reflect.Type, path string) {
	if t.Implements(nullableMarker) || reflect.PointerTo(t).Implements(nullableMarker) {
		if v == nil {
			return
		}
		s.value(v, t.Field(1).Type.Elem(), path) // Nullable[T].Value is *T
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		if t.Kind() == reflect.Interface || t == rawMessageType {
			return
		}
		s.add(path, domain.FieldNotNull, "must not be null", nil)
		return
	}
	switch {
	case t == uuidType:
		str, ok := v.(string)
		if !ok {
			s.wrongType(path, "string")
			return
		}
		if _, err := uuid.Parse(str); err != nil || len(str) != 36 {
			s.add(path, domain.FieldFormat, "must be a UUID", map[string]any{"format": "uuid"})
		}
		return
	case t == timeType:
		str, ok := v.(string)
		if !ok {
			s.wrongType(path, "string")
			return
		}
		if _, err := time.Parse(time.RFC3339Nano, str); err != nil {
			s.add(path, domain.FieldFormat, "must be a date and time such as 2026-03-31T09:00:00Z", map[string]any{"format": "date-time"})
		}
		return
	case t == rawMessageType || t.Kind() == reflect.Interface:
		s.noNUL(v, path)
		return
	}
	if t.Kind() != reflect.Struct && (t.Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(jsonUnmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) {
		s.custom(v, t, path)
		return
	}
	switch t.Kind() {
	case reflect.String:
		str, ok := v.(string)
		if !ok {
			s.wrongType(path, "string")
			return
		}
		if strings.IndexByte(str, 0) >= 0 {
			s.add(path, domain.FieldNUL, "must not contain a NUL character", nil)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			s.wrongType(path, "boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			s.wrongType(path, "integer")
			return
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			if _, ferr := strconv.ParseFloat(string(n), 64); ferr == nil && !strings.ContainsAny(string(n), ".eE") {
				s.add(path, domain.FieldTooLarge, "is too large", map[string]any{"max": int64(1)<<(t.Bits()-1) - 1})
				return
			}
			s.wrongType(path, "integer")
		}
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			s.wrongType(path, "number")
			return
		}
		if f, err := strconv.ParseFloat(string(n), 64); err != nil || math.IsInf(f, 0) {
			s.wrongType(path, "number")
		}
	case reflect.Slice, reflect.Array:
		items, ok := v.([]any)
		if !ok {
			s.wrongType(path, "array")
			return
		}
		for i, item := range items {
			if len(s.errs) >= maxShapeFieldErrs {
				return
			}
			s.value(item, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.Map:
		members, ok := v.(map[string]any)
		if !ok {
			s.wrongType(path, "object")
			return
		}
		for k, item := range members {
			p := join(path, k)
			if strings.IndexByte(k, 0) >= 0 {
				s.add(path, domain.FieldNUL, "must not contain a NUL character", nil)
				continue
			}
			s.value(item, t.Elem(), p)
		}
	case reflect.Struct:
		members, ok := v.(map[string]any)
		if !ok {
			s.wrongType(path, "object")
			return
		}
		known := map[string]bool{}
		s.object(members, t, path, known)
		closed := t.Implements(closedMarker) || reflect.PointerTo(t).Implements(closedMarker)
		var unknown []string
		for k, item := range members {
			if strings.IndexByte(k, 0) >= 0 {
				s.add(path, domain.FieldNUL, "must not contain a NUL character", nil)
			} else if !known[k] {
				if closed {
					unknown = append(unknown, k)
				}
				s.noNUL(item, join(path, k))
			}
		}
		if len(unknown) > 0 {
			allowed := slices.Sorted(maps.Keys(known))
			slices.Sort(unknown)
			for _, k := range unknown {
				s.add(join(path, k), domain.FieldOneOf, "is not a member of this request, which takes only "+strings.Join(allowed, ", "),
					map[string]any{"allowed": allowed})
			}
		}
	default:
		s.wrongType(path, "value")
	}
}

// object checks the members of a JSON object against the fields of struct type t.
// known collects the JSON names of t's fields, embedded structs included.
func (s *shapeCheck) object(members map[string]any, t reflect.Type, path string, known map[string]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				s.object(members, ft, path, known)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		known[name] = true
		p := join(path, name)
		v, present := members[name]
		if !present {
			if required(f.Type, opts) || f.Tag.Get("required") == "true" {
				s.add(p, domain.FieldRequired, "is required", nil)
			}
			continue
		}
		if v == nil && f.Type.Kind() == reflect.Pointer && f.Tag.Get("nullable") == "true" {
			continue
		}
		s.value(v, f.Type, p)
	}
}

// required: non-pointer fields without omitempty must be present.
func required(t reflect.Type, opts string) bool {
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface || t.Implements(nullableMarker) || reflect.PointerTo(t).Implements(nullableMarker) {
		return false
	}
	for _, o := range strings.Split(opts, ",") {
		if o == "omitempty" || o == "omitzero" {
			return false
		}
	}
	return true
}

// custom decodes a value of a type with its own unmarshalling to see whether it is accepted.
func (s *shapeCheck) custom(v any, t reflect.Type, path string) {
	raw, err := json.Marshal(v)
	if err != nil {
		s.wrongType(path, "value")
		return
	}
	if bytes.IndexByte(raw, 0) >= 0 || bytes.Contains(raw, []byte(`\u0000`)) {
		s.add(path, domain.FieldNUL, "must not contain a NUL character", nil)
		return
	}
	dst := reflect.New(t)
	if err := json.Unmarshal(raw, dst.Interface()); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			s.wrongType(path, jsonKind(te.Type))
			return
		}
		s.add(path, domain.FieldFormat, "is not in the expected format", nil)
	}
}

// noNUL refuses NUL characters anywhere inside v.
func (s *shapeCheck) noNUL(v any, path string) {
	switch x := v.(type) {
	case string:
		if strings.IndexByte(x, 0) >= 0 {
			s.add(path, domain.FieldNUL, "must not contain a NUL character", nil)
		}
	case []any:
		for i, item := range x {
			s.noNUL(item, path+"["+strconv.Itoa(i)+"]")
		}
	case map[string]any:
		for k, item := range x {
			s.noNUL(k, path)
			s.noNUL(item, join(path, k))
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// jsonKind names the JSON type a Go type is decoded from.
func jsonKind(t reflect.Type) string {
	if t == uuidType {
		return "UUID"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return "value"
}
