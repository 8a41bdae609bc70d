package domain

// The default rubric in Dutch, French and German, next to its English original. Written for
// return-to-work practitioners in each language rather than translated word for word: Dutch in
// the wording of re-integration practice, French as used in Belgian and French réinsertion, German
// as used in betriebliche Wiedereingliederung.

// defaultText is one criterion's title, description and level descriptors (from the lowest value
// up) in one language.
type defaultText struct {
	title, description string
	descriptors        []string
}

// DefaultRubricLanguages are the languages the default rubric is complete in; the first is the
// original.
var DefaultRubricLanguages = []string{"en", "nl", "fr", "de"}

var defaultLevelLabels = map[string]struct{ gate, scored []string }{
	"nl": {gate: []string{"Voldoet niet", "Voldoet"}, scored: []string{"Zwak", "Matig", "Goed", "Uitstekend"}},
	"fr": {gate: []string{"Non satisfait", "Satisfait"}, scored: []string{"Faible", "Passable", "Bon", "Excellent"}},
	"de": {gate: []string{"Nicht erfüllt", "Erfüllt"}, scored: []string{"Schwach", "Ausreichend", "Gut", "Sehr gut"}},
}

var defaultTexts = map[string]map[string]defaultText{
	"nl": {
		"relevance": {"Relevantie", "De praktijk speelt in op een reële behoefte bij terugkeer naar werk of re-integratie, voor een duidelijk omschreven doelgroep.",
			[]string{"De behoefte of de doelgroep is onduidelijk, of de praktijk biedt er geen antwoord op.",
				"Behoefte en doelgroep zijn beschreven en de praktijk biedt daar een antwoord op."}},
		"intervention_characteristics": {"Kenmerken van de interventie", "Doelen, activiteiten, betrokken partijen en middelen zijn zo beschreven dat duidelijk is wat er gebeurt.",
			[]string{"Wezenlijke onderdelen van de interventie ontbreken.",
				"Een collega uit het werkveld zou kunnen uitleggen wat er gebeurt, door wie en met welke middelen."}},
		"evidence_theory": {"Onderbouwing: bewijs en theorie", "De praktijk berust op onderzoeksresultaten of op een aannemelijke onderbouwing.",
			[]string{"Er is geen bewijs en ook geen onderbouwing gegeven.",
				"Er is bewijs, of een heldere onderbouwing die aansluit bij wat al bekend is."}},
		"ethics": {"Ethische aspecten", "Deelname is vrijwillig, de privacy is beschermd en geen enkele groep wordt benadeeld.",
			[]string{"Er zijn ethische bezwaren waarop niet wordt ingegaan.",
				"Toestemming, privacy en een eerlijke behandeling zijn geregeld."}},
		"effectiveness_efficiency": {"Effectiviteit en doelmatigheid", "De praktijk bereikt haar doelen met een redelijke inzet van middelen.",
			[]string{"Er worden geen resultaten gemeld, of de kosten staan niet in verhouding.", "Er zijn enkele resultaten, maar ze zijn zwak gedocumenteerd.",
				"Duidelijke resultaten, met een redelijke inzet van middelen.", "Sterke, goed gemeten resultaten tegen verantwoorde kosten."}},
		"equity": {"Gelijke kansen", "De praktijk bereikt mensen in een kwetsbare positie en verkleint ongelijkheid.",
			[]string{"Er is geen aandacht voor kwetsbare groepen.", "Kwetsbare groepen worden genoemd, maar niet gericht bereikt.",
				"Kwetsbare groepen worden bewust opgezocht en bereikt.", "De praktijk verkleint aantoonbaar de achterstand van kwetsbare groepen."}},
		"transferability": {"Overdraagbaarheid", "De praktijk zou ook in een andere context of een ander land kunnen werken.",
			[]string{"Gebonden aan de eigen lokale situatie.", "Alleen overdraagbaar met ingrijpende aanpassingen.",
				"Overdraagbaar met aanpassingen die beschreven zijn.", "Al elders overgenomen, of de voorwaarden voor overdracht zijn volledig beschreven."}},
		"sustainability": {"Duurzaamheid", "De praktijk kan doorgaan wanneer de startfinanciering afloopt.",
			[]string{"Volledig afhankelijk van tijdelijke financiering.", "Voortzetting is gepland, maar niet gewaarborgd.",
				"Structurele financiering of inbedding is in zicht.", "De praktijk maakt deel uit van de reguliere dienstverlening."}},
		"intersectoral_collaboration": {"Samenwerking tussen sectoren", "Partijen uit werk, zorg en het sociale domein werken samen.",
			[]string{"Eén sector werkt alleen.", "Andere sectoren worden op de hoogte gehouden.",
				"Meerdere sectoren werken samen in delen van de praktijk.", "De sectoren bereiden de praktijk samen voor en voeren haar samen uit."}},
		"participation": {"Inspraak en participatie", "Deelnemers en werkgevers hebben inspraak in de opzet en uitvoering van de praktijk.",
			[]string{"Geen inspraak.", "Deelnemers worden één keer geraadpleegd.",
				"Deelnemers en werkgevers geven regelmatig hun inbreng.", "Deelnemers en werkgevers ontwerpen en beslissen mee."}},
	},
	"fr": {
		"relevance": {"Pertinence", "La pratique répond à un besoin réel en matière de retour au travail ou de réinsertion, pour un public bien défini.",
			[]string{"Le besoin ou le public n'est pas clair, ou la pratique n'y répond pas.",
				"Le besoin et le public sont décrits, et la pratique y répond."}},
		"intervention_characteristics": {"Caractéristiques de l'intervention", "Les objectifs, les activités, les acteurs et les ressources sont décrits assez précisément pour comprendre ce qui est fait.",
			[]string{"Des éléments essentiels de l'intervention manquent.",
				"Un pair pourrait expliquer ce qui est fait, par qui et avec quels moyens."}},
		"evidence_theory": {"Fondements scientifiques et théoriques", "La pratique s'appuie sur des données probantes ou sur une logique d'intervention plausible.",
			[]string{"Ni données probantes ni logique d'intervention ne sont présentées.",
				"Des données probantes existent, ou une logique d'intervention claire, reliée aux connaissances disponibles."}},
		"ethics": {"Aspects éthiques", "La participation est volontaire, la vie privée est protégée et aucun groupe n'est lésé.",
			[]string{"Des questions éthiques restent sans réponse.",
				"Le consentement, la protection de la vie privée et l'équité de traitement sont pris en compte."}},
		"effectiveness_efficiency": {"Efficacité et efficience", "La pratique atteint ses objectifs avec des moyens raisonnables.",
			[]string{"Aucun résultat n'est rapporté, ou les coûts sont disproportionnés.", "Quelques résultats, peu documentés.",
				"Des résultats nets, obtenus avec des moyens raisonnables.", "Des résultats solides et bien mesurés, pour un coût justifié."}},
		"equity": {"Équité", "La pratique touche des personnes en situation de vulnérabilité et réduit les inégalités.",
			[]string{"Les publics vulnérables ne sont pas pris en compte.", "Les publics vulnérables sont mentionnés, sans être touchés de façon ciblée.",
				"Les publics vulnérables sont touchés de façon délibérée.", "La pratique réduit, de façon démontrée, un écart qui pèse sur des publics vulnérables."}},
		"transferability": {"Transférabilité", "La pratique pourrait fonctionner dans un autre contexte ou dans un autre pays.",
			[]string{"Liée à son contexte local.", "Transférable moyennant des changements importants.",
				"Transférable moyennant des ajustements qui sont décrits.", "Déjà transférée, ou les conditions du transfert sont entièrement décrites."}},
		"sustainability": {"Pérennité", "La pratique peut se poursuivre au-delà de son financement de départ.",
			[]string{"Dépend entièrement d'un financement temporaire.", "La poursuite est prévue mais n'est pas assurée.",
				"Un financement structurel ou un ancrage durable est en vue.", "La pratique fait partie de l'offre de services ordinaire."}},
		"intersectoral_collaboration": {"Collaboration intersectorielle", "Les acteurs du travail, de la santé et du social travaillent ensemble.",
			[]string{"Un seul secteur agit de manière isolée.", "Les autres secteurs sont informés.",
				"Plusieurs secteurs collaborent sur certaines parties de la pratique.", "Les secteurs conçoivent et mettent en œuvre la pratique ensemble."}},
		"participation": {"Participation", "Les participants et les employeurs ont leur mot à dire sur la conception et le déroulement de la pratique.",
			[]string{"Aucune participation.", "Les participants sont consultés une seule fois.",
				"Les participants et les employeurs apportent régulièrement leur avis.", "Les participants et les employeurs contribuent à la conception et aux décisions."}},
	},
	"de": {
		"relevance": {"Relevanz", "Die Praxis greift einen tatsächlichen Bedarf bei der Rückkehr an den Arbeitsplatz oder der beruflichen Wiedereingliederung auf, für eine klar umrissene Zielgruppe.",
			[]string{"Bedarf oder Zielgruppe bleiben unklar, oder die Praxis geht nicht darauf ein.",
				"Bedarf und Zielgruppe sind benannt, und die Praxis geht darauf ein."}},
		"intervention_characteristics": {"Merkmale der Intervention", "Ziele, Maßnahmen, Beteiligte und Ressourcen sind so beschrieben, dass nachvollziehbar ist, was getan wird.",
			[]string{"Wesentliche Bestandteile der Intervention fehlen.",
				"Eine Fachkollegin oder ein Fachkollege könnte erklären, was getan wird, von wem und mit welchen Mitteln."}},
		"evidence_theory": {"Evidenz und theoretische Grundlage", "Die Praxis stützt sich auf Evidenz oder auf eine plausible Wirkannahme.",
			[]string{"Weder Evidenz noch eine Begründung werden angegeben.",
				"Es gibt Evidenz oder eine klare Begründung, die am Stand des Wissens anknüpft."}},
		"ethics": {"Ethische Aspekte", "Die Teilnahme ist freiwillig, der Datenschutz ist gewahrt, und keine Gruppe wird benachteiligt.",
			[]string{"Es bestehen ethische Bedenken, auf die nicht eingegangen wird.",
				"Einwilligung, Datenschutz und faire Behandlung sind geregelt."}},
		"effectiveness_efficiency": {"Wirksamkeit und Effizienz", "Die Praxis erreicht ihre Ziele mit angemessenem Aufwand.",
			[]string{"Es werden keine Ergebnisse berichtet, oder die Kosten stehen in keinem Verhältnis.", "Einige Ergebnisse, kaum belegt.",
				"Deutliche Ergebnisse bei angemessenem Mitteleinsatz.", "Starke, sorgfältig gemessene Ergebnisse zu vertretbaren Kosten."}},
		"equity": {"Chancengerechtigkeit", "Die Praxis erreicht Menschen in schwierigen Lebenslagen und verringert Ungleichheiten.",
			[]string{"Benachteiligte Gruppen werden nicht berücksichtigt.", "Benachteiligte Gruppen werden erwähnt, aber nicht gezielt erreicht.",
				"Benachteiligte Gruppen werden gezielt erreicht.", "Die Praxis verringert nachweislich den Rückstand benachteiligter Gruppen."}},
		"transferability": {"Übertragbarkeit", "Die Praxis könnte auch in einem anderen Umfeld oder einem anderen Land funktionieren.",
			[]string{"An das eigene lokale Umfeld gebunden.", "Nur mit grundlegenden Änderungen übertragbar.",
				"Mit beschriebenen Anpassungen übertragbar.", "Bereits übertragen, oder die Voraussetzungen für eine Übertragung sind vollständig beschrieben."}},
		"sustainability": {"Nachhaltigkeit", "Die Praxis kann über die Anschubfinanzierung hinaus fortbestehen.",
			[]string{"Hängt vollständig von befristeter Förderung ab.", "Eine Fortführung ist geplant, aber nicht gesichert.",
				"Eine dauerhafte Finanzierung oder Verankerung ist in Sicht.", "Die Praxis ist fester Bestandteil des regulären Angebots."}},
		"intersectoral_collaboration": {"Sektorübergreifende Zusammenarbeit", "Akteure aus Arbeitswelt, Gesundheitswesen und Sozialbereich arbeiten zusammen.",
			[]string{"Ein einzelner Sektor handelt allein.", "Andere Sektoren werden informiert.",
				"Mehrere Sektoren arbeiten in Teilen der Praxis zusammen.", "Die Sektoren planen die Praxis gemeinsam und setzen sie gemeinsam um."}},
		"participation": {"Beteiligung", "Teilnehmende und Arbeitgeber können mitbestimmen, wie die Praxis gestaltet und durchgeführt wird.",
			[]string{"Keine Beteiligung.", "Teilnehmende werden einmalig befragt.",
				"Teilnehmende und Arbeitgeber bringen sich regelmäßig ein.", "Teilnehmende und Arbeitgeber gestalten mit und entscheiden mit."}},
	},
}

// withDefaultTranslations gives each default criterion its Dutch, French and German texts.
func withDefaultTranslations(criteria []Criterion) []Criterion {
	for i := range criteria {
		c := &criteria[i]
		c.Translations = map[string]CriterionText{}
		for lang, texts := range defaultTexts {
			t := texts[c.Key]
			labels := defaultLevelLabels[lang].scored
			if c.Gate() {
				labels = defaultLevelLabels[lang].gate
			}
			ct := CriterionText{Title: t.title, Description: t.description}
			for j, l := range c.Levels {
				ct.Levels = append(ct.Levels, Level{Value: l.Value, Label: labels[j], Descriptor: t.descriptors[j]})
			}
			c.Translations[lang] = ct
		}
	}
	return criteria
}
