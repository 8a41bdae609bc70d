package benchdata

// The sentence banks below are genuine prose about return to work in the four languages of the
// benchmark, so that stemming, stop words and ranking behave as they do on real practices. Each
// practice draws its sections from a permutation of its language's bank.

var sentences = map[string][]string{
	"en": {
		"Employees who return to work after cancer often need a gradual schedule agreed with their employer.",
		"The coach meets the employee, the line manager and the occupational physician together before the first working day.",
		"Employers receive practical guidance on adjusting tasks, hours and workplaces for people recovering from a serious illness.",
		"Many survivors report fatigue and concentration problems that colleagues do not see and rarely understand.",
		"A return-to-work plan is written with the employee and reviewed every month during the first half year.",
		"Small companies lack an HR department, so the programme offers them a single contact person for every question.",
		"Re-integration succeeds more often when the first contact with the employer happens while treatment is still ongoing.",
		"Job coaches are trained to recognise when a placement is too demanding and to renegotiate the workload in time.",
		"Participants follow a short training on how to talk about their illness at work without disclosing medical details.",
		"The insurer funds the guidance for twelve months, after which the municipality takes over the costs.",
		"We measure how many participants are in paid work six months after the end of the guidance.",
		"Work-learning placements let employees try out a new job at another company without losing their contract.",
		"Line managers said that a clear checklist helped them prepare the team for a colleague coming back.",
		"Older workers and people with a low level of education were reached through the general practitioner and local social services.",
		"The approach links the worlds of work and health, which usually operate separately in our region.",
		"Peers with a lived experience of cancer act as buddies and share what helped them in their own return.",
		"Data on sickness absence is kept confidential and is only shared with the explicit consent of the employee.",
		"Employers who took part in the network offered more suitable placements in the second year than in the first.",
		"The most important lesson is that return to work is a process of small steps rather than a single decision.",
		"Transferring the method to another country requires attention to the rules on sick pay and dismissal protection.",
		"An evaluation with a control group showed that participants returned to work on average seven weeks earlier.",
		"Psychologists and occupational therapists assess the remaining work capacity with a standardised instrument.",
		"The brochure for employers explains in plain language which adjustments are reasonable and which support is available.",
		"Young adults with a chronic condition benefit from combining vocational training with health care appointments.",
		"Sustainability depends on embedding the coaching in the regular services of the public employment agency.",
	},
	"nl": {
		"Werknemers die na kanker terugkeren naar het werk hebben vaak een geleidelijk rooster nodig, afgesproken met hun werkgever.",
		"De coach spreekt de werknemer, de leidinggevende en de bedrijfsarts samen voor de eerste werkdag.",
		"Werkgevers krijgen praktisch advies over het aanpassen van taken, uren en werkplekken voor mensen die herstellen van een ernstige ziekte.",
		"Veel overlevers melden vermoeidheid en concentratieproblemen die collega's niet zien en zelden begrijpen.",
		"Samen met de werknemer wordt een re-integratieplan opgesteld dat in het eerste halfjaar elke maand wordt besproken.",
		"Kleine bedrijven hebben geen personeelsafdeling, daarom biedt het programma hun één aanspreekpunt voor alle vragen.",
		"Re-integratie slaagt vaker wanneer het eerste contact met de werkgever plaatsvindt terwijl de behandeling nog loopt.",
		"Jobcoaches leren herkennen wanneer een werkplek te zwaar is en tijdig opnieuw over de werkbelasting te onderhandelen.",
		"Deelnemers volgen een korte training over hoe zij op het werk over hun ziekte praten zonder medische details te delen.",
		"De verzekeraar financiert de begeleiding twaalf maanden, daarna neemt de gemeente de kosten over.",
		"Wij meten hoeveel deelnemers zes maanden na het einde van de begeleiding betaald werk hebben.",
		"Werkleerplekken laten werknemers een nieuwe baan bij een ander bedrijf uitproberen zonder hun contract te verliezen.",
		"Leidinggevenden zeiden dat een duidelijke checklist hielp om het team voor te bereiden op een terugkerende collega.",
		"Oudere werknemers en laagopgeleiden werden bereikt via de huisarts en het lokale sociale wijkteam.",
		"De aanpak verbindt de wereld van werk en gezondheid, die in onze regio meestal gescheiden werken.",
		"Ervaringsdeskundigen die zelf kanker hebben gehad zijn maatje en vertellen wat hen bij hun terugkeer hielp.",
		"Verzuimgegevens blijven vertrouwelijk en worden alleen met uitdrukkelijke toestemming van de werknemer gedeeld.",
		"Werkgevers in het netwerk boden in het tweede jaar meer passende werkplekken aan dan in het eerste jaar.",
		"De belangrijkste les is dat terugkeer naar werk een proces van kleine stappen is en geen eenmalige beslissing.",
		"Wie de methode naar een ander land overbrengt, moet letten op de regels voor loondoorbetaling en ontslagbescherming.",
		"Een evaluatie met een controlegroep liet zien dat deelnemers gemiddeld zeven weken eerder weer aan het werk waren.",
		"Psychologen en ergotherapeuten beoordelen de resterende belastbaarheid met een gestandaardiseerd instrument.",
		"De brochure voor werkgevers legt in eenvoudige taal uit welke aanpassingen redelijk zijn en welke steun er is.",
		"Jongvolwassenen met een chronische aandoening hebben baat bij het combineren van een beroepsopleiding met zorgafspraken.",
		"De duurzaamheid hangt af van het verankeren van de coaching in de reguliere dienstverlening van het UWV.",
	},
	"fr": {
		"Les salariés qui reprennent le travail après un cancer ont souvent besoin d'un horaire progressif convenu avec leur employeur.",
		"Le coach rencontre ensemble le salarié, le responsable hiérarchique et le médecin du travail avant le premier jour.",
		"Les employeurs reçoivent des conseils pratiques pour adapter les tâches, les horaires et les postes de travail.",
		"De nombreux survivants signalent une fatigue et des troubles de la concentration que les collègues ne voient pas.",
		"Un plan de retour au travail est rédigé avec le salarié et revu chaque mois pendant le premier semestre.",
		"Les petites entreprises n'ont pas de service des ressources humaines, le programme leur offre donc un interlocuteur unique.",
		"La réinsertion réussit plus souvent lorsque le premier contact avec l'employeur a lieu pendant le traitement.",
		"Les conseillers en emploi apprennent à reconnaître un poste trop exigeant et à renégocier la charge de travail à temps.",
		"Les participants suivent une courte formation pour parler de leur maladie au travail sans dévoiler de détails médicaux.",
		"La mutualité finance l'accompagnement pendant douze mois, puis la commune prend le relais.",
		"Nous mesurons combien de participants occupent un emploi rémunéré six mois après la fin de l'accompagnement.",
		"Les stages en entreprise permettent aux salariés d'essayer un nouveau métier sans perdre leur contrat.",
		"Les responsables ont indiqué qu'une liste de contrôle claire les avait aidés à préparer l'équipe au retour d'un collègue.",
		"Les travailleurs âgés et les personnes peu qualifiées ont été atteints grâce au médecin généraliste et aux services sociaux.",
		"L'approche relie le monde du travail et celui de la santé, qui fonctionnent d'habitude séparément dans notre région.",
		"Des pairs ayant vécu un cancer servent de parrains et partagent ce qui les a aidés lors de leur propre retour.",
		"Les données d'absence restent confidentielles et ne sont partagées qu'avec le consentement explicite du salarié.",
		"Les employeurs du réseau ont proposé davantage de postes adaptés la deuxième année que la première.",
		"La leçon principale est que le retour au travail est un processus de petites étapes plutôt qu'une décision unique.",
		"Transférer la méthode dans un autre pays exige d'examiner les règles sur les indemnités de maladie et la protection contre le licenciement.",
		"Une évaluation avec un groupe témoin a montré que les participants reprenaient le travail sept semaines plus tôt en moyenne.",
		"Des psychologues et des ergothérapeutes évaluent la capacité de travail restante avec un instrument standardisé.",
		"La brochure destinée aux employeurs explique simplement quels aménagements sont raisonnables et quelles aides existent.",
		"Les jeunes adultes atteints d'une maladie chronique profitent d'une formation professionnelle combinée aux soins.",
		"La pérennité dépend de l'intégration de l'accompagnement dans les services réguliers de l'agence publique pour l'emploi.",
	},
	"de": {
		"Beschäftigte, die nach einer Krebserkrankung an den Arbeitsplatz zurückkehren, brauchen oft einen stufenweisen Arbeitsplan mit ihrem Arbeitgeber.",
		"Der Coach trifft die Beschäftigte, die Führungskraft und den Betriebsarzt vor dem ersten Arbeitstag gemeinsam.",
		"Arbeitgeber erhalten praktische Hinweise, wie sie Aufgaben, Arbeitszeiten und Arbeitsplätze anpassen können.",
		"Viele Überlebende berichten von Erschöpfung und Konzentrationsproblemen, die Kollegen nicht sehen.",
		"Ein Wiedereingliederungsplan wird mit dem Beschäftigten erstellt und im ersten Halbjahr monatlich überprüft.",
		"Kleine Betriebe haben keine Personalabteilung, daher bietet das Programm ihnen eine feste Ansprechperson.",
		"Die Wiedereingliederung gelingt häufiger, wenn der erste Kontakt mit dem Arbeitgeber noch während der Behandlung stattfindet.",
		"Jobcoaches lernen zu erkennen, wann eine Stelle zu belastend ist, und die Arbeitsbelastung rechtzeitig neu zu verhandeln.",
		"Die Teilnehmenden besuchen eine kurze Schulung, wie sie am Arbeitsplatz über ihre Krankheit sprechen, ohne medizinische Details preiszugeben.",
		"Die Krankenkasse finanziert die Begleitung zwölf Monate lang, danach übernimmt die Kommune die Kosten.",
		"Wir messen, wie viele Teilnehmende sechs Monate nach Ende der Begleitung bezahlte Arbeit haben.",
		"Arbeits- und Lernplätze erlauben es Beschäftigten, eine neue Tätigkeit in einem anderen Betrieb zu erproben, ohne ihren Vertrag zu verlieren.",
		"Führungskräfte sagten, dass eine klare Checkliste half, das Team auf die Rückkehr einer Kollegin vorzubereiten.",
		"Ältere Beschäftigte und Geringqualifizierte wurden über die Hausarztpraxis und die örtlichen Sozialdienste erreicht.",
		"Der Ansatz verbindet die Welt der Arbeit mit der Gesundheitsversorgung, die in unserer Region meist getrennt arbeiten.",
		"Menschen mit eigener Krebserfahrung begleiten als Lotsen und erzählen, was ihnen bei der Rückkehr geholfen hat.",
		"Daten zu Fehlzeiten bleiben vertraulich und werden nur mit ausdrücklicher Einwilligung der Beschäftigten weitergegeben.",
		"Die Arbeitgeber im Netzwerk boten im zweiten Jahr mehr geeignete Plätze an als im ersten Jahr.",
		"Die wichtigste Erkenntnis ist, dass die Rückkehr an den Arbeitsplatz ein Prozess kleiner Schritte und keine einmalige Entscheidung ist.",
		"Wer die Methode in ein anderes Land überträgt, muss die Regeln zur Lohnfortzahlung und zum Kündigungsschutz beachten.",
		"Eine Evaluation mit Kontrollgruppe zeigte, dass die Teilnehmenden im Durchschnitt sieben Wochen früher wieder arbeiteten.",
		"Psychologinnen und Ergotherapeuten bewerten die verbleibende Leistungsfähigkeit mit einem standardisierten Instrument.",
		"Die Broschüre für Arbeitgeber erklärt in einfacher Sprache, welche Anpassungen zumutbar sind und welche Unterstützung es gibt.",
		"Junge Erwachsene mit einer chronischen Erkrankung profitieren davon, Berufsausbildung und Behandlungstermine zu verbinden.",
		"Die Nachhaltigkeit hängt davon ab, das Coaching in die Regelangebote der Agentur für Arbeit einzubetten.",
	},
}

// titleParts build titles: a method, a group and a place word per language.
var titleMethods = map[string][]string{
	"en": {"Return-to-work coaching", "Employer guidance", "Work-learning placements", "Peer support", "Gradual re-integration", "Workplace adjustment service", "Vocational rehabilitation", "Job retention counselling"},
	"nl": {"Terugkeercoaching", "Werkgeversadvies", "Werkleerplekken", "Steun van ervaringsdeskundigen", "Geleidelijke re-integratie", "Werkplekaanpassing", "Arbeidsrevalidatie", "Baanbehoud-begeleiding"},
	"fr": {"Accompagnement au retour au travail", "Conseil aux employeurs", "Stages en entreprise", "Soutien par les pairs", "Réinsertion progressive", "Aménagement du poste", "Réadaptation professionnelle", "Maintien dans l'emploi"},
	"de": {"Rückkehr-Coaching", "Arbeitgeberberatung", "Arbeits- und Lernplätze", "Unterstützung durch Betroffene", "Stufenweise Wiedereingliederung", "Arbeitsplatzanpassung", "Berufliche Rehabilitation", "Beschäftigungssicherung"},
}

var titleGroups = map[string][]string{
	"en": {"for cancer survivors", "for employees with a chronic illness", "for older workers", "for young adults", "for small employers", "after long-term sickness absence"},
	"nl": {"voor mensen na kanker", "voor werknemers met een chronische ziekte", "voor oudere werknemers", "voor jongvolwassenen", "voor kleine werkgevers", "na langdurig verzuim"},
	"fr": {"pour les personnes après un cancer", "pour les salariés atteints d'une maladie chronique", "pour les travailleurs âgés", "pour les jeunes adultes", "pour les petits employeurs", "après une longue absence"},
	"de": {"für Menschen nach Krebs", "für Beschäftigte mit chronischer Erkrankung", "für ältere Beschäftigte", "für junge Erwachsene", "für kleine Arbeitgeber", "nach langer Arbeitsunfähigkeit"},
}

var questions = map[string][]string{
	"en": {"How would employers in your country pay for the coaching?", "Which core elements would you keep when adapting the method?", "How do you reach employees without an occupational physician?"},
	"nl": {"Hoe zouden werkgevers in uw land de coaching betalen?", "Welke kernelementen zou u behouden bij het aanpassen van de methode?", "Hoe bereikt u werknemers zonder bedrijfsarts?"},
	"fr": {"Comment les employeurs de votre pays financeraient-ils l'accompagnement ?", "Quels éléments essentiels garderiez-vous en adaptant la méthode ?", "Comment atteignez-vous les salariés sans médecin du travail ?"},
	"de": {"Wie würden Arbeitgeber in Ihrem Land das Coaching bezahlen?", "Welche Kernelemente würden Sie bei der Anpassung beibehalten?", "Wie erreichen Sie Beschäftigte ohne Betriebsarzt?"},
}

var cities = []string{"Brussels", "Antwerp", "Ghent", "Utrecht", "Rotterdam", "Groningen", "Lyon", "Lille", "Cologne", "Hamburg", "Dublin", "Vienna", "Porto", "Milan", "Aarhus", "Tampere"}

var coreElements = map[string][]string{
	"en": {"a joint meeting before the first working day", "a written return-to-work plan", "monthly review with the line manager", "a single contact person for the employer", "consent before any data is shared"},
	"nl": {"een gezamenlijk gesprek voor de eerste werkdag", "een schriftelijk re-integratieplan", "maandelijkse evaluatie met de leidinggevende", "één aanspreekpunt voor de werkgever", "toestemming voordat gegevens worden gedeeld"},
	"fr": {"une rencontre commune avant le premier jour", "un plan de retour au travail écrit", "un suivi mensuel avec le responsable", "un interlocuteur unique pour l'employeur", "le consentement avant tout partage de données"},
	"de": {"ein gemeinsames Gespräch vor dem ersten Arbeitstag", "ein schriftlicher Wiedereingliederungsplan", "monatliche Überprüfung mit der Führungskraft", "eine feste Ansprechperson für den Arbeitgeber", "Einwilligung vor jeder Datenweitergabe"},
}

// reviewText is what reviewers write, in English, the programme's working language.
var reviewText = []string{
	"The description makes clear who does what and when, which makes the practice easy to follow.",
	"The link between the occupational physician and the employer is the strongest part of the approach.",
	"Results are reported for participants who finished the programme, but not for those who dropped out.",
	"The costs per participant should be stated so that other countries can judge feasibility.",
	"In my country the insurer would not fund this, so the municipality or the employer would have to pay.",
	"The peer support element would transfer well; the legal steps would need to be rewritten for our system.",
	"Vulnerable groups are reached on purpose through general practitioners, which is convincing.",
	"A follow-up at twelve months would show whether the return to work lasts.",
	"The consent procedure is well described and protects the privacy of employees.",
	"More detail on how employers were recruited would help partners who want to start a similar network.",
}

var barriers = []string{"no budget for coaching", "privacy rules on health data", "employers reluctant to take part", "long waiting lists at the occupational health service",
	"staff turnover", "no legal basis for gradual return", "language barriers", "fragmented funding"}

var facilitators = []string{"support from management", "a local champion", "existing employer network", "funding from the insurer", "training for coaches",
	"cooperation with the hospital", "peer experts on the team", "clear agreements on data sharing"}

var commentText = []string{
	"Thank you for sharing this — how did you convince the first employers to take part?",
	"We tried something similar and found that the joint meeting before the first day made the biggest difference.",
	"Could you share the checklist for line managers? We would like to translate it.",
	"How long does a coach usually spend with one employee in total?",
	"In our region the occupational physician is hard to reach; did you find a way around that?",
	"We adapted the brochure for small employers and will post the result here.",
	"Interesting outcomes. Do you also have figures for people who did not return to work?",
	"The peer support part worked well for us too, especially for younger participants.",
	"Which instrument do you use to assess the remaining work capacity?",
	"We would be glad to host a study visit if partners want to see the approach in practice.",
}

// learningQuestions are what partners ask, per language and theme, in their learning profiles.
// They use the words of the sentence banks above, so that matching a question against the
// practices' text finds the practices that answer it.
var learningQuestions = map[string]map[string][]string{
	"en": {
		"actors_work_health": {
			"How do you link the occupational physician with the employer and the line manager?",
			"Who coordinates the return-to-work plan between the employer, the coach and the hospital?",
			"How do the worlds of work and health cooperate in your region?",
		},
		"products_services": {
			"Which information do employers receive about adjusting tasks and hours?",
			"How do you assess the remaining work capacity of employees after cancer?",
			"What guidance do job coaches offer during the first months back at work?",
		},
		"upscaling": {
			"How did you move the coaching from a pilot into the regular services of the employment agency?",
			"Who funds the guidance once the project grant ends?",
			"How did you recruit more employers for the network in the second year?",
		},
		"launch_parameters": {
			"What do you need in place before you launch an intensive return-to-work programme?",
			"How do you reach older workers and people with a low level of education?",
			"Which rules on sick pay and dismissal protection matter when you transfer the method?",
		},
	},
	"nl": {
		"actors_work_health": {
			"Hoe verbindt u de bedrijfsarts met de werkgever en de leidinggevende?",
			"Wie coördineert het re-integratieplan tussen werkgever, coach en ziekenhuis?",
			"Hoe werken de wereld van werk en die van gezondheid in uw regio samen?",
		},
		"products_services": {
			"Welke informatie krijgen werkgevers over het aanpassen van taken en uren?",
			"Hoe beoordeelt u de resterende belastbaarheid van werknemers na kanker?",
			"Welke begeleiding bieden jobcoaches in de eerste maanden terug op het werk?",
		},
		"upscaling": {
			"Hoe heeft u de coaching van een pilot naar de reguliere dienstverlening gebracht?",
			"Wie financiert de begeleiding wanneer de projectsubsidie afloopt?",
			"Hoe heeft u in het tweede jaar meer werkgevers voor het netwerk gevonden?",
		},
		"launch_parameters": {
			"Wat moet geregeld zijn voordat u een intensief re-integratieprogramma start?",
			"Hoe bereikt u oudere werknemers en laagopgeleiden?",
			"Welke regels voor loondoorbetaling en ontslagbescherming tellen wanneer u de methode overbrengt?",
		},
	},
	"fr": {
		"actors_work_health": {
			"Comment reliez-vous le médecin du travail à l'employeur et au responsable hiérarchique ?",
			"Qui coordonne le plan de retour au travail entre l'employeur, le coach et l'hôpital ?",
			"Comment le monde du travail et celui de la santé coopèrent-ils dans votre région ?",
		},
		"products_services": {
			"Quelles informations les employeurs reçoivent-ils pour adapter les tâches et les horaires ?",
			"Comment évaluez-vous la capacité de travail restante des salariés après un cancer ?",
			"Quel accompagnement les conseillers en emploi offrent-ils pendant les premiers mois de reprise ?",
		},
		"upscaling": {
			"Comment avez-vous intégré l'accompagnement dans les services réguliers de l'agence pour l'emploi ?",
			"Qui finance l'accompagnement lorsque la subvention du projet prend fin ?",
			"Comment avez-vous recruté davantage d'employeurs pour le réseau la deuxième année ?",
		},
		"launch_parameters": {
			"Que faut-il mettre en place avant de lancer un programme intensif de retour au travail ?",
			"Comment atteignez-vous les travailleurs âgés et les personnes peu qualifiées ?",
			"Quelles règles sur les indemnités de maladie et la protection contre le licenciement comptent pour transférer la méthode ?",
		},
	},
	"de": {
		"actors_work_health": {
			"Wie verbinden Sie den Betriebsarzt mit dem Arbeitgeber und der Führungskraft?",
			"Wer koordiniert den Wiedereingliederungsplan zwischen Arbeitgeber, Coach und Krankenhaus?",
			"Wie arbeiten die Welt der Arbeit und die Gesundheitsversorgung in Ihrer Region zusammen?",
		},
		"products_services": {
			"Welche Informationen erhalten Arbeitgeber zur Anpassung von Aufgaben und Arbeitszeiten?",
			"Wie bewerten Sie die verbleibende Leistungsfähigkeit von Beschäftigten nach einer Krebserkrankung?",
			"Welche Begleitung bieten Jobcoaches in den ersten Monaten nach der Rückkehr?",
		},
		"upscaling": {
			"Wie haben Sie das Coaching aus dem Pilotprojekt in die Regelangebote der Agentur für Arbeit gebracht?",
			"Wer finanziert die Begleitung, wenn die Projektförderung endet?",
			"Wie haben Sie im zweiten Jahr mehr Arbeitgeber für das Netzwerk gewonnen?",
		},
		"launch_parameters": {
			"Was muss vorhanden sein, bevor Sie ein intensives Rückkehrprogramm starten?",
			"Wie erreichen Sie ältere Beschäftigte und Geringqualifizierte?",
			"Welche Regeln zur Lohnfortzahlung und zum Kündigungsschutz zählen bei der Übertragung der Methode?",
		},
	},
}

// countryCities are where the partners of each country host their activities.
var countryCities = map[string][]string{
	"BE": {"Brussels", "Antwerp", "Ghent", "Leuven"}, "NL": {"Utrecht", "Rotterdam", "Groningen"}, "FR": {"Lyon", "Lille", "Paris"},
	"DE": {"Cologne", "Hamburg", "Berlin"}, "IE": {"Dublin", "Cork"}, "AT": {"Vienna", "Graz"}, "PT": {"Porto", "Lisbon"},
	"IT": {"Milan", "Bologna"}, "DK": {"Aarhus", "Copenhagen"}, "FI": {"Tampere", "Helsinki"}, "ES": {"Madrid", "Valencia"},
	"SE": {"Gothenburg", "Stockholm"},
}

// activityLeads open an activity's description, in the programme's working language.
var activityLeads = map[string]string{
	"study_visit": "Partners spend one or two days with the host's coaches to see how the approach works in practice, from the first " +
		"contact with a participant to the weeks back at work, and meet an employer who took part.",
	"peer_review_meeting": "The host presents its practice to peers from other countries, who read the discussion paper beforehand and " +
		"bring a short comment paper on how it would work in their own system.",
	"workshop": "A working session in small groups on one question the partners share, with a case from each group and agreements " +
		"on what each partner tries next.",
	"webinar":    "An online presentation of one practice, open to every partner, with time for questions in English.",
	"conference": "The partners' yearly meeting: results of the programme so far, the practices judged good, and sessions on each theme.",
	"other":      "A meeting of the partners to prepare the next steps of the programme.",
}

// agendaTitles are the points of each kind of activity's programme, in their usual order.
var agendaTitles = map[string][]string{
	"study_visit": {"Welcome and introduction of the host organisation", "A coach's caseload, walked through with participants who returned to work",
		"Visit to an employer: adjusting tasks during the first months", "Meeting with the occupational physician and the hospital team",
		"What could travel: each partner names one element to try at home", "Closing discussion and next steps"},
	"peer_review_meeting": {"The host's presentation of the discussion paper", "Questions from the peer countries", "Peers present their comment papers",
		"Site visit to the host's practice", "Conditions for transfer", "Conclusions and recommendations of the peer review"},
	"workshop": {"Introduction and aims of the workshop", "Case presentations in small groups", "Working session: adapting the core elements",
		"Feedback from the groups", "Agreements and follow-up"},
	"webinar":    {"Presentation of the practice", "Questions and answers", "Closing remarks"},
	"conference": {"Opening plenary", "Keynote: return to work after cancer in Europe", "Parallel sessions on the programme's themes", "Panel with employers and survivors", "Poster session of the partners' practices", "Closing plenary"},
	"other":      {"Introduction", "Discussion", "Next steps and dates"},
}

// followUpTitles are what partners agree to do after an activity.
var followUpTitles = []string{
	"Share the return-plan template in English", "Try the monthly plan review with five participants", "Write a note on the occupational physician's role in our system",
	"Translate the brochure for employers", "Send the comment paper to the host", "Organise a follow-up call with the peers",
	"Report on the pilot at the next partner meeting", "Collect figures on participants in work after six months", "Draft a funding proposal with the insurer",
	"Adapt the checklist for line managers", "Introduce the host to our employer network", "Put the recording and slides on the programme's page",
}

// meetingTopics name the partner meetings that are none of the other kinds.
var meetingTopics = []string{"planning the next call for practices", "preparing the interim report", "the review rubric for next year",
	"the communication plan", "adaptations under way", "the final conference"}
