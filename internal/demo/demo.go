// Package demo loads the demo programmes: a cross-border mutual-learning project on return to
// work after cancer and a Dutch learning network of companies for second-track re-integration.
// Loading is idempotent: every object has a fixed id and is only created when missing.
package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
)

// Password is shared by every demo account; it is printed by seed-demo.
const Password = "peerbridge-demo"

var namespace = uuid.MustParse("7d0c2f4e-3b1a-4c55-9a51-1f6f2b8e4d10")

// ID is the fixed id of a demo object.
func ID(kind, key string) uuid.UUID { return uuid.NewSHA1(namespace, []byte(kind+":"+key)) }

type org struct {
	key, name, country, kind, city, website string
}

type person struct {
	email, name, org string
	languages        []string
	expertise        []string
	admin            bool
	roles            map[string][]domain.Role // programme key → roles
}

var organisations = []org{
	{"secretariat", "Peerbridge secretariat", "BE", "other", "Brussels", ""},
	{"jobcentrum", "Jobcentrum", "BE", "social_profit", "", ""},
	{"werkbrug", "Stichting Werkbrug", "NL", "social_profit", "Utrecht", ""},
	{"retour", "Retour Santé Travail", "FR", "ngo", "Lyon", ""},
	{"wiedereinstieg", "Netzwerk Wiedereinstieg", "DE", "social_profit", "Köln", ""},
	{"tyokyky", "Työkykykeskus Pirkanmaa", "FI", "public_agency", "Tampere", ""},
	{"workwell", "WorkWell Ireland", "IE", "ngo", "Cork", ""},
	{"tilburg", "Tilburg University", "NL", "university", "Tilburg", "https://www.tilburguniversity.edu"},
	{"zorggroep", "Brabantse Zorggroep", "NL", "health_care", "Tilburg", ""},
	{"vanloon", "Van Loon Logistiek", "NL", "employer", "Waalwijk", ""},
}

const (
	cancer      = "cancer"
	secondTrack = "second-track"
)

var people = []person{
	{"admin@peerbridge.example", "Sam Verhoeven", "secretariat", []string{"en", "nl", "fr"}, nil, true, nil},
	{"coordinator@peerbridge.example", "Els Peeters", "jobcentrum", []string{"nl", "en", "fr"}, []string{"actors_work_health"}, false,
		map[string][]domain.Role{cancer: {domain.RoleCoordinator}}},
	{"partner.be@peerbridge.example", "Koen Maes", "jobcentrum", []string{"nl", "en"}, []string{"products_services"}, false,
		map[string][]domain.Role{cancer: {domain.RolePartner}}},
	{"partner.nl@peerbridge.example", "Anouk de Vries", "werkbrug", []string{"nl", "en", "de"}, []string{"upscaling", "placements"}, false,
		map[string][]domain.Role{cancer: {domain.RolePartner, domain.RoleReviewer}, secondTrack: {domain.RolePartner}}},
	{"partner.fr@peerbridge.example", "Camille Laurent", "retour", []string{"fr", "en"}, []string{"products_services", "launch_parameters"}, false,
		map[string][]domain.Role{cancer: {domain.RolePartner, domain.RoleReviewer}}},
	{"reviewer.de@peerbridge.example", "Jonas Weber", "wiedereinstieg", []string{"de", "en", "nl"}, []string{"actors_work_health", "upscaling"}, false,
		map[string][]domain.Role{cancer: {domain.RoleReviewer, domain.RolePartner}}},
	{"reviewer.fi@peerbridge.example", "Aino Virtanen", "tyokyky", []string{"fi", "en"}, []string{"launch_parameters", "products_services"}, false,
		map[string][]domain.Role{cancer: {domain.RoleReviewer}}},
	{"partner.ie@peerbridge.example", "Siobhán Murphy", "workwell", []string{"en", "fr"}, []string{"actors_work_health"}, false,
		map[string][]domain.Role{cancer: {domain.RolePartner, domain.RoleReviewer}}},
	{"coordinator.nl@peerbridge.example", "Roos Jansen", "tilburg", []string{"nl", "en"}, []string{"network_building", "work_resumption"}, false,
		map[string][]domain.Role{secondTrack: {domain.RoleCoordinator}}},
	{"employer.nl@peerbridge.example", "Pieter van Loon", "vanloon", []string{"nl"}, []string{"placements"}, false,
		map[string][]domain.Role{secondTrack: {domain.RolePartner}}},
	{"zorg.nl@peerbridge.example", "Fatima El Amrani", "zorggroep", []string{"nl", "en"}, []string{"placements", "work_resumption"}, false,
		map[string][]domain.Role{secondTrack: {domain.RolePartner, domain.RoleReviewer}}},
}

func date(s string) *time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return &t
}

var programmes = map[string]domain.Programme{
	cancer: {
		Name: "Return to work after cancer — mutual learning",
		Description: "Started by a Belgian social-profit organisation that guides people with or after cancer in every work-related question " +
			"and through the steps back to work. Partners in several European countries compare how they connect the worlds of work and " +
			"health, which products and services help employees, how promising projects can grow, and what it takes to launch an " +
			"intensive return-to-work programme elsewhere.",
		Objective: "Improve the quality of return-to-work intervention programmes by exchanging information, peer-reviewing good " +
			"practices, adapting products and services to local contexts and creating new ones.",
		Themes: []domain.Keyed{
			{Key: "actors_work_health", Title: "Who is involved in return to work, and how work and health are linked"},
			{Key: "products_services", Title: "Products and services that support employees (information, guidance, assessment)"},
			{Key: "upscaling", Title: "Scaling up projects and implementing them more widely"},
			{Key: "launch_parameters", Title: "Conditions for launching an intensive programme, and the most vulnerable groups"},
		},
		TargetGroups: []domain.Keyed{
			{Key: "cancer_survivors", Title: "Employees with or after cancer"},
			{Key: "chronic_illness", Title: "Employees with a chronic illness"},
			{Key: "older_workers", Title: "Older employees"},
			{Key: "low_skilled", Title: "Low-skilled workers"},
			{Key: "young_adults", Title: "Young adults moving from education to work"},
		},
		Languages: []string{"en", "nl", "fr", "de"}, PublicCatalogue: true,
		StartsOn: date("2026-01-01"), EndsOn: date("2027-12-31"),
	},
	secondTrack: {
		Name: "Learning network for second-track re-integration",
		Description: "A learning network of companies, led by a Dutch university, that makes work-learning placements available to " +
			"employees who can and want to work after long sickness absence but cannot go back to their own job or employer — the " +
			"'second track'. Besides building the network, it asks what the network does for work resumption, what helps and what " +
			"hinders its development, and what this means for government policy.",
		Objective: "Help more second-track employees back into work by sharing suitable work-learning placements between companies.",
		Themes: []domain.Keyed{
			{Key: "placements", Title: "Suitable work-learning placements"},
			{Key: "network_building", Title: "Building and running a network of companies"},
			{Key: "work_resumption", Title: "Effect on work resumption"},
			{Key: "policy", Title: "What the findings mean for public policy"},
		},
		TargetGroups: []domain.Keyed{
			{Key: "second_track", Title: "Employees in second-track re-integration"},
			{Key: "long_term_sick", Title: "Employees after long-term sickness absence"},
			{Key: "employers", Title: "Employers and HR staff"},
		},
		Languages: []string{"nl", "en"}, PublicCatalogue: false,
		StartsOn: date("2023-01-01"), EndsOn: date("2027-12-31"),
	},
}

// Seed loads the demo data and prints the logins.
func Seed(ctx context.Context, store *postgres.Store, svc *service.Service, out io.Writer) error {
	for _, o := range organisations {
		if err := ensureOrganisation(ctx, store, o); err != nil {
			return fmt.Errorf("organisation %s: %w", o.key, err)
		}
	}
	for key, p := range programmes {
		p.ID = ID("programme", key)
		p.Version = 1
		if _, err := store.Programme(ctx, p.ID, uuid.Nil); domain.IsCode(err, domain.CodeNotFound) {
			if _, err := store.CreateProgramme(ctx, p); err != nil {
				return fmt.Errorf("programme %s: %w", key, err)
			}
		} else if err != nil {
			return err
		}
		if err := svc.EnsureDefaultRubric(ctx, p.ID); err != nil {
			return fmt.Errorf("rubric of %s: %w", key, err)
		}
	}
	for _, p := range people {
		if err := ensurePerson(ctx, store, svc, p); err != nil {
			return fmt.Errorf("user %s: %w", p.email, err)
		}
	}
	if err := seedPractices(ctx, store); err != nil {
		return fmt.Errorf("practices: %w", err)
	}
	if err := seedExchange(ctx, store); err != nil {
		return fmt.Errorf("reviews and adaptations: %w", err)
	}
	fmt.Fprintln(out, "Demo data loaded. Sign in with any of these accounts (password: "+Password+"):")
	for _, p := range people {
		fmt.Fprintf(out, "  %-36s %s\n", p.email, describe(p))
	}
	return nil
}

func describe(p person) string {
	if p.admin {
		return "administrator"
	}
	var parts []string
	for _, key := range []string{cancer, secondTrack} {
		if roles, ok := p.roles[key]; ok {
			names := make([]string, len(roles))
			for i, r := range roles {
				names[i] = string(r)
			}
			parts = append(parts, strings.Join(names, "+")+" in "+key)
		}
	}
	return strings.Join(parts, "; ")
}

func ensureOrganisation(ctx context.Context, store *postgres.Store, o org) error {
	id := ID("organisation", o.key)
	_, err := store.Organisation(ctx, id)
	if domain.IsCode(err, domain.CodeNotFound) {
		_, err = store.CreateOrganisation(ctx, domain.Organisation{ID: id, Name: o.name, Country: o.country, Kind: o.kind, City: o.city, Website: o.website, Version: 1})
	}
	return err
}

func ensurePerson(ctx context.Context, store *postgres.Store, svc *service.Service, p person) error {
	id := ID("user", p.email)
	if _, err := store.User(ctx, id); domain.IsCode(err, domain.CodeNotFound) {
		hash, err := svc.HashPassword(ctx, Password)
		if err != nil {
			return err
		}
		u := domain.User{ID: id, Email: p.email, Name: p.name, OrganisationID: ID("organisation", p.org), Languages: p.languages,
			Expertise: p.expertise, IsAdmin: p.admin, PasswordHash: hash, Version: 1}
		if _, err := store.CreateUser(ctx, u); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	for key, roles := range p.roles {
		if _, err := store.PutMembership(ctx, ID("programme", key), id, roles); err != nil {
			return err
		}
	}
	return nil
}

// CreateAdmin creates an administrator in the named organisation, creating it when missing.
func CreateAdmin(ctx context.Context, store *postgres.Store, svc *service.Service, email, name, password, orgName, country string) (domain.User, error) {
	if len([]rune(password)) < 12 {
		return domain.User{}, domain.Invalid(domain.FieldError{Field: "password", Message: "must be at least 12 characters"})
	}
	page, err := store.ListOrganisations(ctx, domain.OrganisationFilter{Query: orgName, Country: country}, domain.PageRequest{Page: 1, Size: 100})
	if err != nil {
		return domain.User{}, err
	}
	var orgID uuid.UUID
	for _, o := range page.Items {
		if strings.EqualFold(o.Name, orgName) {
			orgID = o.ID
		}
	}
	if orgID == uuid.Nil {
		o, err := store.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: orgName, Country: country, Kind: "other", Version: 1})
		if err != nil {
			return domain.User{}, err
		}
		orgID = o.ID
	}
	hash, err := svc.HashPassword(ctx, password)
	if err != nil {
		return domain.User{}, err
	}
	return store.CreateUser(ctx, domain.User{ID: uuid.New(), Email: strings.TrimSpace(email), Name: strings.TrimSpace(name), OrganisationID: orgID,
		Languages: []string{}, Expertise: []string{}, IsAdmin: true, PasswordHash: hash, Version: 1})
}
