package demo

import (
	"context"
	"time"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

type demoPractice struct {
	key, programme, org, author string
	status                      domain.PracticeStatus
	text                        domain.PracticeText
	// call is the key of the demo call the practice answers, if any.
	call string
}

func ptr(i int) *int { return &i }

func product(key, name, kind, description string, core ...string) domain.Product {
	return domain.Product{ID: ID("product", key), Name: name, Kind: kind, Description: description, CoreElements: core}
}

// demoPractices are described in the partners' own languages: Dutch, French and English.
var demoPractices = []demoPractice{
	{key: "rentree", programme: cancer, org: "jobcentrum", author: "partner.be@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Rentree: begeleiding naar werk tijdens en na kanker",
		Summary:  "Eén vaste jobcoach begeleidt mensen met of na kanker bij alle vragen over werk, van de diagnose tot een duurzame werkhervatting, en brengt werknemer, werkgever en artsen rond de tafel.",
		Language: "nl", Country: "BE",
		Themes: []string{"actors_work_health", "products_services"}, TargetGroups: []string{"cancer_survivors", "chronic_illness"},
		Content: domain.PracticeContent{
			Context:         "Werknemers die kanker krijgen, vallen vaak lang uit. Werk en gezondheid zijn in België gescheiden werelden: de behandelende arts, de bedrijfsarts, de adviserend arts van het ziekenfonds en de werkgever spreken elkaar zelden. Mensen weten niet bij wie ze terechtkunnen met vragen over werk.",
			Approach:        "Een jobcoach van Jobcentrum is het vaste aanspreekpunt. Hij of zij beantwoordt vragen over werk en inkomen, bereidt samen met de werknemer een gesprek met de werkgever voor en organiseert een overleg met de bedrijfsarts en de adviserend arts. Er komt een plan voor geleidelijke werkhervatting dat elke maand wordt bijgestuurd. Wie niet terug kan naar de eigen job, krijgt begeleiding naar ander werk.",
			Resources:       "Drie jobcoaches (2,4 VTE), een coördinator op halftijdse basis; projectfinanciering voor twee jaar.",
			Scale:           domain.Scale{Participants: ptr(120), Sites: ptr(3), SinceYear: ptr(2015)},
			Evidence:        domain.Evidence{Level: "monitoring", Description: "Elke deelnemer wordt gevolgd tot twaalf maanden na de start.", Indicators: []string{"aandeel aan het werk na 12 maanden", "tevredenheid van deelnemers", "tevredenheid van werkgevers"}},
			Outcomes:        "Tijdens de proeffase was ongeveer twee derde van de deelnemers binnen een jaar opnieuw (gedeeltelijk) aan het werk.",
			Transferability: "Vraagt een organisatie die vertrouwd is met arbeidsbemiddeling én met de zorgsector, en afspraken met ziekenhuizen om mensen vroeg door te verwijzen.",
			LessonsLearned:  "Hoe vroeger het eerste gesprek, hoe beter. Werkgevers zijn bereid mee te denken zodra ze weten wat ze wel en niet mogen vragen.",
			LearningQuestions: []string{
				"Welke actoren nemen in uw land het voortouw wanneer een werknemer kanker krijgt?",
				"Hoe betrekt u de werkgever al vóór de terugkeer?",
				"Hoe zou u dit programma opschalen naar een heel land?",
			},
			Links:   []domain.Link{{Title: "Projectbeschrijving", URL: "https://example.org/rentree"}},
			Contact: domain.Contact{Name: "Koen Maes", Email: "partner.be@peerbridge.example"},
		},
		Products: []domain.Product{
			product("rentree-trajectory", "Rentree-begeleidingstraject", "guidance", "Individuele begeleiding van diagnose tot duurzame werkhervatting.",
				"Eén vaste jobcoach van begin tot einde", "Gezamenlijk overleg van werknemer, werkgever en bedrijfsarts", "Plan voor geleidelijke werkhervatting, maandelijks bijgestuurd"),
			product("rentree-sessions", "Infosessies werk en kanker", "information", "Groepssessies voor werknemers en hun naasten over rechten, inkomen en werkhervatting.",
				"Samen gegeven door een ervaringsdeskundige en een jobcoach"),
		},
		Translations: map[string]domain.Translation{"en": {
			Status:            "verified",
			Title:             "Rentree: guidance back to work during and after cancer",
			Summary:           "One dedicated job coach supports people with or after cancer in every work-related question, from diagnosis to lasting work resumption, and brings employee, employer and doctors together.",
			Context:           "Employees who get cancer are often absent for a long time. In Belgium work and health are separate worlds: the treating doctor, the occupational physician, the insurer's medical adviser and the employer rarely talk to each other.",
			Approach:          "A Jobcentrum job coach is the single point of contact. The coach answers questions about work and income, prepares the conversation with the employer together with the employee, and organises a meeting with the occupational physician and the medical adviser. A gradual return-to-work plan is reviewed every month.",
			LearningQuestions: []string{"Which actors take the lead in your country when an employee gets cancer?", "How do you involve the employer before the return?", "How would you scale this programme up to a whole country?"},
			Products: []domain.ProductTranslation{
				{ID: ID("product", "rentree-trajectory"), Name: "Rentree guidance trajectory", Description: "Individual guidance from diagnosis to lasting work resumption."},
				{ID: ID("product", "rentree-sessions"), Name: "Work and cancer information sessions", Description: "Group sessions on rights, income and returning to work."},
			},
		}},
	}},
	{key: "bilan", programme: cancer, org: "retour", author: "partner.fr@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Bilan de reprise : préparer le retour au travail après un cancer",
		Summary:  "Avant la reprise, un bilan individuel évalue les capacités, la fatigue et les besoins d'aménagement du poste, puis donne lieu à un plan partagé avec le médecin du travail.",
		Language: "fr", Country: "FR",
		Themes: []string{"products_services", "launch_parameters"}, TargetGroups: []string{"cancer_survivors", "older_workers"},
		Content: domain.PracticeContent{
			Context:           "Beaucoup de salariés reprennent trop tôt ou sans aménagement, et rechutent en arrêt maladie. Les salariés âgés et peu qualifiés sont les plus exposés.",
			Approach:          "Une conseillère mène un entretien approfondi, un ergothérapeute évalue les capacités fonctionnelles et la fatigue, puis un plan de reprise est proposé au médecin du travail : temps partiel thérapeutique, aménagements du poste, formation si nécessaire.",
			Resources:         "Une conseillère et un ergothérapeute à mi-temps ; 6 heures par personne en moyenne.",
			Scale:             domain.Scale{Participants: ptr(300), Sites: ptr(2), SinceYear: ptr(2019)},
			Evidence:          domain.Evidence{Level: "evaluation", Description: "Évaluation externe en 2023 comparant les participants à des salariés suivis sans bilan.", Indicators: []string{"maintien en emploi à 6 mois", "nouveaux arrêts maladie"}},
			Outcomes:          "Moins de nouveaux arrêts maladie dans les six mois suivant la reprise.",
			Transferability:   "Nécessite un accès rapide à un ergothérapeute et l'accord du médecin du travail.",
			LessonsLearned:    "La fatigue est le premier obstacle, bien avant les limitations physiques.",
			LearningQuestions: []string{"Comment évaluez-vous la fatigue liée au cancer dans votre pays ?", "Quels aménagements les employeurs acceptent-ils le plus facilement ?"},
			Contact:           domain.Contact{Name: "Camille Laurent", Email: "partner.fr@peerbridge.example"},
		},
		Products: []domain.Product{
			product("bilan-outil", "Bilan de reprise", "assessment", "Entretien et évaluation des capacités avant la reprise.",
				"Entretien individuel avec une conseillère", "Évaluation de la fatigue et des capacités fonctionnelles", "Plan de reprise transmis au médecin du travail"),
		},
		// Translated for the reviewers of the spring round who do not read French.
		Translations: map[string]domain.Translation{"en": {
			Status:            "machine",
			Title:             "Return assessment: preparing the return to work after cancer",
			Summary:           "Before the return, an individual assessment looks at capacity, fatigue and the need for workplace adjustments, and leads to a plan shared with the occupational physician.",
			Context:           "Many employees go back too early or without adjustments and fall ill again. Older and low-skilled employees are most at risk.",
			Approach:          "An adviser holds an in-depth interview, an occupational therapist assesses functional capacity and fatigue, and a return plan is proposed to the occupational physician: therapeutic part-time work, workplace adjustments, training where needed.",
			LearningQuestions: []string{"How do you assess cancer-related fatigue in your country?", "Which adjustments do employers accept most easily?"},
			Products: []domain.ProductTranslation{
				{ID: ID("product", "bilan-outil"), Name: "Return assessment", Description: "Interview and capacity assessment before the return."},
			},
		}},
	}},
	{key: "peer-mentors", call: "2026", programme: cancer, org: "workwell", author: "partner.ie@peerbridge.example", status: domain.StatusSubmitted, text: domain.PracticeText{
		Title:    "Peer mentors for employees returning after cancer",
		Summary:  "Trained volunteers who returned to work after cancer themselves mentor employees during the first six months back, with a short training for their line managers.",
		Language: "en", Country: "IE",
		Themes: []string{"products_services", "upscaling"}, TargetGroups: []string{"cancer_survivors", "young_adults"},
		Content: domain.PracticeContent{
			Context:           "Returning employees say nobody at work understands what they went through; managers are unsure what to say.",
			Approach:          "Each returning employee is matched with a peer mentor from another employer. They meet every two weeks for six months. Line managers follow a two-hour session on talking about cancer at work.",
			Resources:         "One coordinator, 40 volunteer mentors, training budget.",
			Scale:             domain.Scale{Participants: ptr(85), Sites: ptr(1), SinceYear: ptr(2021)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"in work after 6 months", "mentee satisfaction"}},
			Transferability:   "Depends on a pool of volunteers and on employers willing to release managers for training.",
			LearningQuestions: []string{"How do you recruit and support volunteer mentors?", "Would employers in your country pay for the manager training?"},
			Contact:           domain.Contact{Name: "Siobhán Murphy", Email: "partner.ie@peerbridge.example"},
		},
		Products: []domain.Product{
			product("peer-mentoring", "Peer mentoring scheme", "guidance", "Six months of mentoring by someone who has been there.",
				"Mentor has returned to work after cancer", "Fortnightly meetings for six months"),
			product("manager-session", "Manager session", "training", "Two-hour session for line managers.", "Led by a mentor and an HR professional"),
		},
	}},
	{key: "employer-toolkit", call: "2026", programme: cancer, org: "wiedereinstieg", author: "reviewer.de@peerbridge.example", status: domain.StatusSubmitted, text: domain.PracticeText{
		Title:    "Employer toolkit: talking about cancer at work",
		Summary:  "A set of conversation guides, checklists and templates that helps small employers keep in touch with an employee during treatment and plan the return together.",
		Language: "en", Country: "DE",
		Themes: []string{"actors_work_health", "products_services"}, TargetGroups: []string{"cancer_survivors", "low_skilled"},
		Content: domain.PracticeContent{
			Context:           "Small employers have no HR department and fear saying the wrong thing, so they say nothing.",
			Approach:          "The toolkit covers four moments: the diagnosis, staying in touch during treatment, preparing the return, and the first months back. Regional chambers of commerce distribute it and run short workshops.",
			Scale:             domain.Scale{Sites: ptr(12), SinceYear: ptr(2022)},
			Evidence:          domain.Evidence{Level: "none", Description: "Feedback forms from workshops only."},
			LearningQuestions: []string{"Which channel reaches small employers best in your country?"},
			Contact:           domain.Contact{Name: "Jonas Weber", Email: "reviewer.de@peerbridge.example"},
		},
		Products: []domain.Product{
			product("toolkit", "Employer toolkit", "tool", "Conversation guides, checklists and templates.",
				"Covers the four moments from diagnosis to the first months back", "Written for employers without an HR department"),
		},
	}},
	{key: "vroeg", call: "2026", programme: cancer, org: "werkbrug", author: "partner.nl@peerbridge.example", status: domain.StatusDraft, text: domain.PracticeText{
		Title:    "Vroegtijdig contact bij langdurig verzuim door kanker",
		Summary:  "Binnen zes weken na de ziekmelding neemt een casemanager contact op om werk bespreekbaar te houden.",
		Language: "nl", Country: "NL",
		Themes:  []string{"actors_work_health"},
		Content: domain.PracticeContent{Context: "Werk komt vaak pas na maanden ter sprake.", Contact: domain.Contact{Name: "Anouk de Vries"}},
	}},
	{key: "placements-logistics", programme: secondTrack, org: "vanloon", author: "employer.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Werk-leerplekken in de logistiek voor werknemers in het tweede spoor",
		Summary:  "Een logistiek bedrijf stelt werk-leerplekken open voor werknemers van andere werkgevers die na langdurig verzuim niet terug kunnen naar hun eigen functie.",
		Language: "nl", Country: "NL",
		Themes: []string{"placements", "work_resumption"}, TargetGroups: []string{"second_track", "long_term_sick"},
		Content: domain.PracticeContent{
			Context:           "Werknemers in het tweede spoor kunnen en willen werken, maar bij hun eigen werkgever is geen passend werk. Re-integratie bij een andere werkgever lukt zelden omdat er geen plek is om werkervaring op te doen.",
			Approach:          "Het bedrijf biedt plekken in het magazijn en op kantoor aan voor drie maanden. Een vaste begeleider op de werkvloer werkt met een leerplan; de eigen werkgever blijft loon betalen. Na afloop volgt een gesprek over een vaste plek of een getuigschrift voor elders.",
			Resources:         "Twee begeleiders die elk vier uur per week vrijgemaakt worden.",
			Scale:             domain.Scale{Participants: ptr(18), Sites: ptr(2), SinceYear: ptr(2024)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"aantal aangeboden plekken", "werkhervatting na afloop"}},
			Outcomes:          "Van de eerste achttien deelnemers werkten er elf zes maanden later, van wie vier bij het bedrijf zelf.",
			Transferability:   "Werkt het best in sectoren met veel instapfuncties en een tekort aan personeel.",
			LessonsLearned:    "Duidelijke afspraken over verzekering en loon vóór de start voorkomen gedoe.",
			LearningQuestions: []string{"Welke afspraken maakt u met de eigen werkgever over loon en verzekering?", "Hoe houdt u begeleiders op de werkvloer gemotiveerd?"},
			Contact:           domain.Contact{Name: "Pieter van Loon", Email: "employer.nl@peerbridge.example"},
		},
		Products: []domain.Product{
			product("werkleerplek", "Werk-leerplek logistiek", "placement", "Een plek van drie maanden met begeleiding en leerplan.",
				"Vaste begeleider op de werkvloer", "Leerplan met getuigschrift", "Eigen werkgever blijft loon betalen"),
		},
	}},
	{key: "matching", programme: secondTrack, org: "zorggroep", author: "zorg.nl@peerbridge.example", status: domain.StatusSubmitted, text: domain.PracticeText{
		Title:    "Matchingstafel voor het tweede spoor",
		Summary:  "Elke maand bespreken HR-medewerkers van de bedrijven in het netwerk wie een werk-leerplek zoekt en wie er een kan bieden.",
		Language: "nl", Country: "NL",
		Themes: []string{"network_building", "placements"}, TargetGroups: []string{"second_track", "employers"},
		Content: domain.PracticeContent{
			Context:           "Bedrijven weten niet van elkaar wie plekken heeft en wie plekken zoekt.",
			Approach:          "Een maandelijkse matchingstafel met vaste HR-contactpersonen, geanonimiseerde profielen en een gedeeld overzicht van beschikbare plekken.",
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"aantal matches per maand"}},
			Contact:           domain.Contact{Name: "Fatima El Amrani", Email: "zorg.nl@peerbridge.example"},
			LearningQuestions: []string{"Wat houdt bedrijven betrokken bij een netwerk als het even geen matches oplevert?"},
		},
		Products: []domain.Product{
			product("matchingstafel", "Matchingstafel", "network", "Maandelijks overleg om vraag en aanbod van werk-leerplekken te koppelen.",
				"Vaste HR-contactpersoon per bedrijf", "Geanonimiseerde profielen"),
		},
	}},
}

// demoCalls are the calls for practices of the demo programmes; the cancer programme's call is
// open from January 2026 to the end of June 2027, so it is open whenever the demo is shown.
var demoCalls = []struct {
	key, programme string
	call           domain.Call
}{
	{key: "2026", programme: cancer, call: domain.Call{
		Title: "Call for practices 2026–2027: employers and the first months back",
		Description: "We look for practices that involve the employer early and support the first months back at work: " +
			"guidance, assessment tools, information for colleagues, or a way of scaling such support up. Describe what is done, " +
			"by whom, and what must not change if others adopt it.",
		Themes:   []string{"actors_work_health", "products_services", "upscaling"},
		OpensAt:  time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		ClosesAt: time.Date(2027, 6, 30, 21, 59, 0, 0, time.UTC),
	}},
}

// seedCalls loads the demo calls; each is created once.
func seedCalls(ctx context.Context, store *postgres.Store) error {
	for _, d := range demoCalls {
		c := d.call
		c.ID = ID("call", d.key)
		if _, err := store.Call(ctx, c.ID, false); err == nil {
			continue
		} else if !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		c.ProgrammeID = ID("programme", d.programme)
		if _, err := store.CreateCall(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// seedPractices loads the demo practices with their revisions; each is created once.
func seedPractices(ctx context.Context, store *postgres.Store) error {
	for _, d := range demoPractices {
		p := domain.Practice{PracticeText: d.text}
		p.ID = ID("practice", d.key)
		if _, err := store.Practice(ctx, p.ID, false); err == nil {
			continue
		} else if !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		p.ProgrammeID = ID("programme", d.programme)
		p.OrganisationID = ID("organisation", d.org)
		p.CreatedBy = ID("user", d.author)
		p.Status = d.status
		p.Version = 1
		if d.call != "" {
			call := ID("call", d.call)
			p.CallID = &call
		}
		if p.Translations == nil {
			p.Translations = map[string]domain.Translation{}
		}
		for lang, t := range p.Translations {
			t.UpdatedAt = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			t.UpdatedBy = p.CreatedBy
			p.Translations[lang] = t
		}
		submitted := d.status != domain.StatusDraft
		if submitted {
			p.Revision = 1
			at := time.Date(2026, 2, 15, 10, 0, 0, 0, time.UTC)
			p.SubmittedAt = &at
		}
		if d.status == domain.StatusPublished {
			at := time.Date(2026, 4, 20, 14, 0, 0, 0, time.UTC)
			p.PublishedAt = &at
			p.Decision = &domain.Decision{Outcome: domain.OutcomeGoodPractice, DecidedAt: at,
				Rationale: "Reviewers from two other countries found the practice relevant, well documented and transferable with local adjustments."}
			if d.programme == cancer {
				p.Decision.RoundID = ID("round", "spring")
			}
		}
		err := store.WithTx(ctx, func(ctx context.Context) error {
			if _, err := store.CreatePractice(ctx, p); err != nil {
				return err
			}
			if !submitted {
				return nil
			}
			return store.InsertRevision(ctx, domain.Revision{PracticeID: p.ID, Number: 1, Snapshot: domain.Snapshot(&p), CreatedBy: p.CreatedBy})
		})
		if err != nil {
			return err
		}
	}
	return nil
}
