package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// The cancer programme's three review rounds: spring 2026 (decided; the first demo's round, to
// which the year adds six practices), autumn 2026 (closed, awaiting decisions) and winter
// 2026–27 (open, some reviews outstanding). Every practice is reviewed by two or three people
// from other countries and other organisations who read its language or a translation of it.
// Reviewers agree on some practices and disagree on others, and some are harsher than others,
// so that the rounds' agreement figures, reviewer-adjusted scores and spread flags have something
// to say.

type demoRound struct {
	key, name, status          string
	opens, due                 string
	reviewersPerPractice, load int
	call                       string
	// practices are the year's practices in the round (the spring round also holds the first
	// demo's two).
	practices []string
}

var yearRounds = []demoRound{
	{key: "spring", practices: []string{"werkpunt", "pre-reprise", "onko-lotsen", "tripartite", "drop-in", "lotgenoten"}},
	{key: "autumn", name: "Autumn 2026 review round", status: domain.RoundClosed, opens: "2026-09-01T09:00:00Z", due: "2026-10-16T17:00:00Z",
		reviewersPerPractice: 2, load: 3, call: "2026",
		practices: []string{"mi-temps-medical", "driegesprek", "energie", "reprendre-pied", "bem-kleinbetriebe", "vertaistuki", "public-pathway", "stufenweise", "aya"}},
	{key: "winter", name: "Winter 2026–27 review round", status: domain.RoundOpen, opens: "2026-11-16T09:00:00Z", due: "2027-01-22T17:00:00Z",
		reviewersPerPractice: 2, load: 3, call: "2026",
		practices: []string{"werkwijzer", "tpe", "manager-elearning", "low-skilled-assessment", "mbor", "ervaringscoaches", "older-workers", "rural-outreach"}},
}

// Where an assignment stands; a submitted review is the default.
const (
	stateSubmitted = ""
	stateAssigned  = "assigned"
	stateAccepted  = "accepted" // accepted, review not started
	stateDraft     = "draft"    // accepted, review partly written
	stateDeclined  = "declined"
)

// roundReview is one reviewer's assignment in a round and, unless it is still outstanding, the
// review. scores holds the six scored criteria of the default rubric in its order
// (effectiveness, equity, transferability, sustainability, intersectoral collaboration,
// participation), each 1–4 or '-' for not applicable; gates the four gates, '1' passes and '0'
// fails (all pass when empty).
type roundReview struct {
	round, practice, reviewer string
	state                     string
	scores, gates             string
	recommendation            string
	confidence, transfer      int
	strengths, improvements   string
	conditions                string
	answers                   []string
	on                        string // the day the review was submitted
	reason                    string // why a declined assignment was declined
}

type roundDecisionRecord struct {
	round, outcome, rationale, at string
}

// yearDecisions are the coordinators' decisions in the spring round on the year's practices.
var yearDecisions = map[string]roundDecisionRecord{
	"werkpunt":    {"spring", domain.OutcomeGoodPractice, "Three reviewers rated it highly on every criterion; the comparison with the year before is convincing and the desk is simple to copy in a hospital.", "2026-04-21T10:00:00Z"},
	"pre-reprise": {"spring", domain.OutcomeGoodPractice, "A strong cohort comparison and a clear, legally grounded approach. Reviewers differed on equity; the organisation's response on the smallest firms settled it.", "2026-04-21T10:30:00Z"},
	"onko-lotsen": {"spring", domain.OutcomePromisingPractice, "Reviewers agree the navigator role fills a real gap but disagree on how far it is proven; promising until the university's evaluation reports.", "2026-04-22T09:00:00Z"},
	"tripartite":  {"spring", domain.OutcomeGoodPractice, "The best-evidenced practice of the round, with register data over two years; all three reviewers recommend it.", "2026-04-21T11:00:00Z"},
	"drop-in":     {"spring", domain.OutcomeRevisionRequested, "The idea is welcome but the practice does not yet say whom it is for or what it achieves; please describe the group, the results and the adviser's role.", "2026-04-22T09:30:00Z"},
	"lotgenoten":  {"spring", domain.OutcomeNotRetained, "Both reviewers found too little description and no link to work itself; the organisation is encouraged to come back with a work-focused version.", "2026-04-22T10:00:00Z"},
}

// roundDecision is the decision on a year's practice, if there is one.
func roundDecision(practice string) (roundDecisionRecord, bool) {
	d, ok := yearDecisions[practice]
	return d, ok
}

var roundReviews = []roundReview{
	// Spring 2026: decided.
	{round: "spring", practice: "werkpunt", reviewer: "reviewer.nl@peerbridge.example", scores: "444334", recommendation: "good_practice", confidence: 5, transfer: 4, on: "2026-03-20",
		strengths: "Asking about work at the second course of chemotherapy is early enough to matter and late enough for people to listen. The comparison year gives the results weight.", improvements: "The comparison is not randomised; say how the two years differed in case mix.",
		conditions: "In the Netherlands the employer's occupational physician must be involved from the first call.", answers: []string{"Here the occupational physician asks, usually after six weeks of absence, which is too late for people in treatment.", "Dutch hospitals would need a grant or a health insurer's pilot; it is not in the hospital budget."}},
	{round: "spring", practice: "werkpunt", reviewer: "partner.fr@peerbridge.example", scores: "433343", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-03-26",
		strengths: "La traduction française permet de suivre toute la démarche ; le rôle des infirmières est remarquable.", improvements: "Préciser combien de patients refusent le contact avec l'employeur, et pourquoi.",
		conditions: "Nécessite un accord avec le service de santé au travail pour les salariés.", answers: []string{"En France, l'infirmière de coordination en oncologie pourrait poser la question.", "Par un appel à projets de l'Agence régionale de santé, rarement de façon durable."}},
	{round: "spring", practice: "werkpunt", reviewer: "reviewer.fi@peerbridge.example", scores: "444343", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-03-29",
		strengths: "Clear, well-measured and cheap relative to what it achieves, especially for low-skilled patients.", improvements: "The questionnaire is only described; attach it.",
		conditions: "In Finland occupational health nurses already do part of this; the hospital role would be smaller.", answers: []string{"The occupational health nurse, when the sickness allowance reaches 30 days.", "Hospital districts could fund it, but only as a project at first."}},

	{round: "spring", practice: "pre-reprise", reviewer: "reviewer.be@peerbridge.example", scores: "434433", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-03-22",
		strengths: "Turning a right that nobody uses into a routine contact is exactly what we lack. The cohort data are convincing.", improvements: "Explain how the letter deals with fear of being declared unfit.",
		conditions: "Belgian sickness funds would have to share absence data with prevention services.", answers: []string{"In Belgium the sickness fund's medical adviser may contact people; the occupational physician rarely can.", "We explain that the visit is voluntary and that nothing is passed on without consent."}},
	{round: "spring", practice: "pre-reprise", reviewer: "reviewer.ie@peerbridge.example", scores: "322322", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-04-02",
		strengths: "A simple, proactive step that uses an existing legal visit.", improvements: "Small and very small firms seem to benefit least; the practice says little about how it reaches their employees.",
		conditions: "Ireland has no statutory pre-return visit; the trigger would have to come from the employer.", answers: []string{"Only the employer's occupational health provider, with the employee's consent.", "We do not have this problem in the same form, as occupational health cannot declare anyone unfit."}},

	{round: "spring", practice: "onko-lotsen", reviewer: "partner.nl@peerbridge.example", scores: "333232", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-03-25",
		strengths: "Eine gut beschriebene Lotsenfunktion mit klarem Fahrplan.", improvements: "Es fehlen Rückkehrquoten; die Zahl der Reha-Anträge ist nur ein Zwischenziel.",
		conditions: "In the Netherlands the role overlaps with the case manager of the employer.", answers: []string{"Wir kennen keine dauerhafte Finanzierung außerhalb von Projekten."}},
	{round: "spring", practice: "onko-lotsen", reviewer: "bordeaux.fr@peerbridge.example", scores: "342322", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-03-31",
		strengths: "Le contact dès la réunion de concertation est une vraie innovation pour nous.", improvements: "Financement limité à 2027 ; aucune donnée sur le retour au travail.",
		conditions: "Les infirmières de coordination en France pourraient tenir ce rôle.", answers: []string{"Le financement durable passe en France par les missions des centres de lutte contre le cancer, ce qui prend des années."}},
	{round: "spring", practice: "onko-lotsen", reviewer: "galway.ie@peerbridge.example", scores: "443343", recommendation: "good_practice", confidence: 2, transfer: 4, on: "2026-04-03",
		strengths: "Read in the English translation: a navigator from diagnosis is what our clients ask for, and the roadmap is practical.", improvements: "Say what happens when the employer does not want to talk.",
		conditions: "Would work through our hospital's cancer nurse specialists.", answers: []string{"Through the cancer centres' budgets; navigators are paid by the health service here."}},

	{round: "spring", practice: "tripartite", reviewer: "essen.de@peerbridge.example", scores: "444443", recommendation: "good_practice", confidence: 5, transfer: 4, on: "2026-03-18",
		strengths: "Register data over two years with a matched comparison group: the strongest evidence in the programme. The one-page agenda is excellent.", improvements: "Participation of employees in designing the agenda is not described.",
		conditions: "In Germany the BEM meeting is the obvious fixed moment.", answers: []string{"The BEM after six weeks of incapacity.", "Integration services could convene it for small firms."}},
	{round: "spring", practice: "tripartite", reviewer: "partner.be.fr@peerbridge.example", scores: "443444", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-03-24",
		strengths: "Une pratique solide, simple et mesurée. Le guide pour les supérieurs est une bonne idée.", improvements: "Décrire le coût total par salarié.",
		conditions: "En Belgique, le trajet de réintégration offre un moment comparable.", answers: []string{"Le trajet de réintégration à l'initiative du médecin-conseil.", "La mutualité pourrait convoquer la réunion avec le médecin du travail."}},
	{round: "spring", practice: "tripartite", reviewer: "reviewer.fr@peerbridge.example", scores: "434443", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-03-30",
		strengths: "Clear roles, a signed plan and a follow-up that actually happens.", improvements: "Equity: do low-skilled employees benefit as much?",
		conditions: "In France the pre-return visit could host this meeting.", answers: []string{"The pre-return visit during sick leave.", "The occupational health service, which all employers must join."}},

	{round: "spring", practice: "drop-in", reviewer: "leipzig.de@peerbridge.example", scores: "112112", gates: "1101", recommendation: "revise_and_resubmit", confidence: 4, transfer: 2, on: "2026-03-27",
		strengths: "Evening hours are a good answer to a real problem.", improvements: "No group, no results, no rationale: it is unclear what the evening achieves beyond information.",
		conditions: "Needs a defined target group first.", answers: []string{"We do not know; the practice could measure it."}},
	{round: "spring", practice: "drop-in", reviewer: "reviewer.nl@peerbridge.example", scores: "222112", recommendation: "revise_and_resubmit", confidence: 3, transfer: 2, on: "2026-04-01",
		strengths: "Low threshold and a former patient present: people will come.", improvements: "Describe who comes, what they ask and what happens next; sixty visitors say little.",
		conditions: "Easy to copy, but only worth it with a referral route.", answers: []string{"Our evening consultations reach mainly office workers, not shift workers."}},

	{round: "spring", practice: "lotgenoten", reviewer: "reviewer.de@peerbridge.example", scores: "111-11", gates: "1001", recommendation: "not_recommended", confidence: 4, transfer: 1, on: "2026-03-23",
		strengths: "Peer contact matters.", improvements: "The description is two sentences; nothing about who leads, what is learned or how it leads to work.",
		conditions: "", answers: []string{}},
	{round: "spring", practice: "lotgenoten", reviewer: "partner.be.fr@peerbridge.example", scores: "221211", gates: "1101", recommendation: "revise_and_resubmit", confidence: 3, transfer: 2, on: "2026-04-04",
		strengths: "Thema's als grenzen aangeven en collega's zijn precies waar mensen mee worstelen.", improvements: "Koppel de groep aan werk: een werkgever of bedrijfsarts uitnodigen, een plan per deelnemer.",
		conditions: "Kan in België via de mutualiteiten.", answers: []string{}},

	// Autumn 2026: closed, awaiting decisions.
	{round: "autumn", practice: "mi-temps-medical", reviewer: "reviewer.fr@peerbridge.example", scores: "333233", recommendation: "promising_practice", confidence: 4, transfer: 3, on: "2026-10-02",
		strengths: "Le lien entre job coach et médecin-conseil est original ; la description du poste change vraiment les décisions.", improvements: "Les résultats sont administratifs ; il manque l'avis des salariés et des employeurs.",
		conditions: "En France, le temps partiel thérapeutique relève du médecin traitant et de la CPAM ; le rôle d'intermédiaire serait celui du service de santé au travail.", answers: []string{"Personne de façon systématique ; le médecin du travail connaît le poste mais ne décide pas du temps partiel."}},
	{round: "autumn", practice: "mi-temps-medical", reviewer: "partner.ie@peerbridge.example", scores: "433343", recommendation: "good_practice", confidence: 3, transfer: 4, on: "2026-10-09",
		strengths: "A clear, stepwise return with a coach the employer can call for a year: strong and well run.", improvements: "Report how many people stayed in work after the year ends.",
		conditions: "Ireland has partial illness benefit; the coach role would sit with a voluntary body.", answers: []string{"Nobody: the GP certifies and the employer's occupational health adviser rarely sees the job."}},

	{round: "autumn", practice: "driegesprek", reviewer: "partner.nl@peerbridge.example", scores: "333333", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-09-28",
		strengths: "Eenvoudig en concreet: één blad voor vier weken. De voorbereiding met de werknemer alleen is sterk.", improvements: "Beschrijf wat er gebeurt als de leidinggevende tussentijds wisselt.",
		conditions: "Past in de Nederlandse poortwachterstappen als onderdeel van het plan van aanpak.", answers: []string{"Meestal de leidinggevende, na overleg met de werknemer; de bedrijfsarts adviseert.", "Door het blad in het plan van aanpak op te nemen, dat de casemanager volgt."}},
	{round: "autumn", practice: "driegesprek", reviewer: "leipzig.de@peerbridge.example", scores: "322222", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-10-05",
		strengths: "Good attention to what colleagues are told.", improvements: "Monitoring only and no comparison; participation of employers in the design is not described.",
		conditions: "Would sit inside the German BEM procedure.", answers: []string{"In Germany this is agreed in the BEM meeting, often with the works council.", "The BEM procedure requires a review meeting."}},
	{round: "autumn", practice: "driegesprek", reviewer: "reviewer.ie@peerbridge.example", scores: "433332", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-10-12",
		strengths: "Read in Dutch. The one-page plan and the call after two weeks are the right amount of structure.", improvements: "Say what happens after four weeks.",
		conditions: "Irish employers would welcome the template.", answers: []string{"The employee decides, usually with HR.", "We review at the six-week occupational health appointment."}},

	{round: "autumn", practice: "energie", reviewer: "essen.de@peerbridge.example", scores: "444343", recommendation: "good_practice", confidence: 5, transfer: 4, on: "2026-09-25",
		strengths: "A randomised trial with return to work as the outcome: exemplary. The diary and weekly timetable are practical.", improvements: "Costs per participant would help employers decide.",
		conditions: "In Germany this could run within rehabilitation aftercare.", answers: []string{"The pension insurer's aftercare programmes, for a limited time."}},
	{round: "autumn", practice: "energie", reviewer: "reviewer.fi@peerbridge.example", scores: "443443", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-10-01",
		strengths: "Strong evidence and a clear role for the manager.", improvements: "Equity: who did not take part, and why?",
		conditions: "Finnish occupational physiotherapists could deliver it.", answers: []string{"The employer, through the occupational health contract."}},
	{round: "autumn", practice: "energie", reviewer: "reviewer.be@peerbridge.example", scores: "444444", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-10-07",
		strengths: "Sterk onderbouwd, goed beschreven en meteen bruikbaar.", improvements: "Geen.",
		conditions: "In België zou de preventieadviseur-arbeidsarts de intake doen.", answers: []string{"Deels de mutualiteit via revalidatie, deels niemand."}},

	{round: "autumn", practice: "reprendre-pied", reviewer: "partner.be.fr@peerbridge.example", scores: "343332", recommendation: "promising_practice", confidence: 4, transfer: 4, on: "2026-09-30",
		strengths: "La co-animation avec une paire-aidante et le jeu de rôle de l'entretien sont très pertinents.", improvements: "Le suivi à six mois ne concerne que les personnes joignables ; préciser combien ne l'étaient pas.",
		conditions: "Transposable en Wallonie avec les mutualités.", answers: []string{"Par des indemnités de volontariat, plafonnées.", "Oui pour les jeunes adultes, comme vous le dites."}},
	{round: "autumn", practice: "reprendre-pied", reviewer: "turku.fi@peerbridge.example", scores: "232222", recommendation: "revise_and_resubmit", confidence: 3, transfer: 2, on: "2026-10-06",
		strengths: "Read in the English translation. The topics of the workshops are well chosen.", improvements: "The evidence is a before-and-after questionnaire; employment at six months is reported only for those who answered, which flatters the result. Sustainability depends on two grants.",
		conditions: "Finnish rehabilitation courses already cover this; the added value would be the peer supporter.", answers: []string{"Peer leaders are volunteers with expenses paid.", "Age groups, yes; qualification, no."}},
	{round: "autumn", practice: "reprendre-pied", reviewer: "galway.ie@peerbridge.example", scores: "443443", recommendation: "good_practice", confidence: 3, transfer: 4, on: "2026-10-10",
		strengths: "Exactly what our clients need: practising the conversation with the employer. Peer supporters are paid, which is rare.", improvements: "Publish the workshop materials.",
		conditions: "Would work in our centre with small changes.", answers: []string{"We pay a sessional fee.", "We have tried mixed groups and they work if there are enough young people."}},

	{round: "autumn", practice: "bem-kleinbetriebe", reviewer: "reviewer.nl@peerbridge.example", scores: "333323", recommendation: "promising_practice", confidence: 4, transfer: 3, on: "2026-09-29",
		strengths: "Eine öffentliche Stelle, die kleinen Betrieben das Verfahren abnimmt: genau das fehlt bei uns.", improvements: "Es fehlen Vergleichsdaten.",
		conditions: "In the Netherlands UWV or a municipality would have to take this role.", answers: []string{"No-one free of charge; small employers buy advice from an occupational health service."}},
	{round: "autumn", practice: "bem-kleinbetriebe", reviewer: "reviewer.ie@peerbridge.example", scores: "323322", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-10-08",
		strengths: "Read in English. Practical support where small firms need it most.", improvements: "Monitoring only; say why 15 procedures were not completed.",
		conditions: "Needs public funding for employer advice.", answers: []string{"Enterprise Ireland and local enterprise offices, but not on health."}},

	{round: "autumn", practice: "vertaistuki", reviewer: "partner.nl@peerbridge.example", scores: "322322", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-10-03",
		strengths: "Read in the English translation. Combining online and local meetings for a rural region is smart.", improvements: "Results are monitoring only.",
		conditions: "Dutch patient organisations could run it.", answers: []string{"Patient organisations train their own volunteers, without a standard."}},
	{round: "autumn", practice: "vertaistuki", reviewer: "reviewer.fr@peerbridge.example", scores: "111111", recommendation: "revise_and_resubmit", confidence: 3, transfer: 2, on: "2026-10-11",
		strengths: "A useful peer group.", improvements: "The link with employers is missing; nothing says how the return plan reaches the workplace. Funding is not described.",
		conditions: "", answers: []string{"Les associations forment elles-mêmes leurs bénévoles."}},
	{round: "autumn", practice: "vertaistuki", reviewer: "essen.de@peerbridge.example", scores: "333333", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-10-13",
		strengths: "The occupational health nurse in three meetings makes the group practical rather than only supportive.", improvements: "Describe the peer leaders' training.",
		conditions: "In Germany self-help groups are funded by health insurers and could take this up.", answers: []string{"Self-help contact points offer training; health insurers pay."}},

	{round: "autumn", practice: "public-pathway", reviewer: "reviewer.be@peerbridge.example", scores: "444344", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-09-26",
		strengths: "Referral on diagnosis and a named physician: first contact down from 26 weeks to three.", improvements: "Before-and-after only; other changes over the period may explain part of it.",
		conditions: "Large employers only.", answers: []string{"Through a shared occupational health service, as exists for small firms in Belgium."}},
	{round: "autumn", practice: "public-pathway", reviewer: "leipzig.de@peerbridge.example", scores: "443333", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-10-04",
		strengths: "Redeployment instead of ill-health retirement is a strong result.", improvements: "Participation of employees is not described.",
		conditions: "German public employers could copy it within BEM.", answers: []string{"Yes, through an integration service acting for many small firms."}},
	{round: "autumn", practice: "public-pathway", reviewer: "bordeaux.fr@peerbridge.example", scores: "444334", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-10-09",
		strengths: "A clear pathway with one plan held by one case manager.", improvements: "Describe how consent is obtained at diagnosis.",
		conditions: "French public employers have their own medical committees; the pathway would need them.", answers: []string{"Peut-être via les services interentreprises de santé au travail."}},

	{round: "autumn", practice: "stufenweise", reviewer: "partner.nl@peerbridge.example", scores: "222222", recommendation: "promising_practice", confidence: 4, transfer: 2, on: "2026-09-30",
		strengths: "Weekly calls during the graded return catch problems early.", improvements: "Short description, monitoring only; the drop-outs in shift work deserve analysis.",
		conditions: "The Netherlands has no equivalent of the Hamburg model with sickness benefit continuing.", answers: []string{"Partly: the employer keeps paying wages during the first two years."}},
	{round: "autumn", practice: "stufenweise", reviewer: "turku.fi@peerbridge.example", scores: "322212", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-10-07",
		strengths: "A small addition to an existing scheme that makes it work better.", improvements: "Evidence and costs are thin.",
		conditions: "Finland's partial sickness allowance is similar.", answers: []string{"Yes, the partial sickness allowance."}},
	{round: "autumn", practice: "stufenweise", reviewer: "bordeaux.fr@peerbridge.example", state: stateDeclined, reason: "I worked with this team on a joint project last year."},

	{round: "autumn", practice: "aya", reviewer: "reviewer.de@peerbridge.example", scores: "334333", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-10-01",
		strengths: "Eine Gruppe, die sonst niemand begleitet; die Praktika im Arbeitgebernetzwerk sind ein starkes Element.", improvements: "Die Nachhaltigkeit hängt an einem Fonds bis 2027.",
		conditions: "Local employer networks exist in Germany through the chambers.", answers: []string{"Niemand systematisch; Integrationsfachdienste nur bei Schwerbehinderung.", "Über die Kammern und regionale Unternehmensnetzwerke."}},
	{round: "autumn", practice: "aya", reviewer: "partner.be.fr@peerbridge.example", scores: "344332", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-10-12",
		strengths: "De training 'Vertellen of niet?' is sterk en overdraagbaar.", improvements: "Rapporteer apart wie studeert en wie werkt.",
		conditions: "Kan in België via de VDAB en de mutualiteiten.", answers: []string{"In Vlaanderen de VDAB, in Wallonië soms de mutualiteit.", "Via bestaande jobcoachnetwerken."}},

	// Winter 2026–27: open.
	{round: "winter", practice: "werkwijzer", reviewer: "reviewer.nl@peerbridge.example", scores: "222121", recommendation: "revise_and_resubmit", confidence: 3, transfer: 3, on: "2026-11-27",
		strengths: "De indeling per behandelfase is helder.", improvements: "Geen gegevens over gebruik of effect; de website is net gelanceerd.",
		conditions: "Inhoud over wetgeving moet per land herschreven worden.", answers: []string{"Wat ze mogen vragen en hoe lang ze het loon doorbetalen."}},
	{round: "winter", practice: "werkwijzer", reviewer: "leipzig.de@peerbridge.example", scores: "322232", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-11-29",
		strengths: "Answers taken from real questions at the surgery.", improvements: "Describe how the texts were tested with patients and employers.",
		conditions: "", answers: []string{"Employers ask about the BEM procedure and subsidies."}},
	{round: "winter", practice: "werkwijzer", reviewer: "reviewer.ie@peerbridge.example", state: stateAccepted},

	{round: "winter", practice: "tpe", reviewer: "partner.be.fr@peerbridge.example", scores: "434333", recommendation: "good_practice", confidence: 4, transfer: 4, on: "2026-11-25",
		strengths: "Aller dans l'entreprise est la bonne réponse pour les très petites structures.", improvements: "Dire combien de dirigeants ont refusé la visite.",
		conditions: "Transposable en Belgique où les aides sont régionales.", answers: []string{"Par une prime de l'AViQ ou de l'Agence flamande, quand le salarié y a droit."}},
	{round: "winter", practice: "tpe", reviewer: "galway.ie@peerbridge.example", scores: "444343", recommendation: "good_practice", confidence: 3, transfer: 4, on: "2026-11-28",
		strengths: "Very practical and results are good for a hard group.", improvements: "Publish the checklist used with the employer.",
		conditions: "Our welfare advisers could do the employer visit.", answers: []string{"Mostly they do not; the owner covers the hours."}},
	{round: "winter", practice: "tpe", reviewer: "reviewer.ie@peerbridge.example", state: stateDraft, scores: "43", strengths: "Going to the firm is the key element."},

	{round: "winter", practice: "manager-elearning", reviewer: "essen.de@peerbridge.example", scores: "322222", recommendation: "promising_practice", confidence: 4, transfer: 3, on: "2026-11-24",
		strengths: "Good use of realistic scenarios.", improvements: "Confidence after a course says little about what managers do; no data on employees.",
		conditions: "German managers would want legal content on BEM.", answers: []string{"Large firms would use it online; small firms need someone to talk to."}},
	{round: "winter", practice: "manager-elearning", reviewer: "partner.fr@peerbridge.example", scores: "443433", recommendation: "good_practice", confidence: 3, transfer: 4, on: "2026-11-30",
		strengths: "Un outil qui passe à l'échelle : 620 managers en un an.", improvements: "Mesurer l'effet sur les salariés concernés.",
		conditions: "Une version française serait utile à nos employeurs.", answers: []string{"En ligne pour les grandes entreprises, en présentiel pour les autres."}},
	{round: "winter", practice: "manager-elearning", reviewer: "partner.nl@peerbridge.example", state: stateAssigned},

	{round: "winter", practice: "low-skilled-assessment", reviewer: "reviewer.fr@peerbridge.example", scores: "344333", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-11-26",
		strengths: "A group that is usually forgotten, and a work trial for those who cannot go back to the old job.", improvements: "Say how long people waited for the assessment.",
		conditions: "In France this would be a Cap emploi or employment service task.", answers: []string{"Late, through the employment service after dismissal for unfitness."}},
	{round: "winter", practice: "low-skilled-assessment", reviewer: "reviewer.be@peerbridge.example", scores: "343333", recommendation: "good_practice", confidence: 4, transfer: 3, on: "2026-11-30",
		strengths: "Capaciteit en taakeisen op één dag: efficiënt en concreet.", improvements: "Opvolging na de werkproef is kort.",
		conditions: "In België via de mutualiteit en de VDAB of Forem.", answers: []string{"Via de adviserend arts van het ziekenfonds, vaak na maanden."}},
	{round: "winter", practice: "low-skilled-assessment", reviewer: "reviewer.de@peerbridge.example", state: stateAccepted},

	{round: "winter", practice: "mbor", reviewer: "bordeaux.fr@peerbridge.example", state: stateDraft, scores: "3332", strengths: "L'entraînement au poste réel est le point fort."},
	{round: "winter", practice: "mbor", reviewer: "partner.nl@peerbridge.example", state: stateAssigned},
	{round: "winter", practice: "mbor", reviewer: "turku.fi@peerbridge.example", state: stateDeclined, reason: "Too many reviews this month; please ask someone else."},

	{round: "winter", practice: "ervaringscoaches", reviewer: "reviewer.de@peerbridge.example", scores: "332323", recommendation: "promising_practice", confidence: 3, transfer: 3, on: "2026-11-27",
		strengths: "Ein deutlicher Schritt nach der letzten Begutachtung: die Ausbildung ist gut beschrieben.", improvements: "Noch keine Ergebnisse zur Rückkehr.",
		conditions: "", answers: []string{"In Deutschland selten; Genesungsbegleiter gibt es in der Psychiatrie."}},
	{round: "winter", practice: "ervaringscoaches", reviewer: "partner.be.fr@peerbridge.example", scores: "221211", recommendation: "revise_and_resubmit", confidence: 3, transfer: 2, on: "2026-11-30",
		strengths: "De opleiding heeft een goede opbouw.", improvements: "Het blijft onduidelijk wat de coach anders doet dan een casemanager, en wie het betaalt als de arbodienst niet wil.",
		conditions: "", answers: []string{"Nee, niet in België."}},

	{round: "winter", practice: "older-workers", reviewer: "partner.ie@peerbridge.example", scores: "323322", recommendation: "promising_practice", confidence: 3, transfer: 2, on: "2026-11-29",
		strengths: "A pension adviser at the table is a simple idea with large consequences.", improvements: "No results yet.",
		conditions: "Irish pension rules are very different.", answers: []string{"Few: partial retirement is rare in Ireland."}},
	{round: "winter", practice: "older-workers", reviewer: "leipzig.de@peerbridge.example", state: stateAssigned},

	{round: "winter", practice: "rural-outreach", reviewer: "partner.fr@peerbridge.example", state: stateAccepted},
	{round: "winter", practice: "rural-outreach", reviewer: "reviewer.nl@peerbridge.example", state: stateAssigned},
}

// parseScores turns a roundReview's score string into the default rubric's scores.
func (r roundReview) reviewScores(rubric *domain.Rubric) []domain.Score {
	var out []domain.Score
	gi, si := 0, 0
	for _, c := range rubric.Criteria {
		if c.Gate() {
			v := 1.0
			comment := "The practice states this clearly."
			if gi < len(r.gates) && r.gates[gi] == '0' {
				v, comment = 0, "Not shown in the description."
			}
			gi++
			if r.state == stateDraft {
				continue
			}
			out = append(out, domain.Score{CriterionKey: c.Key, Value: fptr(v), Comment: comment})
			continue
		}
		if si >= len(r.scores) {
			si++
			continue
		}
		ch := r.scores[si]
		si++
		if ch == '-' {
			out = append(out, domain.Score{CriterionKey: c.Key})
			continue
		}
		out = append(out, domain.Score{CriterionKey: c.Key, Value: fptr(float64(ch - '0'))})
	}
	return out
}

// reviewFor builds the review as its reviewer writes it.
func (r roundReview) fill(review *domain.Review, rubric *domain.Rubric, questions []string) {
	review.Scores = r.reviewScores(rubric)
	review.Strengths, review.Improvements = r.strengths, r.improvements
	if r.state == stateDraft {
		return
	}
	review.Transferability = domain.Transferability{Rating: iptr(r.transfer), Conditions: r.conditions}
	review.Recommendation, review.Confidence = r.recommendation, iptr(r.confidence)
	review.Answers = nil
	for i, q := range questions {
		a := "This question does not arise in the same way in my country."
		if i < len(r.answers) {
			a = r.answers[i]
		}
		review.Answers = append(review.Answers, domain.Answer{Question: q, Answer: a})
	}
}

// seedRounds loads the year's rounds once: the practices it adds to the spring round, the
// autumn and winter rounds, their assignments, reviews and decisions.
func seedRounds(ctx context.Context, store *postgres.Store) error {
	if _, err := store.Round(ctx, ID("round", "autumn"), false); err == nil {
		return nil // already loaded
	} else if !domain.IsCode(err, domain.CodeNotFound) {
		return err
	}
	prog := ID("programme", cancer)
	return store.WithTx(ctx, func(ctx context.Context) error {
		rubric, err := store.ActiveRubric(ctx, prog)
		if err != nil {
			return err
		}
		// Reviews of the first demo submitted without their outcome get it, as SubmitReview does.
		if err := repairOutcomes(ctx, store, ID("round", "spring"), &rubric); err != nil {
			return err
		}
		for _, dr := range yearRounds {
			roundID := ID("round", dr.key)
			if dr.key != "spring" {
				call := ID("call", dr.call)
				due := at(dr.due)
				if _, err := store.CreateRound(ctx, domain.Round{ID: roundID, ProgrammeID: prog, Name: dr.name, RubricID: rubric.ID, Status: dr.status,
					OpensAt: tptr(at(dr.opens)), DueAt: due, ReviewersPerPractice: dr.reviewersPerPractice, MaxLoad: dr.load, Blind: true,
					CrossBorder: true, CallID: &call}); err != nil {
					return err
				}
				// The round was set up a fortnight before it opened.
				if err := store.Exec(ctx, `UPDATE rounds SET created_at = '`+at(dr.opens).AddDate(0, 0, -14).Format(time.RFC3339)+`' WHERE id = '`+roundID.String()+`'`); err != nil {
					return err
				}
			}
			var rps []domain.RoundPractice
			for _, key := range dr.practices {
				rps = append(rps, domain.RoundPractice{PracticeID: ID("practice", key), Revision: 1})
			}
			if err := store.AddRoundPractices(ctx, roundID, rps); err != nil {
				return err
			}
		}
		for _, r := range roundReviews {
			if err := seedReview(ctx, store, &rubric, r); err != nil {
				return fmt.Errorf("review of %s by %s: %w", r.practice, r.reviewer, err)
			}
		}
		for key, d := range yearDecisions {
			if err := store.InsertDecision(ctx, domain.DecisionRecord{RoundID: ID("round", d.round), PracticeID: ID("practice", key), Outcome: d.outcome,
				Rationale: d.rationale, DecidedBy: ID("user", "coordinator@peerbridge.example"), DecidedAt: at(d.at)}); err != nil {
				return err
			}
		}
		for _, resp := range yearResponses {
			if err := store.InsertResponse(ctx, domain.ReviewResponse{ID: ID("response", resp.practice), RoundID: ID("round", "spring"),
				PracticeID: ID("practice", resp.practice), AuthorID: ID("user", resp.author), Body: resp.body}); err != nil {
				return err
			}
			if err := store.Exec(ctx, `UPDATE review_responses SET created_at = '`+resp.at+`' WHERE id = '`+ID("response", resp.practice).String()+`'`); err != nil {
				return err
			}
		}
		return nil
	})
}

var yearResponses = []struct{ practice, author, body, at string }{
	{"pre-reprise", "reviewer.fr@peerbridge.example", "Merci. Pour les très petites entreprises, le médecin appelle désormais le dirigeant au lieu d'écrire ; nous publierons les chiffres par taille d'entreprise.", "2026-04-26T09:00:00Z"},
	{"drop-in", "galway.ie@peerbridge.example", "Thank you, this is fair. We will look at who actually comes and who does not, and come back with a clearer group and follow-up.", "2026-04-28T16:00:00Z"},
}

// seedReview creates an assignment and brings it and its review to where r says, through the
// same store calls as the service: accepting sets the assignment's status, submitting computes
// the review's outcome (weighted score, gates) as SubmitReview does and stores it with the review,
// which refreshes the round's per-practice values and statistics version at commit.
func seedReview(ctx context.Context, store *postgres.Store, rubric *domain.Rubric, r roundReview) error {
	roundID, practiceID := ID("round", r.round), ID("practice", r.practice)
	round, err := store.Round(ctx, roundID, false)
	if err != nil {
		return err
	}
	aid := ID("assignment", r.round+":"+r.practice+":"+r.reviewer)
	if err := store.CreateAssignments(ctx, []domain.Assignment{{ID: aid, RoundID: roundID, PracticeID: practiceID, ReviewerID: ID("user", r.reviewer),
		DueAt: round.DueAt, Source: "auto", Explanation: "Reviewer from another country who reads the practice's language."}}, map[uuid.UUID]int{practiceID: 1}); err != nil {
		return err
	}
	opened := round.CreatedAt
	if round.OpensAt != nil {
		opened = *round.OpensAt
	}
	if err := store.Exec(ctx, `UPDATE assignments SET created_at = '`+opened.Format(time.RFC3339)+`' WHERE id = '`+aid.String()+`'`); err != nil {
		return err
	}
	setStatus := func(status, reason string) error {
		a, err := store.Assignment(ctx, aid, false)
		if err != nil {
			return err
		}
		return store.SetAssignmentStatus(ctx, aid, a.Version, status, reason)
	}
	switch r.state {
	case stateAssigned:
		return nil
	case stateDeclined:
		return setStatus(domain.AssignmentDeclined, r.reason)
	}
	if err := setStatus(domain.AssignmentAccepted, ""); err != nil {
		return err
	}
	if r.state == stateAccepted {
		return nil
	}
	p, err := store.Practice(ctx, practiceID, false)
	if err != nil {
		return err
	}
	review, err := store.Review(ctx, aid, false)
	if err != nil {
		return err
	}
	r.fill(&review, rubric, p.Content.LearningQuestions)
	if errs := domain.CheckReviewDraft(&review, rubric); len(errs) > 0 {
		return domain.Invalid(errs...)
	}
	if r.state == stateDraft {
		_, err := store.SaveReview(ctx, review, review.Version)
		return err
	}
	if problems := domain.ReviewSubmitProblems(&review, rubric, p.Content.LearningQuestions); len(problems) > 0 {
		return &domain.Error{Code: domain.CodeReviewIncomplete, Message: "incomplete demo review", Fields: problems}
	}
	submitted := at(r.on + "T15:00:00Z")
	review.Status, review.SubmittedAt, review.Outcome = domain.ReviewSubmitted, &submitted, review.ComputeOutcome(rubric)
	if _, err := store.SaveReview(ctx, review, review.Version); err != nil {
		return err
	}
	return setStatus(domain.AssignmentSubmitted, "")
}

// repairOutcomes gives the submitted reviews of a round the outcome SubmitReview stores with
// them, where it is missing.
func repairOutcomes(ctx context.Context, store *postgres.Store, roundID uuid.UUID, rubric *domain.Rubric) error {
	reviews, err := store.ReviewsOfRound(ctx, roundID)
	if err != nil {
		return err
	}
	for _, r := range reviews {
		if r.Outcome.WeightedScore != nil {
			continue
		}
		r.Outcome = r.ComputeOutcome(rubric)
		if _, err := store.SaveReview(ctx, r, r.Version); err != nil {
			return err
		}
	}
	return nil
}

// reviewerCountry is the country of a demo person's organisation.
func reviewerCountry(email string) string {
	for _, p := range demoPeople() {
		if strings.EqualFold(p.email, email) {
			return orgByKey(p.org).country
		}
	}
	return ""
}
