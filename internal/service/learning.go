package service

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// LearningStore keeps the organisations' learning profiles and finds what answers them.
type LearningStore interface {
	// LearningProfile returns a profile nobody saved as version 0 with no themes.
	LearningProfile(ctx context.Context, programmeID, organisationID uuid.UUID) (domain.LearningProfile, error)
	// SaveLearningProfile returns CodeVersionMismatch when version (0: none saved yet) is not the
	// stored one.
	SaveLearningProfile(ctx context.Context, p domain.LearningProfile, version int) (domain.LearningProfile, error)
	// LearnerOrganisations returns the profiles of the organisations taking part in the programme.
	LearnerOrganisations(ctx context.Context, programmeID uuid.UUID) ([]domain.LearnerOrganisation, error)
	// ProgrammeOrganisation returns CodeNotFound for an organisation none of whose people is a
	// member of the programme.
	ProgrammeOrganisation(ctx context.Context, programmeID, organisationID uuid.UUID) (domain.Organisation, error)
	// LearningCandidates returns the practices that may answer what an organisation wants.
	LearningCandidates(ctx context.Context, f domain.LearningCandidateFilter) ([]domain.LearningCandidate, error)
	// MatchesVersion names the state of the programme that Matches depends on; it changes at the
	// commit of any change that can change a match.
	MatchesVersion(ctx context.Context, programmeID uuid.UUID) (string, error)
	// LearningVersion names the state of the programme's learning profiles, of who takes part and
	// of the programme itself; it changes at the commit of any change to them.
	LearningVersion(ctx context.Context, programmeID uuid.UUID) (int64, error)
}

// LearningProfileView is an organisation's learning profile over the programme's themes.
type LearningProfileView struct {
	domain.LearningProfile
	Organisation domain.Organisation
}

// LearningThemeInput is what an organisation says about one theme.
type LearningThemeInput struct {
	Key       string
	Offers    bool
	Wants     domain.Want
	Questions []string
}

// learningOrganisation is the organisation whose profile the caller reads: its own, or (for
// coordinators) the one asked for. CodeForbidden for anyone else asking for another one,
// CodeNotFound for an organisation that does not take part in the programme.
func (s *Service) learningOrganisation(ctx context.Context, a *domain.Actor, sc domain.Scope, programmeID uuid.UUID, asked *uuid.UUID) (domain.Organisation, error) {
	id := a.OrganisationID
	if asked != nil && *asked != id {
		if !sc.IsCoordinator() {
			return domain.Organisation{}, domain.Forbidden("Only the programme's coordinators can read another organisation's learning profile.")
		}
		return s.learning.ProgrammeOrganisation(ctx, programmeID, *asked)
	}
	return s.organisations.Organisation(ctx, id)
}

// LearningProfile reads the learning profile of the caller's organisation in a programme, or for
// coordinators that of organisationID. CodeNotFound outside the caller's programmes and for an
// organisation that does not take part; CodeForbidden for other members asking for another
// organisation.
func (s *Service) LearningProfile(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, organisationID *uuid.UUID) (LearningProfileView, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return LearningProfileView{}, err
	}
	org, err := s.learningOrganisation(ctx, a, sc, programmeID, organisationID)
	if err != nil {
		return LearningProfileView{}, err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return LearningProfileView{}, err
	}
	p, err := s.learning.LearningProfile(ctx, programmeID, org.ID)
	if err != nil {
		return LearningProfileView{}, err
	}
	return LearningProfileView{LearningProfile: p.ForThemes(prog.Themes), Organisation: org}, nil
}

// checkLearningThemes names each theme that is not the programme's (unknown_theme) or is given
// twice (duplicate), as themes[i].key.
func checkLearningThemes(in []LearningThemeInput, prog *domain.Programme) error {
	var errs []domain.FieldError
	seen := map[string]bool{}
	for i, t := range in {
		field := fieldIndex("themes", i) + ".key"
		switch {
		case !prog.HasTheme(t.Key):
			errs = append(errs, domain.FieldError{Field: field, Code: domain.FieldUnknownTheme, Message: "is not a theme of this programme",
				Params: map[string]any{"value": t.Key}})
		case seen[t.Key]:
			errs = append(errs, domain.FieldError{Field: field, Code: domain.FieldDuplicate, Message: "is given twice"})
		}
		seen[t.Key] = true
	}
	if len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	return nil
}

// SaveLearningProfile replaces the learning profile of the caller's organisation when version is
// current (0 for a profile nobody saved yet); themes left out say nothing. Partners and
// coordinators of the programme write it. CodeNotFound outside the caller's programmes,
// CodeForbidden for reviewers only, CodeValidation for an unknown or repeated theme,
// CodeVersionMismatch.
func (s *Service) SaveLearningProfile(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, version int, in []LearningThemeInput) (LearningProfileView, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return LearningProfileView{}, err
	}
	if !domain.CanEditLearningProfile(sc) {
		return LearningProfileView{}, domain.Forbidden("Only the programme's partners and coordinators can change their organisation's learning profile.")
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return LearningProfileView{}, err
	}
	if err := checkLearningThemes(in, &prog); err != nil {
		return LearningProfileView{}, err
	}
	org, err := s.organisations.Organisation(ctx, a.OrganisationID)
	if err != nil {
		return LearningProfileView{}, err
	}
	by := a.UserID
	p := domain.LearningProfile{ProgrammeID: programmeID, OrganisationID: org.ID, UpdatedBy: &by, Themes: make([]domain.LearningTheme, 0, len(in))}
	for _, t := range in {
		qs := make([]string, 0, len(t.Questions))
		for _, q := range t.Questions {
			if q = strings.TrimSpace(q); q != "" && !slices.Contains(qs, q) {
				qs = append(qs, q)
			}
		}
		w := t.Wants
		if w == "" {
			w = domain.WantNone
		}
		p.Themes = append(p.Themes, domain.LearningTheme{Key: t.Key, Offers: t.Offers, Wants: w, Questions: qs})
	}
	var out domain.LearningProfile
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		if out, err = s.learning.SaveLearningProfile(ctx, p, version); err != nil {
			return err
		}
		return s.auditLog.AppendAudit(ctx, domain.AuditEntry{ProgrammeID: &programmeID, ActorID: &by, Action: "learning_profile.updated",
			ObjectType: "learning_profile", ObjectID: org.ID, ObjectTitle: org.Name, After: learningSummary(&out)})
	})
	if err != nil {
		return LearningProfileView{}, err
	}
	return LearningProfileView{LearningProfile: out.ForThemes(prog.Themes), Organisation: org}, nil
}

// learningSummary is what the audit log records of a profile: the themes offered and wanted.
func learningSummary(p *domain.LearningProfile) map[string]any {
	offers, wants := []string{}, map[string]string{}
	for _, t := range p.Themes {
		if t.Offers {
			offers = append(offers, t.Key)
		}
		if t.Wants.Wanted() {
			wants[t.Key] = string(t.Wants)
		}
	}
	return map[string]any{"version": p.Version, "offers": offers, "wants": wants}
}

// Suggestion kinds.
const (
	SuggestOrganisation = "organisation"
	SuggestPractice     = "practice"
)

// Suggestion is an organisation or a practice suggested to a learner, with why.
type Suggestion struct {
	Kind         string
	Organisation domain.LearnerOrganisation
	// Practice is set for practice suggestions; Offers and Wants for organisations.
	Practice   *domain.Practice
	Offers     []string
	Wants      []string
	Reciprocal bool
	Score      int
	Reasons    []domain.Reason
}

// Matches is what the learning profiles suggest to one organisation.
type Matches struct {
	Organisation domain.LearnerOrganisation
	Suggestions  []Suggestion
}

// Most suggestions of each kind.
const maxSuggestions = 50

// Matches suggests to the caller's organisation the practices and organisations of other
// countries that answer what it wants to learn, and the organisations that want what it offers
// (domain.MatchOrganisations, domain.MatchPractices): reciprocal interest first, then by score,
// an organisation before a practice of the same score. Only practices the caller may see are
// suggested. CodeNotFound outside the caller's programmes.
func (s *Service) Matches(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Matches, error) {
	sc, err := s.scope(ctx, a, programmeID)
	if err != nil {
		return Matches{}, err
	}
	version, err := s.learning.MatchesVersion(ctx, programmeID)
	if err != nil {
		return Matches{}, err
	}
	// What a viewer may see depends on who they are (the practices they review) and on their
	// roles; the rest of the key is the programme's state.
	key := programmeID.String() + "@" + version + "/" + a.UserID.String() + "/" + a.OrganisationID.String() +
		"/" + strconv.FormatBool(sc.IsAdmin()) + strconv.FormatBool(sc.IsCoordinator())
	return s.matchesCache.cached(key, func() (Matches, error) { return s.computeMatches(ctx, a, sc, programmeID) })
}

// matchesCacheSize bounds the matches kept in memory: one entry per viewer at the programme's
// current versions, a few kilobytes each.
const matchesCacheSize = 1024

// matchesCache keeps each viewer's matches under the programme's MatchesVersion: reading and
// scoring up to 200 candidate practices on every visit cost 6 ms of the server's CPU a request
// on the benchmark data set. A kept result is shared by every request that finds it, and is
// never changed.
type matchesCache = keptCache[Matches]

func newMatchesCache() *matchesCache { return &matchesCache{size: matchesCacheSize} }

// computeMatches computes the matches of Matches from the database.
func (s *Service) computeMatches(ctx context.Context, a *domain.Actor, sc domain.Scope, programmeID uuid.UUID) (Matches, error) {
	org, err := s.organisations.Organisation(ctx, a.OrganisationID)
	if err != nil {
		return Matches{}, err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return Matches{}, err
	}
	var out Matches
	err = s.tx.ReadSnapshot(ctx, func(ctx context.Context) error {
		profile, err := s.learning.LearningProfile(ctx, programmeID, org.ID)
		if err != nil {
			return err
		}
		me := domain.LearnerOrganisation{ID: org.ID, Name: org.Name, Country: org.Country, Profile: profile}
		out.Organisation = me
		others, err := s.learning.LearnerOrganisations(ctx, programmeID)
		if err != nil {
			return err
		}
		orgs := domain.MatchOrganisations(me, others, prog.Themes)
		reciprocal := map[uuid.UUID]bool{}
		for _, m := range orgs {
			reciprocal[m.Organisation.ID] = m.Reciprocal
		}
		var wanted []string
		for _, k := range prog.Themes {
			if profile.Theme(k.Key).Wants.Wanted() {
				wanted = append(wanted, k.Key)
			}
		}
		questions := profile.Questions(prog.Themes)
		texts := make([]string, len(questions))
		for i, q := range questions {
			texts[i] = q.Text
		}
		var practices []domain.PracticeMatch
		if len(wanted) > 0 || len(texts) > 0 {
			candidates, err := s.learning.LearningCandidates(ctx, domain.LearningCandidateFilter{ProgrammeID: programmeID, OrganisationID: org.ID,
				Country: org.Country, Themes: wanted, Questions: texts,
				Viewer: domain.PracticeSearchViewer{Admin: sc.IsAdmin(), Coordinator: sc.IsCoordinator(), OrganisationID: org.ID, UserID: a.UserID}})
			if err != nil {
				return err
			}
			practices = domain.MatchPractices(me, candidates, questions, prog.Themes, reciprocal)
		}
		out.Suggestions = mergeSuggestions(orgs, practices)
		return nil
	})
	return out, err
}

// mergeSuggestions ranks organisations and practices together, each kind capped at maxSuggestions.
func mergeSuggestions(orgs []domain.OrganisationMatch, practices []domain.PracticeMatch) []Suggestion {
	out := make([]Suggestion, 0, min(len(orgs), maxSuggestions)+min(len(practices), maxSuggestions))
	for _, m := range orgs[:min(len(orgs), maxSuggestions)] {
		out = append(out, Suggestion{Kind: SuggestOrganisation, Organisation: m.Organisation, Offers: m.Offers, Wants: m.Wants,
			Reciprocal: m.Reciprocal, Score: m.Score, Reasons: m.Reasons})
	}
	for _, m := range practices[:min(len(practices), maxSuggestions)] {
		p := m.Practice
		o := domain.LearnerOrganisation{ID: p.OrganisationID, Name: p.OrganisationName, Country: p.OrganisationCountry}
		out = append(out, Suggestion{Kind: SuggestPractice, Organisation: o, Practice: &p, Reciprocal: m.Reciprocal, Score: m.Score, Reasons: m.Reasons})
	}
	kindOrder := map[string]int{SuggestOrganisation: 0, SuggestPractice: 1}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(boolRank(a.Reciprocal), boolRank(b.Reciprocal)), cmp.Compare(b.Score, a.Score), cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]))
	})
	return out
}

// boolRank orders true before false.
func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// LearningMap counts the programme's offers and wants by theme and country and pairs the countries
// with reciprocal interest (coordinators). CodeNotFound outside the caller's programmes,
// CodeForbidden for other members.
func (s *Service) LearningMap(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (domain.LearningMap, []domain.Keyed, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return domain.LearningMap{}, nil, err
	}
	version, err := s.learning.LearningVersion(ctx, programmeID)
	if err != nil {
		return domain.LearningMap{}, nil, err
	}
	kept, err := s.learningMaps.cached(programmeID.String()+"@"+strconv.FormatInt(version, 10), func() (keptLearningMap, error) {
		prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
		if err != nil {
			return keptLearningMap{}, err
		}
		orgs, err := s.learning.LearnerOrganisations(ctx, programmeID)
		if err != nil {
			return keptLearningMap{}, err
		}
		return keptLearningMap{Map: domain.BuildLearningMap(orgs, prog.Themes), Themes: prog.Themes}, nil
	})
	return kept.Map, kept.Themes, err
}

// keptLearningMap is a programme's learning map with the themes it is drawn over.
type keptLearningMap struct {
	Map    domain.LearningMap
	Themes []domain.Keyed
}

// learningMapCache keeps each programme's learning map under its learning version: everything
// the map counts (the profiles, who takes part, the organisations' countries, the programme's
// themes) moves that version, and the map is the same for every coordinator who reads it.
type learningMapCache = keptCache[keptLearningMap]

func newLearningMapCache() *learningMapCache { return &learningMapCache{size: 64} }
