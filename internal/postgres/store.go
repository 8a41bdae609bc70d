package postgres

import (
	"context"
	"sort"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Store implements the service layer's storage interfaces on PostgreSQL.
type Store struct{ *DB }

// NewStore wraps db.
func NewStore(db *DB) *Store { return &Store{DB: db} }

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
	res := db.conn(ctx).Raw("UPDATE "+table+" SET "+strings.Join(sets, ", ")+" WHERE id = ? AND version = ? RETURNING *", args...).Scan(dest)
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

// findPage counts the rows matched by q and reads one page of them into dest, ordered by order
// (which must come from an allow-list).
func findPage(q *gorm.DB, p domain.PageRequest, sel columns, order string, dest any) (int64, error) {
	base := q.Session(&gorm.Session{})
	var total int64
	if err := base.Count(&total).Error; err != nil {
		return 0, translate(err)
	}
	if total == 0 {
		return 0, nil
	}
	if sel.joins != "" {
		base = base.Joins(sel.joins)
	}
	if sel.sql != "" {
		base = base.Select(sel.sql, sel.args...)
	}
	if err := base.Order(order).Limit(p.Size).Offset(p.Offset()).Find(dest).Error; err != nil {
		return 0, translate(err)
	}
	return total, nil
}

// Exec runs a statement written by the calling code (demo loading), never one built from a request.
func (s *Store) Exec(ctx context.Context, sql string) error {
	return translate(s.conn(ctx).Exec(sql).Error)
}
