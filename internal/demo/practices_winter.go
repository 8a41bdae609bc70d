package demo

import "github.com/peerbridge/peerbridge/internal/domain"

// winterPractices answer the 2026–2027 call and are in the winter round, which is open: some
// reviews are in, others are drafts or not yet accepted.
var winterPractices = []yearPractice{
	{submittedOn: "2026-10-30", demoPractice: demoPractice{key: "werkwijzer", call: "2026", programme: cancer, org: "kempen", author: "reviewer.be@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Digitale werkwijzer voor patiënten en werkgevers",
		Summary:  "Een website met korte teksten en filmpjes over werk tijdens en na kanker, per fase van de behandeling, met een apart luik voor werkgevers.",
		Language: "nl",
		Themes:   []string{"products_services", "upscaling"}, TargetGroups: []string{"cancer_survivors"},
		Content: domain.PracticeContent{
			Context:           "Ons spreekuur in het dagziekenhuis bereikt niet iedereen: patiënten uit andere ziekenhuizen en werkgevers vragen om informatie die ze zelf kunnen lezen.",
			Approach:          "Per fase (diagnose, behandeling, na de behandeling, terug aan het werk) staan antwoorden op de twintig meest gestelde vragen uit het spreekuur. Vijf filmpjes tonen gesprekken met werkgevers. Werkgevers vinden een checklist voor het eerste gesprek.",
			Scale:             domain.Scale{SinceYear: ptr(2026)},
			Evidence:          domain.Evidence{Level: "none", Description: "Bezoekersaantallen vanaf de lancering in september 2026."},
			LearningQuestions: []string{"Welke informatie zoeken werkgevers in uw land het vaakst?"},
			Contact:           domain.Contact{Name: "Wouter Claes", Email: "reviewer.be@peerbridge.example"},
		},
		Products: []domain.Product{product("werkwijzer-site", "Werkwijzer werk en kanker", "information", "Website met antwoorden per behandelfase en een luik voor werkgevers.")},
	}}},
	{submittedOn: "2026-11-03", demoPractice: demoPractice{key: "tpe", call: "2026", programme: cancer, org: "retour", author: "partner.fr@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Soutenir les très petites entreprises quand un salarié revient après un cancer",
		Summary:  "Une conseillère se déplace dans les entreprises de moins de onze salariés pour préparer avec le dirigeant le retour d'un salarié, chercher les aides au maintien dans l'emploi et prévoir le remplacement pendant le temps partiel.",
		Language: "fr",
		Themes:   []string{"actors_work_health", "products_services"}, TargetGroups: []string{"cancer_survivors", "low_skilled"},
		Content: domain.PracticeContent{
			Context:           "Dans une entreprise de cinq personnes, le temps partiel thérapeutique d'un salarié désorganise toute l'équipe ; le dirigeant n'a ni service RH ni temps pour monter un dossier d'aide. Nos bilans de reprise se heurtaient souvent à ce mur.",
			Approach:          "Après le bilan de reprise, la conseillère rencontre le dirigeant dans l'entreprise. Ensemble, ils listent les tâches, décident ce qui peut être réparti, et la conseillère monte les demandes d'aide (aménagement du poste, compensation du temps partiel) auprès des organismes compétents. Un point téléphonique a lieu chaque mois pendant six mois.",
			Resources:         "Une conseillère à mi-temps, des frais de déplacement ; financement par un fonds régional pour l'emploi des personnes handicapées.",
			Scale:             domain.Scale{Participants: ptr(41), Sites: ptr(1), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"maintien dans l'emploi à 6 mois", "aides obtenues"}},
			Outcomes:          "34 des 41 salariés étaient toujours dans l'entreprise six mois après la reprise ; 29 aides ont été obtenues.",
			Transferability:   "Le déplacement dans l'entreprise est l'élément clé ; les dispositifs d'aide varient selon les pays.",
			LearningQuestions: []string{"Comment les petites entreprises compensent-elles le temps partiel d'un salarié dans votre pays ?"},
			Contact:           domain.Contact{Name: "Camille Laurent", Email: "partner.fr@peerbridge.example"},
		},
		Products: []domain.Product{
			product("tpe-visite", "Visite d'appui aux très petites entreprises", "service", "Préparation du retour avec le dirigeant et montage des demandes d'aide.",
				"Rencontre dans l'entreprise", "Demandes d'aide montées par la conseillère", "Point mensuel pendant six mois"),
		},
	}}},
	{submittedOn: "2026-11-02", demoPractice: demoPractice{key: "manager-elearning", call: "2026", programme: cancer, org: "workwell", author: "partner.ie@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Cancer and work: an online course for line managers",
		Summary:  "A 45-minute online course, built from our manager sessions, that takes line managers through five conversations with an employee who has cancer.",
		Language: "en",
		Themes:   []string{"products_services", "upscaling"}, TargetGroups: []string{"cancer_survivors"},
		Content: domain.PracticeContent{
			Context:           "Our two-hour manager session works but reaches only employers who can release managers for a morning. Large employers asked for something their managers could do at their desk.",
			Approach:          "Five short modules, each a filmed conversation with a choice of responses: hearing the news, staying in touch during treatment, planning the return, the first week back, and when things go wrong. Feedback follows each choice. Employers can add their own policies.",
			Resources:         "Development funded by a pharmaceutical company's unrestricted grant; hosting on the centre's learning platform.",
			Scale:             domain.Scale{Participants: ptr(620), Sites: ptr(11), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Description: "Completion data and a short confidence question before and after.", Indicators: []string{"completion rate", "manager confidence"}},
			Outcomes:          "74 % of managers who started completed the course; self-rated confidence rose from 2.6 to 3.9 on a five-point scale.",
			LearningQuestions: []string{"Would managers in your country take an online course, or do they need a live session?"},
			Contact:           domain.Contact{Name: "Siobhán Murphy", Email: "partner.ie@peerbridge.example"},
		},
		Products: []domain.Product{product("manager-course", "Online course for line managers", "training", "Five filmed conversations with choices and feedback.", "Filmed conversations with choices", "Employer's own policies added")},
	}}},
	{submittedOn: "2026-10-28", demoPractice: demoPractice{key: "low-skilled-assessment", call: "2026", programme: cancer, org: "tyokyky", author: "reviewer.fi@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Early work ability assessment for manual workers after cancer",
		Summary:  "A one-day assessment at the work ability centre for manual and low-paid workers whose employer has no occupational health contract beyond the legal minimum, followed by a work trial when the old job is no longer possible.",
		Language: "en",
		Themes:   []string{"launch_parameters", "products_services"}, TargetGroups: []string{"low_skilled", "cancer_survivors", "older_workers"},
		Content: domain.PracticeContent{
			Context: "Finnish employers must provide preventive occupational health care but need not offer medical care. Manual workers in small firms therefore reach rehabilitation late, and physical jobs in cleaning, construction or care are often impossible after surgery or lymphoedema.",
			Approach: "Public health centres refer patients who have finished primary treatment. The centre's physiotherapist, occupational therapist and vocational counsellor assess physical capacity and the demands of the job in one day. Where the job still fits, a return plan goes to the employer. " +
				"Where it does not, the counsellor arranges a three-month work trial in another job through the employment services, with the employee keeping their benefit.",
			Resources:         "One assessment day of three professionals; work trials funded through the public employment services.",
			Scale:             domain.Scale{Participants: ptr(88), Sites: ptr(1), SinceYear: ptr(2024)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"in work 12 months after assessment", "work trials started", "work trials leading to employment"}},
			Outcomes:          "Of 88 people assessed, 37 returned to their own job, 29 started a work trial and 16 of those were employed afterwards.",
			Transferability:   "Needs a public body that can fund work trials for people who are still employed elsewhere.",
			LearningQuestions: []string{"How do manual workers without occupational health care reach rehabilitation in your country?"},
			Contact:           domain.Contact{Name: "Aino Virtanen", Email: "reviewer.fi@peerbridge.example"},
		},
		Products: []domain.Product{
			product("work-ability-day", "One-day work ability assessment", "assessment", "Physical capacity and job demands assessed in one day by three professionals.", "Three professionals on one day", "Job demands assessed, not only capacity"),
			product("work-trial", "Three-month work trial", "placement", "A trial in another job with the benefit kept.", "Benefit kept during the trial"),
		},
	}}},
	{submittedOn: "2026-11-04", demoPractice: demoPractice{key: "mbor", call: "2026", programme: cancer, org: "tumorzentrum", author: "essen.de@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Berufsorientierte onkologische Rehabilitation mit Arbeitsplatztraining",
		Summary:  "In der ambulanten Reha trainieren Beschäftigte die Anforderungen ihres eigenen Arbeitsplatzes nach, unterstützt durch eine Arbeitsplatzanalyse und einen Austausch mit dem Betrieb vor der Entlassung.",
		Language: "de",
		Themes:   []string{"products_services", "actors_work_health"}, TargetGroups: []string{"cancer_survivors", "older_workers"},
		Content: domain.PracticeContent{
			Context: "Die klassische onkologische Reha ist auf Erholung ausgerichtet. Wer danach an einen körperlich fordernden Arbeitsplatz zurückkehrt, merkt oft erst am ersten Arbeitstag, was nicht geht.",
			Approach: "Zu Beginn füllen Beschäftigte und, mit Einverständnis, der Betrieb einen Fragebogen zu den Arbeitsanforderungen aus. Ergotherapie und Sporttherapie stellen daraus ein Training von drei Wochen zusammen (Heben, Stehen, Bildschirmarbeit, Konzentration). " +
				"Vor der Entlassung telefoniert die Sozialarbeiterin mit dem Betrieb über eine stufenweise Wiedereingliederung.",
			Resources:         "Bestehende Reha-Leistung der Rentenversicherung; zusätzlich vier Stunden Sozialarbeit pro Person.",
			Scale:             domain.Scale{Participants: ptr(175), Sites: ptr(1), SinceYear: ptr(2022)},
			Evidence:          domain.Evidence{Level: "evaluation", Description: "Vergleich mit der herkömmlichen Reha des Vorjahres anhand der Daten der Rentenversicherung.", Indicators: []string{"Rückkehr nach 6 Monaten", "Erwerbsminderungsrenten nach 2 Jahren"}},
			Outcomes:          "Sechs Monate nach der Reha arbeiteten 69 % gegenüber 58 % in der Vergleichsgruppe.",
			Transferability:   "Übertragbar, wo Reha-Einrichtungen Zugang zu Arbeitsplatzinformationen haben; in Ländern ohne stationäre Reha könnte das Training ambulant angeboten werden.",
			LearningQuestions: []string{"Wie wird in Ihrem Land der Arbeitsplatz in die Rehabilitation einbezogen?"},
			Contact:           domain.Contact{Name: "Katharina Schmitt", Email: "essen.de@peerbridge.example"},
		},
		Products: []domain.Product{
			product("mbor-training", "Arbeitsplatzbezogenes Reha-Training", "training", "Drei Wochen Training nach den Anforderungen des eigenen Arbeitsplatzes.", "Fragebogen zu den Arbeitsanforderungen", "Telefonat mit dem Betrieb vor der Entlassung"),
		},
	}}},
	{submittedOn: "2026-10-31", demoPractice: demoPractice{key: "ervaringscoaches", call: "2026", programme: cancer, org: "doorstart", author: "doorstart.nl@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Ervaringsdeskundige werkcoaches na kanker",
		Summary:  "Mensen die zelf na kanker weer aan het werk gingen, worden in twaalf dagdelen opgeleid tot werkcoach en begeleiden daarna werknemers in opdracht van arbodiensten en re-integratiebureaus.",
		Language: "nl",
		Themes:   []string{"products_services", "upscaling"}, TargetGroups: []string{"cancer_survivors", "chronic_illness"},
		Content: domain.PracticeContent{
			Context:           "Na de beoordeling van onze lotgenotengroep hebben we onze aanpak herzien: in plaats van groepsavonden leiden we ervaringsdeskundigen op die betaald werk doen naast professionals. Arbodiensten vroegen om begeleiders die weten hoe de terugkeer voelt.",
			Approach:          "De opleiding van twaalf dagdelen behandelt gesprekstechniek, de Wet verbetering poortwachter, grenzen in de eigen ervaring en samenwerking met de bedrijfsarts. Afgestudeerde coaches begeleiden een werknemer in vijf tot acht gesprekken, op verwijzing van een arbodienst, en rapporteren aan de casemanager.",
			Resources:         "Opleiding door twee trainers; coaches worden per traject betaald door de opdrachtgever.",
			Scale:             domain.Scale{Participants: ptr(35), Sites: ptr(3), SinceYear: ptr(2026)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"opgeleide coaches", "trajecten", "tevredenheid van werknemers en casemanagers"}},
			Outcomes:          "Zestien coaches opgeleid; 35 trajecten in het eerste halfjaar.",
			LearningQuestions: []string{"Betalen werkgevers of verzekeraars bij u voor ervaringsdeskundige begeleiding?"},
			Contact:           domain.Contact{Name: "Sanne Visser", Email: "doorstart.nl@peerbridge.example"},
		},
		Products: []domain.Product{
			product("ervaringscoach-opleiding", "Opleiding ervaringsdeskundige werkcoach", "training", "Twaalf dagdelen voor mensen die zelf na kanker weer aan het werk gingen.", "Coach is zelf na kanker hervat", "Samenwerking met de bedrijfsarts"),
		},
	}}},
	{submittedOn: "2026-11-05", demoPractice: demoPractice{key: "older-workers", call: "2026", programme: cancer, org: "turku", author: "turku.fi@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Staying on after cancer at 55 plus: flexible arrangements before pension age",
		Summary:  "For employees over 55, the three-party negotiation also covers partial early old-age pension, part-time work and lighter duties, so that a cancer diagnosis does not end a career years before pension age.",
		Language: "en",
		Themes:   []string{"launch_parameters"}, TargetGroups: []string{"older_workers", "cancer_survivors"},
		Content: domain.PracticeContent{
			Context:           "Older employees after cancer often leave on a disability pension although they could work part time; neither they nor their supervisors know how partial pensions combine with part-time pay.",
			Approach:          "A pension adviser from the earnings-related pension insurer joins the second three-party negotiation for employees over 55 and calculates the options: partial early old-age pension with part-time work, a partial disability pension, or a vocational rehabilitation allowance during a change of tasks.",
			Scale:             domain.Scale{Participants: ptr(57), Sites: ptr(4), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Indicators: []string{"in work at 12 months", "full disability pensions"}},
			LearningQuestions: []string{"Which options exist in your country for combining part-time work and a pension after illness?"},
			Contact:           domain.Contact{Name: "Mikko Lehtonen", Email: "turku.fi@peerbridge.example"},
		},
		Products: []domain.Product{product("pension-options", "Pension options in the negotiation", "service", "A pension adviser calculates part-time and partial pension options at the meeting.", "Pension adviser at the second negotiation")},
	}}},
	{submittedOn: "2026-11-06", demoPractice: demoPractice{key: "rural-outreach", call: "2026", programme: cancer, org: "galway", author: "galway.ie@peerbridge.example", status: domain.StatusInReview, text: domain.PracticeText{
		Title:    "Outreach advice for rural and self-employed people with cancer",
		Summary:  "A welfare adviser and a job coach hold monthly clinics in five rural towns and at the regional mart, for farmers, the self-employed and employees of very small firms who will not travel to Galway.",
		Language: "en",
		Themes:   []string{"launch_parameters", "products_services"}, TargetGroups: []string{"cancer_survivors", "low_skilled", "older_workers"},
		Content: domain.PracticeContent{
			Context:           "Our reviewers said the drop-in evenings lacked a defined group and evidence. Looking at who came, we saw that farmers and the self-employed from Connemara and east Galway never did, though they lose income fastest: there is no employer, no sick pay and often no cover for the farm.",
			Approach:          "Clinics run monthly in community centres and once a quarter at the mart. The welfare adviser checks entitlements (illness benefit for the self-employed, farm relief services); the job coach plans how work can continue, from reorganising the farm's heavy tasks to a reduced client list. Follow-up is by phone every six weeks for a year.",
			Resources:         "0.8 FTE across two staff, travel costs; funded by the regional health forum for three years.",
			Scale:             domain.Scale{Participants: ptr(72), Sites: ptr(6), SinceYear: ptr(2025)},
			Evidence:          domain.Evidence{Level: "monitoring", Description: "Records of every client since the start, with a call at six and twelve months.", Indicators: []string{"still working at 12 months", "income support obtained", "farm relief used"}},
			Outcomes:          "At twelve months 49 of the 61 clients reached were still working, most of them at reduced hours; 38 obtained income support they had not claimed before.",
			Transferability:   "Relevant wherever self-employment and farming are common; the benefits differ, the outreach format does not.",
			LessonsLearned:    "Meeting at the mart, where people already go, brought more first contacts than any leaflet.",
			LearningQuestions: []string{"How do you reach the self-employed after cancer in your country?"},
			Contact:           domain.Contact{Name: "Ciarán O'Brien", Email: "galway.ie@peerbridge.example"},
		},
		Products: []domain.Product{
			product("outreach-clinic", "Rural work and cancer clinic", "service", "Monthly clinics with a welfare adviser and a job coach, with follow-up for a year.",
				"Held where people already go", "Entitlements checked and work planned at one visit", "Follow-up every six weeks for a year"),
		},
	}}},
}

// waitingPractices are not in a round: two drafts and one submitted to the call that waits for
// the next round.
var waitingPractices = []yearPractice{
	{demoPractice: demoPractice{key: "registre-amenagements", programme: cancer, org: "santeloire", author: "reviewer.fr@peerbridge.example", status: domain.StatusDraft, text: domain.PracticeText{
		Title:    "Registre partagé des aménagements de poste",
		Summary:  "Recenser les aménagements proposés après un cancer et ce qu'ils sont devenus un an plus tard.",
		Language: "fr",
		Themes:   []string{"products_services"},
		Content:  domain.PracticeContent{Context: "Nous ne savons pas quels aménagements tiennent dans la durée.", Contact: domain.Contact{Name: "Julien Moreau"}},
	}}},
	{demoPractice: demoPractice{key: "azubis", programme: cancer, org: "ifdleipzig", author: "leipzig.de@peerbridge.example", status: domain.StatusDraft, text: domain.PracticeText{
		Title:    "Ausbildung fortsetzen nach Krebs",
		Summary:  "Begleitung von Auszubildenden, die ihre Ausbildung wegen einer Krebserkrankung unterbrechen mussten.",
		Language: "de",
		Themes:   []string{"launch_parameters"}, TargetGroups: []string{"young_adults"},
		Content: domain.PracticeContent{
			Context:  "Auszubildende fallen zwischen alle Zuständigkeiten: die Kammer, der Ausbildungsbetrieb und die Berufsschule sprechen nicht miteinander.",
			Approach: "Noch in Planung: ein gemeinsamer Termin von Kammer, Betrieb und Berufsschule, bevor die Ausbildung wieder aufgenommen wird.",
			Contact:  domain.Contact{Name: "Thomas Richter", Email: "leipzig.de@peerbridge.example"},
		},
	}}},
	{submittedOn: "2026-11-20", demoPractice: demoPractice{key: "independants", call: "2026", programme: cancer, org: "entraide", author: "partner.be.fr@peerbridge.example", status: domain.StatusSubmitted, text: domain.PracticeText{
		Title:    "Indépendants et cancer : garder son activité pendant le traitement",
		Summary:  "Un guide et trois entretiens pour les travailleurs indépendants affiliés : reprise partielle autorisée, aide pour la gestion de l'activité et contacts avec la caisse d'assurances sociales.",
		Language: "fr",
		Themes:   []string{"products_services", "launch_parameters"}, TargetGroups: []string{"cancer_survivors", "older_workers"},
		Content: domain.PracticeContent{
			Context:           "Un indépendant en incapacité perd vite sa clientèle. Il peut reprendre partiellement avec l'accord du médecin-conseil, mais peu le savent et la démarche leur paraît risquée.",
			Approach:          "Un guide de douze pages explique l'incapacité des indépendants, la reprise partielle et le droit passerelle. Trois entretiens avec une conseillère aident à décider ce qui est gardé, délégué ou suspendu dans l'activité.",
			Scale:             domain.Scale{Participants: ptr(27), Sites: ptr(2), SinceYear: ptr(2026)},
			Evidence:          domain.Evidence{Level: "none", Description: "Première année ; un questionnaire de satisfaction est en préparation."},
			LearningQuestions: []string{"Quelles protections existent pour les indépendants malades dans votre pays ?"},
			Contact:           domain.Contact{Name: "Nathalie Dubois", Email: "partner.be.fr@peerbridge.example"},
		},
		Products: []domain.Product{product("guide-independants", "Guide « Indépendant et malade »", "information", "Douze pages sur l'incapacité, la reprise partielle et le droit passerelle.")},
	}}},
}
