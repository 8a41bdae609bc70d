package demo

import (
	"context"
	"slices"
	"sync"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
)

// The cancer programme's partners in its six countries (Belgium, the Netherlands, France,
// Germany, Finland and Ireland) beyond the first organisation of each, and the companies of the
// Dutch second-track network: enough organisations that every practice can be reviewed by two or
// three people from other countries and other organisations.
var partnerOrganisations = []org{
	{"entraide", "Entraide Mutualiste — service Retour à l'emploi", "BE", "insurer", "Namur", ""},
	{"kempen", "Ziekenhuisnetwerk Kempen — oncologisch centrum", "BE", "health_care", "Geel", ""},
	{"arbomidden", "Arbodienst Midden-Nederland", "NL", "health_care", "Amersfoort", ""},
	{"doorstart", "Stichting Doorstart na Kanker", "NL", "ngo", "Rotterdam", ""},
	{"santeloire", "Service de santé au travail Loire", "FR", "health_care", "Saint-Étienne", ""},
	{"capreprise", "Association Cap Reprise", "FR", "ngo", "Bordeaux", ""},
	{"tumorzentrum", "Tumorzentrum Rhein-Ruhr, Nachsorge", "DE", "health_care", "Essen", ""},
	{"ifdleipzig", "Integrationsfachdienst Leipzig", "DE", "public_agency", "Leipzig", ""},
	{"turku", "Turun Työterveys", "FI", "health_care", "Turku", ""},
	{"syopa", "Pohjanmaan Syöpäyhdistys", "FI", "ngo", "Vaasa", ""},
	{"galway", "Galway Cancer Support Centre", "IE", "ngo", "Galway", ""},
	{"ohpdublin", "Dublin Occupational Health Partnership", "IE", "health_care", "Dublin", ""},
	// Companies of the second-track network, each from another sector.
	{"hendriks", "Bouwbedrijf Hendriks", "NL", "employer", "Oss", ""},
	{"versmarkt", "Versmarkt Brabant", "NL", "employer", "'s-Hertogenbosch", ""},
	{"kempenmetaal", "Kempen Metaalbewerking", "NL", "employer", "Eindhoven", ""},
	{"cleanline", "CleanLine Facilitair", "NL", "employer", "Breda", ""},
	{"datazuid", "Datacentrum Zuid", "NL", "employer", "Tilburg", ""},
}

// organisationLanguage is the language each organisation writes in. Finnish is not an interface
// language: the Finnish partners write in English, or in Finnish with an English translation.
var organisationLanguage = map[string]string{
	"secretariat": "en", "jobcentrum": "nl", "werkbrug": "nl", "retour": "fr", "wiedereinstieg": "de", "tyokyky": "fi",
	"workwell": "en", "tilburg": "nl", "zorggroep": "nl", "vanloon": "nl",
	"entraide": "fr", "kempen": "nl", "arbomidden": "nl", "doorstart": "nl", "santeloire": "fr", "capreprise": "fr",
	"tumorzentrum": "de", "ifdleipzig": "de", "turku": "fi", "syopa": "fi", "galway": "en", "ohpdublin": "en",
	"hendriks": "nl", "versmarkt": "nl", "kempenmetaal": "nl", "cleanline": "nl", "datazuid": "nl",
}

// languageExceptions are practices written in another language than their organisation's, and
// why: the German toolkit was written for a European audience from the start.
var languageExceptions = map[string]string{
	"employer-toolkit": "written in English for employers' associations in several countries",
}

// writesIn reports whether a practice of the organisation may be written in lang: its own
// language, or English where its own language is not one of the interface's (Finnish).
func writesIn(orgKey, lang string) bool {
	own := organisationLanguage[orgKey]
	return lang == own || (lang == "en" && !domain.ValidLocale(own))
}

// localeOf is the interface language of a demo person: their organisation's, English where the
// interface lacks it.
func localeOf(p person) string {
	if l := organisationLanguage[p.org]; domain.ValidLocale(l) {
		return l
	}
	return domain.DefaultLocale
}

func roles(cancerRoles []domain.Role, trackRoles []domain.Role) map[string][]domain.Role {
	m := map[string][]domain.Role{}
	if len(cancerRoles) > 0 {
		m[cancer] = cancerRoles
	}
	if len(trackRoles) > 0 {
		m[secondTrack] = trackRoles
	}
	return m
}

var (
	partner  = []domain.Role{domain.RolePartner}
	reviewer = []domain.Role{domain.RoleReviewer}
	both     = []domain.Role{domain.RolePartner, domain.RoleReviewer}
)

// partnerPeople are the partners and reviewers of partnerOrganisations.
var partnerPeople = []person{
	{"partner.be.fr@peerbridge.example", "Nathalie Dubois", "entraide", []string{"fr", "nl", "en"}, []string{"actors_work_health", "launch_parameters"}, false, roles(both, nil)},
	{"reviewer.be@peerbridge.example", "Wouter Claes", "kempen", []string{"nl", "en", "fr"}, []string{"actors_work_health", "products_services"}, false, roles(both, nil)},
	{"reviewer.nl@peerbridge.example", "Maarten Bakker", "arbomidden", []string{"nl", "en", "de"}, []string{"actors_work_health", "upscaling"}, false, roles(both, nil)},
	{"doorstart.nl@peerbridge.example", "Sanne Visser", "doorstart", []string{"nl", "en"}, []string{"products_services"}, false, roles(partner, nil)},
	{"reviewer.fr@peerbridge.example", "Julien Moreau", "santeloire", []string{"fr", "en"}, []string{"actors_work_health", "launch_parameters"}, false, roles(both, nil)},
	{"bordeaux.fr@peerbridge.example", "Léa Fournier", "capreprise", []string{"fr", "en", "de"}, []string{"products_services", "upscaling"}, false, roles(both, nil)},
	{"essen.de@peerbridge.example", "Katharina Schmitt", "tumorzentrum", []string{"de", "en"}, []string{"actors_work_health", "products_services"}, false, roles(both, nil)},
	{"leipzig.de@peerbridge.example", "Thomas Richter", "ifdleipzig", []string{"de", "en", "nl"}, []string{"launch_parameters", "upscaling"}, false, roles(both, nil)},
	{"turku.fi@peerbridge.example", "Mikko Lehtonen", "turku", []string{"fi", "en", "de"}, []string{"actors_work_health", "upscaling"}, false, roles(both, nil)},
	{"vaasa.fi@peerbridge.example", "Johanna Nieminen", "syopa", []string{"fi", "en"}, []string{"products_services"}, false, roles(partner, nil)},
	{"galway.ie@peerbridge.example", "Ciarán O'Brien", "galway", []string{"en", "fr"}, []string{"products_services", "launch_parameters"}, false, roles(both, nil)},
	{"reviewer.ie@peerbridge.example", "Niamh Kelly", "ohpdublin", []string{"en", "fr", "nl"}, []string{"actors_work_health", "upscaling"}, false, roles(reviewer, nil)},
	// The second-track network's companies.
	{"bouw.nl@peerbridge.example", "Ruud Hendriks", "hendriks", []string{"nl"}, []string{"placements"}, false, roles(nil, partner)},
	{"retail.nl@peerbridge.example", "Yvonne van Dijk", "versmarkt", []string{"nl", "en"}, []string{"placements", "network_building"}, false, roles(nil, both)},
	{"metaal.nl@peerbridge.example", "Henk Smits", "kempenmetaal", []string{"nl", "de"}, []string{"placements"}, false, roles(nil, partner)},
	{"facilitair.nl@peerbridge.example", "Naima Bouzid", "cleanline", []string{"nl", "en", "fr"}, []string{"placements", "work_resumption"}, false, roles(nil, partner)},
	{"ict.nl@peerbridge.example", "Joost van der Meer", "datazuid", []string{"nl", "en"}, []string{"network_building", "policy"}, false, roles(nil, both)},
	{"onderzoek.nl@peerbridge.example", "Lotte Verbeek", "tilburg", []string{"nl", "en"}, []string{"work_resumption", "policy"}, false, roles(nil, []domain.Role{domain.RoleReviewer})},
}

// demoPeople is every demo account, the first demo's and the partners'.
func demoPeople() []person { return slices.Concat(people, partnerPeople) }

// demoOrganisations is every demo organisation.
func demoOrganisations() []org { return slices.Concat(organisations, partnerOrganisations) }

// seedPartners loads the partner organisations and their people; each is created once.
func seedPartners(ctx context.Context, store *postgres.Store, svc *service.Service) error {
	for _, o := range partnerOrganisations {
		if err := ensureOrganisation(ctx, store, o); err != nil {
			return err
		}
	}
	for _, p := range partnerPeople {
		if err := ensurePerson(ctx, store, svc, p); err != nil {
			return err
		}
	}
	return nil
}

// passwordHash hashes the shared demo password once per service: every demo account has the same
// password, and hashing it for each of forty accounts would make seeding slow.
func passwordHash(ctx context.Context, svc *service.Service) (string, error) {
	hashed.Lock()
	defer hashed.Unlock()
	if hashed.svc != svc || hashed.hash == "" {
		h, err := svc.HashPassword(ctx, Password)
		if err != nil {
			return "", err
		}
		hashed.svc, hashed.hash = svc, h
	}
	return hashed.hash, nil
}

var hashed struct {
	sync.Mutex
	svc  *service.Service
	hash string
}
