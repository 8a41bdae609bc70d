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
	StreamOutcomes(ctx context.Context, programmeID uuid.UUID, fn func(domain.Outcome) error) error
	StreamNewProducts(ctx context.Context, programmeID uuid.UUID, fn func(domain.NewProduct) error) error
	StreamComments(ctx context.Context, programmeID uuid.UUID, fn func(domain.Comment) error) error
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

func csvWriter(w io.Writer, header []string) (*csv.Writer, error) {
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

// ExportPracticesCSV streams the programme's practices (coordinators).
func (s *Service) ExportPracticesCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		cw, err := csvWriter(w, []string{"id", "title", "organisation", "country", "language", "status", "themes", "target_groups", "summary",
			"evidence_level", "participants", "sites", "since_year", "products", "core_elements", "translations", "revision", "submitted_at",
			"published_at", "decision"})
		if err != nil {
			return err
		}
		return s.exports.StreamPractices(ctx, programmeID, func(p domain.Practice) error {
			var products, core, langs []string
			for _, pr := range p.Products {
				products = append(products, pr.Name+" ("+pr.Kind+")")
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
			return writeRow(cw, []string{p.ID.String(), p.Title, p.OrganisationName, p.Country, p.Language, string(p.Status), join(p.Themes), join(p.TargetGroups),
				p.Summary, c.Evidence.Level, intCell(c.Scale.Participants), intCell(c.Scale.Sites), intCell(c.Scale.SinceYear), join(products), join(core),
				join(slices.Sorted(slices.Values(langs))), strconv.Itoa(p.Revision), timeCell(p.SubmittedAt), timeCell(p.PublishedAt), decision})
		})
	}), nil
}

// ExportReviewsCSV streams every submitted review with one column per rubric criterion score and
// comment (coordinators). In blind rounds reviewers appear as "Reviewer A/B" unless
// withIdentities is asked for: exports travel further than the platform.
func (s *Service) ExportReviewsCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID, withIdentities bool) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	rounds, rubrics, err := s.exports.RoundsWithRubrics(ctx, programmeID) // for the criterion columns
	if err != nil {
		return nil, err
	}
	var keys []string
	seen := map[string]bool{}
	for _, round := range rounds {
		for _, c := range rubrics[round.RubricID].Criteria {
			if !seen[c.Key] {
				seen[c.Key] = true
				keys = append(keys, c.Key)
			}
		}
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{"round", "practice_id", "practice", "revision", "reviewer", "reviewer_organisation", "reviewer_country", "submitted_at"}
		for _, k := range keys {
			header = append(header, k+"_score", k+"_comment")
		}
		header = append(header, "weighted_score", "gates_passed", "transferability_rating", "transferability_conditions", "recommendation",
			"confidence", "strengths", "improvements", "answers")
		cw, err := csvWriter(w, header)
		if err != nil {
			return err
		}
		labels := map[string]int{}
		return s.exports.StreamReviews(ctx, programmeID, func(r domain.ReviewExportRow) error {
			name, org, country := r.ReviewerName, r.ReviewerOrg, r.ReviewerCntry
			if r.Blind && !withIdentities {
				k := r.RoundID.String() + r.PracticeID.String()
				name, org, country = "Reviewer "+string(rune('A'+labels[k])), "", ""
				labels[k]++
			}
			row := []string{r.RoundName, r.PracticeID.String(), r.PracticeTitle, strconv.Itoa(r.Revision), name, org, country, timeCell(r.SubmittedAt)}
			for _, k := range keys {
				sc, _ := r.Score(k)
				row = append(row, floatCell(sc.Value), sc.Comment)
			}
			rubric := rubrics[r.RubricID]
			var answers []string
			for _, an := range r.Answers {
				answers = append(answers, an.Question+" — "+an.Answer)
			}
			row = append(row, floatCell(WeightedScore(&r.Review, &rubric)), strconv.FormatBool(gatesPassed(&r.Review, &rubric)),
				intCell(r.Transferability.Rating), r.Transferability.Conditions, r.Recommendation, intCell(r.Confidence), r.Strengths, r.Improvements,
				strings.Join(answers, "\n"))
			return writeRow(cw, row)
		})
	}), nil
}

// ExportAdaptationsCSV streams the programme's adaptations with every FRAME field (coordinators).
func (s *Service) ExportAdaptationsCSV(ctx context.Context, a *domain.Actor, programmeID uuid.UUID) (Writer, error) {
	if _, err := s.coordinatorScope(ctx, a, programmeID, "Programme"); err != nil {
		return nil, err
	}
	return s.inSnapshot(func(ctx context.Context, w io.Writer) error {
		header := []string{"id", "title", "source_practice", "source_country", "product_id", "adopting_organisation", "country", "stage",
			"when", "planned", "decided_by", "what", "level", "context_modifications", "content_modifications", "fidelity", "core_elements_kept",
			"core_elements_changed", "goals"}
		for _, l := range domain.ReasonLevels {
			header = append(header, "reasons_"+l)
		}
		header = append(header, "barriers", "facilitators", "context_description", "created_at", "updated_at")
		cw, err := csvWriter(w, header)
		if err != nil {
			return err
		}
		return s.exports.StreamAdaptations(ctx, programmeID, func(ad domain.Adaptation) error {
			f := ad.Frame
			product := ""
			if ad.ProductID != nil {
				product = ad.ProductID.String()
			}
			row := []string{ad.ID.String(), ad.Title, ad.SourcePracticeTitle, ad.SourceCountry, product, ad.AdoptingOrganisationName, ad.Country, ad.Stage,
				f.When, f.Planned, join(f.DecidedBy), join(f.What), f.Level, join(f.ContextModifications), join(f.ContentModifications), f.Fidelity,
				join(f.CoreElementsKept), join(f.CoreElementsChanged), join(f.Goals)}
			for _, l := range domain.ReasonLevels {
				row = append(row, join(f.Reasons[l]))
			}
			row = append(row, join(ad.Barriers), join(ad.Facilitators), ad.ContextDescription, timeCell(&ad.CreatedAt), timeCell(&ad.UpdatedAt))
			return writeRow(cw, row)
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
