package postgres

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

var organisationOrder = map[string]string{"name": "name", "country": "country", "created_at": "created_at"}

// CreateOrganisation inserts o.
func (s *Store) CreateOrganisation(ctx context.Context, o domain.Organisation) (domain.Organisation, error) {
	row := organisationToRow(o)
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return domain.Organisation{}, translate(err)
	}
	return row.toDomain(), nil
}

// Organisation reads one organisation.
func (s *Store) Organisation(ctx context.Context, id uuid.UUID) (domain.Organisation, error) {
	var row organisationRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return domain.Organisation{}, notFoundAs(translate(err), "Organisation")
	}
	return row.toDomain(), nil
}

// ListOrganisations returns a page of organisations.
func (s *Store) ListOrganisations(ctx context.Context, f domain.OrganisationFilter, p domain.PageRequest) (domain.Page[domain.Organisation], error) {
	q := s.conn(ctx).Model(&organisationRow{})
	if f.Query != "" {
		q = q.Where("name ILIKE ?", likePattern(f.Query))
	}
	if f.Country != "" {
		q = q.Where("country = ?", f.Country)
	}
	var rows []organisationRow
	total, err := findPageCapped(q, p, columns{}, orderBy(p.Sort, organisationOrder, "id", "name ASC, id ASC"), &rows)
	return pageAt(rows, organisationRow.toDomain, p, total), err
}

// UpdateOrganisation writes o if its version is still version.
func (s *Store) UpdateOrganisation(ctx context.Context, o domain.Organisation, version int) (domain.Organisation, error) {
	var row organisationRow
	err := s.updateVersioned(ctx, &row, "organisations", o.ID, version, map[string]any{
		"name": o.Name, "country": o.Country, "kind": o.Kind, "city": o.City, "website": o.Website,
	})
	if err != nil {
		return domain.Organisation{}, notFoundAs(err, "Organisation")
	}
	return row.toDomain(), nil
}

var userOrder = map[string]string{"name": "name", "email": "lower(email)", "created_at": "created_at"}

// CreateUser inserts u; a taken e-mail is CodeEmailTaken.
func (s *Store) CreateUser(ctx context.Context, u domain.User) (domain.User, error) {
	row := userToRow(u)
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		err = translate(err)
		if domain.IsCode(err, domain.CodeConflict) {
			return domain.User{}, domain.Errorf(domain.CodeEmailTaken, "An account with this e-mail address already exists.")
		}
		return domain.User{}, err
	}
	return row.toDomain(), nil
}

// User reads one user.
func (s *Store) User(ctx context.Context, id uuid.UUID) (domain.User, error) {
	var row userRow
	if err := s.conn(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return domain.User{}, notFoundAs(translate(err), "User")
	}
	return row.toDomain(), nil
}

// UserByEmail reads a user by e-mail, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (domain.User, error) {
	var row userRow
	if err := s.conn(ctx).Take(&row, "lower(email) = lower(?)", email).Error; err != nil {
		return domain.User{}, notFoundAs(translate(err), "User")
	}
	return row.toDomain(), nil
}

// ListUsers returns a page of users.
func (s *Store) ListUsers(ctx context.Context, f domain.UserFilter, p domain.PageRequest) (domain.Page[domain.User], error) {
	q := s.conn(ctx).Model(&userRow{})
	if f.Query != "" {
		pat := likePattern(f.Query)
		q = q.Where("(name ILIKE ? OR email ILIKE ?)", pat, pat)
	}
	if f.OrganisationID != nil {
		q = q.Where("organisation_id = ?", *f.OrganisationID)
	}
	var rows []userRow
	total, err := findPageCapped(q, p, columns{}, orderBy(p.Sort, userOrder, "id", "name ASC, id ASC"), &rows)
	return pageAt(rows, userRow.toDomain, p, total), err
}

// UpdateUser writes the changeable fields of u if its version is still version.
func (s *Store) UpdateUser(ctx context.Context, u domain.User, version int) (domain.User, error) {
	var row userRow
	err := s.updateVersioned(ctx, &row, "users", u.ID, version, map[string]any{
		"name": u.Name, "organisation_id": u.OrganisationID, "languages": List(u.Languages), "expertise": List(u.Expertise),
		"is_admin": u.IsAdmin, "disabled": u.Disabled, "locale": localeOrDefault(u.Locale),
	})
	if err != nil {
		return domain.User{}, notFoundAs(err, "User")
	}
	return row.toDomain(), nil
}

// UpdateProfile changes the fields a user may change about themselves, without a version check
// (PATCH /me is exempt from If-Match), still bumping the version.
func (s *Store) UpdateProfile(ctx context.Context, id uuid.UUID, name string, languages, expertise []string, locale string) (domain.User, error) {
	var row userRow
	res := s.conn(ctx).Raw(`UPDATE users SET name = ?, languages = ?, expertise = ?, locale = ?, version = version + 1, updated_at = now()
		WHERE id = ? RETURNING *`, name, List(languages), List(expertise), localeOrDefault(locale), id).Scan(&row)
	if res.Error != nil {
		return domain.User{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.User{}, domain.NotFound("User")
	}
	return row.toDomain(), nil
}

// SetPassword stores a new password hash.
func (s *Store) SetPassword(ctx context.Context, id uuid.UUID, hash string) error {
	return translate(s.conn(ctx).Exec(`UPDATE users SET password_hash = ?, version = version + 1, updated_at = now() WHERE id = ?`, hash, id).Error)
}

// OrganisationRefs reads the name and country of several organisations in one query.
func (s *Store) OrganisationRefs(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]domain.Organisation, error) {
	out := map[uuid.UUID]domain.Organisation{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []organisationRow
	if err := s.conn(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	for _, r := range rows {
		out[r.ID] = r.toDomain()
	}
	return out, nil
}

func pageOf[R, T any](rows []R, conv func(R) T, p domain.PageRequest, total int64) domain.Page[T] {
	items := make([]T, len(rows))
	for i, r := range rows {
		items[i] = conv(r)
	}
	return domain.Page[T]{Items: items, Page: p.Page, Size: p.Size, Total: total}
}

// pageAt is pageOf with a total that may be an estimate.
func pageAt[R, T any](rows []R, conv func(R) T, p domain.PageRequest, total domain.Total) domain.Page[T] {
	page := pageOf(rows, conv, p, total.N)
	page.TotalIsEstimate = total.Estimated
	return page
}

// notFoundAs names the missing object in a not-found error.
func notFoundAs(err error, what string) error {
	if domain.IsCode(err, domain.CodeNotFound) {
		return domain.NotFound(what)
	}
	return err
}
