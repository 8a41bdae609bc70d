package postgres

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

var programmeOrder = map[string]string{"name": "p.name", "created_at": "p.created_at", "starts_on": "p.starts_on"}

// CreateProgramme inserts p.
func (s *Store) CreateProgramme(ctx context.Context, p domain.Programme) (domain.Programme, error) {
	row := programmeToRow(p)
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.Programme{}, translate(err)
	}
	return row.toDomain(), nil
}

// Programme reads one programme with the roles userID holds in it.
func (s *Store) Programme(ctx context.Context, id, userID uuid.UUID) (domain.Programme, error) {
	var row programmeRow
	res := s.conn(ctx).Raw(`SELECT p.*, COALESCE(m.roles, '[]') AS my_roles FROM programmes p
		LEFT JOIN memberships m ON m.programme_id = p.id AND m.user_id = ? WHERE p.id = ?`, userID, id).Scan(&row)
	if res.Error != nil {
		return domain.Programme{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.Programme{}, domain.NotFound("Programme")
	}
	return row.toDomain(), nil
}

// ListProgrammes returns the programmes userID is a member of, or every programme when all.
func (s *Store) ListProgrammes(ctx context.Context, userID uuid.UUID, all bool, p domain.PageRequest) (domain.Page[domain.Programme], error) {
	q := s.conn(ctx).Table("programmes p").
		Joins("LEFT JOIN memberships m ON m.programme_id = p.id AND m.user_id = ?", userID)
	if !all {
		q = q.Where("m.user_id IS NOT NULL")
	}
	var rows []programmeRow
	total, err := findPageCapped(q, p, columns{sql: "p.*, COALESCE(m.roles, '[]') AS my_roles"}, orderBy(p.Sort, programmeOrder, "p.id", "p.name ASC, p.id ASC"), &rows)
	return pageAt(rows, programmeRow.toDomain, p, total), err
}

// UpdateProgramme writes p if its version is still version.
func (s *Store) UpdateProgramme(ctx context.Context, p domain.Programme, version int) (domain.Programme, error) {
	var row programmeRow
	err := s.updateVersioned(ctx, &row, "programmes", p.ID, version, map[string]any{
		"name": p.Name, "description": p.Description, "objective": p.Objective,
		"translations": JSON[map[string]programmeTextDoc]{V: nonNilMap(mapValues(p.Translations, toProgrammeTextDoc))}, "themes": docList(p.Themes, toKeyedDoc),
		"target_groups": docList(p.TargetGroups, toKeyedDoc), "languages": List(p.Languages), "public_catalogue": p.PublicCatalogue,
		"starts_on": p.StartsOn, "ends_on": p.EndsOn,
	})
	if err != nil {
		return domain.Programme{}, notFoundAs(err, "Programme")
	}
	return row.toDomain(), nil
}

// Membership reads userID's membership of programmeID; nil when there is none.
func (s *Store) Membership(ctx context.Context, programmeID, userID uuid.UUID) (*domain.Membership, error) {
	var row membershipRow
	err := s.conn(ctx).Take(&row, "programme_id = ? AND user_id = ?", programmeID, userID).Error
	if err = translate(err); err != nil {
		if domain.IsCode(err, domain.CodeNotFound) {
			return nil, nil
		}
		return nil, err
	}
	m := row.toDomain()
	return &m, nil
}

// CoordinatesAny reports whether userID coordinates at least one programme.
func (s *Store) CoordinatesAny(ctx context.Context, userID uuid.UUID) (bool, error) {
	var ok bool
	err := s.conn(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = ? AND roles @> '["coordinator"]')`, userID).Scan(&ok).Error
	return ok, translate(err)
}

// PutMembership creates or replaces a membership and returns the previous roles (nil if new).
func (s *Store) PutMembership(ctx context.Context, programmeID, userID uuid.UUID, roles []domain.Role) (before []domain.Role, err error) {
	err = s.WithTx(ctx, func(ctx context.Context) error {
		var prev membershipRow
		res := s.conn(ctx).Raw(`SELECT * FROM memberships WHERE programme_id = ? AND user_id = ? FOR UPDATE`, programmeID, userID).Scan(&prev)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected > 0 {
			before = prev.Roles.V
		}
		return s.conn(ctx).Exec(`INSERT INTO memberships (programme_id, user_id, roles) VALUES (?, ?, ?)
			ON CONFLICT (programme_id, user_id) DO UPDATE SET roles = EXCLUDED.roles, updated_at = now()`,
			programmeID, userID, List(roles)).Error
	})
	return before, translate(err)
}

// DeleteMembership removes a membership and returns the roles it had.
func (s *Store) DeleteMembership(ctx context.Context, programmeID, userID uuid.UUID) ([]domain.Role, error) {
	var row membershipRow
	res := s.conn(ctx).Raw(`DELETE FROM memberships WHERE programme_id = ? AND user_id = ? RETURNING *`, programmeID, userID).Scan(&row)
	if res.Error != nil {
		return nil, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, domain.NotFound("Member")
	}
	return row.Roles.V, nil
}

// LockCoordinators locks the programme's coordinator memberships and returns their user ids, so
// that removing the last coordinator cannot race with another removal.
func (s *Store) LockCoordinators(ctx context.Context, programmeID uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Raw(`SELECT user_id FROM memberships WHERE programme_id = ? AND roles @> '["coordinator"]' FOR UPDATE`, programmeID).Scan(&ids).Error
	return ids, translate(err)
}

const memberColumns = `m.programme_id, m.user_id, m.roles, m.created_at, m.updated_at, u.name, u.email,
	u.organisation_id, o.name AS organisation_name, o.country AS organisation_country`

var memberOrder = map[string]string{"name": "u.name", "organisation": "o.name", "country": "o.country"}

type memberRow struct {
	ProgrammeID         uuid.UUID
	UserID              uuid.UUID
	Roles               JSON[[]domain.Role]
	CreatedAt           time.Time
	UpdatedAt           time.Time
	Name                string
	Email               string
	OrganisationID      uuid.UUID
	OrganisationName    string
	OrganisationCountry string
}

// ListMembers returns a page of a programme's members with their person and organisation.
func (s *Store) ListMembers(ctx context.Context, programmeID uuid.UUID, f domain.MemberFilter, p domain.PageRequest) (domain.Page[domain.Member], error) {
	q := s.conn(ctx).Table("memberships m").
		Joins("JOIN users u ON u.id = m.user_id").
		Joins("JOIN organisations o ON o.id = u.organisation_id").
		Where("m.programme_id = ?", programmeID)
	if f.Role != "" {
		q = q.Where("m.roles @> jsonb_build_array(?::text)", string(f.Role))
	}
	if f.UserID != nil {
		q = q.Where("m.user_id = ?", *f.UserID)
	}
	var rows []memberRow
	total, err := findPageCapped(q, p, columns{sql: memberColumns}, orderBy(p.Sort, memberOrder, "m.user_id", "u.name ASC, m.user_id ASC"), &rows)
	return pageAt(rows, func(r memberRow) domain.Member {
		return domain.Member{
			Membership: domain.Membership{ProgrammeID: r.ProgrammeID, UserID: r.UserID, Roles: lists.NonNil(r.Roles.V), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt},
			Name:       r.Name, Email: r.Email, OrganisationID: r.OrganisationID, OrganisationName: r.OrganisationName, OrganisationCountry: r.OrganisationCountry,
		}
	}, p, total), err
}

// Member reads one member of a programme.
func (s *Store) Member(ctx context.Context, programmeID, userID uuid.UUID) (domain.Member, error) {
	page, err := s.ListMembers(ctx, programmeID, domain.MemberFilter{UserID: &userID}, domain.PageRequest{Page: 1, Size: 1})
	if err != nil {
		return domain.Member{}, err
	}
	if len(page.Items) == 0 {
		return domain.Member{}, domain.NotFound("Member")
	}
	return page.Items[0], nil
}
