package service

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// ExportStore streams a programme's data a row at a time, so an export's memory stays flat.
// Each Stream method stops at, and returns, fn's first error.
type ExportStore interface {
	// RoundsWithRubrics returns the programme's rounds and the rubrics they use.
	RoundsWithRubrics(ctx context.Context, programmeID uuid.UUID) ([]domain.Round, map[uuid.UUID]domain.Rubric, error)
	// BlindReviewers maps the reviewers of the programme's blind rounds.
	BlindReviewers(ctx context.Context, programmeID uuid.UUID) (map[uuid.UUID]bool, error)
	StreamPractices(ctx context.Context, programmeID uuid.UUID, fn func(domain.Practice) error) error
	StreamReviews(ctx context.Context, programmeID uuid.UUID, fn func(domain.ReviewExportRow) error) error
	StreamAdaptations(ctx context.Context, programmeID uuid.UUID, fn func(domain.Adaptation) error) error
	// StreamAdaptationsWithLatestOutcome also hands fn each adaptation's latest follow-up, or nil.
	StreamAdaptationsWithLatestOutcome(ctx context.Context, programmeID uuid.UUID, fn func(domain.Adaptation, *domain.Outcome) error) error
	StreamOutcomes(ctx context.Context, programmeID uuid.UUID, fn func(domain.Outcome) error) error
	StreamNewProducts(ctx context.Context, programmeID uuid.UUID, fn func(domain.NewProduct) error) error
	StreamComments(ctx context.Context, programmeID uuid.UUID, fn func(domain.Comment) error) error
	// StreamActivities hands fn each exchange activity with its practices, participants, agenda
	// and follow-ups, by starting time.
	StreamActivities(ctx context.Context, programmeID uuid.UUID, fn func(domain.Activity) error) error
}

// Writer writes an export to w once its permission was checked. It reads the database while it
// writes, a row at a time, so memory stays flat; w must be fast (a spool file, never a client
// connection), or a slow reader would hold a database connection for as long as it likes.
type Writer func(ctx context.Context, w io.Writer) error

// safeCell keeps spreadsheet programs from running a cell as a formula (CSV injection): text
// that starts with =, +, -, @ or a control character gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvWriter(w io.Writer, header []string, bom bool) (*csv.Writer, error) {
	if bom {
		// Excel reads a CSV as the system's code page unless it starts with a byte order mark.
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw, cw.Write(header)
}

func writeRow(cw *csv.Writer, cells []string) error {
	for i := range cells {
		cells[i] = safeCell(cells[i])
	}
	if err := cw.Write(cells); err != nil {
		return err
	}
	cw.Flush() // each row leaves as it is made: nothing accumulates in memory
	return cw.Error()
}

func join(xs []string) string { return strings.Join(xs, "; ") }

func intCell(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func floatCell(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func timeCell(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// CSVOptions are what a caller chooses about a CSV export.
type CSVOptions struct {
	// Lang is the language of headers and labels (one of domain.Locales); empty takes the caller's locale.
	Lang string
	// BOM starts the file with a UTF-8 byte order mark, for Excel.
	BOM bool
}

// exportWords are the words of one export language.
type exportWords struct{ lang string }

// csvWords settles an export's language: the one asked for, or the caller's locale.
func (s *Service) csvWords(ctx context.Context, a *domain.Actor, lang string) (exportWords, error) {
	if lang == "" {
		u, err := s.users.User(ctx, a.UserID)
		if err != nil {
			return exportWords{}, err
		}
		lang = u.Locale
	}
	if !domain.ValidLocale(lang) {
		lang = domain.DefaultLocale
	}
	return exportWords{lang: lang}, nil
}

// word is the text under key, in English when the language lacks it (a test keeps that from
// happening), or the key itself.
func (w exportWords) word(key string) string {
	if t, ok := exportLabels[w.lang][key]; ok {
		return t
	}
	if t, ok := exportLabels[domain.DefaultLocale][key]; ok {
		return t
	}
	return key
}

// col is a column's header; fill replaces {name} placeholders in pairs (name, value).
func (w exportWords) col(name string, fill ...string) string {
	h := w.word("col." + name)
	for i := 0; i+1 < len(fill); i += 2 {
		h = strings.ReplaceAll(h, "{"+fill[i]+"}", fill[i+1])
	}
	return h
}

// coded is the pair of headers of a coded column: the codes, then their labels.
func (w exportWords) coded(header string) []string {
	return []string{strings.ReplaceAll(w.word("col.code"), "{column}", header), header}
}

// label is a coded value in words; an empty value stays empty and an unknown code shows as itself.
func (w exportWords) label(vocabulary, code string) string {
	if code == "" {
		return ""
	}
	if t, ok := exportLabels[w.lang][vocabulary+"."+code]; ok {
		return t
	}
	return w.word(vocabulary + "." + code)
}

func (w exportWords) labels(vocabulary string, codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = w.label(vocabulary, c)
	}
	return join(out)
}

func (w exportWords) yesNo(b bool) string {
	if b {
		return w.word("word.yes")
	}
	return w.word("word.no")
}

// person is a person's name as an export shows it: as written, but an erased person's
// pseudonym in the export's language.
func (w exportWords) person(name string) string {
	if code, ok := domain.PseudonymCode(name); ok {
		return strings.ReplaceAll(w.word("word.former_member"), "{code}", code)
	}
	return name
}

// blindReviewer is how a reviewer of a blind round appears: "Reviewer A", "Évaluateur·rice B".
func (w exportWords) blindReviewer(n int) string {
	return strings.ReplaceAll(w.word("word.blind_reviewer"), "{letter}", string(rune('A'+n)))
}

// vocabularyTitle is the title of a theme or target group in an export's language: its
// translation there when it has one, the original otherwise.
func vocabularyTitle(k domain.Keyed, lang string) string { return k.TitleIn(lang) }

// criterionTitle is the title of a rubric criterion in an export's headers, translated likewise.
func criterionTitle(c domain.Criterion, lang string) string { return c.In(lang).Title }

// vocabularyTitles writes keys as titles, from the programme's vocabulary; a key the programme no
// longer has shows as itself.
func vocabularyTitles(vocabulary []domain.Keyed, keys []string, lang string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k
		for _, v := range vocabulary {
			if v.Key == k {
				out[i] = vocabularyTitle(v, lang)
				break
			}
		}
	}
	return join(out)
}

// ExportPracticesCSV streams the programme's practices (coordinators).
func (s *Service) ExportPracticesCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, opts CSVOptions) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	words, err := s.csvWords(ctx, a, opts.Lang)
	if err != nil {
		return nil, err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID) // for theme and target-group titles
	if err != nil {
		return nil, err
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{words.col("id"), words.col("title"), words.col("organisation"), words.col("country"), words.col("language")}
		header = append(header, words.coded(words.col("status"))...)
		header = append(header, words.coded(words.col("themes"))...)
		header = append(header, words.coded(words.col("target_groups"))...)
		header = append(header, words.col("summary"))
		header = append(header, words.coded(words.col("evidence_level"))...)
		header = append(header, words.col("participants"), words.col("sites"), words.col("since_year"), words.col("products"), words.col("core_elements"),
			words.col("translations"), words.col("revision"), words.col("submitted_at"), words.col("published_at"))
		header = append(header, words.coded(words.col("decision"))...)
		cw, err := csvWriter(w, header, opts.BOM)
		if err != nil {
			return err
		}
		return s.exports.StreamPractices(ctx, programmeID, func(p domain.Practice) error {
			var products, core, langs []string
			for _, pr := range p.Products {
				products = append(products, pr.Name+" ("+words.label("product_kind", pr.Kind)+")")
				core = append(core, pr.CoreElements...)
			}
			for l := range p.Translations {
				langs = append(langs, l)
			}
			decision := ""
			if p.Decision != nil {
				decision = p.Decision.Outcome
			}
			c := p.Content
			return writeRow(cw, []string{p.ID.String(), p.Title, p.OrganisationName, p.Country, p.Language,
				string(p.Status), words.label("status", string(p.Status)),
				join(p.Themes), vocabularyTitles(prog.Themes, p.Themes, words.lang),
				join(p.TargetGroups), vocabularyTitles(prog.TargetGroups, p.TargetGroups, words.lang),
				p.Summary, c.Evidence.Level, words.label("evidence", c.Evidence.Level),
				intCell(c.Scale.Participants), intCell(c.Scale.Sites), intCell(c.Scale.SinceYear), join(products), join(core),
				join(slices.Sorted(slices.Values(langs))), strconv.Itoa(p.Revision), timeCell(p.SubmittedAt), timeCell(p.PublishedAt),
				decision, words.label("decision", decision)})
		})
	}), nil
}

// ExportReviewsCSV streams every submitted review with one column per rubric criterion score and
// comment (coordinators). In blind rounds reviewers appear as "Reviewer A/B" unless
// withIdentities is asked for: exports travel further than the platform.
func (s *Service) ExportReviewsCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, withIdentities bool, opts CSVOptions) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	words, err := s.csvWords(ctx, a, opts.Lang)
	if err != nil {
		return nil, err
	}
	rounds, rubrics, err := s.exports.RoundsWithRubrics(ctx, programmeID) // for the criterion columns
	if err != nil {
		return nil, err
	}
	var criteria []domain.Criterion
	seen := map[string]bool{}
	for _, round := range rounds {
		for _, c := range rubrics[round.RubricID].Criteria {
			if !seen[c.Key] {
				seen[c.Key] = true
				criteria = append(criteria, c)
			}
		}
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{words.col("round"), words.col("practice_id"), words.col("practice"), words.col("revision"), words.col("reviewer"),
			words.col("reviewer_organisation"), words.col("reviewer_country"), words.col("submitted_at")}
		for _, c := range criteria {
			title := criterionTitle(c, words.lang)
			header = append(header, words.col("score", "criterion", title), words.col("comment", "criterion", title))
		}
		header = append(header, words.col("weighted_score"))
		header = append(header, words.coded(words.col("gates_passed"))...)
		header = append(header, words.col("transferability_rating"), words.col("transferability_conditions"))
		header = append(header, words.coded(words.col("recommendation"))...)
		header = append(header, words.col("confidence"), words.col("strengths"), words.col("improvements"), words.col("answers"))
		cw, err := csvWriter(w, header, opts.BOM)
		if err != nil {
			return err
		}
		labels := map[string]int{}
		return s.exports.StreamReviews(ctx, programmeID, func(r domain.ReviewExportRow) error {
			name, org, country := words.person(r.ReviewerName), r.ReviewerOrg, r.ReviewerCntry
			if r.Blind && !withIdentities {
				k := r.RoundID.String() + r.PracticeID.String()
				name, org, country = words.blindReviewer(labels[k]), "", ""
				labels[k]++
			}
			row := []string{r.RoundName, r.PracticeID.String(), r.PracticeTitle, strconv.Itoa(r.Revision), name, org, country, timeCell(r.SubmittedAt)}
			for _, c := range criteria {
				sc, _ := r.Score(c.Key)
				row = append(row, floatCell(sc.Value), sc.Comment)
			}
			rubric := rubrics[r.RubricID]
			var answers []string
			for _, an := range r.Answers {
				answers = append(answers, an.Question+" — "+an.Answer)
			}
			passed := gatesPassed(&r.Review, &rubric)
			// Reviews keep their score unrounded; the export shows it as the web app does, to one decimal.
			row = append(row, floatCell(roundedTo(WeightedScore(&r.Review, &rubric), 1)), strconv.FormatBool(passed), words.yesNo(passed),
				intCell(r.Transferability.Rating), r.Transferability.Conditions, r.Recommendation, words.label("recommendation", r.Recommendation),
				intCell(r.Confidence), r.Strengths, r.Improvements, strings.Join(answers, "\n"))
			return writeRow(cw, row)
		})
	}), nil
}

// ExportAdaptationsCSV streams the programme's adaptations with every FRAME field and the figures
// of each one's latest follow-up (coordinators).
func (s *Service) ExportAdaptationsCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, opts CSVOptions) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	words, err := s.csvWords(ctx, a, opts.Lang)
	if err != nil {
		return nil, err
	}
	// Each coded FRAME field: its column, the vocabulary of its labels and its codes.
	type codedField struct {
		column, vocabulary string
		codes              func(f *domain.Frame) []string
	}
	one := func(v string) []string {
		if v == "" {
			return nil
		}
		return []string{v}
	}
	fields := []codedField{
		{"when", "when", func(f *domain.Frame) []string { return one(f.When) }},
		{"planned", "planned", func(f *domain.Frame) []string { return one(f.Planned) }},
		{"decided_by", "decided_by", func(f *domain.Frame) []string { return f.DecidedBy }},
		{"what", "what", func(f *domain.Frame) []string { return f.What }},
		{"level", "level", func(f *domain.Frame) []string { return one(f.Level) }},
		{"context_modifications", "context_modifications", func(f *domain.Frame) []string { return f.ContextModifications }},
		{"content_modifications", "content_modifications", func(f *domain.Frame) []string { return f.ContentModifications }},
		{"fidelity", "fidelity", func(f *domain.Frame) []string { return one(f.Fidelity) }},
	}
	latest := []string{"recorded_on", "participants", "returned_to_work", "in_work_after_6_months", "placements_offered", "satisfaction"}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{words.col("id"), words.col("title"), words.col("source_practice"), words.col("source_country"), words.col("product_id"),
			words.col("adopting_organisation"), words.col("country")}
		header = append(header, words.coded(words.col("stage"))...)
		for _, f := range fields {
			header = append(header, words.coded(words.col(f.column))...)
		}
		header = append(header, words.col("core_elements_kept"), words.col("core_elements_changed"))
		header = append(header, words.coded(words.col("goals"))...)
		for _, l := range domain.ReasonLevels {
			header = append(header, words.coded(words.col("reasons", "level", words.label("reason_level", l)))...)
		}
		header = append(header, words.col("barriers"), words.col("facilitators"), words.col("context_description"))
		for _, f := range latest {
			header = append(header, words.col("latest", "field", words.word("field."+f)))
		}
		header = append(header, words.col("created_at"), words.col("updated_at"))
		cw, err := csvWriter(w, header, opts.BOM)
		if err != nil {
			return err
		}
		return s.exports.StreamAdaptationsWithLatestOutcome(ctx, programmeID, func(ad domain.Adaptation, o *domain.Outcome) error {
			f := ad.Frame
			product := ""
			if ad.ProductID != nil {
				product = ad.ProductID.String()
			}
			row := []string{ad.ID.String(), ad.Title, ad.SourcePracticeTitle, ad.SourceCountry, product, ad.AdoptingOrganisationName, ad.Country,
				ad.Stage, words.label("stage", ad.Stage)}
			for _, cf := range fields {
				codes := cf.codes(&f)
				row = append(row, join(codes), words.labels(cf.vocabulary, codes))
			}
			row = append(row, join(f.CoreElementsKept), join(f.CoreElementsChanged), join(f.Goals), words.labels("goals", f.Goals))
			for _, l := range domain.ReasonLevels {
				row = append(row, join(f.Reasons[l]), words.labels("reason", f.Reasons[l]))
			}
			row = append(row, join(ad.Barriers), join(ad.Facilitators), ad.ContextDescription)
			if o != nil {
				row = append(row, o.RecordedOn.Format(time.DateOnly), strconv.Itoa(o.Participants), strconv.Itoa(o.ReturnedToWork),
					intCell(o.InWorkAfter6Months), intCell(o.PlacementsOffered), floatCell(o.Satisfaction))
			} else {
				row = append(row, make([]string, len(latest))...)
			}
			row = append(row, timeCell(&ad.CreatedAt), timeCell(&ad.UpdatedAt))
			return writeRow(cw, row)
		})
	}), nil
}

// ExportActivitiesCSV streams the programme's exchange activities (coordinators), one row each
// with its participants, the practices presented and its follow-ups.
func (s *Service) ExportActivitiesCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, opts CSVOptions) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	words, err := s.csvWords(ctx, a, opts.Lang)
	if err != nil {
		return nil, err
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{words.col("id"), words.col("title")}
		header = append(header, words.coded(words.col("kind"))...)
		header = append(header, words.coded(words.col("status"))...)
		header = append(header, words.col("starts_at"), words.col("ends_at"), words.col("host_organisation"), words.col("host_country"),
			words.col("country"), words.col("city"), words.col("online_url"), words.col("description"), words.col("practices"),
			words.col("participants"), words.col("organisations"), words.col("people"), words.col("follow_ups"), words.col("follow_ups_open"),
			words.col("minutes"), words.col("created_at"), words.col("updated_at"))
		cw, err := csvWriter(w, header, opts.BOM)
		if err != nil {
			return err
		}
		return s.exports.StreamActivities(ctx, programmeID, func(act domain.Activity) error {
			var practices, participants, followUps []string
			people, open := 0, 0
			for _, p := range act.Practices {
				practices = append(practices, p.Title+" ("+p.Country+")")
			}
			for _, p := range act.Participants {
				participants = append(participants, p.OrganisationName+" ("+p.Country+"): "+words.label("participant_role", p.Role)+", "+strconv.Itoa(p.People))
				people += p.People
			}
			for _, f := range act.FollowUps {
				item := f.Title + " — " + f.OwnerOrganisationName
				if f.DueOn != nil {
					item += ", " + f.DueOn.Format(time.DateOnly)
				}
				followUps = append(followUps, item+": "+words.label("follow_up_status", f.Status))
				if f.Status == domain.FollowUpOpen {
					open++
				}
			}
			return writeRow(cw, []string{act.ID.String(), act.Title, act.Kind, words.label("activity_kind", act.Kind),
				act.Status, words.label("activity_status", act.Status), timeCell(&act.StartsAt), timeCell(&act.EndsAt),
				act.HostOrganisationName, act.HostOrganisationCountry, act.Country, act.City, act.OnlineURL, act.Description, join(practices),
				join(participants), strconv.Itoa(len(act.Participants)), strconv.Itoa(people), join(followUps), strconv.Itoa(open),
				act.Minutes, timeCell(&act.CreatedAt), timeCell(&act.UpdatedAt)})
		})
	}), nil
}

// ExportJSON streams a full JSON export of the programme (coordinators), section by section.
// Reviewer identities in blind rounds follow the same rule as the CSV export.
func (s *Service) ExportJSON(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, withIdentities bool, encode func(any) any) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	prog, err := s.programmes.Programme(ctx, programmeID, a.UserID)
	if err != nil {
		return nil, err
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		enc := json.NewEncoder(w)
		write := func(s string) error { _, err := io.WriteString(w, s); return err }
		section := func(name string, run func(emit func(any) error) error) error {
			if err := write(fmt.Sprintf(",\n%q: [", name)); err != nil {
				return err
			}
			first := true
			err := run(func(v any) error {
				if !first {
					if err := write(","); err != nil {
						return err
					}
				}
				first = false
				return enc.Encode(encode(v))
			})
			if err != nil {
				return err
			}
			return write("]")
		}
		if err := write(fmt.Sprintf(`{"format": "peerbridge-export/1", "exported_at": %q, "programme": `, time.Now().UTC().Format(time.RFC3339))); err != nil {
			return err
		}
		if err := enc.Encode(encode(prog)); err != nil {
			return err
		}
		steps := []struct {
			name string
			run  func(emit func(any) error) error
		}{
			{"practices", func(emit func(any) error) error {
				return s.exports.StreamPractices(ctx, programmeID, func(p domain.Practice) error { return emit(p) })
			}},
			{"reviews", func(emit func(any) error) error {
				labels := map[string]int{}
				return s.exports.StreamReviews(ctx, programmeID, func(r domain.ReviewExportRow) error {
					if r.Blind && !withIdentities {
						k := r.RoundID.String() + r.PracticeID.String()
						r.ReviewerID, r.ReviewerName, r.ReviewerOrg, r.ReviewerCntry = uuid.Nil, "Reviewer "+string(rune('A'+labels[k])), "", ""
						r.AssignmentID = uuid.Nil
						labels[k]++
					}
					return emit(r)
				})
			}},
			{"adaptations", func(emit func(any) error) error {
				return s.exports.StreamAdaptations(ctx, programmeID, func(ad domain.Adaptation) error { return emit(ad) })
			}},
			{"outcomes", func(emit func(any) error) error {
				return s.exports.StreamOutcomes(ctx, programmeID, func(o domain.Outcome) error { return emit(o) })
			}},
			{"new_products", func(emit func(any) error) error {
				return s.exports.StreamNewProducts(ctx, programmeID, func(n domain.NewProduct) error { return emit(n) })
			}},
			{"activities", func(emit func(any) error) error {
				return s.exports.StreamActivities(ctx, programmeID, func(act domain.Activity) error { return emit(act) })
			}},
			{"comments", func(emit func(any) error) error {
				hidden := map[uuid.UUID]bool{}
				if !withIdentities {
					var err error
					if hidden, err = s.exports.BlindReviewers(ctx, programmeID); err != nil {
						return err
					}
				}
				return s.exports.StreamComments(ctx, programmeID, func(c domain.Comment) error {
					if hidden[c.AuthorID] {
						c.AuthorID, c.AuthorName, c.AuthorOrganisation, c.AuthorOrgName, c.AuthorOrgCountry = uuid.Nil, "Reviewer", uuid.Nil, "", ""
					}
					return emit(c)
				})
			}},
		}
		for _, st := range steps {
			if err := section(st.name, st.run); err != nil {
				return err
			}
		}
		return write("}\n")
	}), nil
}

// inSnapshot runs an export's queries in one read-only snapshot, so that its sections agree
// with each other even while partners keep writing.
func (s *Service) inSnapshot(w Writer) Writer {
	return func(ctx context.Context, out io.Writer) error {
		return s.tx.ReadSnapshot(ctx, func(ctx context.Context) error { return w(ctx, out) })
	}
}
