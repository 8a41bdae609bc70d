package demo

import "github.com/peerbridge/peerbridge/internal/domain"

// The Dutch second-track network: companies from construction, retail, metalworking, facility
// services and ICT open work-learning placements for other employers' staff who cannot return to
// their own job after long sickness absence; the university measures what the network does for
// work resumption, what helps and hinders it, and what follows for government policy.

var networkPractices = []yearPractice{
	{submittedOn: "2025-10-06", demoPractice: demoPractice{key: "bouw-leerplek", programme: secondTrack, org: "hendriks", author: "bouw.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Werk-leerplekken in de werkvoorbereiding van een bouwbedrijf",
		Summary:  "Een middelgroot bouwbedrijf biedt werknemers uit andere sectoren die niet meer zwaar fysiek kunnen werken een leerplek van vier maanden in werkvoorbereiding, calculatie of het magazijn.",
		Language: "nl",
		Themes:   []string{"placements", "work_resumption"}, TargetGroups: []string{"second_track", "long_term_sick"},
		Content: domain.PracticeContent{
			Context: "De bouw zoekt werkvoorbereiders en magazijnmedewerkers, terwijl werknemers met rug- of gewrichtsklachten uit de zorg, de schoonmaak of de bouw zelf hun oude werk kwijtraken. " +
				"Hun eigen werkgever vindt geen passend werk en een re-integratiebureau stuurt hen naar vacatures waarvoor ze geen ervaring hebben.",
			Approach: "Via de matchingstafel van het netwerk meldt de eigen werkgever een werknemer aan. Na een kennismaking op de bouwplaats volgt een leerplek van vier maanden, drie dagen per week, met een leerplan " +
				"(tekeningen lezen, materiaalstaten, planning) en een vaste begeleider op kantoor. De eigen werkgever blijft het loon betalen; het bouwbedrijf betaalt de cursus BIM-basis. " +
				"Na vier maanden volgt een driegesprek over een contract, een vervolgplek of een getuigschrift.",
			Resources:         "Begeleider acht uur per week; cursusbudget van 1.200 euro per deelnemer.",
			Scale:             domain.Scale{Participants: ptr(14), Sites: ptr(1), SinceYear: ptr(2024)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"afgeronde leerplekken", "werkhervatting zes maanden na afloop"}},
			Outcomes:          "Van de veertien deelnemers kregen er vijf een contract bij het bouwbedrijf en vier elders werk; drie vielen uit door gezondheidsklachten.",
			Transferability:   "Vraagt een bedrijf met kantoor- en magazijnfuncties naast het uitvoerende werk, en een begeleider die tijd krijgt.",
			LessonsLearned:    "De kennismaking op de bouwplaats was beslissend: wie de sfeer kende, haakte minder vaak af.",
			LearningQuestions: []string{"Hoe regelen andere bedrijven in het netwerk de aansprakelijkheid tijdens de leerplek?"},
			Contact:           domain.Contact{Name: "Ruud Hendriks", Email: "bouw.nl@peerbridge.example"},
		},
		Products: []domain.Product{product("bouw-werkleerplek", "Werk-leerplek werkvoorbereiding", "placement", "Vier maanden, drie dagen per week, met leerplan en cursus.",
			"Kennismaking op de bouwplaats", "Leerplan met tekeningen, materiaalstaten en planning", "Eigen werkgever blijft loon betalen")},
	}}},
	{submittedOn: "2025-11-03", demoPractice: demoPractice{key: "winkel-buddy", programme: secondTrack, org: "versmarkt", author: "retail.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Proefplaatsing in de supermarkt met een vaste buddy",
		Summary:  "Werknemers in het tweede spoor werken zes tot twaalf weken in een van onze winkels, eerst naast een buddy en daarna zelfstandig, in rustige uren en met taken die ze zelf mee kiezen.",
		Language: "nl",
		Themes:   []string{"placements"}, TargetGroups: []string{"second_track", "long_term_sick"},
		Content: domain.PracticeContent{
			Context:           "Supermarkten hebben veel instapfuncties en flexibele uren, maar winkelmanagers hebben geen tijd om iemand met beperkingen in te werken.",
			Approach:          "Elke winkel heeft twee getrainde buddy's. De deelnemer kiest uit vakkenvullen, de versafdeling, de servicebalie of online bestellingen. De eerste twee weken werkt de buddy naast de deelnemer; daarna zijn er wekelijkse korte gesprekken. Uren worden opgebouwd van twaalf naar vierentwintig per week.",
			Resources:         "Buddytraining van een dag; twee uur buddytijd per week.",
			Scale:             domain.Scale{Participants: ptr(26), Sites: ptr(7), SinceYear: ptr(2024)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"proefplaatsingen afgerond", "werk na zes maanden"}},
			Outcomes:          "Negentien van de 26 plaatsingen werden afgerond; elf deelnemers werkten zes maanden later, van wie acht bij ons.",
			LearningQuestions: []string{"Hoe houden jullie buddy's gemotiveerd als de winkel onderbezet is?"},
			Contact:           domain.Contact{Name: "Yvonne van Dijk", Email: "retail.nl@peerbridge.example"},
		},
		Products: []domain.Product{product("winkel-plaatsing", "Proefplaatsing met buddy", "placement", "Zes tot twaalf weken in de winkel met een getrainde buddy.",
			"Getrainde buddy de eerste twee weken naast de deelnemer", "Deelnemer kiest de taken mee", "Uren opgebouwd van twaalf naar vierentwintig")},
		Translations: map[string]domain.Translation{"en": {Status: "verified",
			Title:             "Trial placement in the supermarket with a dedicated buddy",
			Summary:           "Second-track employees work six to twelve weeks in one of our shops, first beside a buddy and then on their own, in quiet hours and with tasks they help choose.",
			Context:           "Supermarkets have many entry-level jobs and flexible hours, but shop managers have no time to train someone with limitations.",
			Approach:          "Each shop has two trained buddies. The participant chooses shelf-stocking, the fresh counter, the service desk or online orders. The buddy works alongside for two weeks; then there are short weekly talks. Hours build from twelve to twenty-four a week.",
			Outcomes:          "Nineteen of 26 placements were completed; eleven participants were working six months later, eight of them with us.",
			LearningQuestions: []string{"How do you keep buddies motivated when the shop is short-staffed?"},
			Products:          []domain.ProductTranslation{{ID: ID("product", "winkel-plaatsing"), Name: "Trial placement with a buddy", Description: "Six to twelve weeks in a shop with a trained buddy."}},
		}},
	}}},
	{submittedOn: "2025-12-01", demoPractice: demoPractice{key: "cnc-omscholing", programme: secondTrack, org: "kempenmetaal", author: "metaal.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Omscholingsplek CNC-operator",
		Summary:  "Een metaalbedrijf schoolt werknemers uit zwaar werk in zes maanden om tot CNC-operator, een zittende functie met vraag op de arbeidsmarkt.",
		Language: "nl",
		Themes:   []string{"placements", "work_resumption"}, TargetGroups: []string{"second_track", "long_term_sick"},
		Content: domain.PracticeContent{
			Context:           "Het bedrijf vindt geen CNC-operators. Tegelijk zitten er in het netwerk werknemers met technische aanleg die hun zware werk niet meer kunnen doen.",
			Approach:          "Twee dagen per week les bij het regionale opleidingscentrum, drie dagen op de werkvloer naast een ervaren operator. Het eerste deel is vooral programmeren aan de computer, pas daarna aan de machine.",
			Scale:             domain.Scale{Participants: ptr(6), Sites: ptr(1), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "none", Description: "Eerste groep loopt nog."},
			LearningQuestions: []string{"Wie betaalt bij jullie een omscholing van zes maanden voor iemand van een andere werkgever?"},
			Contact:           domain.Contact{Name: "Henk Smits", Email: "metaal.nl@peerbridge.example"},
		},
		Products: []domain.Product{product("cnc-traject", "Omscholingstraject CNC", "training", "Zes maanden les en werkplek.", "Twee dagen les, drie dagen werkplek")},
	}}},
	{submittedOn: "2026-02-02", demoPractice: demoPractice{key: "schoonmaak-teams", programme: secondTrack, org: "cleanline", author: "facilitair.nl@peerbridge.example", status: domain.StatusSubmitted, text: domain.PracticeText{
		Title:    "Leerplekken in kleine facilitaire teams bij kantoorklanten",
		Summary:  "Werknemers die hun zware schoonmaakwerk niet meer aankunnen, leren in een klein team bij een vaste kantoorklant lichtere facilitaire taken: receptie, vergaderzalen, post en coördinatie.",
		Language: "nl",
		Themes:   []string{"placements", "network_building"}, TargetGroups: []string{"second_track", "employers"},
		Content: domain.PracticeContent{
			Context:           "In de schoonmaak zijn fysieke klachten de belangrijkste oorzaak van langdurig verzuim. Veel medewerkers spreken beperkt Nederlands en vinden daardoor moeilijk ander werk.",
			Approach:          "Een teamleider begeleidt twee deelnemers tegelijk bij één kantoorklant. Taalcoaching op de werkplek hoort bij het traject. Deelnemers komen uit ons eigen bedrijf en, via het netwerk, van andere schoonmaakbedrijven.",
			Scale:             domain.Scale{Participants: ptr(11), Sites: ptr(3), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"deelnemers in lichtere functie na zes maanden"}},
			Outcomes:          "Zeven van de elf deelnemers werken nu in een facilitaire functie.",
			LearningQuestions: []string{"Hoe organiseren jullie taalondersteuning op de werkplek?"},
			Contact:           domain.Contact{Name: "Naima Bouzid", Email: "facilitair.nl@peerbridge.example"},
		},
		Products: []domain.Product{product("facilitair-leerplek", "Facilitaire leerplek met taalcoaching", "placement", "Leerplek bij een kantoorklant met een teamleider en taalcoaching.", "Twee deelnemers per teamleider", "Taalcoaching op de werkplek")},
	}}},
	{submittedOn: "2026-01-12", demoPractice: demoPractice{key: "servicedesk", programme: secondTrack, org: "datazuid", author: "ict.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Servicedesk-leerplek met thuiswerkdagen",
		Summary:  "Een datacentrum leidt werknemers met een fysieke of psychische beperking in drie maanden op tot eerstelijns servicedeskmedewerker, met de helft van de uren thuis.",
		Language: "nl",
		Themes:   []string{"placements", "policy"}, TargetGroups: []string{"second_track", "long_term_sick"},
		Content: domain.PracticeContent{
			Context:           "Servicedeskwerk is goed te combineren met beperkingen in belastbaarheid en kan deels thuis. De ICT-sector denkt vaak dat het alleen voor jonge mensen met een opleiding is.",
			Approach:          "Deelnemers volgen een online basiscursus en werken daarna met een mentor aan echte meldingen. Thuiswerkdagen worden vanaf week vier toegevoegd. Het netwerk helpt bij het vinden van een baan bij andere ICT-bedrijven als wij geen plek hebben.",
			Resources:         "Mentor vier uur per week, laptop en licenties.",
			Scale:             domain.Scale{Participants: ptr(9), Sites: ptr(1), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"certificaat behaald", "werk na zes maanden"}},
			Outcomes:          "Zeven deelnemers haalden het certificaat, vijf werken nu in de ICT.",
			Transferability:   "Werkt in elke organisatie met een eigen servicedesk; thuiswerken vraagt goede afspraken over bereikbaarheid.",
			LearningQuestions: []string{"Welke regels voor thuiswerken tijdens re-integratie hanteren jullie?"},
			Contact:           domain.Contact{Name: "Joost van der Meer", Email: "ict.nl@peerbridge.example"},
		},
		Products: []domain.Product{product("servicedesk-plek", "Servicedesk-leerplek", "placement", "Drie maanden opleiding en werk aan echte meldingen, deels thuis.", "Mentor bij echte meldingen", "Thuiswerken vanaf week vier")},
		Translations: map[string]domain.Translation{"en": {Status: "machine",
			Title:             "Service desk placement with days working from home",
			Summary:           "A data centre trains employees with a physical or mental health limitation as first-line service desk staff in three months, with half the hours at home.",
			Context:           "Service desk work fits limited capacity well and can be done partly from home. The ICT sector often thinks it is only for young graduates.",
			Approach:          "Participants take an online basic course and then handle real tickets with a mentor. Days at home are added from week four. The network helps find a job at other ICT firms when we have no vacancy.",
			LearningQuestions: []string{"Which rules for working from home during re-integration do you apply?"},
			Products:          []domain.ProductTranslation{{ID: ID("product", "servicedesk-plek"), Name: "Service desk placement", Description: "Three months of training and real tickets, partly from home."}},
		}},
	}}},
	{submittedOn: "2026-03-02", demoPractice: demoPractice{key: "netwerkmonitor", programme: secondTrack, org: "tilburg", author: "coordinator.nl@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Netwerkmonitor: werkhervatting en wat het netwerk helpt en hindert",
		Summary:  "De universiteit volgt elke deelnemer tot een jaar na de werk-leerplek en bevraagt elk halfjaar de bedrijven over wat de samenwerking bevordert en belemmert.",
		Language: "nl",
		Themes:   []string{"work_resumption", "policy", "network_building"}, TargetGroups: []string{"second_track", "employers"},
		Content: domain.PracticeContent{
			Context: "Re-integratie in het tweede spoor is nauwelijks effectief en er is weinig bekend over wat werkt. Het netwerk wil drie vragen beantwoorden: wat is het effect op werkhervatting, wat zijn belemmerende " +
				"en bevorderende factoren in de ontwikkeling van het netwerk, en wat betekent dat voor het beleid van de overheid.",
			Approach: "Elke deelnemer vult bij de start, na afloop en zes en twaalf maanden later een korte vragenlijst in over werk, gezondheid en inkomen. Werkhervatting wordt vergeleken met werknemers in het tweede spoor " +
				"van dezelfde arbodiensten zonder werk-leerplek. Elk halfjaar houden de onderzoekers interviews met de contactpersonen van de bedrijven; de factoren worden gecodeerd en per halfjaar geteld.",
			Resources:       "Een promovendus en een postdoc; projectfinanciering 2023–2027.",
			Scale:           domain.Scale{Participants: ptr(124), Sites: ptr(9), SinceYear: ptr(2023)},
			Evidence:        domain.Evidence{Level: "evaluation", Description: "Quasi-experimenteel vergelijkingsonderzoek met een gematchte groep uit drie arbodiensten.", Indicators: []string{"duurzame werkhervatting na 12 maanden", "uren per week", "belemmerende en bevorderende factoren per halfjaar"}},
			Outcomes:        "Tussenstand 2026: 46 % van de deelnemers werkte twaalf maanden na de leerplek, tegen 31 % in de vergelijkingsgroep. De vaakst genoemde belemmering verschoof van onduidelijkheid over loon en verzekering naar het vinden van begeleiders.",
			Transferability: "De vragenlijsten en het codeerschema zijn openbaar en bruikbaar voor andere netwerken.",
			LessonsLearned:  "Bedrijven vulden de halfjaarlijkse interviews trouwer in dan vragenlijsten; een vast gezicht van de universiteit hielp.",
			LearningQuestions: []string{
				"Welke regels zouden werkgevers over elkaars grenzen heen moeten laten samenwerken in het tweede spoor?",
				"Wat zou de overheid moeten regelen voor de loondoorbetaling tijdens een leerplek bij een ander bedrijf?",
			},
			Contact: domain.Contact{Name: "Roos Jansen", Email: "coordinator.nl@peerbridge.example"},
		},
		Products: []domain.Product{
			product("monitor-vragenlijst", "Vragenlijsten netwerkmonitor", "assessment", "Vier meetmomenten over werk, gezondheid en inkomen.", "Meting tot twaalf maanden na de leerplek"),
			product("factoren-codeerschema", "Codeerschema belemmerende en bevorderende factoren", "tool", "Schema om interviews met bedrijven per halfjaar te coderen.", "Halfjaarlijkse interviews met vaste contactpersonen"),
		},
		Translations: map[string]domain.Translation{"en": {Status: "verified",
			Title:   "Network monitor: work resumption and what helps and hinders the network",
			Summary: "The university follows each participant until a year after the placement and asks the companies every six months what furthers and what hinders their cooperation.",
			Context: "Re-integration with another employer is hardly effective and little is known about what works. The network wants to answer three questions: its effect on work resumption, what helps and hinders its development, and what that means for government policy.",
			Approach: "Each participant completes a short questionnaire at the start, at the end and six and twelve months later. Work resumption is compared with second-track employees of the same occupational health services without a placement. " +
				"Every six months researchers interview the companies' contact persons; factors are coded and counted per half-year.",
			Outcomes:          "Interim 2026: 46 % of participants worked twelve months after the placement, against 31 % in the comparison group.",
			LearningQuestions: []string{"Which rules would let employers cooperate across company boundaries in the second track?", "What should government arrange for wages during a placement with another company?"},
			Products: []domain.ProductTranslation{
				{ID: ID("product", "monitor-vragenlijst"), Name: "Network monitor questionnaires", Description: "Four measurements on work, health and income."},
				{ID: ID("product", "factoren-codeerschema"), Name: "Coding scheme for barriers and facilitators", Description: "A scheme to code the six-monthly company interviews."},
			},
		}},
	}}},
	{demoPractice: demoPractice{key: "beleidsnotitie", programme: secondTrack, org: "tilburg", author: "onderzoek.nl@peerbridge.example", status: domain.StatusDraft, text: domain.PracticeText{
		Title:    "Beleidsnotitie: wat het tweede spoor van de overheid vraagt",
		Summary:  "Een eerste opzet van de aanbevelingen voor het ministerie en UWV uit drie jaar netwerk.",
		Language: "nl",
		Themes:   []string{"policy"},
		Content: domain.PracticeContent{
			Context:  "De Wet verbetering poortwachter legt het tweede spoor bij de eigen werkgever, maar een leerplek bij een ander bedrijf past slecht in de regels voor loondoorbetaling en verzekering.",
			Approach: "Nog uit te werken: drie aanbevelingen over een proefplaatsing met behoud van loon, een no-riskpolis voor de ontvangende werkgever en een regionale makelaarsfunctie.",
			Contact:  domain.Contact{Name: "Lotte Verbeek", Email: "onderzoek.nl@peerbridge.example"},
		},
	}}},
}
