package ical

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func TestTextEscapesWhatRFC5545Reserves(t *testing.T) {
	cases := map[string]string{
		"plain":              "plain",
		"a,b;c\\d":           `a\,b\;c\\d`,
		"line one\nline two": `line one\nline two`,
		"crlf\r\nend":        `crlf\nend`,
		"tab\there":          "tab here",
		"Zürich — Genève":    "Zürich — Genève",
	}
	for in, want := range cases {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinesAreFoldedAt75OctetsWithoutSplittingCharacters(t *testing.T) {
	for _, summary := range []string{strings.Repeat("x", 200), strings.Repeat("é", 100), "a" + strings.Repeat("€", 60)} {
		start := time.Date(2027, 3, 15, 9, 0, 0, 0, time.FixedZone("CET", 3600))
		out := string(Encode(Calendar{ProdID: "-//Test//EN", Stamp: start, Entries: []domain.CalendarEntry{{UID: "u@x", Summary: summary, Start: start}}}))
		if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
			t.Fatalf("line ends are not CRLF: %q", out)
		}
		var unfolded strings.Builder
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("bad physical line (%d octets): %q", len(l), l)
			}
			if strings.HasPrefix(l, " ") {
				unfolded.WriteString(l[1:])
			} else {
				unfolded.WriteString("\n" + l)
			}
		}
		if !strings.Contains(unfolded.String(), "\nSUMMARY:"+summary+"\n") {
			t.Fatalf("the summary does not unfold to itself: %q", unfolded.String())
		}
		if !strings.Contains(out, "DTSTART:20270315T080000Z\r\n") {
			t.Fatalf("start not in UTC: %q", out)
		}
	}
}
