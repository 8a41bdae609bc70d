package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitiseFileName(t *testing.T) {
	for in, want := range map[string]string{
		"report.pdf":                       "report.pdf",
		"../../etc/passwd":                 "passwd",
		`C:\Users\els\Desktop\notes.txt`:   "notes.txt",
		"/absolute/path/":                  "file",
		"..":                               "file",
		"":                                 "file",
		".hidden":                          "hidden",
		"a\x00b\x1bc\x7f.txt":              "abc.txt",
		"line\nbreak\ttab.txt":             "line break tab.txt",
		"evil\u202etxt.exe":                "eviltxt.exe",
		`what?<is>"this"|*:.doc`:           "what__is__this____.doc",
		"trailing dots...":                 "trailing dots",
		"  spaced   out  .pdf":             "spaced out .pdf",
		"bad\xffutf8.txt":                  "badutf8.txt",
		"Évaluation – résumé (final).docx": "Évaluation – résumé (final).docx",
	} {
		if got := SanitiseFileName(in); got != want {
			t.Errorf("SanitiseFileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := SanitiseFileName(strings.Repeat("ж", 500) + ".pdf")
	if utf8.RuneCountInString(long) != MaxFileNameLength || !strings.HasSuffix(long, ".pdf") {
		t.Errorf("a long name is cut to %d characters: %q", utf8.RuneCountInString(long), long)
	}
}

func TestAttachmentMediaTypes(t *testing.T) {
	for _, mt := range []string{"application/pdf", "image/jpeg", "text/plain", "application/vnd.ms-excel"} {
		if !AttachmentMediaTypeAllowed(mt) {
			t.Errorf("%s refused", mt)
		}
	}
	for _, mt := range []string{"text/html", "image/svg+xml", "application/x-executable", "application/zip", "application/octet-stream", ""} {
		if AttachmentMediaTypeAllowed(mt) {
			t.Errorf("%s accepted", mt)
		}
	}
}

func TestCheckAttachmentRole(t *testing.T) {
	cases := []struct {
		owner    AttachmentOwnerType
		role     string
		wantCode FieldCode // empty: accepted
	}{
		{OwnerActivity, "", ""},
		{OwnerActivity, "discussion_paper", ""},
		{OwnerActivity, "comment_paper", ""},
		{OwnerActivity, "minutes", ""},
		{OwnerActivity, "other", ""},
		{OwnerActivity, "agenda", FieldOneOf},
		{OwnerActivity, "Discussion_Paper", FieldOneOf},
		{OwnerPractice, "", ""},
		{OwnerPractice, "minutes", FieldInvalid},
		{OwnerAdaptation, "comment_paper", FieldInvalid},
		{OwnerProduct, "other", FieldInvalid},
	}
	for _, c := range cases {
		fe := CheckAttachmentRole(c.owner, c.role)
		switch {
		case c.wantCode == "" && fe != nil:
			t.Errorf("%s %q: refused with %v", c.owner, c.role, fe)
		case c.wantCode != "" && (fe == nil || fe.Field != "role" || fe.Code != c.wantCode):
			t.Errorf("%s %q: %v, want %s on role", c.owner, c.role, fe, c.wantCode)
		}
	}
}
