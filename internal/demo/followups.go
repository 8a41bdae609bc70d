package demo

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// yearAdaptation is an adaptation of a published practice in another country (or, in the
// second-track network, by another company) with its follow-ups: cumulative counts of
// participants, of those who returned to work and of those in work six months later, recorded
// every few months over up to eighteen months. kept and changed name the product's core
// elements by position.
type yearAdaptation struct {
	key, practice, product, org, author string
	title, context, stage, created      string
	targetGroups                        []string
	frame                               domain.Frame
	kept, changed                       []int
	barriers, facilitators              []string
	followUps                           []domain.Outcome
}

func followUp(on string, participants, returned int, inWork6 *int, notes string) domain.Outcome {
	return domain.Outcome{RecordedOn: at(on + "T00:00:00Z"), Participants: participants, ReturnedToWork: returned, InWorkAfter6Months: inWork6, Notes: notes}
}

func placementsFollowUp(on string, offered, participants, returned int, inWork6 *int, notes string) domain.Outcome {
	o := followUp(on, participants, returned, inWork6, notes)
	o.PlacementsOffered = iptr(offered)
	return o
}

var yearAdaptations = []yearAdaptation{
	{key: "rentree-tampere", practice: "rentree", product: "rentree-trajectory", org: "tyokyky", author: "reviewer.fi@peerbridge.example",
		title: "Rentree-style coaching at the Pirkanmaa work ability centre", stage: "evaluating", created: "2025-06-02",
		context:      "Started in the programme's preparatory phase: a work ability coach at the Tampere centre follows cancer patients referred by the university hospital's oncology clinic, working with the employee's occupational health service instead of the employer directly.",
		targetGroups: []string{"cancer_survivors", "low_skilled"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"programme_leader", "practitioner"}, What: []string{"context", "content"},
			Level: "organisation", ContextModifications: []string{"personnel", "setting"}, ContentModifications: []string{"substituting"}, Fidelity: "inconsistent",
			Goals: []string{"fit", "reach"}, Reasons: map[string][]string{"sociopolitical": {"existing_services", "laws_policies"}}},
		kept: []int{0, 2}, changed: []int{1},
		barriers:     []string{"Occupational physicians are hard to reach", "Patients of small firms have no occupational health service", "No budget for coordination"},
		facilitators: []string{"Hospital social workers refer early", "Partial sickness allowance makes a graded return easy", "Employers value a single contact person"},
		followUps: []domain.Outcome{
			followUp("2025-09-01", 8, 2, nil, "First referrals from the oncology clinic; the joint meeting is held with the occupational health nurse, not the employer."),
			followUp("2025-12-01", 15, 6, nil, "Barrier: patients of small firms have no occupational health service beyond the legal minimum, so nobody to meet."),
			followUp("2026-03-02", 23, 11, iptr(5), "The coach now calls small employers directly; first six-month figures."),
			followUp("2026-06-01", 31, 16, iptr(9), "Partial sickness allowance used in most returns; waiting times at the clinic delay first contact."),
			followUp("2026-09-01", 38, 21, iptr(14), "Helped: a fixed referral slot at the clinic's weekly meeting. Still hard: reaching occupational physicians in time."),
			followUp("2026-11-16", 44, 25, iptr(17), "Eighteen months in: the hospital district will fund the coach from 2027."),
		}},
	{key: "tripartite-cork", practice: "tripartite", product: "tripartite-meeting", org: "workwell", author: "partner.ie@peerbridge.example",
		title: "Structured return-to-work meetings in Cork", stage: "sustained", created: "2025-07-01",
		context:      "Irish employers have no legal trigger; WorkWell offers the meeting to employers of its peer-mentoring clients at the point where sick pay drops, and a nurse from a contracted occupational health provider takes the physician's place.",
		targetGroups: []string{"cancer_survivors"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"manager", "practitioner"}, What: []string{"context"},
			Level: "organisation", ContextModifications: []string{"personnel"}, ContentModifications: []string{"tailoring"}, Fidelity: "consistent",
			Goals: []string{"fit", "feasibility"}, Reasons: map[string][]string{"sociopolitical": {"laws_policies"}, "organisation": {"resources"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Employers unwilling to meet in person", "No legal moment that triggers the meeting"},
		facilitators: []string{"Peer mentors who returned to work themselves", "The one-page agenda reassures supervisors"},
		followUps: []domain.Outcome{
			followUp("2025-10-01", 6, 2, nil, "Employers agreed to meet in six of eleven cases; others preferred a phone call."),
			followUp("2026-01-12", 14, 8, nil, "The Finnish supervisor guide, shortened to two pages, made employers more willing to come."),
			followUp("2026-04-01", 21, 13, iptr(6), "Sick pay dropping at six months works as the trigger."),
			followUp("2026-07-01", 27, 18, iptr(11), "Two larger employers now convene the meeting themselves."),
			followUp("2026-10-05", 33, 23, iptr(16), "Seventeen months: the meeting is part of our standard offer."),
		}},
	{key: "tripartite-leipzig", practice: "tripartite", product: "tripartite-meeting", org: "ifdleipzig", author: "leipzig.de@peerbridge.example",
		title: "Dreiergespräch im BEM nach finnischem Vorbild", stage: "implementing", created: "2025-09-15",
		context:      "Die finnische Tagesordnung wird im ersten BEM-Gespräch kleiner Betriebe verwendet; die Hausärztin wird telefonisch zugeschaltet, weil es keinen Betriebsarzt gibt.",
		targetGroups: []string{"cancer_survivors", "low_skilled"},
		frame: domain.Frame{When: "implementation", Planned: "reactive", DecidedBy: []string{"practitioner"}, What: []string{"content", "context"},
			Level: "practitioner", ContextModifications: []string{"format", "personnel"}, ContentModifications: []string{"integrating", "shortening"}, Fidelity: "inconsistent",
			Goals: []string{"fit", "feasibility"}, Reasons: map[string][]string{"sociopolitical": {"existing_services"}, "organisation": {"time_constraints"}}},
		kept: []int{1}, changed: []int{0, 2},
		barriers:     []string{"Occupational physicians are hard to reach", "Family doctors have no time for a phone meeting"},
		facilitators: []string{"The one-page agenda reassures supervisors", "Grants for workplace adjustments"},
		followUps: []domain.Outcome{
			followUp("2026-01-15", 9, 4, nil, "Hausärztinnen sind telefonisch kaum erreichbar; wir schicken ihnen jetzt den Plan zur Unterschrift."),
			followUp("2026-05-15", 18, 10, iptr(4), "Die Überprüfung nach einem Monat entfällt oft; nach drei Monaten findet sie statt."),
			followUp("2026-09-15", 27, 17, iptr(10), "Betriebe schätzen die eine Seite Tagesordnung."),
			followUp("2026-11-16", 31, 20, iptr(13), "Vierzehn Monate: Die Ein-Monats-Überprüfung wird wieder eingeführt."),
		}},
	{key: "tripartite-kempen", practice: "tripartite", product: "supervisor-guide", org: "jobcentrum", author: "partner.be@peerbridge.example",
		title: "Gids voor leidinggevenden bij het terugkeergesprek", stage: "implementing", created: "2026-05-11",
		context:      "De Finse gids voor leidinggevenden, vertaald en aangepast aan het Belgische re-integratietraject, wordt meegestuurd met de uitnodiging voor het driegesprek.",
		targetGroups: []string{"cancer_survivors"},
		frame: domain.Frame{When: "implementation", Planned: "proactive", DecidedBy: []string{"practitioner"}, What: []string{"content"},
			Level: "target_group", ContentModifications: []string{"tailoring"}, Fidelity: "consistent",
			Goals: []string{"fit", "satisfaction"}, Reasons: map[string][]string{"recipient": {"language"}, "sociopolitical": {"laws_policies"}}},
		kept:         []int{0},
		barriers:     []string{"Employers unwilling to meet in person"},
		facilitators: []string{"The one-page agenda reassures supervisors", "Employers value a single contact person"},
		followUps: []domain.Outcome{
			followUp("2026-08-03", 12, 7, nil, "Leidinggevenden lezen de gids vaker als de jobcoach hem eerst kort toelicht."),
			followUp("2026-11-16", 23, 15, iptr(8), "Twaalf leidinggevenden vroegen om een Franse versie voor hun Waalse vestigingen."),
		}},
	{key: "werkpunt-rotterdam", practice: "werkpunt", product: "werkpunt-spreekuur", org: "doorstart", author: "doorstart.nl@peerbridge.example",
		title: "Werkspreekuur in een Rotterdams dagziekenhuis", stage: "implementing", created: "2026-06-01",
		context:      "Een ervaringsdeskundige werkcoach van Doorstart houdt wekelijks spreekuur; omdat in Nederland de werkgever en de bedrijfsarts de re-integratie leiden, belt de coach de bedrijfsarts en niet de werkgever.",
		targetGroups: []string{"cancer_survivors"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"manager", "practitioner"}, What: []string{"context", "content"},
			Level: "organisation", ContextModifications: []string{"personnel"}, ContentModifications: []string{"substituting"}, Fidelity: "inconsistent",
			Goals: []string{"fit"}, Reasons: map[string][]string{"sociopolitical": {"laws_policies"}}},
		kept: []int{0, 1}, changed: []int{2},
		barriers:     []string{"Occupational physicians are hard to reach", "Privacy rules on sharing medical information"},
		facilitators: []string{"Nurses ask about work as a routine question"},
		followUps: []domain.Outcome{
			followUp("2026-09-01", 17, 5, nil, "Verpleegkundigen vergeten de vraag als het druk is; een sticker op het behandelplan helpt."),
			followUp("2026-11-16", 29, 11, nil, "Bedrijfsartsen reageren binnen een week als de werknemer zelf belt."),
		}},
	{key: "werkpunt-essen", practice: "werkpunt", product: "werkpunt-spreekuur", org: "tumorzentrum", author: "essen.de@peerbridge.example",
		title: "Sprechstunde Arbeit in der onkologischen Tagesklinik", stage: "implementing", created: "2026-07-01",
		context:      "Die Onko-Lotsinnen übernehmen die Sprechstunde in der Tagesklinik; der Kontakt zum Arbeitgeber bleibt freiwillig.",
		targetGroups: []string{"cancer_survivors"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"programme_leader"}, What: []string{"context"},
			Level: "unit", ContextModifications: []string{"personnel"}, Fidelity: "consistent", Goals: []string{"reach"},
			Reasons: map[string][]string{"organisation": {"staff_capacity"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"No budget for coordination"},
		facilitators: []string{"Nurses ask about work as a routine question", "Hospital social workers refer early"},
		followUps: []domain.Outcome{
			followUp("2026-10-01", 21, 6, nil, "Drei Monate: Die Pflege fragt inzwischen bei jeder zweiten Therapie nach der Arbeit."),
		}},
	{key: "pre-reprise-namur", practice: "pre-reprise", product: "pre-reprise-visite", org: "entraide", author: "partner.be.fr@peerbridge.example",
		title: "Contact proactif pendant l'incapacité, à la mutualité", stage: "implementing", created: "2026-06-15",
		context:      "En Belgique, c'est la mutualité qui connaît les incapacités longues : l'assistante sociale appelle l'affilié au troisième mois et propose une visite de pré-reprise chez le conseiller en prévention-médecin du travail.",
		targetGroups: []string{"cancer_survivors", "older_workers"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"manager"}, What: []string{"context"},
			Level: "organisation", ContextModifications: []string{"setting", "personnel"}, Fidelity: "consistent", Goals: []string{"fit", "reach"},
			Reasons: map[string][]string{"sociopolitical": {"existing_services"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Occupational physicians are hard to reach", "Fear of being declared unfit"},
		facilitators: []string{"Employers value a single contact person", "The sickness fund knows every long absence"},
		followUps: []domain.Outcome{
			followUp("2026-09-15", 26, 8, nil, "Beaucoup d'affiliés craignent d'être déclarés inaptes ; le courrier a été réécrit."),
			followUp("2026-11-16", 41, 17, nil, "Les visites ont lieu en moyenne sept semaines avant la reprise."),
		}},
	{key: "pre-reprise-dublin", practice: "pre-reprise", product: "pre-reprise-visite", org: "ohpdublin", author: "reviewer.ie@peerbridge.example",
		title: "Pre-return consultation during sick leave in the public service pathway", stage: "planning", created: "2026-07-20",
		context:      "Adds a consultation in the third month of sick leave to our pathway; without a statutory pre-return visit it is offered through HR.",
		targetGroups: []string{"cancer_survivors", "chronic_illness"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"practitioner", "employer"}, What: []string{"context"},
			Level: "organisation", ContextModifications: []string{"personnel"}, Fidelity: "unknown", Goals: []string{"fit"},
			Reasons: map[string][]string{"sociopolitical": {"laws_policies"}}},
		barriers:     []string{"No legal moment that triggers the meeting"},
		facilitators: []string{"The sickness absence policy already names occupational health"},
		followUps: []domain.Outcome{
			followUp("2026-11-02", 7, 1, nil, "A first pilot in two departments."),
		}},
	{key: "lotsen-bordeaux", practice: "onko-lotsen", product: "onko-lotsen-begleitung", org: "capreprise", author: "bordeaux.fr@peerbridge.example",
		title: "Navigatrices « travail » dès l'annonce du diagnostic", stage: "implementing", created: "2026-06-01",
		context:      "Deux paires-aidantes formées rencontrent les patients après la réunion de concertation pluridisciplinaire d'un centre bordelais et tiennent une feuille de route sur les arrêts, le temps partiel thérapeutique et l'employeur.",
		targetGroups: []string{"cancer_survivors", "young_adults"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"programme_leader", "recipient"}, What: []string{"context", "content"},
			Level: "organisation", ContextModifications: []string{"personnel"}, ContentModifications: []string{"adding"}, Fidelity: "consistent",
			Goals: []string{"fit", "culture"}, Reasons: map[string][]string{"organisation": {"mission_fit"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Funding for one year only"},
		facilitators: []string{"Peer mentors who returned to work themselves", "Hospital social workers refer early"},
		followUps: []domain.Outcome{
			followUp("2026-09-01", 19, 3, nil, "Les patients acceptent mieux le contact quand la navigatrice est une ancienne patiente."),
			followUp("2026-11-16", 34, 9, nil, "Premiers retours au travail ; beaucoup sont encore en traitement."),
		}},
	{key: "lotsen-vaasa", practice: "onko-lotsen", product: "onko-lotsen-begleitung", org: "syopa", author: "vaasa.fi@peerbridge.example",
		title: "Work navigator at the cancer society's advice line", stage: "exploring", created: "2026-09-07",
		context:      "Exploring whether a navigator based at the advice line could call patients after diagnosis, as there is no hospital budget for the role.",
		targetGroups: []string{"cancer_survivors"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"manager"}, What: []string{"context"},
			Level: "organisation", ContextModifications: []string{"setting", "format"}, Fidelity: "unknown", Goals: []string{"cost", "reach"},
			Reasons: map[string][]string{"organisation": {"resources"}}},
		barriers:     []string{"Funding for one year only"},
		facilitators: []string{"Peer mentors who returned to work themselves"}},
	{key: "bilan-geel", practice: "bilan", product: "bilan-outil", org: "kempen", author: "reviewer.be@peerbridge.example",
		title: "Hervattingsbilan in het oncologisch centrum", stage: "evaluating", created: "2026-05-04",
		context:      "Het Franse bilan wordt na de behandeling aangeboden door de arbeidsconsulent en een ergotherapeut van het ziekenhuis; het plan gaat naar de preventieadviseur-arbeidsarts.",
		targetGroups: []string{"cancer_survivors", "low_skilled"},
		frame: domain.Frame{When: "implementation", Planned: "proactive", DecidedBy: []string{"practitioner"}, What: []string{"context"},
			Level: "unit", ContextModifications: []string{"setting"}, Fidelity: "consistent", Goals: []string{"effectiveness"},
			Reasons: map[string][]string{"provider": {"skills"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Waiting lists for occupational therapy"},
		facilitators: []string{"Nurses ask about work as a routine question"},
		followUps: []domain.Outcome{
			followUp("2026-08-03", 16, 7, nil, "Vermoeidheid is ook hier het eerste probleem."),
			followUp("2026-11-16", 30, 17, iptr(6), "Wachttijd voor de ergotherapeut gehalveerd door een vaste dag per week."),
		}},

	// The second-track network: Van Loon's and Versmarkt's placements taken up by other companies.
	{key: "leerplek-bouw", practice: "placements-logistics", product: "werkleerplek", org: "hendriks", author: "bouw.nl@peerbridge.example",
		title: "Werk-leerplekken in de bouw naar het model van Van Loon", stage: "sustained", created: "2025-03-03",
		context:      "Het bouwbedrijf nam het logistieke model over voor werkvoorbereiding en magazijn, met vier in plaats van drie maanden.",
		targetGroups: []string{"second_track", "long_term_sick"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"employer"}, What: []string{"content", "context"},
			Level: "organisation", ContextModifications: []string{"setting"}, ContentModifications: []string{"lengthening"}, Fidelity: "consistent",
			Goals: []string{"fit", "retention"}, Reasons: map[string][]string{"organisation": {"mission_fit"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Onduidelijkheid over loon en verzekering tijdens de leerplek", "Te weinig tijd van begeleiders op de werkvloer"},
		facilitators: []string{"Personeelstekort maakt bedrijven bereid plekken te bieden", "Vaste contactpersoon per bedrijf", "Kennismaking vooraf op de werkplek"},
		followUps: []domain.Outcome{
			placementsFollowUp("2025-06-02", 3, 2, 0, nil, "Belemmering: de verzekeraar van de eigen werkgever wilde eerst de aansprakelijkheid geregeld zien."),
			placementsFollowUp("2025-09-01", 5, 5, 1, nil, "Afspraak over verzekering vastgelegd in een netwerkmodel; nu loopt het."),
			placementsFollowUp("2025-12-01", 6, 8, 3, iptr(1), "Bevorderend: het personeelstekort in de werkvoorbereiding."),
			placementsFollowUp("2026-03-02", 7, 11, 5, iptr(3), "De begeleider krijgt te weinig uren; twee deelnemers haakten af."),
			placementsFollowUp("2026-06-01", 8, 13, 7, iptr(5), "Begeleider krijgt nu acht uur per week; kennismaking op de bouwplaats ingevoerd."),
			placementsFollowUp("2026-09-01", 9, 14, 9, iptr(7), "Achttien maanden: vijf deelnemers in dienst."),
		}},
	{key: "leerplek-winkel", practice: "placements-logistics", product: "werkleerplek", org: "versmarkt", author: "retail.nl@peerbridge.example",
		title: "Werk-leerplekken in de supermarkt", stage: "sustained", created: "2025-05-06",
		context:      "Versmarkt gebruikt de vaste begeleider en het leerplan, maar laat de eigen werkgever alleen de eerste zes weken het loon betalen; daarna volgt een proefcontract.",
		targetGroups: []string{"second_track"},
		frame: domain.Frame{When: "implementation", Planned: "reactive", DecidedBy: []string{"employer", "manager"}, What: []string{"content"},
			Level: "organisation", ContentModifications: []string{"shortening", "substituting"}, Fidelity: "inconsistent",
			Goals: []string{"retention", "cost"}, Reasons: map[string][]string{"organisation": {"resources"}, "sociopolitical": {"laws_policies"}}},
		kept: []int{0, 1}, changed: []int{2},
		barriers:     []string{"Onduidelijkheid over loon en verzekering tijdens de leerplek", "Winkelmanagers hebben geen tijd om in te werken"},
		facilitators: []string{"Personeelstekort maakt bedrijven bereid plekken te bieden", "Getrainde buddy's in elke winkel"},
		followUps: []domain.Outcome{
			placementsFollowUp("2025-08-04", 6, 4, 1, nil, "Managers hebben geen tijd; we trainen nu twee buddy's per winkel."),
			placementsFollowUp("2025-11-03", 10, 9, 4, nil, "Buddy's maken het verschil; wel uitval bij onderbezetting."),
			placementsFollowUp("2026-02-02", 12, 15, 8, iptr(4), "Proefcontract na zes weken werkt, maar de eigen werkgever twijfelt over de loonafspraak."),
			placementsFollowUp("2026-05-04", 14, 20, 11, iptr(7), "Matchingstafel levert meer kandidaten dan we plekken hebben."),
			placementsFollowUp("2026-08-03", 15, 24, 14, iptr(10), "Bevorderend: vaste contactpersoon bij de eigen werkgever."),
			placementsFollowUp("2026-11-02", 16, 26, 15, iptr(11), "Achttien maanden: acht deelnemers bij ons in dienst, drie elders."),
		}},
	{key: "leerplek-facilitair", practice: "placements-logistics", product: "werkleerplek", org: "cleanline", author: "facilitair.nl@peerbridge.example",
		title: "Facilitaire werk-leerplekken met taalcoaching", stage: "implementing", created: "2025-09-01",
		context:      "CleanLine voegt taalcoaching toe aan de werk-leerplek, omdat veel deelnemers beperkt Nederlands spreken.",
		targetGroups: []string{"second_track", "long_term_sick"},
		frame: domain.Frame{When: "pre_implementation", Planned: "proactive", DecidedBy: []string{"employer", "practitioner"}, What: []string{"content"},
			Level: "target_group", ContentModifications: []string{"adding"}, Fidelity: "consistent",
			Goals: []string{"fit", "reach"}, Reasons: map[string][]string{"recipient": {"language", "literacy"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Taalbarrière bij deelnemers", "Te weinig tijd van begeleiders op de werkvloer"},
		facilitators: []string{"Vaste contactpersoon per bedrijf", "Taalcoaching op de werkplek"},
		followUps: []domain.Outcome{
			placementsFollowUp("2025-12-01", 4, 3, 1, nil, "Taal blijkt een grotere drempel dan de fysieke klachten."),
			placementsFollowUp("2026-03-02", 5, 6, 3, nil, "Taalcoach één uur per week op de werkplek ingezet."),
			placementsFollowUp("2026-06-01", 6, 9, 5, iptr(2), "Kantoorklanten waarderen de vaste gezichten."),
			placementsFollowUp("2026-09-01", 6, 11, 7, iptr(4), "Teamleiders hebben te weinig tijd als een klant het contract uitbreidt."),
		}},
	{key: "buddy-servicedesk", practice: "winkel-buddy", product: "winkel-plaatsing", org: "datazuid", author: "ict.nl@peerbridge.example",
		title: "Buddy's op de servicedesk", stage: "evaluating", created: "2026-02-02",
		context:      "Het datacentrum nam de buddy van Versmarkt over voor de servicedesk-leerplek; de deelnemer kiest uit telefoon, chat of e-mail.",
		targetGroups: []string{"second_track"},
		frame: domain.Frame{When: "implementation", Planned: "proactive", DecidedBy: []string{"employer"}, What: []string{"context"},
			Level: "unit", ContextModifications: []string{"setting"}, Fidelity: "consistent", Goals: []string{"retention"},
			Reasons: map[string][]string{"organisation": {"mission_fit"}}},
		kept:         []int{0, 1, 2},
		barriers:     []string{"Te weinig tijd van begeleiders op de werkvloer"},
		facilitators: []string{"Vaste contactpersoon per bedrijf", "Thuiswerken maakt langere dagen mogelijk"},
		followUps: []domain.Outcome{
			placementsFollowUp("2026-05-04", 3, 3, 1, nil, "Buddy's moeten eerst zelf leren uitleggen."),
			placementsFollowUp("2026-08-03", 4, 6, 4, iptr(1), "Thuiswerken vanaf week vier bevalt goed."),
			placementsFollowUp("2026-11-02", 4, 9, 6, iptr(4), "Vijf deelnemers werken nu in de ICT."),
		}},
}

// coreElements are the declared core elements of a demo product.
func coreElements(productKey string) []string {
	for _, p := range allPractices() {
		for _, pr := range p.text.Products {
			if pr.ID == ID("product", productKey) {
				return pr.CoreElements
			}
		}
	}
	return nil
}

// withCore is the adaptation's frame with the product's core elements kept and changed.
func (d yearAdaptation) withCore() domain.Frame {
	f, core := d.frame, coreElements(d.product)
	f.CoreElementsKept, f.CoreElementsChanged = nil, nil
	for _, i := range d.kept {
		f.CoreElementsKept = append(f.CoreElementsKept, core[i])
	}
	for _, i := range d.changed {
		f.CoreElementsChanged = append(f.CoreElementsChanged, core[i])
	}
	return f
}

// seedYearAdaptations loads the year's adaptations and follow-ups; each is created once.
func seedYearAdaptations(ctx context.Context, store *postgres.Store) error {
	for _, d := range yearAdaptations {
		id := ID("adaptation", d.key)
		if _, err := store.Adaptation(ctx, id, false); err == nil {
			continue
		} else if !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		p, err := store.Practice(ctx, ID("practice", d.practice), false)
		if err != nil {
			return err
		}
		a := domain.Adaptation{ID: id, ProgrammeID: p.ProgrammeID, SourcePracticeID: p.ID, ProductID: uptr(ID("product", d.product)),
			AdoptingOrganisationID: ID("organisation", d.org), Country: orgByKey(d.org).country, Title: d.title, ContextDescription: d.context,
			TargetGroups: d.targetGroups, Stage: d.stage, Frame: d.withCore(), Barriers: d.barriers, Facilitators: d.facilitators, CreatedBy: ID("user", d.author)}
		err = store.WithTx(ctx, func(ctx context.Context) error {
			if err := store.CreateAdaptation(ctx, a); err != nil {
				return err
			}
			for i, o := range d.followUps {
				o.ID, o.AdaptationID, o.CreatedBy = followUpID(d.key, i), id, a.CreatedBy
				if err := store.InsertOutcome(ctx, o); err != nil {
					return err
				}
				if err := store.Exec(ctx, `UPDATE adaptation_outcomes SET created_at = '`+o.RecordedOn.Add(10*time.Hour).Format(time.RFC3339)+`' WHERE id = '`+o.ID.String()+`'`); err != nil {
					return err
				}
			}
			created := d.created + "T09:00:00Z"
			updated := created
			if n := len(d.followUps); n > 0 {
				updated = d.followUps[n-1].RecordedOn.Add(10 * time.Hour).Format(time.RFC3339)
			}
			return store.Exec(ctx, `UPDATE adaptations SET created_at = '`+created+`', updated_at = '`+updated+`' WHERE id = '`+id.String()+`'`)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func followUpID(adaptation string, i int) uuid.UUID {
	return ID("outcome", adaptation+":"+string(rune('a'+i)))
}

// seedProgrammeYear loads what happened in both programmes during their first year beyond the
// first demo: the partners' practices, the cancer programme's review rounds, and adaptations
// with their follow-ups.
func seedProgrammeYear(ctx context.Context, store *postgres.Store) error {
	if err := seedYearPractices(ctx, store); err != nil {
		return err
	}
	if err := seedRounds(ctx, store); err != nil {
		return err
	}
	return seedYearAdaptations(ctx, store)
}
