package service

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/peerbridge/peerbridge/internal/auth"
	"github.com/peerbridge/peerbridge/internal/domain"
)

// CalendarStore keeps personal calendar feed tokens (their digests only) and reads what a feed
// shows.
type CalendarStore interface {
	// SetCalendarToken replaces the person's token digest.
	SetCalendarToken(ctx context.Context, userID uuid.UUID, digest []byte) error
	// DeleteCalendarToken reports whether the person had a token.
	DeleteCalendarToken(ctx context.Context, userID uuid.UUID) (bool, error)
	// CalendarTokenUser returns CodeNotFound for an unknown or revoked token or a disabled account.
	CalendarTokenUser(ctx context.Context, digest []byte) (domain.User, error)
	// CalendarActivities lists the activities of the person's programmes that end from since on.
	CalendarActivities(ctx context.Context, userID uuid.UUID, since time.Time) ([]domain.Activity, error)
	// CalendarDeadlines lists the person's reviews still to write in rounds not yet decided.
	CalendarDeadlines(ctx context.Context, userID uuid.UUID) ([]domain.Assignment, error)
}

// calendarHistory is how far back a feed shows activities: calendar apps keep what they had.
const calendarHistory = 365 * 24 * time.Hour

// CalendarToken is a new personal feed token and the address a calendar app subscribes to.
type CalendarToken struct {
	Token, URL string
	CreatedAt  time.Time
}

// CreateCalendarToken gives the caller a new feed token, replacing (and so revoking) any earlier
// one. Only its digest is kept: the token is shown this once.
func (s *Service) CreateCalendarToken(ctx context.Context, a *domain.Actor) (CalendarToken, error) {
	if a.Anonymous() {
		return CalendarToken{}, domain.Errorf(domain.CodeUnauthenticated, "Sign in first.")
	}
	token, digest, err := auth.NewOpaqueToken()
	if err != nil {
		return CalendarToken{}, domain.Wrap(domain.CodeInternal, err, "The token could not be made.")
	}
	if err := s.calendars.SetCalendarToken(ctx, a.UserID, digest); err != nil {
		return CalendarToken{}, err
	}
	return CalendarToken{Token: token, URL: strings.TrimSuffix(s.publicURL, "/") + "/api/v1/me/calendar.ics?token=" + url.QueryEscape(token),
		CreatedAt: s.now().UTC()}, nil
}

// RevokeCalendarToken ends the caller's feed; a later request with the old token is CodeNotFound.
func (s *Service) RevokeCalendarToken(ctx context.Context, a *domain.Actor) error {
	if a.Anonymous() {
		return domain.Errorf(domain.CodeUnauthenticated, "Sign in first.")
	}
	_, err := s.calendars.DeleteCalendarToken(ctx, a.UserID)
	return err
}

// CalendarFeed is what a personal feed shows, in the person's locale.
type CalendarFeed struct {
	Locale  string
	Entries []domain.CalendarEntry
}

// Calendar reads the feed of the person whose token this is: the activities of their programmes
// (cancelled ones marked so) and their reviews' deadlines. An unknown or revoked token is
// CodeNotFound.
func (s *Service) Calendar(ctx context.Context, token string) (CalendarFeed, error) {
	if token == "" {
		return CalendarFeed{}, domain.NotFound("Calendar")
	}
	u, err := s.calendars.CalendarTokenUser(ctx, auth.Digest(token))
	if err != nil {
		return CalendarFeed{}, err
	}
	var (
		acts      []domain.Activity
		deadlines []domain.Assignment
	)
	err = s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		var err error
		if acts, err = s.calendars.CalendarActivities(ctx, u.ID, s.now().Add(-calendarHistory)); err != nil {
			return err
		}
		deadlines, err = s.calendars.CalendarDeadlines(ctx, u.ID)
		return err
	})
	if err != nil {
		return CalendarFeed{}, err
	}
	base := strings.TrimSuffix(s.publicURL, "/")
	host := hostOf(s.publicURL)
	feed := CalendarFeed{Locale: u.Locale, Entries: make([]domain.CalendarEntry, 0, len(acts)+len(deadlines))}
	for _, a := range acts {
		end := a.EndsAt
		var where []string
		for _, part := range []string{a.City, countryName(a.Country, u.Locale)} {
			if part != "" {
				where = append(where, part)
			}
		}
		location := strings.Join(where, ", ")
		if location == "" {
			location = a.OnlineURL
		}
		desc := a.Description
		if a.OnlineURL != "" && location != a.OnlineURL {
			desc = strings.TrimSpace(desc + "\n\n" + a.OnlineURL)
		}
		feed.Entries = append(feed.Entries, domain.CalendarEntry{UID: "activity-" + a.ID.String() + "@" + host, Summary: a.Title,
			Description: desc, Location: location, URL: base + "/activities/" + a.ID.String(), Start: a.StartsAt, End: &end,
			Cancelled: a.Status == domain.ActivityCancelled, Updated: a.UpdatedAt})
	}
	for _, d := range deadlines {
		feed.Entries = append(feed.Entries, domain.CalendarEntry{UID: "review-" + d.ID.String() + "@" + host,
			Summary: reviewDueSummary(d.PracticeTitle, u.Locale), Description: d.RoundName, URL: base + "/reviews/" + d.ID.String(),
			Start: d.DueAt, Updated: d.UpdatedAt})
	}
	return feed, nil
}

// hostOf is the host name of the public address, the domain part of the feed's UIDs.
func hostOf(public string) string {
	if u, err := url.Parse(public); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "peerbridge"
}

// reviewDueSummary is a review deadline's title in the reader's language.
func reviewDueSummary(practice, locale string) string {
	return fill(messageIn("calendar_review_due", locale).body, map[string]string{"practice": practice})
}

// countryName is a country's name in the reader's language ("Finnland" for FI in German), for
// calendar apps that show the feed's text as it is; the code itself when it is not a region.
func countryName(code, locale string) string {
	region, err := language.ParseRegion(code)
	if code == "" || err != nil {
		return code
	}
	tag, err := language.Parse(locale)
	if err != nil {
		tag = language.English
	}
	if name := display.Regions(tag).Name(region); name != "" {
		return name
	}
	return code
}
