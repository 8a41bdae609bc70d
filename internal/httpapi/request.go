package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// validate is the one validator of the process; it reports JSON field names.
var validate = newValidator()

var (
	countryPattern  = regexp.MustCompile(`^[A-Z]{2}$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	keyPattern      = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)
)

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(v.RegisterValidation("country", func(fl validator.FieldLevel) bool { return countryPattern.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("lang", func(fl validator.FieldLevel) bool { return languagePattern.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("key", func(fl validator.FieldLevel) bool { return keyPattern.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("orgkind", func(fl validator.FieldLevel) bool {
		return slices.Contains(domain.OrganisationKinds, fl.Field().String())
	}))
	must(v.RegisterValidation("role", func(fl validator.FieldLevel) bool { return domain.ValidRole(fl.Field().String()) }))
	must(v.RegisterValidation("notblank", func(fl validator.FieldLevel) bool { return strings.TrimSpace(fl.Field().String()) != "" }))
	return v
}

// decode reads a JSON body into dst and validates it. Unknown fields are ignored: request types
// list exactly what a caller may set, so anything else can never be applied.
func decode(c *fiber.Ctx, dst any) error {
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return domain.Errorf(domain.CodeBadRequest, "The request needs a JSON body.")
	}
	if ct := string(c.Request().Header.ContentType()); ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/merge-patch+json") {
		return domain.Errorf(domain.CodeUnsupportedMedia, "Send the body as application/json.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return domain.Errorf(domain.CodeBadRequest, "The body must hold exactly one JSON value.")
	}
	return check(dst)
}

// check runs the validator on v and turns its findings into field errors.
func check(v any) error {
	err := validate.Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return domain.Errorf(domain.CodeBadRequest, "The request could not be validated.")
	}
	fields := make([]domain.FieldError, 0, len(verrs))
	for _, fe := range verrs {
		fields = append(fields, domain.FieldError{Field: fieldPath(fe), Message: message(fe)})
	}
	return domain.Invalid(fields...)
}

// fieldPath drops the struct name from the validator's namespace: "req.themes[0].key" → "themes[0].key".
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return fe.Field()
}

func message(fe validator.FieldError) string {
	isText := fe.Kind() == reflect.String
	switch fe.Tag() {
	case "required", "notblank":
		return "is required"
	case "min":
		if isText {
			return "must be at least " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at least " + fe.Param() + " items"
		}
		return "must be at least " + fe.Param()
	case "max":
		if isText {
			return "must be at most " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at most " + fe.Param() + " items"
		}
		return "must be at most " + fe.Param()
	case "email":
		return "must be an e-mail address"
	case "url", "http_url":
		return "must be an http(s) URL"
	case "country":
		return "must be an ISO 3166-1 alpha-2 country code in upper case, such as BE"
	case "lang":
		return "must be a BCP 47 language tag, such as nl or fr-BE"
	case "key":
		return "must be 1–40 lower-case letters, digits or underscores"
	case "orgkind":
		return "must be one of " + strings.Join(domain.OrganisationKinds, ", ")
	case "role":
		return "must be one of coordinator, partner, reviewer"
	case "oneof":
		return "must be one of " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "unique":
		return "must not repeat a value"
	case "datetime":
		return "must be a date such as 2026-03-31"
	case "uuid":
		return "must be a UUID"
	case "dive":
		return "has an invalid item"
	}
	return "is invalid (" + fe.Tag() + ")"
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "(body)"
		}
		return domain.Invalid(domain.FieldError{Field: field, Message: "must be " + jsonKind(te.Type)})
	}
	return domain.Errorf(domain.CodeBadRequest, "The body is not valid JSON.")
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int32, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map:
		if t == reflect.TypeOf(uuid.UUID{}) {
			return "a UUID"
		}
		return "an object"
	}
	if t == reflect.TypeOf(uuid.UUID{}) {
		return "a UUID"
	}
	return "of another type"
}

// Nullable tells "absent" (Set false) from "null" (Set true, Value nil) in a PATCH.
type Nullable[T any] struct {
	Set   bool
	Value *T
}

// UnmarshalJSON records that the field was present.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	n.Set = true
	if string(b) == "null" {
		n.Value = nil
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	n.Value = &v
	return nil
}

// pathID parses a UUID path parameter; a malformed id is the same 404 as a missing one.
func pathID(c *fiber.Ctx, name, what string) (uuid.UUID, error) {
	id, err := uuid.Parse(c.Params(name))
	if err != nil {
		return uuid.Nil, domain.NotFound(what)
	}
	return id, nil
}

// pageRequest reads page, page_size and sort. Sizes above the maximum are capped; a negative or
// non-numeric value, or a sort key outside sorts, is a 400.
func pageRequest(c *fiber.Ctx, sorts []string, defaultSort string) (domain.PageRequest, error) {
	p := domain.PageRequest{Page: 1, Size: domain.DefaultPageSize, Sort: defaultSort}
	var errs []domain.FieldError
	if v := c.Query("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, domain.FieldError{Field: "page", Message: "must be a whole number from 1"})
		} else if n > 1_000_000 {
			errs = append(errs, domain.FieldError{Field: "page", Message: "is too large"})
		}
		p.Page = n
	}
	if v := c.Query("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, domain.FieldError{Field: "page_size", Message: "must be a whole number from 1"})
		}
		p.Size = min(n, domain.MaxPageSize)
	}
	if v := c.Query("sort"); v != "" {
		if !slices.Contains(sorts, strings.TrimPrefix(v, "-")) {
			errs = append(errs, domain.FieldError{Field: "sort", Message: "must be one of " + strings.Join(sorts, ", ") + " (prefix - for descending)"})
		}
		p.Sort = strings.Clone(v)
	}
	if len(errs) > 0 {
		return p, domain.Invalid(errs...)
	}
	return p, nil
}

// listResponse is the envelope of every list.
type listResponse[T any] struct {
	Items    []T   `json:"items"`
	Page     int   `json:"page"`
	PageSize int   `json:"page_size"`
	Total    int64 `json:"total"`
}

func listOf[D, T any](p domain.Page[D], conv func(D) T) listResponse[T] {
	items := make([]T, len(p.Items))
	for i, d := range p.Items {
		items[i] = conv(d)
	}
	return listResponse[T]{Items: items, Page: p.Page, PageSize: p.Size, Total: p.Total}
}

// ifMatch reads the version a PATCH/PUT was based on: 428 without the header, 400 when it is
// not a strong entity tag.
func ifMatch(c *fiber.Ctx) (int, error) {
	h := strings.TrimSpace(c.Get(fiber.HeaderIfMatch))
	if h == "" {
		return 0, domain.Errorf(domain.CodePreconditionNeeded, "Send If-Match with the ETag of the version you are changing.")
	}
	if len(h) < 3 || h[0] != '"' || h[len(h)-1] != '"' {
		return 0, domain.Errorf(domain.CodeBadRequest, `If-Match must be a strong entity tag such as "3".`)
	}
	v, err := strconv.Atoi(h[1 : len(h)-1])
	if err != nil || v < 1 {
		return 0, domain.Errorf(domain.CodeVersionMismatch, "The object was changed by someone else; reload it and try again.")
	}
	return v, nil
}

// etag sets the strong entity tag of version.
func etag(c *fiber.Ctx, version int) {
	c.Set(fiber.HeaderETag, fmt.Sprintf(`"%d"`, version))
}

// query returns a copy of a query parameter bounded in length (Fiber reuses request memory).
func query(c *fiber.Ctx, name string, maxLen int) (string, error) {
	v := strings.TrimSpace(c.Query(name))
	if len(v) > maxLen {
		return "", domain.Invalid(domain.FieldError{Field: name, Message: fmt.Sprintf("must be at most %d characters", maxLen)})
	}
	return strings.Clone(v), nil
}

// parseDate reads an optional YYYY-MM-DD already checked by the validator.
func parseDate(s *string) *time.Time {
	if s == nil || *s == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, *s)
	if err != nil {
		return nil
	}
	return &t
}

// nullableDate reads a PATCH date that may be absent, null or a date.
func nullableDate(field string, n Nullable[string]) (**time.Time, error) {
	if !n.Set {
		return nil, nil
	}
	if n.Value == nil || *n.Value == "" {
		var none *time.Time
		return &none, nil
	}
	t, err := time.Parse(time.DateOnly, *n.Value)
	if err != nil {
		return nil, domain.Invalid(domain.FieldError{Field: field, Message: "must be a date such as 2026-03-31"})
	}
	p := &t
	return &p, nil
}
