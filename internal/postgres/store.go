package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Store implements the service layer's storage interfaces on PostgreSQL.
type Store struct {
	*DB
	lists   *practiceListCache
	decoded *decodedCache[domain.ProgrammeFigures]
	// statistics are the rounds' cached statistics, as last decoded.
	statistics *decodedCache[domain.RoundStatistics]
}

// NewStore wraps db.
func NewStore(db *DB) *Store {
	return &Store{DB: db, lists: newPracticeListCache(), decoded: &decodedCache[domain.ProgrammeFigures]{}, statistics: &decodedCache[domain.RoundStatistics]{}}
}

// orderBy maps an allow-listed sort key ("name", "-name") to SQL, with tiebreak as the second key
// so pages are stable; unknown keys fall back to def.
// Only values from the map ever reach the query text.
func orderBy(sort string, columns map[string]string, tiebreak, def string) string {
	desc := strings.HasPrefix(sort, "-")
	col, ok := columns[strings.TrimPrefix(sort, "-")]
	if !ok {
		return def
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	return col + dir + ", " + tiebreak + dir
}

// likePattern escapes a user's search text for ILIKE.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(q) + "%"
}

// updateVersioned writes fields to the row with id when its version is still version, bumping the
// version, and reads the new row back into dest in the same statement. Column names come from
// the calling code, never from a request.
func (db *DB) updateVersioned(ctx context.Context, dest any, table string, id uuid.UUID, version int, fields map[string]any) error {
	return db.updateVersionedReturning(ctx, dest, table, "*", id, version, fields)
}

// updateVersionedReturning is updateVersioned reading back only the returning columns (written by
// the calling code), for tables whose rows carry more than the caller needs.
func (db *DB) updateVersionedReturning(ctx context.Context, dest any, table, returning string, id uuid.UUID, version int, fields map[string]any) error {
	cols := make([]string, 0, len(fields))
	for c := range fields {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	sets := make([]string, 0, len(cols)+2)
	args := make([]any, 0, len(cols)+2)
	for _, c := range cols {
		sets = append(sets, c+" = ?")
		args = append(args, fields[c])
	}
	sets = append(sets, "version = version + 1", "updated_at = now()")
	args = append(args, id, version)
	res := db.conn(ctx).Raw("UPDATE "+table+" SET "+strings.Join(sets, ", ")+" WHERE id = ? AND version = ? RETURNING "+returning, args...).Scan(dest)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := db.conn(ctx).Table(table).Where("id = ?", id).Count(&n).Error; err != nil {
			return translate(err)
		}
		if n == 0 {
			return domain.NotFound("Object")
		}
		return domain.Errorf(domain.CodeVersionMismatch, "The object was changed by someone else; reload it and try again.")
	}
	return nil
}

// columns is a select list with its parameters (empty: the table's own columns), and joins
// needed only to display the page, not to count it.
type columns struct {
	sql   string
	args  []any
	joins string
}

// exactCountLimit is how far findPage counts exactly; beyond it a list's total is an estimate.
// Counting every match of a broad filter (the whole catalogue) costs more than the page itself.
const exactCountLimit = 1000

// findPage counts the rows matched by q exactly and reads one page of them into dest, ordered by
// order (which must come from an allow-list). For lists that stay small (a programme's rounds);
// lists that grow with a programme use findPageCapped.
func findPage(q *gorm.DB, p domain.PageRequest, sel columns, order string, dest any) (int64, error) {
	base := q.Session(&gorm.Session{})
	var total int64
	if err := base.Count(&total).Error; err != nil {
		return 0, translate(err)
	}
	if total == 0 {
		return 0, nil
	}
	return total, readPage(base, p, sel, order, dest)
}

// findPageCapped is findPage with a count that stops at exactCountLimit + 1 rows; when it gets
// there the total is the planner's estimate for the whole filter (never below the exact part),
// and the total says so.
func findPageCapped(q *gorm.DB, p domain.PageRequest, sel columns, order string, dest any) (domain.Total, error) {
	base := q.Session(&gorm.Session{})
	total, err := countCapped(base)
	if err != nil || total.N == 0 {
		return total, err
	}
	return total, readPage(base, p, sel, order, dest)
}

func readPage(base *gorm.DB, p domain.PageRequest, sel columns, order string, dest any) error {
	if sel.joins != "" {
		base = base.Joins(sel.joins)
	}
	if sel.sql != "" {
		base = base.Select(sel.sql, sel.args...)
	}
	return translate(base.Order(order).Limit(p.Size).Offset(p.Offset()).Find(dest).Error)
}

// countCapped counts the rows of the disjoint queries qs together (one query, or the branches of a
// union) exactly up to exactCountLimit, and estimates beyond it.
func countCapped(qs ...*gorm.DB) (domain.Total, error) {
	capped := make([]any, len(qs))
	whole := make([]any, len(qs))
	for i, q := range qs {
		capped[i] = q.Session(&gorm.Session{}).Select("1").Limit(exactCountLimit + 1)
		whole[i] = q.Session(&gorm.Session{}).Select("1")
	}
	db := qs[0].Session(&gorm.Session{NewDB: true})
	var n int64
	err := db.Raw("SELECT count(*) FROM (SELECT 1 FROM ("+unionAll(len(qs))+") AS u LIMIT ?) AS capped", append(capped, exactCountLimit+1)...).Scan(&n).Error
	if err != nil {
		return domain.Total{}, translate(err)
	}
	if n <= exactCountLimit {
		return domain.Total{N: n}, nil
	}
	est, err := estimateRows(db.Raw(unionAll(len(qs)), whole...))
	if err != nil {
		return domain.Total{}, err
	}
	return domain.Total{N: max(est, exactCountLimit+1), Estimated: true}, nil
}

// unionAll is "(?) UNION ALL (?) ..." for n subqueries.
func unionAll(n int) string {
	return strings.TrimSuffix(strings.Repeat("(?) UNION ALL ", n), " UNION ALL ")
}

// estimateRows is the planner's estimate of the number of rows q returns (EXPLAIN, not run).
func estimateRows(q *gorm.DB) (int64, error) {
	var plan string
	if err := q.Session(&gorm.Session{NewDB: true}).Raw("EXPLAIN (FORMAT JSON) ?", q).Scan(&plan).Error; err != nil {
		return 0, translate(err)
	}
	var out []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := json.Unmarshal([]byte(plan), &out); err != nil || len(out) == 0 {
		return 0, fmt.Errorf("read plan estimate: %w", err)
	}
	return int64(out[0].Plan.Rows), nil
}

// Exec runs a statement written by the calling code (demo loading), never one built from a request.
func (s *Store) Exec(ctx context.Context, sql string) error {
	return translate(s.conn(ctx).Exec(sql).Error)
}
