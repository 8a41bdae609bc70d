package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// learnerRow is one theme of one organisation's learning profile, with the organisation; a
// profile that says nothing yet has one row with an empty theme key.
type learnerRow struct {
	OrganisationID uuid.UUID
	Name           string
	Country        string
	Version        int
	UpdatedBy      *uuid.UUID
	UpdatedAt      time.Time
	ThemeKey       *string
	Offers         *bool
	Wants          *string
	Questions      *JSON[[]string]
}

func (r learnerRow) theme() (domain.LearningTheme, bool) {
	if r.ThemeKey == nil {
		return domain.LearningTheme{}, false
	}
	t := domain.LearningTheme{Key: *r.ThemeKey, Wants: domain.WantNone, Questions: []string{}}
	if r.Offers != nil {
		t.Offers = *r.Offers
	}
	if r.Wants != nil {
		t.Wants = domain.Want(*r.Wants)
	}
	if r.Questions != nil {
		t.Questions = lists.NonNil(r.Questions.V)
	}
	return t, true
}

// learnersOf folds rows ordered by organisation into organisations with their profiles.
func learnersOf(programmeID uuid.UUID, rows []learnerRow) []domain.LearnerOrganisation {
	var out []domain.LearnerOrganisation
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.OrganisationID {
			at := r.UpdatedAt
			out = append(out, domain.LearnerOrganisation{ID: r.OrganisationID, Name: r.Name, Country: r.Country,
				Profile: domain.LearningProfile{ProgrammeID: programmeID, OrganisationID: r.OrganisationID, Themes: []domain.LearningTheme{},
					Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedAt: &at}})
		}
		if t, ok := r.theme(); ok {
			p := &out[len(out)-1].Profile
			p.Themes = append(p.Themes, t)
		}
	}
	return out
}

const learnerSelect = `SELECT o.id AS organisation_id, o.name, o.country, lp.version, lp.updated_by, lp.updated_at,
	t.theme_key, t.offers, t.wants, t.questions
	FROM learning_profiles lp JOIN organisations o ON o.id = lp.organisation_id
	LEFT JOIN learning_profile_themes t ON t.programme_id = lp.programme_id AND t.organisation_id = lp.organisation_id`

// participates is true when one of the organisation's people is a member of the programme.
const participates = `EXISTS (SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id
	WHERE u.organisation_id = lp.organisation_id AND m.programme_id = lp.programme_id)`

// MatchesVersion names the state a programme's learning matches are computed from: its practice
// list version (0031) and its learning version (0035), which together move at the commit of any
// change a match depends on.
func (s *Store) MatchesVersion(ctx context.Context, programmeID uuid.UUID) (string, error) {
	v, err := s.programmeVersions(ctx, programmeID, practiceListVersions, learningVersions)
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(v[0], 10) + "." + strconv.FormatInt(v[1], 10), nil
}

// LearningVersion is the programme's learning version (0035), which moves at the commit of any
// change of a learning profile, of who takes part, of an organisation's name or country, or of
// the programme.
func (s *Store) LearningVersion(ctx context.Context, programmeID uuid.UUID) (int64, error) {
	return s.programmeVersion(ctx, programmeID, learningVersions)
}

// LearningProfile reads an organisation's profile in a programme; one nobody saved is version 0
// with no themes.
func (s *Store) LearningProfile(ctx context.Context, programmeID, organisationID uuid.UUID) (domain.LearningProfile, error) {
	var rows []learnerRow
	err := s.conn(ctx).Raw(learnerSelect+` WHERE lp.programme_id = ? AND lp.organisation_id = ? ORDER BY t.theme_key`, programmeID, organisationID).
		Scan(&rows).Error
	if err != nil {
		return domain.LearningProfile{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.LearningProfile{ProgrammeID: programmeID, OrganisationID: organisationID, Themes: []domain.LearningTheme{}}, nil
	}
	return learnersOf(programmeID, rows)[0].Profile, nil
}

// SaveLearningProfile replaces an organisation's profile when version is the stored one (0: none
// is stored yet), and returns it as stored. Themes that say nothing are not stored.
func (s *Store) SaveLearningProfile(ctx context.Context, p domain.LearningProfile, version int) (domain.LearningProfile, error) {
	stale := domain.Errorf(domain.CodeVersionMismatch, "The learning profile was changed by someone else; reload it and try again.")
	err := s.WithTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		var r *gorm.DB
		if version == 0 {
			r = db.Exec(`INSERT INTO learning_profiles (programme_id, organisation_id, version, updated_by) VALUES (?, ?, 1, ?)
				ON CONFLICT DO NOTHING`, p.ProgrammeID, p.OrganisationID, p.UpdatedBy)
		} else {
			r = db.Exec(`UPDATE learning_profiles SET version = version + 1, updated_by = ?, updated_at = now()
				WHERE programme_id = ? AND organisation_id = ? AND version = ?`, p.UpdatedBy, p.ProgrammeID, p.OrganisationID, version)
		}
		if r.Error != nil {
			return translate(r.Error)
		}
		if r.RowsAffected == 0 {
			return stale
		}
		if err := db.Exec(`DELETE FROM learning_profile_themes WHERE programme_id = ? AND organisation_id = ?`, p.ProgrammeID, p.OrganisationID).Error; err != nil {
			return translate(err)
		}
		for _, t := range p.Themes {
			if t.Empty() {
				continue
			}
			err := db.Exec(`INSERT INTO learning_profile_themes (programme_id, organisation_id, theme_key, offers, wants, questions) VALUES (?, ?, ?, ?, ?, ?)`,
				p.ProgrammeID, p.OrganisationID, t.Key, t.Offers, string(t.Wants), List(t.Questions)).Error
			if err != nil {
				return translate(err)
			}
		}
		return nil
	})
	if err != nil {
		return domain.LearningProfile{}, err
	}
	return s.LearningProfile(ctx, p.ProgrammeID, p.OrganisationID)
}

// LearnerOrganisations reads the learning profiles of a programme's organisations that take part
// in it (one of their people is a member), by name.
func (s *Store) LearnerOrganisations(ctx context.Context, programmeID uuid.UUID) ([]domain.LearnerOrganisation, error) {
	var rows []learnerRow
	err := s.conn(ctx).Raw(learnerSelect+` WHERE lp.programme_id = ? AND `+participates+` ORDER BY o.name, o.id, t.theme_key`, programmeID).
		Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	return learnersOf(programmeID, rows), nil
}

// ProgrammeOrganisation reads an organisation that takes part in the programme (one of its people
// is a member); any other is CodeNotFound.
func (s *Store) ProgrammeOrganisation(ctx context.Context, programmeID, organisationID uuid.UUID) (domain.Organisation, error) {
	var rows []organisationRow
	err := s.conn(ctx).Raw(`SELECT o.* FROM organisations o WHERE o.id = ? AND EXISTS (SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id
		WHERE u.organisation_id = o.id AND m.programme_id = ?)`, organisationID, programmeID).Scan(&rows).Error
	if err != nil {
		return domain.Organisation{}, translate(err)
	}
	if len(rows) == 0 {
		return domain.Organisation{}, domain.NotFound("Organisation")
	}
	return rows[0].toDomain(), nil
}

// Bounds of the practice candidates for one learner.
const (
	themeCandidates    = 200 // practices on the themes the learner wants
	questionCandidates = 10  // practices matching each question
	questionRecent     = 100 // newest practices tested first against each question
	questionLexemes    = 6   // words of a question, per language, that pairs are formed from
	questionsSearched  = 25
)

// matchConfigs are the languages a question is read in: a practice answers it when two of its
// words, stemmed in one of them, occur in the practice's text (each in its own language).
var matchConfigs = []string{"english", "dutch", "french", "german"}

// LearningCandidates returns the practices of f.ProgrammeID that the viewer may see, from other
// organisations and countries than the learner's, past draft and not withdrawn, archived or not
// retained: those on one of f.Themes (good and promising practices first, then the newest, at most
// 200), and those whose text answers one of f.Questions (the newest 10 a question, see
// questionMatches), each with the indexes of the questions it answers.
func (s *Store) LearningCandidates(ctx context.Context, f domain.LearningCandidateFilter) ([]domain.LearningCandidate, error) {
	db := s.conn(ctx)
	where, args := learningVisible(f)
	matched := map[uuid.UUID][]int{}
	var order []uuid.UUID
	if len(f.Themes) > 0 {
		ors := make([]string, len(f.Themes))
		targs := append([]any{}, args...)
		// The themes are tested on each practice read in the order of practices_learning_order,
		// never through the themes' GIN index ("IS TRUE" hides them from it): a learner's themes
		// are a few of a programme's handful, each on a large share of its practices. With the
		// index, the plan PostgreSQL keeps for the prepared statement reads every practice on the
		// theme and sorts them (measured on the benchmark data set: 7,577 practices, 16 ms, against
		// 1.4 ms in index order).
		for i, t := range f.Themes {
			ors[i] = "(p.themes @> ?) IS TRUE"
			targs = append(targs, List([]string{t}))
		}
		targs = append(targs, themeCandidates)
		var ids []uuid.UUID
		err := db.Raw(`SELECT p.id FROM practices p WHERE `+where+` AND (`+strings.Join(ors, " OR ")+`)
			ORDER BY (p.decision ->> 'outcome' = 'good_practice') DESC NULLS LAST, (p.decision ->> 'outcome' = 'promising_practice') DESC NULLS LAST,
			p.updated_at DESC, p.id DESC LIMIT ?`, targs...).Scan(&ids).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, id := range ids {
			matched[id] = []int{}
			order = append(order, id)
		}
	}
	queries, err := s.questionQueries(ctx, f.Questions)
	if err != nil {
		return nil, err
	}
	if len(queries) > 0 {
		var hits []struct {
			I  int
			ID uuid.UUID
		}
		// Each question reads its matches from the full-text index (the date order is an
		// expression no index provides, so PostgreSQL does not walk the date index testing each
		// practice's text instead) and stops at questionCandidates.
		sql, qargs := questionMatches(queries, where, args)
		err := db.Raw(sql, qargs...).Scan(&hits).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, h := range hits {
			if _, ok := matched[h.ID]; !ok {
				order = append(order, h.ID)
			}
			matched[h.ID] = append(matched[h.ID], h.I)
		}
	}
	if len(order) == 0 {
		return []domain.LearningCandidate{}, nil
	}
	var rows []practiceRow
	err = db.Raw(`SELECT `+practiceListSelect+`, p.decision FROM practices p `+practiceJoins+` WHERE p.id IN ?`, order).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	byID := make(map[uuid.UUID]domain.Practice, len(rows))
	for _, r := range rows {
		byID[r.ID] = r.toDomain()
	}
	out := make([]domain.LearningCandidate, 0, len(order))
	for _, id := range order {
		if p, ok := byID[id]; ok {
			out = append(out, domain.LearningCandidate{Practice: p, MatchedQueries: matched[id]})
		}
	}
	return out, nil
}

// questionMatches selects, for each tsquery of queries (by index), the questionCandidates newest
// practices matching where (with args) whose text matches it. Each question first tests the
// questionRecent newest practices where matches, in date order: a question in common words finds
// its candidates there after a few dozen tests (measured on the benchmark data set, where a
// question matches a third of the practices: 27 ms a question read from the full-text index,
// under 1 ms this way). Only when fewer are found there does it read all its matches from the
// full-text index (the date order is an expression no index provides, so PostgreSQL does not
// walk the date index testing every practice's text instead) and keep the newest.
func questionMatches(queries []string, where string, args []any) (string, []any) {
	qargs := append([]any{List(queries)}, args...)
	qargs = append(qargs, questionRecent, questionCandidates, questionCandidates)
	qargs = append(qargs, args...)
	qargs = append(qargs, questionCandidates, questionCandidates)
	return `SELECT q.i - 1 AS i, m.id FROM jsonb_array_elements_text(?::jsonb) WITH ORDINALITY AS q(tsq, i)
		CROSS JOIN LATERAL (
			WITH recent AS MATERIALIZED (SELECT r.id FROM (SELECT p.id, p.search_vector FROM practices p WHERE ` + where + `
					ORDER BY p.updated_at DESC, p.id DESC LIMIT ?) AS r
				WHERE q.tsq <> '' AND r.search_vector @@ q.tsq::tsquery LIMIT ?)
			SELECT id FROM recent WHERE (SELECT count(*) FROM recent) >= ?
			UNION ALL
			(SELECT p.id FROM practices p WHERE ` + where + ` AND q.tsq <> '' AND p.id IN (SELECT pb_practices_matching(q.tsq::tsquery))
				AND (SELECT count(*) FROM recent) < ?
				ORDER BY p.updated_at + interval '0' DESC, p.id DESC LIMIT ?)) AS m
		ORDER BY q.i, m.id`, qargs
}

// learningVisible is the condition on practices p of LearningCandidates, with its arguments: the
// visibility rule of practiceFilter for the viewer, drafts of other organisations never.
func learningVisible(f domain.LearningCandidateFilter) (string, []any) {
	where := `p.programme_id = ? AND p.organisation_id <> ? AND p.country <> ? AND p.status NOT IN ('draft', 'withdrawn', 'archived', 'not_retained')
		AND (SELECT po.country FROM organisations po WHERE po.id = p.organisation_id) <> ?`
	args := []any{f.ProgrammeID, f.OrganisationID, f.Country, f.Country}
	if v := f.Viewer; !v.Admin && !v.Coordinator {
		where += ` AND (p.status = 'published' OR p.id IN (` + reviewingSQL + `))`
		args = append(args, v.UserID)
	}
	return where, args
}

// questionQueries turns each question into a tsquery (as text; empty when the question has no
// word that counts): any two of its first words, in each of matchConfigs, or its one word. A word
// counts when no language of matchConfigs takes it for a stop word ("how" and "the" in English,
// "het" in Dutch), since a question's language is not known.
func (s *Store) questionQueries(ctx context.Context, questions []string) ([]string, error) {
	if len(questions) == 0 {
		return nil, nil
	}
	if len(questions) > questionsSearched {
		questions = questions[:questionsSearched]
	}
	var rows []struct {
		I, N   int
		Cfg    string
		Lexeme string
	}
	err := s.conn(ctx).Raw(`SELECT q.i - 1 AS i, w.n, c.cfg,
			coalesce((SELECT min(x.lexeme) FROM unnest(to_tsvector(c.cfg::regconfig, w.word)) AS x), '') AS lexeme
		FROM jsonb_array_elements_text(?::jsonb) WITH ORDINALITY AS q(text, i)
		CROSS JOIN LATERAL regexp_split_to_table(q.text, '[^[:alnum:]]+') WITH ORDINALITY AS w(word, n)
		CROSS JOIN jsonb_array_elements_text(?::jsonb) AS c(cfg)
		WHERE w.word <> '' AND w.n <= 60
		ORDER BY q.i, w.n, c.cfg`, List(questions), List(matchConfigs)).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	// words[i] holds question i's words that count, each as its lexeme in every language.
	words := make([][]map[string]string, len(questions))
	for k := 0; k < len(rows); {
		r := rows[k]
		stems, counts := map[string]string{}, true
		for ; k < len(rows) && rows[k].I == r.I && rows[k].N == r.N; k++ {
			stems[rows[k].Cfg] = rows[k].Lexeme
			counts = counts && rows[k].Lexeme != ""
		}
		if counts && r.I >= 0 && r.I < len(questions) && len(words[r.I]) < questionLexemes {
			words[r.I] = append(words[r.I], stems)
		}
	}
	out := make([]string, len(questions))
	for i, ws := range words {
		var terms []string
		seen := map[string]bool{}
		add := func(t string) {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
		for _, cfg := range matchConfigs {
			if len(ws) == 1 {
				add(tsLexeme(ws[0][cfg]))
			}
			for a := 0; a < len(ws); a++ {
				for b := a + 1; b < len(ws); b++ {
					if x, y := ws[a][cfg], ws[b][cfg]; x != y {
						add("(" + tsLexeme(min(x, y)) + " & " + tsLexeme(max(x, y)) + ")")
					}
				}
			}
		}
		out[i] = strings.Join(terms, " | ")
	}
	return out, nil
}

// tsLexeme quotes a lexeme for tsquery input.
func tsLexeme(l string) string {
	return "'" + tsQuoter.Replace(l) + "'"
}

// tsQuoter escapes a lexeme's backslashes and quotes (built once: a Replacer prepares itself on
// first use).
var tsQuoter = strings.NewReplacer(`\`, `\\`, `'`, `\'`)
