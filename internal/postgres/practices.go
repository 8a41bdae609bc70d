package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

type practiceRow struct {
	ID             uuid.UUID
	ProgrammeID    uuid.UUID
	OrganisationID uuid.UUID
	CreatedBy      uuid.UUID
	Title          string
	Summary        string
	Language       string
	Country        string
	Themes         JSON[[]string]
	TargetGroups   JSON[[]string]
	Content        JSON[practiceContentDoc]
	Products       JSON[[]productDoc]
	Translations   JSON[map[string]translationDoc]
	CallID         *uuid.UUID
	Status         string
	Revision       int
	Decision       *JSON[decisionDoc]
	Version        int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	SubmittedAt    *time.Time
	PublishedAt    *time.Time
	// Read from joins, never written.
	OrganisationName    string  `gorm:"->"`
	OrganisationCountry string  `gorm:"->"`
	ProgrammeName       string  `gorm:"->"`
	Rank                float64 `gorm:"->"`
	// Read by lists instead of content, products and translations.
	Listed          bool           `gorm:"->"`
	ListedEvidence  string         `gorm:"->"`
	ListedLanguages JSON[[]string] `gorm:"->"`
	ListedProducts  int            `gorm:"->"`
	// The translation into the list's reading language, when asked for and present.
	ListedTranslation *JSON[listedTranslationDoc] `gorm:"->"`
	// The decision's label and round, read by the public catalogue's lists.
	ListedLabel     *string    `gorm:"->"`
	ListedDecidedAt *time.Time `gorm:"->"`
	ListedRoundID   *uuid.UUID `gorm:"->"`
	ListedRoundName *string    `gorm:"->"`
}

type listedTranslationDoc struct {
	Language string `json:"language"`
	Status   string `json:"status"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
}

func (practiceRow) TableName() string { return "practices" }

func practiceToRow(p domain.Practice) practiceRow {
	// Lists are stored as arrays, never null.
	p.Content.LearningQuestions = lists.NonNil(p.Content.LearningQuestions)
	p.Content.Links = lists.NonNil(p.Content.Links)
	p.Content.Evidence.Indicators = lists.NonNil(p.Content.Evidence.Indicators)
	products := make([]domain.Product, len(p.Products))
	for i, pr := range p.Products {
		pr.CoreElements = lists.NonNil(pr.CoreElements)
		products[i] = pr
	}
	p.Products = products
	r := practiceRow{ID: p.ID, ProgrammeID: p.ProgrammeID, OrganisationID: p.OrganisationID, CreatedBy: p.CreatedBy, Title: p.Title,
		Summary: p.Summary, Language: p.Language, Country: p.Country, Themes: List(p.Themes), TargetGroups: List(p.TargetGroups),
		Content: JSON[practiceContentDoc]{V: toContentDoc(p.Content)}, Products: docList(p.Products, toProductDoc),
		Translations: JSON[map[string]translationDoc]{V: toTranslationDocs(p.Translations)},
		CallID:       p.CallID, Status: string(p.Status), Revision: p.Revision, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		SubmittedAt: p.SubmittedAt, PublishedAt: p.PublishedAt}
	if r.Translations.V == nil {
		r.Translations.V = map[string]translationDoc{}
	}
	if p.Decision != nil {
		r.Decision = &JSON[decisionDoc]{V: toDecisionDoc(*p.Decision)}
	}
	return r
}

func (r practiceRow) toDomain() domain.Practice {
	p := domain.Practice{ID: r.ID, ProgrammeID: r.ProgrammeID, OrganisationID: r.OrganisationID, CreatedBy: r.CreatedBy,
		PracticeText: domain.PracticeText{Title: r.Title, Summary: r.Summary, Language: r.Language, Country: r.Country,
			Themes: lists.NonNil(r.Themes.V), TargetGroups: lists.NonNil(r.TargetGroups.V), Content: r.Content.V.toDomain(),
			Products: lists.NonNil(lists.Map(r.Products.V, productDoc.toDomain)), Translations: translationsFromDocs(r.Translations.V)},
		CallID: r.CallID, Status: domain.PracticeStatus(r.Status),
		Revision: r.Revision, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, SubmittedAt: r.SubmittedAt,
		PublishedAt: r.PublishedAt, OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry, ProgrammeName: r.ProgrammeName, Rank: r.Rank}
	if p.Translations == nil {
		p.Translations = map[string]domain.Translation{}
	}
	for i := range p.Products {
		p.Products[i].CoreElements = lists.NonNil(p.Products[i].CoreElements)
	}
	p.Content.LearningQuestions = lists.NonNil(p.Content.LearningQuestions)
	p.Content.Links = lists.NonNil(p.Content.Links)
	p.Content.Evidence.Indicators = lists.NonNil(p.Content.Evidence.Indicators)
	if r.Decision != nil {
		d := r.Decision.V.toDomain()
		p.Decision = &d
	}
	if r.Listed {
		p.Listing = &domain.PracticeListing{EvidenceLevel: r.ListedEvidence, TranslationLanguages: lists.NonNil(r.ListedLanguages.V), ProductsCount: r.ListedProducts}
		if t := r.ListedTranslation; t != nil && t.V.Title != "" {
			p.Listing.Translation = &domain.ListedTranslation{Language: t.V.Language, Status: t.V.Status, Title: t.V.Title, Summary: t.V.Summary}
		}
		if r.ListedLabel != nil && r.ListedDecidedAt != nil {
			var round *domain.RecognitionRound
			if r.ListedRoundID != nil && r.ListedRoundName != nil {
				round = &domain.RecognitionRound{ID: *r.ListedRoundID, Name: *r.ListedRoundName}
			}
			p.Listing.Recognition = domain.RecognitionOf(p.Status, &domain.Decision{Outcome: *r.ListedLabel, DecidedAt: *r.ListedDecidedAt}, round)
		}
	}
	return p
}

// practiceColumns are the stored columns a practice is read from: never p.*, which would also
// read the search vector (as large as the text itself).
const practiceColumns = `p.id, p.programme_id, p.organisation_id, p.created_by, p.title, p.summary, p.language, p.country,
	p.themes, p.target_groups, p.content, p.products, p.translations, p.call_id, p.status, p.revision, p.decision, p.version,
	p.created_at, p.updated_at, p.submitted_at, p.published_at`

const practiceSelect = practiceColumns + `, o.name AS organisation_name, o.country AS organisation_country, g.name AS programme_name`

// practiceListSelect is what a list shows: the practice's own text (content, products,
// translations; kilobytes each) stays unread, only the facts a summary shows are derived from it.
const practiceListSelect = `p.id, p.programme_id, p.organisation_id, p.created_by, p.title, p.summary, p.language, p.country,
	p.themes, p.target_groups, p.call_id, p.status, p.revision, p.version, p.created_at, p.updated_at, p.submitted_at, p.published_at,
	true AS listed, coalesce(p.evidence_level, '') AS listed_evidence,
	coalesce((SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(p.translations) k), '[]') AS listed_languages,
	jsonb_array_length(p.products) AS listed_products,
	o.name AS organisation_name, o.country AS organisation_country, g.name AS programme_name`
const practiceJoins = `JOIN organisations o ON o.id = p.organisation_id JOIN programmes g ON g.id = p.programme_id`

// CreatePractice inserts p.
func (s *Store) CreatePractice(ctx context.Context, p domain.Practice) (domain.Practice, error) {
	row := practiceToRow(p)
	if err := s.conn(ctx).Omit("EvidenceLevel", "SearchVector").Create(&row).Error; err != nil {
		return domain.Practice{}, translate(err)
	}
	return s.Practice(ctx, p.ID, false)
}

// Practice reads one practice with its organisation and programme names; lock holds the row for
// the rest of the transaction.
func (s *Store) Practice(ctx context.Context, id uuid.UUID, lock bool) (domain.Practice, error) {
	q := `SELECT ` + practiceSelect + ` FROM practices p ` + practiceJoins + ` WHERE p.id = ?`
	if lock {
		q += ` FOR UPDATE OF p`
	}
	var row practiceRow
	// Find, not Scan: Scan also formats the statement with its arguments for GORM's recorder.
	res := s.conn(ctx).Raw(q, id).Find(&row)
	if res.Error != nil {
		return domain.Practice{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Practice{}, domain.NotFound("Practice")
	}
	return row.toDomain(), nil
}

// PracticeAccess reads what deciding who may see a practice needs (its programme, owning
// organisation and status) and nothing of its text, for requests about a practice's reviews or
// revisions that never show the practice itself. The other fields are left zero.
func (s *Store) PracticeAccess(ctx context.Context, id uuid.UUID) (domain.Practice, error) {
	p := domain.Practice{ID: id}
	var status string
	err := s.conn(ctx).Raw(`SELECT programme_id, organisation_id, status FROM practices WHERE id = ?`, id).
		Row().Scan(&p.ProgrammeID, &p.OrganisationID, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Practice{}, domain.NotFound("Practice")
	}
	if err != nil {
		return domain.Practice{}, translate(err)
	}
	p.Status = domain.PracticeStatus(status)
	return p, nil
}

// UpdatePractice writes every changeable field of p when its version is still version.
func (s *Store) UpdatePractice(ctx context.Context, p domain.Practice, version int) (domain.Practice, error) {
	r := practiceToRow(p)
	var row practiceRow
	// The practice is read again below: RETURNING * would also ship its search vector.
	err := s.updateVersionedReturning(ctx, &row, "practices", "id", p.ID, version, map[string]any{
		"title": r.Title, "summary": r.Summary, "language": r.Language, "country": r.Country, "themes": r.Themes,
		"target_groups": r.TargetGroups, "content": r.Content, "products": r.Products, "translations": r.Translations,
		"call_id": r.CallID, "status": r.Status, "revision": r.Revision, "decision": r.Decision, "submitted_at": r.SubmittedAt, "published_at": r.PublishedAt,
	})
	if err != nil {
		return domain.Practice{}, notFoundAs(err, "Practice")
	}
	return s.Practice(ctx, p.ID, false)
}

// DeleteDraft removes a practice that is still a draft.
func (s *Store) DeleteDraft(ctx context.Context, id uuid.UUID) error {
	res := s.conn(ctx).Exec(`DELETE FROM practices WHERE id = ? AND status = 'draft'`, id)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Errorf(domain.CodeNotDeletable, "Only drafts can be deleted; withdraw or archive the practice instead.")
	}
	return nil
}

// searchConfigs are the stemmers a query is run through: a document matches when the query,
// stemmed in any of them, matches its own-language lexemes.
var searchConfigs = []string{"english", "dutch", "french", "german", "spanish", "italian", "finnish", "simple"}

// stem turns the search words into a tsquery in one small statement of its own, so that the
// search itself carries the lexemes as a value: the planner then estimates its selectivity from
// the column's statistics and picks the full-text index when it pays.
func (s *Store) stem(ctx context.Context, query string) (string, error) {
	if query == "" {
		return "", nil
	}
	if tsq, ok := s.lists.stem(query); ok {
		return tsq, nil
	}
	var q *string
	if err := s.conn(ctx).Raw("SELECT "+tsquery()+"::text", repeat(query, len(searchConfigs))...).Scan(&q).Error; err != nil {
		return "", translate(err)
	}
	tsq := ""
	if q != nil {
		tsq = *q
	}
	s.lists.keepStem(query, tsq)
	return tsq, nil
}

// tsquery is the search query stemmed by every configuration, with duplicate stems removed (one
// to three alternatives for most words).
func tsquery() string {
	parts := make([]string, len(searchConfigs))
	for i, c := range searchConfigs {
		parts[i] = "websearch_to_tsquery('" + c + "', ?)"
	}
	return "(SELECT string_agg(DISTINCT '(' || x::text || ')', ' | ')::tsquery FROM unnest(ARRAY[" + strings.Join(parts, ", ") + "]) x WHERE x::text <> '')"
}

func repeat(v any, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = v
	}
	return out
}

var practiceOrder = map[string]string{"title": "lower(p.title)", "updated_at": "p.updated_at", "created_at": "p.created_at", "published_at": "p.published_at"}

// ListPractices searches practices; the visibility rule is part of the query, so a list never
// holds what a GET would refuse. The total is exact up to exactCountLimit.
func (s *Store) ListPractices(ctx context.Context, f domain.PracticeFilter, p domain.PageRequest) (domain.Page[domain.Practice], error) {
	tsq, err := s.stem(ctx, f.Query)
	if err != nil {
		return domain.Page[domain.Practice]{}, err
	}
	if f.Query != "" && tsq == "" {
		return domain.Page[domain.Practice]{Items: []domain.Practice{}, Page: p.Page, Size: p.Size}, nil // only stop words
	}
	// A programme's lists are kept under its list version, and the public catalogue under the
	// versions of the programmes that have one, outside transactions only: inside one, a version
	// moves on only at commit, after the transaction's own changes.
	_, inTx := ctx.Value(txKey{}).(*gorm.DB)
	keep := (f.ProgrammeID != nil || f.Public) && !inTx
	var version int64
	key := ""
	if keep {
		if f.Public {
			version, err = s.publicCatalogueVersion(ctx, f.ProgrammeID)
		} else {
			version, err = s.practiceListVersion(ctx, *f.ProgrammeID)
		}
		if err != nil {
			return domain.Page[domain.Practice]{}, err
		}
		key = practiceListKey(f, tsq, p)
		if e, ok := s.lists.get(key, version); ok {
			var rows []practiceRow
			if len(e.ids) > 0 {
				if err := keptPracticeRows(s.conn(ctx), f, p, e).Scan(&rows).Error; err != nil {
					return domain.Page[domain.Practice]{}, translate(err)
				}
			}
			return pageAt(rows, practiceRow.toDomain, p, e.total), nil
		}
	}
	total, err := s.countPractices(ctx, f, tsq)
	if err != nil {
		return domain.Page[domain.Practice]{}, err
	}
	var rows []practiceRow
	if total.N > 0 {
		if err := practicePage(s.conn(ctx), f, tsq, p).Scan(&rows).Error; err != nil {
			return domain.Page[domain.Practice]{}, translate(err)
		}
		total = total.Seen(p.Offset(), len(rows), p.Size)
	}
	if keep {
		e := practiceListEntry{key: key, version: version, total: total, ids: make([]uuid.UUID, len(rows)), ranks: make([]float64, len(rows))}
		for i, r := range rows {
			e.ids[i], e.ranks[i] = r.ID, r.Rank
		}
		s.lists.put(e)
	}
	if rows == nil {
		rows = []practiceRow{}
	}
	return pageAt(rows, practiceRow.toDomain, p, total), nil
}

// countPractices counts what f matches, exactly up to exactCountLimit. A text search is first
// estimated by the planner (from the full-text column's statistics, without reading a row): a
// search it expects to match more than exactCountLimit practices is not counted, since counting
// every match of a broad query costs more than its page (5,654 matches of "people person" on the
// benchmark data set: 3,696 buffers and 8 ms, against 0.3 ms to plan). ListPractices corrects
// that estimate by the page it reads (domain.Total.Seen). A narrower search is counted over the
// practices its full-text index finds (matchedPractices): given the predicate among the others,
// the planner may instead read a programme's practices through another index and test each
// one's search vector, which it prices as cheap but which decompresses kilobytes per row.
func (s *Store) countPractices(ctx context.Context, f domain.PracticeFilter, tsq string) (domain.Total, error) {
	db := s.conn(ctx)
	if tsq == "" {
		if branches := visibleBranches(db, f); branches != nil {
			return countCapped(branches...)
		}
		return countCapped(practiceFilter(db, f, tsq))
	}
	est, err := estimateRows(practiceFilter(db, f, tsq).Select("1"))
	if err != nil {
		return domain.Total{}, err
	}
	if est > exactCountLimit {
		return domain.Total{N: est, Estimated: true}, nil
	}
	var n int64
	capped := practiceFilter(db, withoutQuery(f), "").Where("p.id IN (SELECT id FROM matched)").Select("1").Limit(exactCountLimit + 1)
	if err := db.Session(&gorm.Session{NewDB: true}).Raw(matchedPractices+" SELECT count(*) FROM (?) AS capped", tsq, capped).Scan(&n).Error; err != nil {
		return domain.Total{}, translate(err)
	}
	if n <= exactCountLimit {
		return domain.Total{N: n}, nil
	}
	return domain.Total{N: max(est, exactCountLimit+1), Estimated: true}, nil
}

// matchedPractices is a common table expression of the ids of the practices whose full text
// matches the tsquery (its one argument), read from the full-text index alone
// (pb_practices_matching, migration 0032): a statement that names it for its text search never
// tests a search vector row by row.
const matchedPractices = `WITH matched AS MATERIALIZED (SELECT id FROM pb_practices_matching(?::tsquery) AS id)`

// withoutQuery is f without its search words.
func withoutQuery(f domain.PracticeFilter) domain.PracticeFilter {
	f.Query = ""
	return f
}

// ExplainPractices returns PostgreSQL's plan for the page query of ListPractices with sequential
// scans discouraged, so that tests (and operators) can check that every predicate of a search
// can be served by an index: a query no index can serve still shows a Seq Scan.
func (s *Store) ExplainPractices(ctx context.Context, f domain.PracticeFilter, p domain.PageRequest) (string, error) {
	tsq, err := s.stem(ctx, f.Query)
	if err != nil {
		return "", err
	}
	var lines []string
	err = s.WithTx(ctx, func(ctx context.Context) error {
		db := s.conn(ctx)
		sql := db.ToSQL(func(tx *gorm.DB) *gorm.DB {
			var rows []practiceRow
			return practicePage(tx, f, tsq, p).Scan(&rows)
		})
		if err := db.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
			return err
		}
		return db.Raw("EXPLAIN " + sql).Scan(&lines).Error
	})
	return strings.Join(lines, "\n"), translate(err)
}

// practicePage selects one page of practiceFilter's practices for a list. The page's ids are
// chosen first (in index order where one serves), then only those rows are read for display.
func practicePage(db *gorm.DB, f domain.PracticeFilter, tsq string, p domain.PageRequest) *gorm.DB {
	var ids *gorm.DB
	order := practiceListOrder(p)
	branches := visibleBranches(db, f)
	switch {
	case f.Query == "" && branches != nil:
		// Each set a partner sees is read in its own index order up to the end of the page, so
		// the page costs about offset + size index entries per set, not a walk through the
		// programme's practices testing each one's visibility.
		parts := make([]any, 0, len(branches)+2)
		for _, b := range branches {
			parts = append(parts, b.Select("p.id, p.title, p.updated_at, p.created_at, p.published_at").Order(order).Limit(p.Offset()+p.Size))
		}
		ids = db.Session(&gorm.Session{NewDB: true}).Raw("SELECT p.id, 0::float8 AS rank FROM ("+unionAll(len(branches))+") AS p ORDER BY "+order+" LIMIT ? OFFSET ?",
			append(parts, p.Size, p.Offset())...)
	case f.Query == "":
		ids = practiceFilter(db, f, "").Select("p.id, 0::float8 AS rank").Order(order).Limit(p.Size).Offset(p.Offset())
	case p.Sort != "" && p.Sort != "relevance":
		// A search in another order than relevance: the matches from the full-text index, sorted.
		sorted := practiceFilter(db, withoutQuery(f), "").Where("p.id IN (SELECT id FROM matched)").
			Select("p.id, 0::float8 AS rank").Order(order).Limit(p.Size).Offset(p.Offset())
		ids = db.Session(&gorm.Session{NewDB: true}).Raw(matchedPractices+" ?", tsq, sorted)
	default:
		ids = headFirstPage(db, f, tsq, p)
	}
	return practiceRowsOf(db, f, ids, practiceOuterOrder(f, p))
}

// practiceOuterOrder orders the rows of a page: by rank for a search by relevance, else in the
// list's order.
func practiceOuterOrder(f domain.PracticeFilter, p domain.PageRequest) string {
	if f.Query != "" && (p.Sort == "" || p.Sort == "relevance") {
		return "k.rank DESC, p.updated_at DESC, p.id DESC"
	}
	return practiceListOrder(p)
}

// practiceListOrder is the order a list asks for (the newest first unless it says another).
func practiceListOrder(p domain.PageRequest) string {
	return orderBy(p.Sort, practiceOrder, "p.id", "p.updated_at DESC, p.id DESC")
}

// practiceRowsOf reads the practices of a page for display: ids selects their id and rank (k),
// outer orders them.
func practiceRowsOf(db *gorm.DB, f domain.PracticeFilter, ids *gorm.DB, outer string) *gorm.DB {
	sel := practiceListSelect
	if f.Query != "" {
		sel += ", k.rank"
	}
	var args []any
	if f.ReadingLanguage != "" {
		// Only the head of the one translation asked for, never the whole translations document.
		sel += `, (SELECT jsonb_build_object('language', ?::text, 'status', t ->> 'status', 'title', t ->> 'title', 'summary', t ->> 'summary')
			FROM (SELECT p.translations -> ?::text AS t) AS x WHERE t IS NOT NULL AND p.language <> ?::text) AS listed_translation`
		args = append(args, f.ReadingLanguage, f.ReadingLanguage, f.ReadingLanguage)
	}
	if f.Public {
		// The label and the round of the decision that published each practice on the page: the
		// round is named only when the decision was recorded in it. A scalar subquery, a primary-
		// key lookup per row, keeps the statement as quick to plan as without it (a lateral join
		// doubled the planning time on the benchmark data set).
		sel += `, p.decision ->> 'outcome' AS listed_label, (p.decision ->> 'decided_at')::timestamptz AS listed_decided_at,
			(p.decision ->> 'round_id')::uuid AS listed_round_id, ` + recordedRoundName + ` AS listed_round_name`
	}
	args = append(args, ids)
	return db.Session(&gorm.Session{NewDB: true}).Raw("SELECT "+sel+" FROM (?) AS k JOIN practices p ON p.id = k.id "+practiceJoins+" ORDER BY "+outer, args...)
}

// headFirstPage ranks a search without reading the full text of its matches: practices whose
// head (title and summary, search_head) matches come first, best first, ranked on their small
// head vectors; practices that match only in their body follow, newest first, with rank 0. The
// body matches are looked for only when the head matches do not fill the page, so a broad query
// is answered from the head index alone.
//
// The body matches are read from the full-text index (matchedPractices) and sorted by date: a
// cost that grows with the number of matches (5,654 ids in 3.8 ms on the benchmark data set).
// When they are looked for, head holds every head match, so they are told apart by id: a test
// of search_head would read each visible practice's row (a 28 ms sequential scan) where the
// programme's covering index serves the rest. The membership test is written "IS TRUE" so that
// it stays a filter on that index read newest first, stopping at the page's end, and is not
// turned into a join of all the visible practices with all the matches and a sort (11.4 ms
// against 5.3 ms for the 6,270 matches of "instrument integratieplan").
// Walking the practices in date order and testing each one's search vector until the page is
// full was faster where matches are dense, but decompresses a vector per practice tested, and
// took 72 ms for a French query whose 5,000 matches were sparse among the newest practices.
func headFirstPage(db *gorm.DB, f domain.PracticeFilter, tsq string, p domain.PageRequest) *gorm.DB {
	n := p.Offset() + p.Size
	head := practiceFilter(db, withoutQuery(f), "").Where("p.search_head @@ ?::tsquery", tsq).
		Select("p.id, p.updated_at, ts_rank(p.search_head, ?::tsquery) AS rank", tsq).Order("rank DESC, p.updated_at DESC, p.id DESC").Limit(n)
	body := practiceFilter(db, withoutQuery(f), "").Where("(p.id IN (SELECT id FROM matched)) IS TRUE").
		Where("p.id NOT IN (SELECT id FROM head)").Where("(SELECT count(*) FROM head) < ?", n).
		Select("p.id, p.updated_at, 0::float8 AS rank").Order("p.updated_at DESC, p.id DESC").Limit(n)
	return db.Session(&gorm.Session{NewDB: true}).Raw(matchedPractices+`, head AS MATERIALIZED (?)
		SELECT id, rank FROM (SELECT id, updated_at, rank FROM head UNION ALL (?)) AS m
		ORDER BY rank DESC, updated_at DESC, id DESC LIMIT ? OFFSET ?`, tsq, head, body, p.Size, p.Offset())
}

// practiceFilter selects the practices f matches; tsq is f.Query as stem turned it into a tsquery.
func practiceFilter(db *gorm.DB, f domain.PracticeFilter, tsq string) *gorm.DB {
	q := practiceMatch(db, f, tsq)
	if f.Public {
		// Published practices of programmes with a public catalogue, as a semi-join the planner
		// can drive from practices_published_updated in the catalogue's order.
		q = q.Where("p.status = 'published' AND EXISTS (SELECT 1 FROM programmes g WHERE g.id = p.programme_id AND g.public_catalogue)")
	} else if !f.Viewer.Admin {
		// The visibility rule of SPEC §2, written for this viewer so the planner gets a simple
		// predicate: coordinators see everything past draft; others see published practices and
		// those they are assigned to review (computed once, not per row).
		v := f.Viewer
		if v.Coordinator {
			q = q.Where(`(p.organisation_id = ? OR p.status <> 'draft')`, v.OrganisationID)
		} else {
			q = q.Where(`(p.organisation_id = ? OR p.status = 'published' OR (p.status <> 'draft' AND p.id IN (`+reviewingSQL+`)))`,
				v.OrganisationID, v.UserID)
		}
	}
	return q
}

// reviewingSQL selects the practices a user (the argument) is assigned to review in a round that
// has started.
const reviewingSQL = `SELECT a.practice_id FROM assignments a JOIN rounds r ON r.id = a.round_id
	WHERE a.reviewer_id = ? AND a.status <> 'declined' AND r.status <> 'draft'`

// visibleBranches splits what a partner or reviewer may see into its three disjoint sets — every
// published practice, the organisation's own other practices, and the other practices under way
// that they review — each with the rest of f, so that each set can be read in the order of its
// own index. Nil for text searches (read from the full-text index, where one predicate serves)
// and for viewers whose rule is a single predicate (public, admins, coordinators).
func visibleBranches(db *gorm.DB, f domain.PracticeFilter) []*gorm.DB {
	if f.Query != "" || f.Public || f.Viewer.Admin || f.Viewer.Coordinator {
		return nil
	}
	v := f.Viewer
	return []*gorm.DB{
		practiceMatch(db, f, "").Where("p.status = 'published'"),
		practiceMatch(db, f, "").Where("p.organisation_id = ? AND p.status <> 'published'", v.OrganisationID),
		practiceMatch(db, f, "").Where("p.organisation_id <> ? AND p.status NOT IN ('draft', 'published') AND p.id IN ("+reviewingSQL+")",
			v.OrganisationID, v.UserID),
	}
}

// practiceMatch selects the practices f's filters match, whoever looks.
func practiceMatch(db *gorm.DB, f domain.PracticeFilter, tsq string) *gorm.DB {
	q := db.Session(&gorm.Session{NewDB: true}).Table("practices p")
	if f.ProgrammeID != nil {
		q = q.Where("p.programme_id = ?", *f.ProgrammeID)
	}
	if f.Query != "" {
		q = q.Where("p.search_vector @@ ?::tsquery", tsq)
	}
	if f.Country != "" {
		q = q.Where("p.country = ?", f.Country)
	}
	if f.Theme != "" {
		q = q.Where("p.themes @> ?", List([]string{f.Theme}))
	}
	if f.TargetGroup != "" {
		q = q.Where("p.target_groups @> ?", List([]string{f.TargetGroup}))
	}
	if f.Status != "" {
		q = q.Where("p.status = ?", f.Status)
	}
	if f.EvidenceLevel != "" {
		q = q.Where("p.evidence_level = ?", f.EvidenceLevel)
	}
	if f.Language != "" {
		q = q.Where("(p.language = ? OR jsonb_exists(p.translations, ?))", f.Language, f.Language)
	}
	if f.OrganisationID != nil {
		q = q.Where("p.organisation_id = ?", *f.OrganisationID)
	}
	if f.Label != "" {
		q = q.Where("p.decision ->> 'outcome' = ?", f.Label)
	}
	return q
}

// InsertRevision freezes a snapshot as revision number of a practice.
func (s *Store) InsertRevision(ctx context.Context, r domain.Revision) error {
	return translate(s.conn(ctx).Exec(`INSERT INTO practice_revisions (practice_id, number, snapshot, created_by) VALUES (?, ?, ?, ?)`,
		r.PracticeID, r.Number, JSON[snapshotDoc]{V: toSnapshotDoc(r.Snapshot)}, r.CreatedBy).Error)
}

type revisionRow struct {
	PracticeID uuid.UUID
	Number     int
	Snapshot   JSON[snapshotDoc]
	CreatedBy  uuid.UUID
	CreatedAt  time.Time
}

func (r revisionRow) toDomain() domain.Revision {
	return domain.Revision{PracticeID: r.PracticeID, Number: r.Number, Snapshot: r.Snapshot.V.toDomain(), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
}

// Revisions lists a practice's revisions, newest first, without their text.
func (s *Store) Revisions(ctx context.Context, practiceID uuid.UUID) ([]domain.Revision, error) {
	var rows []revisionRow
	err := s.conn(ctx).Raw(`SELECT practice_id, number, created_by, created_at FROM practice_revisions WHERE practice_id = ? ORDER BY number DESC`, practiceID).Scan(&rows).Error
	return pageOf(rows, revisionRow.toDomain, domain.PageRequest{}, 0).Items, translate(err)
}

// RevisionsByNumber reads the named revisions of a practice in one query.
func (s *Store) RevisionsByNumber(ctx context.Context, practiceID uuid.UUID, numbers ...int) (map[int]domain.Revision, error) {
	var rows []revisionRow
	if err := s.conn(ctx).Raw(`SELECT * FROM practice_revisions WHERE practice_id = ? AND number IN ?`, practiceID, numbers).Scan(&rows).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[int]domain.Revision, len(rows))
	for _, r := range rows {
		out[r.Number] = r.toDomain()
	}
	return out, nil
}
