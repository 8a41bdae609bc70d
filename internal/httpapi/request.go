package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"golang.org/x/text/language"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// validate is the one validator of the process; it reports JSON field names.
var validate = newValidator()

var (
	countryPattern  = regexp.MustCompile(`^[A-Z]{2}$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	keyPattern      = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)
)

// validCountry accepts an assigned ISO 3166-1 alpha-2 code in upper case (BE, not be or XX).
func validCountry(v *validator.Validate, code string) bool {
	return countryPattern.MatchString(code) && v.Var(code, "iso3166_1_alpha2") == nil
}

// validLanguage accepts a well-formed BCP 47 tag whose subtags are registered (nl, fr-BE, de-AT),
// primary language in lower case.
func validLanguage(tag string) bool {
	if !languagePattern.MatchString(tag) {
		return false
	}
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	if b, _ := t.Base(); b.IsPrivateUse() {
		return false
	}
	if r, conf := t.Region(); conf == language.Exact && r.IsPrivateUse() {
		return false
	}
	return true
}

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
	must(v.RegisterValidation("country", func(fl validator.FieldLevel) bool { return validCountry(v, fl.Field().String()) }))
	must(v.RegisterValidation("lang", func(fl validator.FieldLevel) bool { return validLanguage(fl.Field().String()) }))
	must(v.RegisterValidation("key", func(fl validator.FieldLevel) bool { return keyPattern.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("orgkind", func(fl validator.FieldLevel) bool {
		return slices.Contains(domain.OrganisationKinds, fl.Field().String())
	}))
	must(v.RegisterValidation("role", func(fl validator.FieldLevel) bool { return domain.ValidRole(fl.Field().String()) }))
	must(v.RegisterValidation("notblank", func(fl validator.FieldLevel) bool { return strings.TrimSpace(fl.Field().String()) != "" }))
	return v
}

// decode reads a JSON body into dst and validates it: first its shape against dst's type (see
// checkShape: required members, nulls, JSON types, UUIDs, date-times, NUL characters), then the
// validator's rules. Every problem names its field with a code.
func decode(c *fiber.Ctx, dst any) error {
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return domain.Errorf(domain.CodeBadRequest, "The request needs a JSON body.")
	}
	if ct := string(c.Request().Header.ContentType()); ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/merge-patch+json") {
		return domain.Errorf(domain.CodeUnsupportedMedia, "Send the body as application/json.")
	}
	v, err := parseJSON(body)
	if err != nil {
		return err
	}
	if errs := checkShape(v, reflect.TypeOf(dst).Elem()); len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	if err := json.Unmarshal(body, dst); err != nil {
		return jsonError(err)
	}
	if err := check(dst); err != nil {
		return err
	}
	// Request types may add rules of their own that need nothing but the request (closed
	// vocabularies), so that they are reported before any object is looked up.
	if c, ok := dst.(interface{ checkRules() []domain.FieldError }); ok {
		if errs := c.checkRules(); len(errs) > 0 {
			return domain.Invalid(errs...)
		}
	}
	return nil
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
		code, msg, params := describe(fe)
		fields = append(fields, domain.FieldError{Field: fieldPath(fe), Code: code, Message: msg, Params: params})
	}
	return domain.Invalid(fields...)
}

var mapKey = regexp.MustCompile(`\[([^\]0-9][^\]]*)\]`)

// fieldPath drops the struct name from the validator's namespace and writes map keys as members:
// "req.frame.reasons[organisation][0]" → "frame.reasons.organisation[0]".
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		ns = rest
	} else {
		ns = fe.Field()
	}
	return mapKey.ReplaceAllString(ns, ".$1")
}

// bound words a minimum or maximum ("at least 3"): texts count characters and lists items, both
// with the length code; numbers take the size code.
func bound(isText, isList bool, limit string, lengthCode, sizeCode domain.FieldCode) (domain.FieldCode, string) {
	switch {
	case isText:
		return lengthCode, "must be " + limit + " characters"
	case isList:
		return lengthCode, "must have " + limit + " items"
	}
	return sizeCode, "must be " + limit
}

// describe turns a validator finding into a field code, an English message and parameters.
func describe(fe validator.FieldError) (domain.FieldCode, string, map[string]any) {
	kind := fe.Kind()
	isText := kind == reflect.String
	isList := kind == reflect.Slice || kind == reflect.Map || kind == reflect.Array
	num := func() any {
		if n, err := strconv.ParseInt(fe.Param(), 10, 64); err == nil {
			return n
		}
		if f, err := strconv.ParseFloat(fe.Param(), 64); err == nil {
			return f
		}
		return fe.Param()
	}
	switch fe.Tag() {
	case "required", "notblank":
		return domain.FieldRequired, "is required", nil
	case "min", "gte":
		code, msg := bound(isText, isList, "at least "+fe.Param(), domain.FieldTooShort, domain.FieldTooSmall)
		return code, msg, map[string]any{"min": num()}
	case "max", "lte":
		code, msg := bound(isText, isList, "at most "+fe.Param(), domain.FieldTooLong, domain.FieldTooLarge)
		return code, msg, map[string]any{"max": num()}
	case "email":
		return domain.FieldFormat, "must be an e-mail address", map[string]any{"format": "email"}
	case "url", "http_url":
		return domain.FieldFormat, "must be an http(s) URL", map[string]any{"format": "url"}
	case "country":
		return domain.FieldCountry, "must be an ISO 3166-1 alpha-2 country code in upper case, such as BE", nil
	case "lang":
		return domain.FieldLanguage, "must be a BCP 47 language tag, such as nl or fr-BE", nil
	case "key":
		return domain.FieldFormat, "must be 1–40 lower-case letters, digits or underscores", map[string]any{"format": "key"}
	case "orgkind":
		return domain.FieldOneOf, "must be one of " + strings.Join(domain.OrganisationKinds, ", "), map[string]any{"allowed": domain.OrganisationKinds}
	case "role":
		allowed := []string{"coordinator", "partner", "reviewer"}
		return domain.FieldOneOf, "must be one of " + strings.Join(allowed, ", "), map[string]any{"allowed": allowed}
	case "oneof":
		allowed := strings.Fields(fe.Param())
		return domain.FieldOneOf, "must be one of " + strings.Join(allowed, ", "), map[string]any{"allowed": allowed}
	case "unique":
		return domain.FieldDuplicate, "must not repeat a value", nil
	case "datetime":
		return domain.FieldFormat, "must be a date such as 2026-03-31", map[string]any{"format": "date"}
	case "uuid":
		return domain.FieldFormat, "must be a UUID", map[string]any{"format": "uuid"}
	case "nonul":
		return domain.FieldNUL, "must not contain a NUL character", nil
	}
	return domain.FieldInvalid, "is invalid (" + fe.Tag() + ")", nil
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "body"
		}
		kind := jsonKind(te.Type)
		return domain.Invalid(domain.FieldError{Field: field, Code: domain.FieldType, Message: "must be " + article(kind), Params: map[string]any{"expected": kind}})
	}
	return domain.Errorf(domain.CodeBadRequest, "The body is not valid JSON.")
}

// Nullable tells "absent" (Set false) from "null" (Set true, Value nil) in a PATCH.
type Nullable[T any] struct {
	Set   bool
	Value *T
}

// nullable marks the type for checkShape: null is a value here, not a missing one.
func (Nullable[T]) nullable() {}

// patch is the field as a service patch takes a clearable one: nil leaves it, a nil inside
// clears it.
func (n Nullable[T]) patch() **T {
	if !n.Set {
		return nil
	}
	v := n.Value
	return &v
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

// ifMatch reads the version a PATCH/PUT was based on: 428 without the header, 400 when it is
// not a strong entity tag.
func ifMatch(c *fiber.Ctx) (int, error) { return ifMatchFrom(c, 1) }

// ifMatchFrom is ifMatch for objects whose first version is least: 0 for an object that exists
// for every reader before anyone saves it (a learning profile), whose first PUT creates it.
func ifMatchFrom(c *fiber.Ctx, least int) (int, error) {
	h := strings.TrimSpace(c.Get(fiber.HeaderIfMatch))
	if h == "" {
		return 0, domain.Errorf(domain.CodePreconditionNeeded, "Send If-Match with the ETag of the version you are changing.")
	}
	if len(h) < 3 || h[0] != '"' || h[len(h)-1] != '"' {
		return 0, domain.Errorf(domain.CodeBadRequest, `If-Match must be a strong entity tag such as "3".`)
	}
	v, err := strconv.Atoi(h[1 : len(h)-1])
	if err != nil || v < least {
		return 0, domain.Errorf(domain.CodeVersionMismatch, "The object was changed by someone else; reload it and try again.")
	}
	return v, nil
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
