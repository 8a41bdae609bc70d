package httpapi

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// TestResponsesUseTheirOwnTypes: every struct a response is made of is declared here, so a
// renamed domain field (or a stored document's member) cannot rename a member on the wire.
func TestResponsesUseTheirOwnTypes(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		if strings.HasSuffix(typ.PkgPath(), "/internal/domain") {
			t.Errorf("%s is domain.%s: responses need their own type", path, typ.Name())
			return
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			walk(path+"."+f.Name, f.Type)
		}
	}
	for _, v := range []any{practiceResponse{}, practiceSummaryResponse{}, revisionResponse{}, translationResponse{}, adaptationResponse{},
		lineageResponse{}, newProductResponse{}, rubricResponse{}, reviewResponse{}, programmeResponse{}, dashboardResponse{}, problem{}} {
		walk(reflect.TypeOf(v).Name(), reflect.TypeOf(v))
	}
}

// TestRevisionTextKeepsItsMembers: a revision shows its frozen text with the members clients
// have always read, content sections beside the title.
func TestRevisionTextKeepsItsMembers(t *testing.T) {
	b, err := json.Marshal(toSnapshotResponse(domain.PracticeText{Translations: map[string]domain.Translation{"nl": {}}}))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	got := make([]string, 0, len(m))
	for k := range m {
		got = append(got, k)
	}
	sort.Strings(got)
	want := []string{"approach", "contact", "context", "country", "evidence", "language", "learning_questions", "lessons_learned", "links",
		"outcomes", "products", "resources", "scale", "summary", "target_groups", "themes", "title", "transferability", "translations"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("revision text members:\ngot  %v\nwant %v", got, want)
	}
	if _, ok := m["translations"].(map[string]any)["nl"].(map[string]any)["updated_by"]; !ok {
		t.Errorf("a frozen translation keeps who last changed it: %s", b)
	}
}
