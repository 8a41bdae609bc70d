package demo

import "github.com/peerbridge/peerbridge/internal/domain"

// springPractices joined the Belgian and French practices in the spring 2026 round, which is
// decided: two good practices, one promising, one sent back for revision and one not retained.
var springPractices = []yearPractice{
	{submittedOn: "2026-02-12", demoPractice: demoPractice{key: "werkpunt", programme: cancer, org: "kempen", author: "reviewer.be@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Werkpunt in het oncologisch dagziekenhuis",
		Summary:  "Een arbeidsconsulent houdt twee halve dagen per week spreekuur in het dagziekenhuis, zodat patiënten tijdens hun chemotherapie al vragen over werk, inkomen en hun werkgever kunnen stellen.",
		Language: "nl",
		Themes:   []string{"actors_work_health", "products_services"}, TargetGroups: []string{"cancer_survivors", "low_skilled"},
		Content: domain.PracticeContent{
			Context: "In de Kempen werkt een groot deel van de bevolking in de logistiek, de chemie en de bouw, vaak in ploegen. Patiënten die in het dagziekenhuis behandeld worden, " +
				"vertelden de verpleegkundigen dat ze niet wisten of ze hun werkgever mochten bellen, wat de adviserend arts van het ziekenfonds van hen verwachtte en of toegelaten " +
				"werk hun uitkering in gevaar bracht. De sociale dienst van het ziekenhuis had daar geen tijd voor en de bedrijfsarts zagen ze pas na maanden.",
			Approach: "Een arbeidsconsulent van het ziekenhuis zit op dinsdag- en donderdagvoormiddag in een spreekkamer naast de behandelzaal. Verpleegkundigen stellen bij de " +
				"tweede kuur de vraag 'Werkt u, en hebt u daar vragen over?' en verwijzen door. In het eerste gesprek brengt de consulent de werksituatie in kaart met een korte " +
				"vragenlijst over taken, uren en verplaatsing. Daarna volgt, met toestemming, één telefoontje naar de werkgever of de preventieadviseur-arbeidsarts. Wie na de " +
				"behandeling wil hervatten, krijgt een overzicht van de mogelijkheden: toegelaten deeltijds werk, aangepast werk of een re-integratietraject.",
			Resources:       "0,5 VTE arbeidsconsulent uit het ziekenhuisbudget, een spreekkamer, een gedeeld dossier met de sociale dienst.",
			Scale:           domain.Scale{Participants: ptr(410), Sites: ptr(2), SinceYear: ptr(2021)},
			Evidence:        domain.Evidence{Level: "evaluation", Description: "Vergelijking van 180 patiënten met spreekuur met 150 patiënten uit het jaar ervoor, door de universiteit van Hasselt, met opvolging tot 18 maanden na de diagnose.", Indicators: []string{"aandeel (deeltijds) aan het werk na 12 en 18 maanden", "tijd tot eerste contact met de werkgever", "aantal doorverwijzingen naar de bedrijfsarts"}},
			Outcomes:        "Na 18 maanden werkte 64 % van de patiënten met spreekuur opnieuw, tegenover 52 % in het vergelijkingsjaar. Het eerste contact met de werkgever kwam gemiddeld vier maanden eerder. Laaggeschoolde patiënten haalden het grootste voordeel.",
			Transferability: "Vraagt een ziekenhuis dat de consulent uit eigen middelen betaalt en verpleegkundigen die de vraag naar werk standaard stellen. Waar de bedrijfsarts een wettelijke rol heeft, moet die vroeg betrokken worden.",
			LessonsLearned:  "De vraag moet van de verpleegkundige komen, niet van een folder: toen we alleen folders gebruikten, kwam één op tien patiënten langs.",
			LearningQuestions: []string{
				"Wie stelt in uw land de vraag naar werk tijdens de behandeling, en wanneer?",
				"Hoe wordt een arbeidsconsulent in het ziekenhuis bij u gefinancierd?",
			},
			Contact: domain.Contact{Name: "Wouter Claes", Email: "reviewer.be@peerbridge.example"},
		},
		Products: []domain.Product{
			product("werkpunt-spreekuur", "Spreekuur werk in het dagziekenhuis", "guidance", "Een arbeidsconsulent beantwoordt tijdens de behandeling vragen over werk en legt het eerste contact met de werkgever.",
				"Verwijzing door de verpleegkundige bij de tweede kuur", "Spreekuur in het dagziekenhuis zelf", "Eén contact met de werkgever, alleen met toestemming"),
			product("werkpunt-vragenlijst", "Korte vragenlijst werksituatie", "assessment", "Tien vragen over taken, uren en verplaatsing die het eerste gesprek structureren.",
				"Afgenomen in het eerste gesprek"),
		},
		Translations: map[string]domain.Translation{
			"en": {Status: "verified",
				Title:             "Work desk in the oncology day hospital",
				Summary:           "A work consultant holds two half-day surgeries a week in the day hospital, so that patients can ask about work, income and their employer while they are having chemotherapy.",
				Context:           "In the Kempen region many people work shifts in logistics, chemicals and construction. Patients told nurses they did not know whether they could call their employer, what the sickness fund's medical adviser expected of them or whether permitted part-time work would cost them their benefit.",
				Approach:          "A hospital work consultant sits in a room next to the treatment ward on Tuesday and Thursday mornings. At the second course nurses ask 'Do you work, and do you have questions about it?' and refer. The consultant maps the work situation with a short questionnaire, makes one call to the employer or the occupational physician with consent, and sets out the options for returning.",
				Outcomes:          "After 18 months 64 % of patients who used the desk were working again, against 52 % in the comparison year; first contact with the employer came four months earlier on average.",
				LearningQuestions: []string{"Who asks about work during treatment in your country, and when?", "How is a work consultant in hospital funded in your country?"},
				Products: []domain.ProductTranslation{
					{ID: ID("product", "werkpunt-spreekuur"), Name: "Work surgery in the day hospital", Description: "A work consultant answers questions about work during treatment and makes the first contact with the employer."},
					{ID: ID("product", "werkpunt-vragenlijst"), Name: "Short work situation questionnaire", Description: "Ten questions on tasks, hours and travel that structure the first conversation."},
				}},
			"fr": {Status: "machine",
				Title:             "Point travail à l'hôpital de jour d'oncologie",
				Summary:           "Un conseiller en emploi tient deux demi-journées de permanence par semaine à l'hôpital de jour, pour que les patients posent leurs questions sur le travail, les revenus et l'employeur pendant leur chimiothérapie.",
				Context:           "Dans la Campine, beaucoup de patients travaillent en équipes dans la logistique, la chimie ou la construction et ne savaient pas s'ils pouvaient appeler leur employeur ni ce que le médecin-conseil attendait d'eux.",
				Approach:          "Le conseiller reçoit le mardi et le jeudi matin près de la salle de traitement. Les infirmières posent la question du travail à la deuxième cure et orientent. Un questionnaire court, un appel à l'employeur avec accord, puis un aperçu des possibilités de reprise.",
				LearningQuestions: []string{"Qui pose la question du travail pendant le traitement dans votre pays, et à quel moment ?", "Comment un conseiller en emploi à l'hôpital est-il financé chez vous ?"},
				Products: []domain.ProductTranslation{
					{ID: ID("product", "werkpunt-spreekuur"), Name: "Permanence travail à l'hôpital de jour", Description: "Un conseiller répond aux questions sur le travail pendant le traitement et prend le premier contact avec l'employeur."},
					{ID: ID("product", "werkpunt-vragenlijst"), Name: "Questionnaire court sur la situation de travail", Description: "Dix questions sur les tâches, les horaires et les déplacements."},
				}},
		},
	}}},
	{submittedOn: "2026-02-10", demoPractice: demoPractice{key: "pre-reprise", programme: cancer, org: "santeloire", author: "reviewer.fr@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "La visite de pré-reprise proposée à chaque salarié en arrêt long pour cancer",
		Summary:  "Le service de santé au travail écrit à chaque salarié en arrêt de plus de trois mois pour un cancer et lui propose une visite de pré-reprise, pendant l'arrêt, pour préparer les aménagements avec l'employeur avant le retour.",
		Language: "fr",
		Themes:   []string{"actors_work_health", "launch_parameters"}, TargetGroups: []string{"cancer_survivors", "older_workers", "low_skilled"},
		Content: domain.PracticeContent{
			Context: "La loi permet une visite de pré-reprise pendant l'arrêt de travail, mais peu de salariés la demandent : ils ne la connaissent pas ou craignent qu'elle serve à les déclarer inaptes. " +
				"Dans la Loire, le service ne voyait la plupart des salariés qu'à la visite de reprise, le jour du retour, quand il était trop tard pour adapter le poste.",
			Approach: "Grâce aux signalements de l'Assurance maladie, le service adresse un courrier personnalisé au salarié après trois mois d'arrêt, suivi d'un appel d'une infirmière en santé au travail. " +
				"La visite a lieu avec le médecin du travail et, si le salarié le souhaite, l'ergonome du service. Le médecin formule des recommandations d'aménagement (horaires, " +
				"télétravail, poste) qu'il transmet à l'employeur avec l'accord du salarié, et fixe une seconde visite un mois avant la date prévue de reprise.",
			Resources:       "Une infirmière à 0,4 ETP pour les appels, le temps médical des visites (45 minutes chacune), un modèle de courrier validé par le service juridique.",
			Scale:           domain.Scale{Participants: ptr(520), Sites: ptr(6), SinceYear: ptr(2020)},
			Evidence:        domain.Evidence{Level: "evaluation", Description: "Suivi de cohorte interne 2020–2024 ; comparaison avec les salariés qui n'ont pas eu de visite de pré-reprise, ajustée sur l'âge et la taille de l'entreprise.", Indicators: []string{"maintien dans l'emploi à 12 mois", "inaptitudes prononcées", "délai entre visite et reprise"}},
			Outcomes:        "Parmi les salariés vus en pré-reprise, 71 % étaient en poste un an après la reprise, contre 58 % des autres ; les avis d'inaptitude ont baissé d'un tiers.",
			Transferability: "Transférable là où un service de santé au travail a accès aux arrêts longs et peut contacter les salariés pendant l'arrêt ; le courrier doit rassurer sur la confidentialité.",
			LessonsLearned:  "L'appel de l'infirmière double le taux d'acceptation par rapport au courrier seul. Les très petites entreprises ont besoin d'un appel du médecin, pas d'un écrit.",
			LearningQuestions: []string{
				"Dans votre pays, qui peut contacter un salarié pendant son arrêt, et avec quelles limites ?",
				"Comment rassurez-vous les salariés qui craignent d'être déclarés inaptes ?",
			},
			Contact: domain.Contact{Name: "Julien Moreau", Email: "reviewer.fr@peerbridge.example"},
		},
		Products: []domain.Product{
			product("pre-reprise-visite", "Visite de pré-reprise proactive", "service", "Courrier, appel infirmier et visite avec le médecin du travail pendant l'arrêt.",
				"Contact à l'initiative du service après trois mois d'arrêt", "Visite pendant l'arrêt, pas le jour du retour", "Recommandations transmises à l'employeur seulement avec l'accord du salarié"),
		},
	}}},
	{submittedOn: "2026-02-14", demoPractice: demoPractice{key: "onko-lotsen", programme: cancer, org: "tumorzentrum", author: "essen.de@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Onko-Lotsen: Beratung zu Arbeit und Beruf schon im Akutkrankenhaus",
		Summary:  "Geschulte Lotsinnen besuchen Patientinnen und Patienten nach der Erstdiagnose auf Station und begleiten sie bis ein Jahr nach der Therapie zu Fragen von Krankengeld, Reha und beruflicher Wiedereingliederung.",
		Language: "de",
		Themes:   []string{"actors_work_health", "products_services"}, TargetGroups: []string{"cancer_survivors", "chronic_illness"},
		Content: domain.PracticeContent{
			Context: "Im deutschen System wechseln die Zuständigkeiten nach einer Krebsdiagnose mehrfach: Krankenkasse, Rentenversicherung für die Reha, Arbeitgeber für das Betriebliche Eingliederungsmanagement. " +
				"Viele Betroffene erfahren erst bei der Aussteuerung aus dem Krankengeld, welche Rechte sie hatten.",
			Approach: "Onko-Lotsinnen sind Pflegefachkräfte oder Sozialarbeiterinnen mit einer Weiterbildung von 120 Stunden. Sie stellen sich nach der Tumorkonferenz vor, erstellen mit den Betroffenen " +
				"einen Fahrplan (Krankengeld, Reha-Antrag, Kontakt zum Arbeitgeber) und rufen in festen Abständen an. Vor dem Ende der Therapie vermitteln sie in die berufsorientierte Reha und " +
				"bereiten das BEM-Gespräch mit dem Betrieb vor.",
			Resources:       "Zwei Lotsinnen (1,5 VZÄ), finanziert über ein Modellprojekt der Krankenkassen bis 2027.",
			Scale:           domain.Scale{Participants: ptr(260), Sites: ptr(1), SinceYear: ptr(2023)},
			Evidence:        domain.Evidence{Level: "monitoring", Description: "Routinedaten des Zentrums; eine Evaluation durch die Universität Duisburg-Essen beginnt 2026.", Indicators: []string{"Reha-Anträge vor Therapieende", "Rückkehr an den Arbeitsplatz nach 12 Monaten", "Zufriedenheit"}},
			Outcomes:        "Der Anteil der Berufstätigen mit gestelltem Reha-Antrag vor Therapieende stieg von 30 % auf 68 %. Rückkehrquoten liegen noch nicht vergleichbar vor.",
			Transferability: "Setzt ein zertifiziertes Zentrum mit Tumorkonferenz und eine Finanzierung außerhalb der Regelversorgung voraus.",
			LessonsLearned:  "Der Kontakt zum Arbeitgeber gelingt besser, wenn die Lotsin das Gespräch vorbereitet, aber die Betroffenen es selbst führen.",
			LearningQuestions: []string{
				"Wie wird eine Lotsenfunktion in Ihrem Land dauerhaft finanziert?",
			},
			Contact: domain.Contact{Name: "Katharina Schmitt", Email: "essen.de@peerbridge.example"},
		},
		Products: []domain.Product{
			product("onko-lotsen-begleitung", "Lotsenbegleitung ab Diagnose", "guidance", "Persönliche Begleitung von der Diagnose bis ein Jahr nach Therapieende.",
				"Erstkontakt auf Station nach der Tumorkonferenz", "Schriftlicher Fahrplan zu Krankengeld, Reha und Arbeitgeber", "Telefonkontakt in festen Abständen"),
		},
		Translations: map[string]domain.Translation{"en": {Status: "verified",
			Title:             "Onco-navigators: advice on work from the acute hospital onwards",
			Summary:           "Trained navigators visit patients on the ward after the first diagnosis and support them until a year after treatment with questions on sick pay, rehabilitation and return to work.",
			Context:           "In Germany responsibility changes several times after a cancer diagnosis: the health insurer, the pension insurer for rehabilitation, the employer for workplace reintegration management. Many people only learn their rights when their sick pay ends.",
			Approach:          "Navigators are nurses or social workers with 120 hours of further training. They introduce themselves after the tumour board, draw up a roadmap (sick pay, rehabilitation application, contact with the employer) and call at fixed intervals; before treatment ends they refer to work-oriented rehabilitation.",
			LearningQuestions: []string{"How is a navigator role funded permanently in your country?"},
			Products:          []domain.ProductTranslation{{ID: ID("product", "onko-lotsen-begleitung"), Name: "Navigator support from diagnosis", Description: "Personal support from diagnosis until a year after treatment."}},
		}},
	}}},
	{submittedOn: "2026-02-09", demoPractice: demoPractice{key: "tripartite", programme: cancer, org: "turku", author: "turku.fi@peerbridge.example", status: domain.StatusPublished, text: domain.PracticeText{
		Title:    "Three-party work ability negotiations before the return to work after cancer",
		Summary:  "Occupational health services in Turku hold a structured meeting of employee, supervisor and occupational health physician before a long absence ends, agree a written plan and check it after one and three months.",
		Language: "en",
		Themes:   []string{"actors_work_health", "upscaling"}, TargetGroups: []string{"cancer_survivors", "older_workers"},
		Content: domain.PracticeContent{
			Context: "Finnish employers must provide occupational health services, and the health insurance act requires a statement of work ability after 90 days of sickness allowance. " +
				"The three-party negotiation (työterveysneuvottelu) existed on paper, but for cancer patients it was often held late, without a plan, and nobody checked what happened afterwards.",
			Approach: "When the sickness allowance reaches 60 days, the occupational health nurse invites the employee to plan the negotiation. The meeting follows a one-page agenda: what the employee can do now, " +
				"what the work requires, which adjustments are possible (partial sickness allowance, reduced hours, other tasks), who does what by when. The plan is signed by all three and reviewed by phone " +
				"after one month and in a meeting after three months. Supervisors receive a short guide on talking about cancer beforehand.",
			Resources:       "Around three hours of nurse and physician time per employee; the agenda, guide and plan template are free to use.",
			Scale:           domain.Scale{Participants: ptr(940), Sites: ptr(14), SinceYear: ptr(2018)},
			Evidence:        domain.Evidence{Level: "controlled_study", Description: "A matched comparison in the registers of the Social Insurance Institution (Kela) of 612 employees with a structured negotiation and 1,190 employees with usual care, followed for two years.", Indicators: []string{"days on sickness allowance", "return to work within 12 months", "disability pension within 2 years"}},
			Outcomes:        "Employees with a structured negotiation returned 38 days earlier on average, used partial sickness allowance twice as often and were less likely to move to a disability pension within two years (6 % against 10 %).",
			Transferability: "The agenda and plan travel easily. What does not travel by itself is the legal 60- and 90-day trigger; elsewhere another fixed moment is needed, and someone who is paid to convene the meeting.",
			LessonsLearned:  "Supervisors were the most nervous participants; a ten-minute call from the nurse before the meeting changed the tone more than any document.",
			LearningQuestions: []string{
				"Which fixed moment in your system could trigger such a meeting?",
				"Who would convene it where occupational health services are not mandatory?",
			},
			Links:   []domain.Link{{Title: "Plan template (English)", URL: "https://example.org/turku/plan-template"}},
			Contact: domain.Contact{Name: "Mikko Lehtonen", Email: "turku.fi@peerbridge.example"},
		},
		Products: []domain.Product{
			product("tripartite-meeting", "Structured three-party negotiation", "guidance", "A meeting of employee, supervisor and physician with a one-page agenda and a signed plan.",
				"Planned with the employee before the meeting", "One-page agenda covering capacity, demands and adjustments", "Signed plan reviewed after one and three months"),
			product("supervisor-guide", "Supervisor guide to the negotiation", "information", "Four pages for supervisors on what to expect and what to ask.", "Sent with a short call from the nurse"),
		},
	}}},
	{submittedOn: "2026-02-13", demoPractice: demoPractice{key: "drop-in", programme: cancer, org: "galway", author: "galway.ie@peerbridge.example", status: domain.StatusRevisionRequested, text: domain.PracticeText{
		Title:    "Work and cancer drop-in evenings",
		Summary:  "Once a month the centre opens in the evening for anyone with questions about work after cancer; a volunteer welfare adviser and a former patient answer them.",
		Language: "en",
		Themes:   []string{"products_services"}, TargetGroups: []string{"cancer_survivors"},
		Content: domain.PracticeContent{
			Context:           "Our clients ask about work more and more, but daytime appointments clash with treatment and with work itself.",
			Approach:          "First Wednesday of the month, 6 to 8 pm, no appointment needed. People talk one to one with a welfare adviser about illness benefit, reduced hours and telling the employer, and with a volunteer who went back to work after cancer.",
			Scale:             domain.Scale{Participants: ptr(60), Sites: ptr(1), SinceYear: ptr(2024)},
			Evidence:          domain.Evidence{Level: "none", Description: "We count visitors."},
			LearningQuestions: []string{"Do evening services reach people who work shifts?"},
			Contact:           domain.Contact{Name: "Ciarán O'Brien", Email: "galway.ie@peerbridge.example"},
		},
		Products: []domain.Product{product("drop-in-evening", "Drop-in evening", "information", "Monthly evening with a welfare adviser and a former patient.")},
	}}},
	{submittedOn: "2026-02-11", demoPractice: demoPractice{key: "lotgenoten", programme: cancer, org: "doorstart", author: "doorstart.nl@peerbridge.example", status: domain.StatusNotRetained, text: domain.PracticeText{
		Title:    "Lotgenotengroep 'Weer aan de slag'",
		Summary:  "Een gespreksgroep van zes avonden voor mensen die na kanker weer aan het werk willen.",
		Language: "nl",
		Themes:   []string{"products_services"}, TargetGroups: []string{"cancer_survivors"},
		Content: domain.PracticeContent{
			Context:  "Mensen voelen zich alleen met hun twijfels over werk.",
			Approach: "Een vrijwilliger leidt zes avonden over thema's als vermoeidheid, collega's en grenzen aangeven. Deelnemers wisselen ervaringen uit.",
			Evidence: domain.Evidence{Level: "none"},
			Contact:  domain.Contact{Name: "Sanne Visser", Email: "doorstart.nl@peerbridge.example"},
		},
	}}},
}
