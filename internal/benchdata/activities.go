package benchdata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// activity is one exchange activity with its parts, decided before the rows are written.
type activity struct {
	id                 uuid.UUID
	kind, status       string
	title, description string
	host               int
	city, onlineURL    string
	starts, ends       time.Time
	minutes            string
	practices          []int
	participants       []participant
	agenda             []domain.AgendaItem
	followUps          []followUp
	version            int
	created, updated   time.Time
}

type participant struct {
	org, people int
	role        string
}

type followUp struct {
	id        uuid.UUID
	title     string
	owner     int
	due       time.Time
	status    string
	reminded  *time.Time
	updatedAt time.Time
}

// kindShares spread the activities over the kinds, in percent.
var kindShares = []struct {
	kind  string
	share int
}{
	{domain.ActivityStudyVisit, 25}, {domain.ActivityPeerReviewMeeting, 20}, {domain.ActivityWorkshop, 15},
	{domain.ActivityWebinar, 25}, {domain.ActivityConference, 5}, {domain.ActivityOther, 10},
}

func kindFor(r *rand.Rand) string {
	x := r.IntN(100)
	for _, k := range kindShares {
		if x < k.share {
			return k.kind
		}
		x -= k.share
	}
	return domain.ActivityOther
}

// weekday moves a date on a weekend to the Monday after.
func weekday(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return t.AddDate(0, 0, 2)
	case time.Sunday:
		return t.AddDate(0, 0, 1)
	}
	return t
}

// schedule is when an activity of kind starts and ends: a working day between two years ago and
// four months ahead, a study visit or peer review over two days, a webinar an hour or two.
func (g *gen) schedule(r *rand.Rand, kind string) (time.Time, time.Time) {
	day := g.now.Truncate(24*time.Hour).AddDate(0, 0, -730+r.IntN(850))
	day = weekday(day)
	start := day.Add(time.Duration(7*60+30*r.IntN(13)) * time.Minute)
	switch kind {
	case domain.ActivityStudyVisit, domain.ActivityPeerReviewMeeting:
		return start, day.AddDate(0, 0, 1+r.IntN(2)).Add(time.Duration(13+r.IntN(4)) * time.Hour)
	case domain.ActivityConference:
		return start, day.AddDate(0, 0, r.IntN(3)).Add(17 * time.Hour)
	case domain.ActivityWebinar:
		return start, start.Add(time.Duration(60+30*r.IntN(2)) * time.Minute)
	}
	return start, start.Add(time.Duration(2+r.IntN(5)) * time.Hour)
}

// pickOrgs adds up to n organisations to taken, in a random order, leaving out those skip names;
// distinct asks for organisations of countries not taken yet.
func (g *gen) pickOrgs(r *rand.Rand, taken map[int]bool, n int, distinct bool, skip func(o int) bool) []int {
	used := map[string]bool{}
	if distinct {
		for o := range taken {
			used[g.orgs[o].country] = true
		}
	}
	var out []int
	for _, o := range r.Perm(len(g.orgs)) {
		if len(out) == n {
			break
		}
		if taken[o] || (skip != nil && skip(o)) || distinct && used[g.orgs[o].country] {
			continue
		}
		taken[o] = true
		used[g.orgs[o].country] = true
		out = append(out, o)
	}
	return out
}

// participantsOf is who takes part in an activity of kind hosted by host: the host first, then,
// for a peer-review meeting in the Mutual Learning Programme's way, peers from three to five other
// countries and perhaps an expert; for the other kinds the organisations that usually come.
func (g *gen) participantsOf(r *rand.Rand, kind string, host int) []participant {
	taken := map[int]bool{host: true}
	hostCountry := g.orgs[host].country
	foreign := func(o int) bool { return g.orgs[o].country == hostCountry }
	out := []participant{{org: host, role: domain.ParticipantHost, people: 2 + r.IntN(5)}}
	add := func(orgs []int, role func() string, people func() int) {
		for _, o := range orgs {
			out = append(out, participant{org: o, role: role(), people: people()})
		}
	}
	fixed := func(s string) func() string { return func() string { return s } }
	upTo := func(lo, hi int) func() int { return func() int { return lo + r.IntN(hi-lo+1) } }
	switch kind {
	case domain.ActivityPeerReviewMeeting:
		add(g.pickOrgs(r, taken, 3+r.IntN(3), true, foreign), fixed(domain.ParticipantPeer), upTo(1, 3))
		add(g.pickOrgs(r, taken, r.IntN(3), false, nil), fixed(domain.ParticipantExpert), upTo(1, 2))
	case domain.ActivityStudyVisit:
		add(g.pickOrgs(r, taken, 2+r.IntN(4), false, foreign), fixed(domain.ParticipantPeer), upTo(1, 3))
		if r.IntN(3) == 0 {
			add(g.pickOrgs(r, taken, 1, false, nil), fixed(domain.ParticipantExpert), upTo(1, 2))
		}
	case domain.ActivityWorkshop:
		add(g.pickOrgs(r, taken, 3+r.IntN(5), false, nil), func() string {
			return []string{domain.ParticipantOther, domain.ParticipantOther, domain.ParticipantOther, domain.ParticipantPeer, domain.ParticipantExpert}[r.IntN(5)]
		}, upTo(1, 4))
	case domain.ActivityWebinar:
		out[0].people = 1 + r.IntN(3)
		add(g.pickOrgs(r, taken, 4+r.IntN(9), false, nil), fixed(domain.ParticipantOther), upTo(1, 4))
		if r.IntN(4) == 0 {
			add(g.pickOrgs(r, taken, 1, false, nil), fixed(domain.ParticipantExpert), upTo(1, 1))
		}
	case domain.ActivityConference:
		out[0].people = 10 + r.IntN(31)
		add(g.pickOrgs(r, taken, 8+r.IntN(11), false, nil), func() string {
			return []string{domain.ParticipantOther, domain.ParticipantOther, domain.ParticipantOther, domain.ParticipantExpert}[r.IntN(4)]
		}, upTo(1, 8))
	default:
		add(g.pickOrgs(r, taken, 1+r.IntN(4), false, nil), fixed(domain.ParticipantOther), upTo(1, 3))
	}
	return out
}

// presented picks the practices an activity presents: the host's own first (the practice a
// study visit shows or a peer review discusses), then those of the other participants.
func presented(r *rand.Rand, kind string, parts []participant, shown [][]int) []int {
	n := map[string]int{domain.ActivityStudyVisit: 1 + r.IntN(2), domain.ActivityPeerReviewMeeting: 1 + r.IntN(2), domain.ActivityWorkshop: 1 + r.IntN(3),
		domain.ActivityWebinar: r.IntN(2), domain.ActivityConference: 2 + r.IntN(4), domain.ActivityOther: r.IntN(2)}[kind]
	var out []int
	seen := map[int]bool{}
	for k := 0; k < 4*len(parts) && len(out) < n; k++ {
		o := parts[0].org
		if k > 0 && (kind == domain.ActivityWorkshop || kind == domain.ActivityConference || r.IntN(3) == 0) {
			o = parts[r.IntN(len(parts))].org
		}
		if len(shown[o]) == 0 {
			continue
		}
		p := pick(r, shown[o])
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// agendaOf spreads a few points of the kind's programme, in their order, over the activity.
func agendaOf(r *rand.Rand, kind string, starts, ends time.Time) []domain.AgendaItem {
	pool := agendaTitles[kind]
	var titles []string
	for i, t := range pool {
		if i == 0 || i == len(pool)-1 || r.IntN(3) > 0 {
			titles = append(titles, t)
		}
	}
	step := ends.Sub(starts) / time.Duration(len(titles))
	out := make([]domain.AgendaItem, len(titles))
	for i, t := range titles {
		out[i] = domain.AgendaItem{At: starts.Add(time.Duration(i) * step).Truncate(15 * time.Minute).UTC(), Title: t}
		if out[i].At.Before(starts) {
			out[i].At = starts
		}
	}
	return out
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// planActivities decides every activity with its parts.
func (g *gen) planActivities() []activity {
	shown := make([][]int, len(g.orgs))
	for i, p := range g.practices {
		if p.status != domain.StatusDraft && p.status != domain.StatusWithdrawn {
			shown[p.org] = append(shown[p.org], i)
		}
	}
	out := make([]activity, g.size.Activities)
	for i := range out {
		r := g.rng("activity", i)
		a := activity{id: uuid.New(), kind: kindFor(r), host: r.IntN(len(g.orgs))}
		a.starts, a.ends = g.schedule(r, a.kind)
		country := g.orgs[a.host].country
		city := pick(r, countryCities[country])
		switch {
		case a.ends.Before(g.now):
			// Most that took place are marked held; a few were called off, a few nobody updated.
			switch x := r.IntN(100); {
			case x < 92:
				a.status = domain.ActivityHeld
			case x < 96:
				a.status = domain.ActivityCancelled
			default:
				a.status = domain.ActivityPlanned
			}
		case a.starts.After(g.now) && r.IntN(20) == 0:
			a.status = domain.ActivityCancelled
		default:
			a.status = domain.ActivityPlanned
		}
		method, group := pick(r, titleMethods["en"]), pick(r, titleGroups["en"])
		switch a.kind {
		case domain.ActivityStudyVisit:
			a.title, a.city = fmt.Sprintf("Study visit: %s %s in %s", method, group, city), city
		case domain.ActivityPeerReviewMeeting:
			a.title, a.city = fmt.Sprintf("Peer review: %s %s (%s)", method, group, city), city
		case domain.ActivityWorkshop:
			a.title, a.city = fmt.Sprintf("Workshop: %s %s", method, group), city
		case domain.ActivityWebinar:
			a.title, a.onlineURL = fmt.Sprintf("Webinar: %s %s", method, group), fmt.Sprintf("https://meet.example.org/bench-%d", i+1)
		case domain.ActivityConference:
			a.title, a.city = fmt.Sprintf("Partner conference %d in %s", a.starts.Year(), city), city
			if r.IntN(2) == 0 {
				a.onlineURL = fmt.Sprintf("https://meet.example.org/bench-%d", i+1)
			}
		default:
			a.title, a.city = fmt.Sprintf("Partner meeting: %s", pick(r, meetingTopics)), city
		}
		a.description = activityLeads[a.kind] + " " + paragraph(r, "en", 2)
		a.participants = g.participantsOf(r, a.kind, a.host)
		a.practices = presented(r, a.kind, a.participants, shown)
		a.agenda = agendaOf(r, a.kind, a.starts, a.ends)
		a.created = a.starts.Add(-time.Duration(14+r.IntN(90)) * 24 * time.Hour)
		if a.created.After(g.now) {
			a.created = g.now.Add(-time.Duration(1+r.IntN(72)) * time.Hour)
		}
		a.updated, a.version = a.created, 1
		switch a.status {
		case domain.ActivityCancelled:
			a.updated, a.version = a.created.Add(earlier(a.starts, g.now).Sub(a.created)/2), 2
		case domain.ActivityHeld:
			a.minutes = paragraph(r, "en", 3) + " " + pick(r, reviewText)
			a.updated, a.version = earlier(g.now, a.ends.Add(time.Duration(1+r.IntN(10))*24*time.Hour)), 2
			for k := range r.IntN(4) {
				f := followUp{id: uuid.New(), title: pick(r, followUpTitles), owner: a.participants[0].org, status: domain.FollowUpOpen, updatedAt: a.updated}
				if k > 0 || r.IntN(3) == 0 {
					f.owner = a.participants[r.IntN(len(a.participants))].org
				}
				f.due = a.ends.Truncate(24*time.Hour).AddDate(0, 0, 14+r.IntN(170))
				// Most follow-ups past their date are done, and some before it.
				done := r.IntN(7) == 0
				if f.due.Before(g.now) {
					done = r.IntN(10) < 7
				}
				if done {
					f.status = domain.FollowUpDone
					f.updatedAt = earlier(g.now, a.updated.Add(f.due.Sub(a.updated)*time.Duration(1+r.IntN(9))/10))
					a.version++
				}
				// The worker announces an open follow-up once, in the week before it falls due.
				if notice := f.due.AddDate(0, 0, -7).Add(6 * time.Hour); notice.Before(g.now) && (f.status == domain.FollowUpOpen || notice.Before(f.updatedAt)) {
					f.reminded = &notice
				}
				a.followUps = append(a.followUps, f)
			}
		}
		out[i] = a
	}
	return out
}

// activities writes the programme's exchange activities with their practices, participants,
// agenda and follow-ups, as CreateActivity and UpdateActivity store them.
func (g *gen) activities(ctx context.Context, tx pgx.Tx) error {
	acts := g.planActivities()
	coordinator := g.users[0].id
	err := copyRows(ctx, tx, "activities", []string{"id", "programme_id", "kind", "title", "description", "host_organisation_id", "country", "city",
		"online_url", "starts_at", "ends_at", "status", "minutes", "created_by", "version", "created_at", "updated_at"}, len(acts), func(i int) []any {
		a := acts[i]
		return []any{a.id, g.programme, a.kind, a.title, a.description, g.orgs[a.host].id, g.orgs[a.host].country, a.city,
			a.onlineURL, a.starts, a.ends, a.status, a.minutes, coordinator, a.version, a.created, a.updated}
	})
	if err != nil {
		return err
	}
	type part struct{ a, k int }
	flatten := func(count func(a *activity) int) []part {
		var out []part
		for i := range acts {
			for k := range count(&acts[i]) {
				out = append(out, part{i, k})
			}
		}
		return out
	}
	ps := flatten(func(a *activity) int { return len(a.practices) })
	if err := copyRows(ctx, tx, "activity_practices", []string{"activity_id", "practice_id", "position"}, len(ps), func(j int) []any {
		a := &acts[ps[j].a]
		return []any{a.id, g.practices[a.practices[ps[j].k]].id, ps[j].k}
	}); err != nil {
		return err
	}
	ps = flatten(func(a *activity) int { return len(a.participants) })
	if err := copyRows(ctx, tx, "activity_participants", []string{"activity_id", "organisation_id", "role", "people", "position"}, len(ps), func(j int) []any {
		a := &acts[ps[j].a]
		p := a.participants[ps[j].k]
		return []any{a.id, g.orgs[p.org].id, p.role, p.people, ps[j].k}
	}); err != nil {
		return err
	}
	ps = flatten(func(a *activity) int { return len(a.agenda) })
	if err := copyRows(ctx, tx, "activity_agenda_items", []string{"activity_id", "position", "at", "title"}, len(ps), func(j int) []any {
		a := &acts[ps[j].a]
		it := a.agenda[ps[j].k]
		return []any{a.id, ps[j].k, it.At, it.Title}
	}); err != nil {
		return err
	}
	ps = flatten(func(a *activity) int { return len(a.followUps) })
	return copyRows(ctx, tx, "activity_follow_ups", []string{"id", "activity_id", "position", "title", "owner_organisation_id", "due_on", "status",
		"reminded_at", "updated_at"}, len(ps), func(j int) []any {
		a := &acts[ps[j].a]
		f := a.followUps[ps[j].k]
		return []any{f.id, a.id, ps[j].k, f.title, g.orgs[f.owner].id, f.due, f.status, f.reminded, f.updatedAt}
	})
}
