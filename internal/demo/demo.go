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

// titles is a theme's or target group's title in Dutch, French and German.
func titles(nl, fr, de string) map[string]string {
	return map[string]string{"nl": nl, "fr": fr, "de": de}
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
		Translations: map[string]domain.ProgrammeText{
			"nl": {
				Name: "Terug naar werk na kanker — wederzijds leren",
				Description: "Opgestart door een Belgische social-profitorganisatie die mensen met of na kanker begeleidt bij alle vragen over " +
					"werk en bij elke stap terug naar het werk. Partners in verschillende Europese landen vergelijken hoe zij de wereld van werk " +
					"en die van gezondheid met elkaar verbinden, welke producten en diensten werknemers helpen, hoe veelbelovende projecten " +
					"kunnen groeien en wat er nodig is om elders een intensief terug-naar-werkprogramma op te starten.",
				Objective: "De kwaliteit van terug-naar-werkprogramma's verbeteren door informatie uit te wisselen, goede praktijken door " +
					"collega's te laten beoordelen, producten en diensten aan te passen aan de lokale context en nieuwe te ontwikkelen.",
			},
			"fr": {
				Name: "Retour au travail après un cancer — apprentissage mutuel",
				Description: "Lancé par une organisation belge du secteur non marchand qui accompagne les personnes touchées par un cancer, " +
					"pendant ou après la maladie, dans toutes leurs questions liées au travail et à chaque étape du retour à l'emploi. Des " +
					"partenaires de plusieurs pays européens comparent la façon dont ils relient le monde du travail et celui de la santé, les " +
					"produits et services qui aident les salariés, la manière dont des projets prometteurs peuvent se développer, et ce qu'il " +
					"faut pour lancer ailleurs un programme intensif de retour au travail.",
				Objective: "Améliorer la qualité des programmes d'accompagnement vers le retour au travail en échangeant des informations, " +
					"en faisant évaluer les bonnes pratiques par des pairs, en adaptant produits et services aux contextes locaux et en en " +
					"créant de nouveaux.",
			},
			"de": {
				Name: "Rückkehr in den Beruf nach Krebs — voneinander lernen",
				Description: "Ins Leben gerufen von einer belgischen gemeinnützigen Organisation, die Menschen mit oder nach einer " +
					"Krebserkrankung bei allen Fragen rund um die Arbeit und auf jedem Schritt zurück in den Beruf begleitet. Partner aus " +
					"mehreren europäischen Ländern vergleichen, wie sie Arbeitswelt und Gesundheitswesen miteinander verbinden, welche " +
					"Angebote Beschäftigten helfen, wie vielversprechende Projekte wachsen können und was es braucht, um andernorts ein " +
					"intensives Rückkehrprogramm aufzubauen.",
				Objective: "Die Qualität von Programmen zur Rückkehr an den Arbeitsplatz verbessern: durch Informationsaustausch, " +
					"kollegiale Begutachtung guter Praxis, die Anpassung von Angeboten und Dienstleistungen an das jeweilige Umfeld und die " +
					"Entwicklung neuer Angebote.",
			},
		},
		Themes: []domain.Keyed{
			{Key: "actors_work_health", Title: "Who is involved in return to work, and how work and health are linked",
				Titles: titles("Wie er bij terugkeer naar werk betrokken is, en hoe werk en gezondheid verbonden worden",
					"Les acteurs du retour au travail, et les liens entre travail et santé",
					"Wer an der Rückkehr in den Beruf beteiligt ist und wie Arbeit und Gesundheit verbunden werden")},
			{Key: "products_services", Title: "Products and services that support employees (information, guidance, assessment)",
				Titles: titles("Producten en diensten die werknemers ondersteunen (informatie, begeleiding, assessment)",
					"Produits et services qui soutiennent les salariés (information, accompagnement, évaluation)",
					"Angebote und Dienstleistungen, die Beschäftigte unterstützen (Information, Beratung, Begutachtung)")},
			{Key: "upscaling", Title: "Scaling up projects and implementing them more widely",
				Titles: titles("Projecten opschalen en breder invoeren", "Changer d'échelle : étendre et généraliser les projets",
					"Projekte ausweiten und breiter umsetzen")},
			{Key: "launch_parameters", Title: "Conditions for launching an intensive programme, and the most vulnerable groups",
				Titles: titles("Voorwaarden om een intensief programma op te starten, en de meest kwetsbare groepen",
					"Conditions pour lancer un programme intensif, et publics les plus vulnérables",
					"Voraussetzungen für den Start eines intensiven Programms, und besonders gefährdete Gruppen")},
		},
		TargetGroups: []domain.Keyed{
			{Key: "cancer_survivors", Title: "Employees with or after cancer",
				Titles: titles("Werknemers met of na kanker", "Salariés pendant ou après un cancer", "Beschäftigte mit oder nach einer Krebserkrankung")},
			{Key: "chronic_illness", Title: "Employees with a chronic illness",
				Titles: titles("Werknemers met een chronische ziekte", "Salariés atteints d'une maladie chronique", "Beschäftigte mit einer chronischen Erkrankung")},
			{Key: "older_workers", Title: "Older employees",
				Titles: titles("Oudere werknemers", "Salariés seniors", "Ältere Beschäftigte")},
			{Key: "low_skilled", Title: "Low-skilled workers",
				Titles: titles("Laaggeschoolde werknemers", "Travailleurs peu qualifiés", "Geringqualifizierte Beschäftigte")},
			{Key: "young_adults", Title: "Young adults moving from education to work",
				Titles: titles("Jongvolwassenen op weg van school naar werk", "Jeunes adultes en transition de l'école vers l'emploi",
					"Junge Erwachsene beim Übergang von der Ausbildung in den Beruf")},
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
		Translations: map[string]domain.ProgrammeText{
			"nl": {
				Name: "Lerend netwerk voor re-integratie in het tweede spoor",
				Description: "Een lerend netwerk van bedrijven, onder leiding van een Nederlandse universiteit, dat werkleerplekken " +
					"beschikbaar stelt voor werknemers die na langdurig ziekteverzuim kunnen en willen werken, maar niet terug kunnen naar " +
					"hun eigen functie of werkgever: het tweede spoor. Naast het opbouwen van het netwerk onderzoekt het wat het netwerk " +
					"oplevert voor werkhervatting, wat de ontwikkeling ervan helpt en hindert, en wat dit betekent voor het overheidsbeleid.",
				Objective: "Meer werknemers in het tweede spoor weer aan het werk helpen door passende werkleerplekken tussen bedrijven te delen.",
			},
			"fr": {
				Name: "Réseau apprenant pour la réinsertion chez un autre employeur",
				Description: "Un réseau apprenant d'entreprises, piloté par une université néerlandaise, qui met des places de " +
					"travail-formation à la disposition de salariés qui peuvent et veulent travailler après un long arrêt maladie, mais ne " +
					"peuvent retrouver ni leur poste ni leur employeur — le « second parcours » (tweede spoor). Au-delà de la construction " +
					"du réseau, il examine ce que celui-ci apporte à la reprise du travail, ce qui favorise ou freine son développement, et " +
					"ce que cela implique pour les politiques publiques.",
				Objective: "Aider davantage de salariés du second parcours à reprendre le travail en partageant entre entreprises des " +
					"places de travail-formation adaptées.",
			},
			"de": {
				Name: "Lernnetzwerk für die Wiedereingliederung bei einem anderen Arbeitgeber",
				Description: "Ein Lernnetzwerk von Unternehmen unter der Leitung einer niederländischen Universität, das Arbeits- und " +
					"Lernplätze für Beschäftigte bereitstellt, die nach langer Krankheit arbeiten können und wollen, aber nicht an ihren " +
					"eigenen Arbeitsplatz oder zu ihrem Arbeitgeber zurückkehren können — das „zweite Gleis“ (tweede spoor). Neben dem " +
					"Aufbau des Netzwerks wird untersucht, was es für die Wiederaufnahme der Arbeit leistet, was seine Entwicklung fördert " +
					"oder hemmt und was daraus für die staatliche Politik folgt.",
				Objective: "Mehr Beschäftigten im zweiten Gleis den Weg zurück in Arbeit ebnen, indem Unternehmen passende Arbeits- und " +
					"Lernplätze miteinander teilen.",
			},
		},
		Themes: []domain.Keyed{
			{Key: "placements", Title: "Suitable work-learning placements",
				Titles: titles("Passende werkleerplekken", "Places de travail-formation adaptées", "Passende Arbeits- und Lernplätze")},
			{Key: "network_building", Title: "Building and running a network of companies",
				Titles: titles("Een bedrijvennetwerk opbouwen en onderhouden", "Construire et animer un réseau d'entreprises",
					"Ein Unternehmensnetzwerk aufbauen und betreiben")},
			{Key: "work_resumption", Title: "Effect on work resumption",
				Titles: titles("Effect op werkhervatting", "Effet sur la reprise du travail", "Wirkung auf die Wiederaufnahme der Arbeit")},
			{Key: "policy", Title: "What the findings mean for public policy",
				Titles: titles("Wat de bevindingen betekenen voor overheidsbeleid", "Ce que les résultats impliquent pour les politiques publiques",
					"Was die Ergebnisse für die öffentliche Politik bedeuten")},
		},
		TargetGroups: []domain.Keyed{
			{Key: "second_track", Title: "Employees in second-track re-integration",
				Titles: titles("Werknemers in een re-integratietraject tweede spoor", "Salariés en réinsertion chez un autre employeur",
					"Beschäftigte in der Wiedereingliederung bei einem anderen Arbeitgeber")},
			{Key: "long_term_sick", Title: "Employees after long-term sickness absence",
				Titles: titles("Werknemers na langdurig ziekteverzuim", "Salariés après un arrêt maladie de longue durée",
					"Beschäftigte nach langer Arbeitsunfähigkeit")},
			{Key: "employers", Title: "Employers and HR staff",
				Titles: titles("Werkgevers en hr-medewerkers", "Employeurs et équipes RH", "Arbeitgeber und Personalverantwortliche")},
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
	if err := seedPartners(ctx, store, svc); err != nil {
		return fmt.Errorf("partners: %w", err)
	}
	if err := seedCalls(ctx, store); err != nil {
		return fmt.Errorf("calls: %w", err)
	}
	if err := seedPractices(ctx, store); err != nil {
		return fmt.Errorf("practices: %w", err)
	}
	if err := seedExchange(ctx, store); err != nil {
		return fmt.Errorf("reviews and adaptations: %w", err)
	}
	if err := seedProgrammeYear(ctx, store); err != nil {
		return fmt.Errorf("the programmes' year: %w", err)
	}
	if err := seedActivities(ctx, store); err != nil {
		return fmt.Errorf("activities: %w", err)
	}
	if err := seedLearning(ctx, store); err != nil {
		return fmt.Errorf("learning profiles: %w", err)
	}
	fmt.Fprintln(out, "Demo data loaded. Sign in with any of these accounts (password: "+Password+"):")
	for _, p := range demoPeople() {
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
		hash, err := passwordHash(ctx, svc)
		if err != nil {
			return err
		}
		u := domain.User{ID: id, Email: p.email, Name: p.name, OrganisationID: ID("organisation", p.org), Languages: p.languages,
			Expertise: p.expertise, IsAdmin: p.admin, PasswordHash: hash, Locale: localeOf(p), Version: 1}
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
