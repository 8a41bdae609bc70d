package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type adaptationRow struct {
	ID                       uuid.UUID
	ProgrammeID              uuid.UUID
	SourcePracticeID         uuid.UUID
	ProductID                *uuid.UUID
	AdoptingOrganisationID   uuid.UUID
	Country                  string
	Title                    string
	ContextDescription       string
	TargetGroups             JSON[[]string]
	Stage                    string
	Frame                    JSON[frameDoc]
	Barriers                 JSON[[]string]
	Facilitators             JSON[[]string]
	CreatedBy                uuid.UUID
	Version                  int
	CreatedAt                time.Time
	UpdatedAt                time.Time
	AdoptingOrganisationName string    `gorm:"->"`
	SourcePracticeTitle      string    `gorm:"->"`
	SourceCountry            string    `gorm:"->"`
	SourceOrganisationID     uuid.UUID `gorm:"->"`
}

func (adaptationRow) TableName() string { return "adaptations" }

func normFrame(f domain.Frame) domain.Frame {
	f.DecidedBy, f.What, f.Goals = lists.NonNil(f.DecidedBy), lists.NonNil(f.What), lists.NonNil(f.Goals)
	f.ContextModifications, f.ContentModifications = lists.NonNil(f.ContextModifications), lists.NonNil(f.ContentModifications)
	f.CoreElementsKept, f.CoreElementsChanged = lists.NonNil(f.CoreElementsKept), lists.NonNil(f.CoreElementsChanged)
	if f.Reasons == nil {
		f.Reasons = map[string][]string{}
	}
	return f
}

func (r adaptationRow) toDomain() domain.Adaptation {
	return domain.Adaptation{ID: r.ID, ProgrammeID: r.ProgrammeID, SourcePracticeID: r.SourcePracticeID, ProductID: r.ProductID,
		AdoptingOrganisationID: r.AdoptingOrganisationID, Country: r.Country, Title: r.Title, ContextDescription: r.ContextDescription,
		TargetGroups: lists.NonNil(r.TargetGroups.V), Stage: r.Stage, Frame: normFrame(r.Frame.V.toDomain()), Barriers: lists.NonNil(r.Barriers.V), Facilitators: lists.NonNil(r.Facilitators.V),
		CreatedBy: r.CreatedBy, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, AdoptingOrganisationName: r.AdoptingOrganisationName,
		SourcePracticeTitle: r.SourcePracticeTitle, SourceCountry: r.SourceCountry, SourceOrganisationID: r.SourceOrganisationID}
}

const adaptationSelect = `a.*, o.name AS adopting_organisation_name, p.title AS source_practice_title, p.country AS source_country, p.organisation_id AS source_organisation_id`
const adaptationJoins = `JOIN organisations o ON o.id = a.adopting_organisation_id JOIN practices p ON p.id = a.source_practice_id`

// CreateAdaptation inserts a.
func (s *Store) CreateAdaptation(ctx context.Context, a domain.Adaptation) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO adaptations (id, programme_id, source_practice_id, product_id, adopting_organisation_id, country, title,
		context_description, target_groups, stage, frame, barriers, facilitators, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.ProgrammeID, a.SourcePracticeID, a.ProductID, a.AdoptingOrganisationID, a.Country, a.Title, a.ContextDescription, List(a.TargetGroups),
		a.Stage, JSON[frameDoc]{V: toFrameDoc(normFrame(a.Frame))}, List(a.Barriers), List(a.Facilitators), a.CreatedBy).Error)
}

// Adaptation reads one adaptation with its outcomes.
func (s *Store) Adaptation(ctx context.Context, id uuid.UUID, lock bool) (domain.Adaptation, error) {
	q := `SELECT ` + adaptationSelect + ` FROM adaptations a ` + adaptationJoins + ` WHERE a.id = ?`
	if lock {
		q += ` FOR UPDATE OF a`
	}
	var row adaptationRow
	res := s.conn(ctx).Raw(q, id).Scan(&row)
	if res.Error != nil {
		return domain.Adaptation{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Adaptation{}, domain.NotFound("Adaptation")
	}
	a := row.toDomain()
	outcomes, err := s.Outcomes(ctx, []uuid.UUID{id})
	a.Outcomes = outcomes[id]
	return a, err
}

// UpdateAdaptation writes an adaptation when its version is current.
func (s *Store) UpdateAdaptation(ctx context.Context, a domain.Adaptation, version int) error {
	var row adaptationRow
	return notFoundAs(s.updateVersioned(ctx, &row, "adaptations", a.ID, version, map[string]any{
		"product_id": a.ProductID, "country": a.Country, "title": a.Title, "context_description": a.ContextDescription,
		"target_groups": List(a.TargetGroups), "stage": a.Stage, "frame": JSON[frameDoc]{V: toFrameDoc(normFrame(a.Frame))},
		"barriers": List(a.Barriers), "facilitators": List(a.Facilitators),
	}), "Adaptation")
}

var adaptationOrder = map[string]string{"updated_at": "a.updated_at", "created_at": "a.created_at", "title": "lower(a.title)", "stage": "a.stage"}

// adaptationSummarySelect is what a list shows of each adaptation: the adaptation without its
// free-text context, barriers and facilitators, and its latest follow-up with the number of
// follow-ups (adaptationSummaryJoins) instead of all of them.
const adaptationSummarySelect = `a.id, a.programme_id, a.source_practice_id, a.product_id, a.adopting_organisation_id, a.country, a.title,
	a.target_groups, a.stage, a.frame, a.created_by, a.version, a.created_at, a.updated_at,
	o.name AS adopting_organisation_name, p.title AS source_practice_title, p.country AS source_country, p.organisation_id AS source_organisation_id,
	lo.id AS latest_id, lo.recorded_on AS latest_recorded_on, lo.participants AS latest_participants, lo.returned_to_work AS latest_returned_to_work,
	lo.in_work_after_6_months AS latest_in_work_after_6_months, lo.placements_offered AS latest_placements_offered,
	lo.satisfaction AS latest_satisfaction, lo.notes AS latest_notes, lo.created_by AS latest_created_by, lo.created_at AS latest_created_at,
	coalesce(lo.n, 0) AS outcome_count`

// The latest follow-up is the last in the order of Outcomes; the count is taken over all of them
// before the limit.
const adaptationSummaryJoins = adaptationJoins + ` LEFT JOIN LATERAL (SELECT x.*, count(*) OVER () AS n FROM adaptation_outcomes x
	WHERE x.adaptation_id = a.id ORDER BY x.recorded_on DESC, x.created_at DESC LIMIT 1) lo ON true`

type adaptationSummaryRow struct {
	Adaptation               adaptationRow `gorm:"embedded"`
	LatestID                 *uuid.UUID
	LatestRecordedOn         *time.Time
	LatestParticipants       int
	LatestReturnedToWork     int
	LatestInWorkAfter6Months *int `gorm:"column:latest_in_work_after_6_months"`
	LatestPlacementsOffered  *int
	LatestSatisfaction       *float64
	LatestNotes              *string
	LatestCreatedBy          *uuid.UUID
	LatestCreatedAt          *time.Time
	OutcomeCount             int
}

func (adaptationSummaryRow) TableName() string { return "adaptations" }

func (r adaptationSummaryRow) toDomain() domain.Adaptation {
	a := r.Adaptation.toDomain()
	a.OutcomeCount = r.OutcomeCount
	if r.LatestID != nil {
		o := domain.Outcome{ID: *r.LatestID, AdaptationID: r.Adaptation.ID, RecordedOn: *dateOnly(r.LatestRecordedOn), Participants: r.LatestParticipants,
			ReturnedToWork: r.LatestReturnedToWork, InWorkAfter6Months: r.LatestInWorkAfter6Months, PlacementsOffered: r.LatestPlacementsOffered,
			Satisfaction: r.LatestSatisfaction}
		if r.LatestNotes != nil {
			o.Notes = *r.LatestNotes
		}
		if r.LatestCreatedBy != nil {
			o.CreatedBy = *r.LatestCreatedBy
		}
		if r.LatestCreatedAt != nil {
			o.CreatedAt = *r.LatestCreatedAt
		}
		a.LatestOutcome = &o
	}
	return a
}

// AdaptationListVersion names the state a programme's adaptation lists are read from: its
// adaptation list version (0037), moved at the commit of any change of an adaptation or a
// follow-up, of a practice's title, country or organisation, and of the name or country of an
// organisation that adopted one.
func (s *Store) AdaptationListVersion(ctx context.Context, programmeID uuid.UUID) (int64, error) {
	return s.programmeVersion(ctx, programmeID, adaptationListVersions)
}

// ListAdaptations returns a page of a programme's adaptations as summaries: each with its latest
// follow-up and their number, without its free text (GET /adaptations/{id} has all of it). A
// page of 20 with every follow-up was 45 KB on the benchmark data set.
func (s *Store) ListAdaptations(ctx context.Context, f domain.AdaptationFilter, p domain.PageRequest) (domain.Page[domain.Adaptation], error) {
	// The joins only name things on the page: the count reads adaptations alone.
	q := s.conn(ctx).Table("adaptations a").Where("a.programme_id = ?", f.ProgrammeID)
	if f.Stage != "" {
		q = q.Where("a.stage = ?", f.Stage)
	}
	if f.Country != "" {
		q = q.Where("a.country = ?", f.Country)
	}
	if f.SourcePracticeID != nil {
		q = q.Where("a.source_practice_id = ?", *f.SourcePracticeID)
	}
	if f.OrganisationID != nil {
		q = q.Where("a.adopting_organisation_id = ?", *f.OrganisationID)
	}
	if f.Fidelity != "" {
		q = q.Where("a.frame->>'fidelity' = ?", f.Fidelity)
	}
	var rows []adaptationSummaryRow
	total, err := findPageCapped(q, p, columns{sql: adaptationSummarySelect, joins: adaptationSummaryJoins}, orderBy(p.Sort, adaptationOrder, "a.id", "a.updated_at DESC, a.id DESC"), &rows)
	if err != nil {
		return domain.Page[domain.Adaptation]{}, err
	}
	return pageAt(rows, adaptationSummaryRow.toDomain, p, total), nil
}

// AdaptationsOfPractice lists every adaptation of a practice (lineage).
func (s *Store) AdaptationsOfPractice(ctx context.Context, practiceID uuid.UUID) ([]domain.Adaptation, error) {
	var rows []adaptationRow
	if err := s.conn(ctx).Raw(`SELECT `+adaptationSelect+` FROM adaptations a `+adaptationJoins+` WHERE a.source_practice_id = ? ORDER BY a.created_at, a.id`,
		practiceID).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := pageOf(rows, adaptationRow.toDomain, domain.PageRequest{}, 0).Items
	ids := make([]uuid.UUID, len(out))
	for i, a := range out {
		ids[i] = a.ID
	}
	outcomes, err := s.Outcomes(ctx, ids)
	for i := range out {
		out[i].Outcomes = outcomes[out[i].ID]
	}
	return out, err
}

type outcomeRow struct {
	ID                 uuid.UUID
	AdaptationID       uuid.UUID
	RecordedOn         time.Time
	Participants       int
	ReturnedToWork     int
	InWorkAfter6Months *int `gorm:"column:in_work_after_6_months"`
	PlacementsOffered  *int
	Satisfaction       *float64
	Notes              string
	CreatedBy          uuid.UUID
	CreatedAt          time.Time
}

// Outcomes reads the follow-ups of several adaptations in one query, oldest first.
func (s *Store) Outcomes(ctx context.Context, adaptationIDs []uuid.UUID) (map[uuid.UUID][]domain.Outcome, error) {
	out := map[uuid.UUID][]domain.Outcome{}
	if len(adaptationIDs) == 0 {
		return out, nil
	}
	var rows []outcomeRow
	if err := s.conn(ctx).Raw(`SELECT * FROM adaptation_outcomes WHERE adaptation_id IN ? ORDER BY recorded_on, created_at`, adaptationIDs).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	for _, r := range rows {
		d := dateOnly(&r.RecordedOn)
		out[r.AdaptationID] = append(out[r.AdaptationID], domain.Outcome{ID: r.ID, AdaptationID: r.AdaptationID, RecordedOn: *d, Participants: r.Participants,
			ReturnedToWork: r.ReturnedToWork, InWorkAfter6Months: r.InWorkAfter6Months, PlacementsOffered: r.PlacementsOffered, Satisfaction: r.Satisfaction,
			Notes: r.Notes, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt})
	}
	return out, nil
}

// InsertOutcome stores a follow-up.
func (s *Store) InsertOutcome(ctx context.Context, o domain.Outcome) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO adaptation_outcomes (id, adaptation_id, recorded_on, participants, returned_to_work,
		in_work_after_6_months, placements_offered, satisfaction, notes, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.ID, o.AdaptationID, o.RecordedOn.Format(time.DateOnly), o.Participants, o.ReturnedToWork, o.InWorkAfter6Months, o.PlacementsOffered,
		o.Satisfaction, o.Notes, o.CreatedBy).Error)
}

type newProductRow struct {
	ID                       uuid.UUID
	ProgrammeID              uuid.UUID
	Title                    string
	Kind                     string
	Description              string
	OrganisationIDs          JSON[[]uuid.UUID] `gorm:"column:organisation_ids"`
	Countries                JSON[[]string]
	Status                   string
	InspiredByPracticeIDs    JSON[[]uuid.UUID] `gorm:"column:inspired_by_practice_ids"`
	DerivedFromAdaptationIDs JSON[[]uuid.UUID] `gorm:"column:derived_from_adaptation_ids"`
	Link                     string
	CreatedBy                uuid.UUID
	Version                  int
	CreatedAt                time.Time
	UpdatedAt                time.Time
}

func (newProductRow) TableName() string { return "new_products" }

func (r newProductRow) toDomain() domain.NewProduct {
	return domain.NewProduct{ID: r.ID, ProgrammeID: r.ProgrammeID, Title: r.Title, Kind: r.Kind, Description: r.Description,
		OrganisationIDs: lists.NonNil(r.OrganisationIDs.V), Countries: lists.NonNil(r.Countries.V), Status: r.Status, InspiredByPracticeIDs: lists.NonNil(r.InspiredByPracticeIDs.V),
		DerivedFromAdaptationIDs: lists.NonNil(r.DerivedFromAdaptationIDs.V), Link: r.Link, CreatedBy: r.CreatedBy, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func newProductFields(n domain.NewProduct) map[string]any {
	return map[string]any{"title": n.Title, "kind": n.Kind, "description": n.Description, "organisation_ids": List(n.OrganisationIDs),
		"countries": List(n.Countries), "status": n.Status, "inspired_by_practice_ids": List(n.InspiredByPracticeIDs),
		"derived_from_adaptation_ids": List(n.DerivedFromAdaptationIDs), "link": n.Link}
}

// CreateNewProduct inserts n.
func (s *Store) CreateNewProduct(ctx context.Context, n domain.NewProduct) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO new_products (id, programme_id, title, kind, description, organisation_ids, countries, status,
		inspired_by_practice_ids, derived_from_adaptation_ids, link, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.ProgrammeID, n.Title, n.Kind, n.Description, List(n.OrganisationIDs), List(n.Countries), n.Status, List(n.InspiredByPracticeIDs),
		List(n.DerivedFromAdaptationIDs), n.Link, n.CreatedBy).Error)
}

// NewProduct reads one new product.
func (s *Store) NewProduct(ctx context.Context, id uuid.UUID) (domain.NewProduct, error) {
	var row newProductRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return domain.NewProduct{}, notFoundAs(translate(err), "Product")
	}
	return row.toDomain(), nil
}

// UpdateNewProduct writes a new product when its version is current.
func (s *Store) UpdateNewProduct(ctx context.Context, n domain.NewProduct, version int) error {
	var row newProductRow
	return notFoundAs(s.updateVersioned(ctx, &row, "new_products", n.ID, version, newProductFields(n)), "Product")
}

// ListNewProducts returns a page of a programme's new products, newest first.
func (s *Store) ListNewProducts(ctx context.Context, programmeID uuid.UUID, status string, p domain.PageRequest) (domain.Page[domain.NewProduct], error) {
	q := s.conn(ctx).Model(&newProductRow{}).Where("programme_id = ?", programmeID)
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var rows []newProductRow
	total, err := findPageCapped(q, p, columns{}, "created_at DESC, id DESC", &rows)
	return pageAt(rows, newProductRow.toDomain, p, total), err
}

// NewProductsFrom lists the new products inspired by a practice or derived from any of the
// given adaptations (lineage), in one query.
func (s *Store) NewProductsFrom(ctx context.Context, practiceID uuid.UUID, adaptationIDs []uuid.UUID) ([]domain.NewProduct, error) {
	ids := make([]string, len(adaptationIDs))
	for i, a := range adaptationIDs {
		ids[i] = a.String()
	}
	var rows []newProductRow
	err := s.conn(ctx).Raw(`SELECT * FROM new_products WHERE inspired_by_practice_ids @> jsonb_build_array(?::text)
		OR jsonb_exists_any(derived_from_adaptation_ids, ?::text[]) ORDER BY created_at, id`, practiceID.String(), pgTextArray(ids)).Scan(&rows).Error
	return pageOf(rows, newProductRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// pgTextArray renders a text[] literal for a parameter.
func pgTextArray(xs []string) string {
	out := "{"
	for i, x := range xs {
		if i > 0 {
			out += ","
		}
		out += `"` + x + `"`
	}
	return out + "}"
}

type auditRow struct {
	ID          int64
	ProgrammeID *uuid.UUID
	ActorID     *uuid.UUID
	ActorName   string
	ObjectTitle string
	Action      string
	ObjectType  string
	ObjectID    uuid.UUID
	Before      JSON[map[string]any]
	After       JSON[map[string]any]
	At          time.Time
}

// ListAudit returns a page of a programme's audit log, newest first, with the names the entries
// recorded when they were written.
func (s *Store) ListAudit(ctx context.Context, f domain.AuditFilter, p domain.PageRequest) (domain.Page[domain.AuditLine], error) {
	var rows []auditRow
	total, err := findPageCapped(auditQuery(s.conn(ctx), f), p, columns{sql: "l.*"}, auditOrder, &rows)
	return pageAt(rows, func(r auditRow) domain.AuditLine {
		return domain.AuditLine{AuditEntry: domain.AuditEntry{ID: r.ID, ProgrammeID: r.ProgrammeID, ActorID: r.ActorID, Action: r.Action, ObjectType: r.ObjectType,
			ObjectID: r.ObjectID, Before: r.Before.V, After: r.After.V, At: r.At, ActorName: r.ActorName, ObjectTitle: r.ObjectTitle}}
	}, p, total), err
}

const auditOrder = "l.at DESC, l.id DESC"

// ExplainAudit returns PostgreSQL's plan for the page query of ListAudit with sequential scans
// discouraged, so that tests (and operators) can check which index serves each filter.
func (s *Store) ExplainAudit(ctx context.Context, f domain.AuditFilter, p domain.PageRequest) (string, error) {
	var lines []string
	err := s.WithTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		sql := db.ToSQL(func(tx *gorm.DB) *gorm.DB {
			var rows []auditRow
			return auditQuery(tx, f).Select("l.*").Order(auditOrder).Limit(p.Size).Offset(p.Offset()).Find(&rows)
		})
		if err := db.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
			return err
		}
		return db.Raw("EXPLAIN " + sql).Scan(&lines).Error
	})
	return strings.Join(lines, "\n"), translate(err)
}

func auditQuery(db *gorm.DB, f domain.AuditFilter) *gorm.DB {
	q := db.Table("audit_log l").Where("l.programme_id = ?", f.ProgrammeID)
	if f.ObjectType != "" {
		q = q.Where("l.object_type = ?", f.ObjectType)
	}
	if f.ObjectID != nil {
		q = q.Where("l.object_id = ?", *f.ObjectID)
	}
	if f.ActorID != nil {
		q = q.Where("l.actor_id = ?", *f.ActorID)
	}
	if f.Action != "" {
		q = q.Where("l.action = ?", f.Action)
	}
	return q
}
