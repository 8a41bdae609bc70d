// Package ical writes iCalendar feeds (RFC 5545): the personal calendar of activities and review
// deadlines that calendar apps subscribe to. It is pure: no I/O but the writer it is given.
package ical

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// maxLine is the longest content line RFC 5545 §3.1 allows, in octets, without the CRLF.
const maxLine = 75

// Calendar is one feed.
type Calendar struct {
	// ProdID names the product that wrote the feed (PRODID).
	ProdID string
	// Name is the calendar's display name (X-WR-CALNAME, understood by the common apps).
	Name string
	// Stamp is when the feed was written (every event's DTSTAMP).
	Stamp   time.Time
	Entries []domain.CalendarEntry
}

// Encode writes the calendar: CRLF line ends, lines folded at 75 octets, text values escaped,
// every time in UTC.
func Encode(c Calendar) []byte {
	var b strings.Builder
	line := func(name, value string) { writeFolded(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", Text(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Text(c.Name))
	}
	stamp := UTC(c.Stamp)
	for _, e := range c.Entries {
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART", UTC(e.Start))
		if e.End != nil {
			line("DTEND", UTC(*e.End))
		}
		line("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Text(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", Text(e.Location))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		if !e.Updated.IsZero() {
			line("LAST-MODIFIED", UTC(e.Updated))
		}
		if e.Cancelled {
			line("STATUS", "CANCELLED")
		} else {
			line("STATUS", "CONFIRMED")
		}
		line("TRANSP", "OPAQUE")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return []byte(b.String())
}

// UTC writes a time as an iCalendar UTC date-time (20260315T090000Z).
func UTC(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// Text escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks;
// other control characters, which TEXT does not allow, become spaces.
func Text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes one content line, folded so that no line is longer than 75 octets: each
// continuation starts with a space, and a UTF-8 character is never split.
func writeFolded(b *strings.Builder, l string) {
	limit := maxLine
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
}
