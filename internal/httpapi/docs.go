package httpapi

import (
	"bytes"
	"html/template"
	"sort"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"gopkg.in/yaml.v3"

	"github.com/peerbridge/peerbridge/api"
)

func (s *Server) openapiDocument(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "application/yaml; charset=utf-8")
	return c.Send(api.OpenAPI)
}

// apiDocs renders the OpenAPI document as one self-contained HTML page: no script, no fonts, no
// network access.
func (s *Server) apiDocs(c *fiber.Ctx) error {
	page, err := renderedDocs()
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	return c.Send(page)
}

var renderedDocs = sync.OnceValues(func() ([]byte, error) {
	var doc openapiDoc
	if err := yaml.Unmarshal(api.OpenAPI, &doc); err != nil {
		return nil, err
	}
	view := docsView{Title: doc.Info.Title, Version: doc.Info.Version, Description: doc.Info.Description}
	tags := map[string]*docsTag{}
	var order []string
	for _, t := range doc.Tags {
		tags[t.Name] = &docsTag{Name: t.Name}
		order = append(order, t.Name)
	}
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for _, method := range []string{"get", "post", "put", "patch", "delete"} {
			op, ok := doc.Paths[p][method]
			if !ok {
				continue
			}
			tag := "other"
			if len(op.Tags) > 0 {
				tag = op.Tags[0]
			}
			if tags[tag] == nil {
				tags[tag] = &docsTag{Name: tag}
				order = append(order, tag)
			}
			e := docsOperation{Method: strings.ToUpper(method), Path: p, Summary: op.Summary, Description: op.Description,
				Public: op.Security != nil && len(*op.Security) == 0}
			for _, prm := range append(doc.Paths[p].parameters(), op.Parameters...) {
				e.Params = append(e.Params, doc.resolveParam(prm))
			}
			if op.RequestBody != nil {
				for ct, m := range op.RequestBody.Content {
					e.Body = ct + ": " + schemaName(m.Schema)
				}
			}
			codes := make([]string, 0, len(op.Responses))
			for code := range op.Responses {
				codes = append(codes, code)
			}
			sort.Strings(codes)
			for _, code := range codes {
				r := op.Responses[code]
				desc := r.Description
				if r.Ref != "" {
					desc = doc.Components.Responses[refName(r.Ref)].Description
				}
				e.Responses = append(e.Responses, docsResponse{Code: code, Description: desc})
			}
			tags[tag].Operations = append(tags[tag].Operations, e)
		}
	}
	for _, name := range order {
		if t := tags[name]; len(t.Operations) > 0 {
			view.Tags = append(view.Tags, *t)
		}
	}
	names := make([]string, 0, len(doc.Components.Schemas))
	for n := range doc.Components.Schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := yaml.Marshal(doc.Components.Schemas[n])
		if err != nil {
			return nil, err
		}
		view.Schemas = append(view.Schemas, docsSchema{Name: n, YAML: string(b)})
	}
	var buf bytes.Buffer
	if err := docsTemplate.Execute(&buf, view); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
})

type openapiDoc struct {
	Info struct {
		Title, Version, Description string
	}
	Tags       []struct{ Name string }
	Paths      map[string]openapiPath
	Components struct {
		Schemas    map[string]any
		Parameters map[string]openapiParam
		Responses  map[string]struct{ Description string }
	}
}

type openapiPath map[string]openapiOperation

func (p openapiPath) parameters() []openapiParam { return p["parameters"].Parameters }

type openapiOperation struct {
	Summary     string
	Description string
	Tags        []string
	Security    *[]map[string]any
	Parameters  []openapiParam
	RequestBody *struct {
		Content map[string]struct{ Schema map[string]any }
	} `yaml:"requestBody"`
	Responses map[string]struct {
		Ref         string `yaml:"$ref"`
		Description string
	}
}

// UnmarshalYAML lets a path item's "parameters" list sit beside its operations.
func (p *openapiPath) UnmarshalYAML(n *yaml.Node) error {
	*p = openapiPath{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		var op openapiOperation
		if key == "parameters" {
			if err := val.Decode(&op.Parameters); err != nil {
				return err
			}
		} else if err := val.Decode(&op); err != nil {
			return err
		}
		(*p)[key] = op
	}
	return nil
}

type openapiParam struct {
	Ref         string `yaml:"$ref"`
	Name        string
	In          string
	Required    bool
	Description string
	Schema      map[string]any
}

func (d openapiDoc) resolveParam(p openapiParam) docsParam {
	if p.Ref != "" {
		p = d.Components.Parameters[refName(p.Ref)]
	}
	return docsParam{Name: p.Name, In: p.In, Required: p.Required, Description: p.Description, Type: schemaName(p.Schema)}
}

func refName(ref string) string { return ref[strings.LastIndex(ref, "/")+1:] }

func schemaName(s map[string]any) string {
	if ref, ok := s["$ref"].(string); ok {
		return refName(ref)
	}
	if t, ok := s["type"]; ok {
		if enum, ok := s["enum"].([]any); ok {
			parts := make([]string, len(enum))
			for i, v := range enum {
				parts[i], _ = v.(string)
			}
			return "one of " + strings.Join(parts, ", ")
		}
		if b, err := yaml.Marshal(t); err == nil {
			return strings.TrimSpace(string(b))
		}
	}
	if all, ok := s["allOf"].([]any); ok && len(all) > 0 {
		return "list"
	}
	return "object"
}

type docsView struct {
	Title, Version, Description string
	Tags                        []docsTag
	Schemas                     []docsSchema
}

type docsTag struct {
	Name       string
	Operations []docsOperation
}

type docsOperation struct {
	Method, Path, Summary, Description string
	Public                             bool
	Params                             []docsParam
	Body                               string
	Responses                          []docsResponse
}

type docsParam struct {
	Name, In, Description, Type string
	Required                    bool
}

type docsResponse struct{ Code, Description string }

type docsSchema struct{ Name, YAML string }

var docsTemplate = template.Must(template.New("docs").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} {{.Version}} — API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b2733;background:#f6f8fa}
header{background:#0f4c5c;color:#fff;padding:1.5rem 2rem}header a{color:#fff}
main{display:grid;grid-template-columns:16rem 1fr;gap:2rem;padding:1.5rem 2rem;max-width:80rem}
nav a{display:block;color:#0f4c5c;padding:.15rem 0}section{margin-bottom:2rem}
.op{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:.6rem 0}
.m{display:inline-block;min-width:4.2rem;font-weight:700;font-family:monospace}
.GET{color:#0a6b2f}.POST{color:#8a4b00}.PATCH{color:#5b2c91}.PUT{color:#1e4fa0}.DELETE{color:#a3161d}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f0f3f6;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
.pub{font-size:12px;background:#e6f4ea;color:#0a6b2f;border-radius:3px;padding:0 .3rem}
</style></head><body>
<header><h1>{{.Title}} <small>{{.Version}}</small></h1><p>Machine-readable contract: <a href="/api/openapi.yaml">/api/openapi.yaml</a></p></header>
<main><nav aria-label="Sections">{{range .Tags}}<a href="#tag-{{.Name}}">{{.Name}}</a>{{end}}<a href="#schemas">schemas</a></nav>
<div><pre>{{.Description}}</pre>
{{range .Tags}}<section id="tag-{{.Name}}"><h2>{{.Name}}</h2>
{{range .Operations}}<div class="op"><div><span class="m {{.Method}}">{{.Method}}</span> <code>{{.Path}}</code> {{if .Public}}<span class="pub">public</span>{{end}}</div>
<p><strong>{{.Summary}}</strong></p>{{if .Description}}<p>{{.Description}}</p>{{end}}
{{if .Params}}<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>
{{range .Params}}<tr><td><code>{{.Name}}</code></td><td>{{.In}}</td><td>{{.Type}}</td><td>{{if .Required}}yes{{end}}</td><td>{{.Description}}</td></tr>{{end}}</table>{{end}}
{{if .Body}}<p>Body: <code>{{.Body}}</code></p>{{end}}
<table><tr><th>status</th><th>meaning</th></tr>{{range .Responses}}<tr><td>{{.Code}}</td><td>{{.Description}}</td></tr>{{end}}</table></div>
{{end}}</section>{{end}}
<section id="schemas"><h2>Schemas</h2>{{range .Schemas}}<h3 id="schema-{{.Name}}">{{.Name}}</h3><pre>{{.YAML}}</pre>{{end}}</section>
</div></main></body></html>`))
