package httpapi_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"gopkg.in/yaml.v3"

	"github.com/peerbridge/peerbridge/api"
)

// TestOpenAPIIsStrictlyValid loads api/openapi.yaml as an OpenAPI 3.1 document with libopenapi
// and validates it against the 3.1 meta-schema, as strict tools (generators, gateways) do.
func TestOpenAPIIsStrictlyValid(t *testing.T) {
	doc, err := libopenapi.NewDocument(api.OpenAPI)
	if err != nil {
		t.Fatalf("api/openapi.yaml does not load: %v", err)
	}
	if v := doc.GetSpecInfo().Version; !strings.HasPrefix(v, "3.1") {
		t.Fatalf("openapi version %q, want 3.1", v)
	}
	model, err := doc.BuildV3Model()
	if err != nil {
		t.Fatalf("api/openapi.yaml does not build as an OpenAPI 3.1 model: %v", err)
	}
	if model.Model.Paths == nil || model.Model.Paths.PathItems.Len() < 20 {
		t.Fatal("the model has (almost) no paths: the document was not read")
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatalf("validator: %v", errs)
	}
	if ok, verrs := v.ValidateDocument(); !ok {
		for _, e := range verrs {
			t.Errorf("%s (line %d): %s", e.Message, e.SpecLine, e.Reason)
			for _, f := range e.SchemaValidationErrors {
				t.Errorf("  %s at %s (line %d)", f.Reason, strings.Join(f.InstancePath, "/"), f.Line)
			}
		}
	}
}

var (
	schemaKeys = keySet(`$ref $id $schema $anchor $dynamicRef $dynamicAnchor $defs $comment $vocabulary
		type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength
		pattern maxItems minItems uniqueItems maxContains minContains maxProperties minProperties required
		dependentRequired properties patternProperties additionalProperties unevaluatedProperties
		propertyNames items prefixItems contains unevaluatedItems allOf anyOf oneOf not if then else
		dependentSchemas format contentEncoding contentMediaType contentSchema title description default
		deprecated readOnly writeOnly examples discriminator xml externalDocs example`)
	operationKeys = keySet(`tags summary description externalDocs operationId parameters requestBody
		responses callbacks deprecated security servers`)
	parameterKeys = keySet(`name in description required deprecated allowEmptyValue style explode
		allowReserved schema example examples content`)
	headerKeys       = keySet(`description required deprecated style explode schema example examples content`)
	pathItemKeys     = keySet(`$ref summary description get put post delete options head patch trace servers parameters`)
	responseKeys     = keySet(`description headers content links`)
	requestBodyKeys  = keySet(`description content required`)
	mediaTypeKeys    = keySet(`schema example examples encoding`)
	referenceKeys    = keySet(`$ref summary description`)
	schemaChildren   = keySet(`items contains not if then else propertyNames additionalProperties unevaluatedProperties unevaluatedItems contentSchema`)
	schemaListKeys   = keySet(`allOf anyOf oneOf prefixItems`)
	schemaMapKeys    = keySet(`properties patternProperties $defs dependentSchemas`)
	operationMethods = keySet(`get put post delete options head patch trace`)
)

func keySet(s string) map[string]bool {
	out := map[string]bool{}
	for _, k := range strings.Fields(s) {
		out[k] = true
	}
	return out
}

// strictWalker flags keys a permissive loader silently ignores: a stray key from an unquoted
// comma in a flow mapping ({ description: a, b } has a key "b" with a null value), a 3.0 keyword
// such as nullable, or a misspelling.
type strictWalker struct{ problems []string }

func (w *strictWalker) flag(n *yaml.Node, where, format string, args ...any) {
	w.problems = append(w.problems, fmt.Sprintf("line %d: %s: %s", n.Line, where, fmt.Sprintf(format, args...)))
}

// object checks a mapping's keys against allowed; a $ref object may carry only reference keys.
func (w *strictWalker) object(n *yaml.Node, where string, allowed map[string]bool) bool {
	if n == nil || n.Kind != yaml.MappingNode {
		if n != nil {
			w.flag(n, where, "not an object")
		}
		return false
	}
	hasRef := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "$ref" {
			hasRef = true
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case strings.HasPrefix(k.Value, "x-"), hasRef && referenceKeys[k.Value]:
		case hasRef && !allowed["type"] && !referenceKeys[k.Value]:
			// Outside schemas a Reference Object may carry only summary and description.
			w.flag(k, where, "key %q beside $ref", k.Value)
		case !allowed[k.Value]:
			w.flag(k, where, "unknown key %q", k.Value)
		case v.Tag == "!!null":
			w.flag(k, where, "key %q has no value", k.Value)
		}
	}
	return true
}

func (w *strictWalker) schema(n *yaml.Node, where string) {
	if n != nil && n.Kind == yaml.ScalarNode && (n.Value == "true" || n.Value == "false") {
		return // boolean schema
	}
	if !w.object(n, where, schemaKeys) {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch {
		case schemaChildren[k]:
			w.schema(v, where+"."+k)
		case schemaListKeys[k]:
			for j, s := range v.Content {
				w.schema(s, fmt.Sprintf("%s.%s[%d]", where, k, j))
			}
		case schemaMapKeys[k]:
			for j := 0; j+1 < len(v.Content); j += 2 {
				w.schema(v.Content[j+1], where+"."+k+"."+v.Content[j].Value)
			}
		}
	}
}

func (w *strictWalker) parameter(n *yaml.Node, where string) {
	if !w.object(n, where, parameterKeys) {
		return
	}
	w.schema(child(n, "schema"), where+".schema")
	w.content(child(n, "content"), where+".content")
}

func (w *strictWalker) content(n *yaml.Node, where string) {
	eachPair(n, func(media string, m *yaml.Node) {
		if w.object(m, where+"."+media, mediaTypeKeys) {
			if s := child(m, "schema"); s != nil {
				w.schema(s, where+"."+media+".schema")
			}
		}
	})
}

func (w *strictWalker) response(n *yaml.Node, where string) {
	if !w.object(n, where, responseKeys) {
		return
	}
	w.content(child(n, "content"), where+".content")
	eachPair(child(n, "headers"), func(name string, h *yaml.Node) { w.header(h, where+".headers."+name) })
}

func (w *strictWalker) header(n *yaml.Node, where string) {
	if w.object(n, where, headerKeys) {
		if s := child(n, "schema"); s != nil {
			w.schema(s, where+".schema")
		}
	}
}

func (w *strictWalker) operation(n *yaml.Node, where string) {
	if !w.object(n, where, operationKeys) {
		return
	}
	for i, p := range seq(child(n, "parameters")) {
		w.parameter(p, fmt.Sprintf("%s.parameters[%d]", where, i))
	}
	if rb := child(n, "requestBody"); rb != nil && w.object(rb, where+".requestBody", requestBodyKeys) {
		w.content(child(rb, "content"), where+".requestBody.content")
	}
	eachPair(child(n, "responses"), func(code string, r *yaml.Node) { w.response(r, where+".responses."+code) })
}

func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func seq(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

func eachPair(n *yaml.Node, fn func(string, *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i].Value, n.Content[i+1])
	}
}

// TestOpenAPIHasNoStrayKeys walks the raw YAML of every path item, operation, parameter, request
// body, response, header and schema, and refuses keys that OpenAPI 3.1 does not define there.
func TestOpenAPIHasNoStrayKeys(t *testing.T) {
	var root yaml.Node
	if err := yaml.Unmarshal(api.OpenAPI, &root); err != nil {
		t.Fatal(err)
	}
	doc := root.Content[0]
	w := &strictWalker{}
	ops := 0
	eachPair(child(doc, "paths"), func(p string, item *yaml.Node) {
		where := "paths." + p
		if !w.object(item, where, pathItemKeys) {
			return
		}
		for i, prm := range seq(child(item, "parameters")) {
			w.parameter(prm, fmt.Sprintf("%s.parameters[%d]", where, i))
		}
		eachPair(item, func(method string, op *yaml.Node) {
			if operationMethods[method] {
				ops++
				w.operation(op, where+"."+method)
			}
		})
	})
	comps := child(doc, "components")
	eachPair(child(comps, "schemas"), func(name string, s *yaml.Node) { w.schema(s, "components.schemas."+name) })
	eachPair(child(comps, "parameters"), func(name string, p *yaml.Node) { w.parameter(p, "components.parameters."+name) })
	eachPair(child(comps, "responses"), func(name string, r *yaml.Node) { w.response(r, "components.responses."+name) })
	eachPair(child(comps, "headers"), func(name string, h *yaml.Node) { w.header(h, "components.headers."+name) })
	eachPair(child(comps, "requestBodies"), func(name string, rb *yaml.Node) {
		if w.object(rb, "components.requestBodies."+name, requestBodyKeys) {
			w.content(child(rb, "content"), "components.requestBodies."+name+".content")
		}
	})
	if ops < 20 {
		t.Fatalf("only %d operations walked", ops)
	}
	sort.Strings(w.problems)
	for _, p := range w.problems {
		t.Error(p)
	}
}
