package lists

import (
	"strconv"
	"testing"
)

func TestMapKeepsNil(t *testing.T) {
	if got := Map([]int(nil), strconv.Itoa); got != nil {
		t.Errorf("Map(nil) = %#v, want nil", got)
	}
	if got := Map([]int{}, strconv.Itoa); got == nil || len(got) != 0 {
		t.Errorf("Map(empty) = %#v, want an empty list", got)
	}
	if got := Map([]int{1, 2}, strconv.Itoa); len(got) != 2 || got[0] != "1" || got[1] != "2" {
		t.Errorf("Map = %#v", got)
	}
}

func TestNonNil(t *testing.T) {
	if got := NonNil([]string(nil)); got == nil || len(got) != 0 {
		t.Errorf("NonNil(nil) = %#v, want an empty list", got)
	}
	v := []string{"a"}
	if got := NonNil(v); &got[0] != &v[0] {
		t.Errorf("NonNil copied a list it should return as it is")
	}
}
