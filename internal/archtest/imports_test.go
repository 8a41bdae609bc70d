// Package archtest checks that the arrows between Peerbridge's packages point one way (STYLE.md,
// "Where the code stands"): the domain knows no framework and no storage, the use cases and the
// HTTP layer do not know the store, and only cmd/peerbridge wires them all together.
package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/peerbridge/peerbridge"

const (
	domainPkg   = module + "/internal/domain"
	servicePkg  = module + "/internal/service"
	httpapiPkg  = module + "/internal/httpapi"
	postgresPkg = module + "/internal/postgres"
	fiber       = "github.com/gofiber/fiber"
	gorm        = "gorm.io/"
)

// rule forbids a package (and everything it imports, directly or not) from depending on any
// import path that starts with one of forbidden.
type rule struct {
	pkg       string
	forbidden []string
	why       string
}

var rules = []rule{
	{domainPkg, []string{fiber, gorm, postgresPkg, servicePkg, httpapiPkg}, "the domain imports neither the web framework, the ORM, nor the layers above it"},
	{servicePkg, []string{postgresPkg, fiber, gorm, httpapiPkg}, "use cases declare the storage they need; only cmd/peerbridge wires the store in"},
	{httpapiPkg, []string{postgresPkg, gorm}, "the HTTP layer talks to the use cases, never to the store"},
	{postgresPkg, []string{servicePkg, httpapiPkg, fiber}, "the store depends on the domain, never on the layers that use it"},
}

// only lists import paths that a single package may import directly.
var only = map[string]string{
	fiber: httpapiPkg,
	gorm:  postgresPkg,
}

// within reports whether import path p is prefix or lies under it ("gorm.io/" covers the module's
// every package).
func within(p, prefix string) bool {
	if strings.HasSuffix(prefix, "/") {
		return strings.HasPrefix(p, prefix)
	}
	return p == prefix || strings.HasPrefix(p, prefix+"/")
}

// graph maps each package of the module to its direct imports, test files left out.
type graph map[string][]string

// deps returns every import path pkg depends on, directly or through the module's packages.
func (g graph) deps(pkg string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		for _, imp := range g[p] {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			walk(imp)
		}
	}
	walk(pkg)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// violations lists every broken rule of g, one line each.
func violations(g graph) []string {
	var out []string
	for _, r := range rules {
		if _, ok := g[r.pkg]; !ok {
			out = append(out, r.pkg+": package not found")
			continue
		}
		for _, d := range g.deps(r.pkg) {
			for _, f := range r.forbidden {
				if within(d, f) {
					out = append(out, r.pkg+" depends on "+d+": "+r.why)
				}
			}
		}
	}
	pkgs := make([]string, 0, len(g))
	for p := range g {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		for _, imp := range g[p] {
			for prefix, owner := range only {
				if within(imp, prefix) && p != owner {
					out = append(out, p+" imports "+imp+": only "+owner+" may")
				}
			}
		}
	}
	return out
}

// load parses the import clauses of every non-test Go file under root.
func load(t *testing.T, root string) graph {
	t.Helper()
	g := graph{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata" || name == "frontend") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if !slices.Contains(g[pkg], imp) {
				g[pkg] = append(g[pkg], imp)
			}
		}
		if _, ok := g[pkg]; !ok {
			g[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// moduleRoot is the directory holding go.mod, found upwards from the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

func TestImportsPointOneWay(t *testing.T) {
	g := load(t, moduleRoot(t))
	for _, v := range violations(g) {
		t.Error(v)
	}
	// The loader must have seen the wiring, or the rules above prove nothing.
	if !slices.Contains(g.deps(module+"/cmd/peerbridge"), postgresPkg) {
		t.Errorf("cmd/peerbridge does not reach %s: the import graph was not read", postgresPkg)
	}
}

// TestRulesCatchBadArrows feeds the rules graphs with one wrong arrow each.
func TestRulesCatchBadArrows(t *testing.T) {
	clean := graph{
		domainPkg:   {"github.com/google/uuid"},
		servicePkg:  {domainPkg},
		httpapiPkg:  {servicePkg, domainPkg, fiber + "/v2"},
		postgresPkg: {domainPkg, "gorm.io/gorm"},
	}
	if v := violations(clean); len(v) != 0 {
		t.Fatalf("clean graph: %v", v)
	}
	cases := []struct {
		name string
		from string
		add  string
		want string
	}{
		{"service imports the store", servicePkg, postgresPkg, servicePkg + " depends on " + postgresPkg},
		{"httpapi imports the store", httpapiPkg, postgresPkg, httpapiPkg + " depends on " + postgresPkg},
		{"domain imports gorm", domainPkg, "gorm.io/gorm", domainPkg + " depends on gorm.io/gorm"},
		{"domain imports fiber", domainPkg, fiber + "/v2", domainPkg + " depends on " + fiber + "/v2"},
		{"domain imports service", domainPkg, servicePkg, domainPkg + " depends on " + servicePkg},
		{"store imports service", postgresPkg, servicePkg, postgresPkg + " depends on " + servicePkg},
		{"store imports httpapi", postgresPkg, httpapiPkg, postgresPkg + " depends on " + httpapiPkg},
		{"service reaches the store through another package", servicePkg, module + "/internal/demo", servicePkg + " depends on " + postgresPkg},
		{"another package imports gorm", module + "/internal/demo", "gorm.io/gorm", module + "/internal/demo imports gorm.io/gorm: only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := graph{}
			for k, v := range clean {
				g[k] = slices.Clone(v)
			}
			g[module+"/internal/demo"] = []string{postgresPkg}
			g[c.from] = append(g[c.from], c.add)
			v := violations(g)
			if !slices.ContainsFunc(v, func(s string) bool { return strings.HasPrefix(s, c.want) }) {
				t.Errorf("violations = %q, want one starting with %q", v, c.want)
			}
		})
	}
}
