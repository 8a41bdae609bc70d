package postgres

import (
	"context"
	"strings"

	"github.com/google/uuid"
)

// versionTable is a table of per-programme versions that deferred triggers move on at the commit
// of a change (migrations 0031, 0035, 0037 and 0038); what is kept in memory is kept under them.
type versionTable string

const (
	practiceListVersions   versionTable = "practice_list_versions"
	learningVersions       versionTable = "learning_versions"
	adaptationListVersions versionTable = "adaptation_list_versions"
	activityListVersions   versionTable = "activity_list_versions"
)

// programmeVersions reads a programme's version in each of tables, in one statement: 0 where it
// never moved.
func (s *Store) programmeVersions(ctx context.Context, programmeID uuid.UUID, tables ...versionTable) ([]int64, error) {
	cols := make([]string, len(tables))
	args := make([]any, len(tables))
	out := make([]int64, len(tables))
	dest := make([]any, len(tables))
	for i, t := range tables {
		cols[i] = "coalesce((SELECT version FROM " + string(t) + " WHERE programme_id = ?), 0)"
		args[i], dest[i] = programmeID, &out[i]
	}
	if err := s.conn(ctx).Raw("SELECT "+strings.Join(cols, ", "), args...).Row().Scan(dest...); err != nil {
		return nil, translate(err)
	}
	return out, nil
}

// programmeVersion is programmeVersions for one table.
func (s *Store) programmeVersion(ctx context.Context, programmeID uuid.UUID, table versionTable) (int64, error) {
	v, err := s.programmeVersions(ctx, programmeID, table)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}
