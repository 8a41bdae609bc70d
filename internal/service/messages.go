package service

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// The e-mails the product sends, in every interface language. Each message has a subject and a
// body per language; {name} placeholders are filled with the notification's parameters (titles
// and names people typed), which are made single-line first, so that no value can add a header
// or a line of its own to a message.

type message struct{ subject, body string }

// The keys of the account e-mails.
const (
	mailPasswordReset = "account.password_reset"
	mailInvitation    = "account.invitation"
	// A visitor's message to a practice's contact, through the public catalogue.
	mailPublicContact = "catalogue.contact"
)

var messages = map[string]map[string]message{
	domain.NotifyAssigned: {
		"en": {"New review: {practice}", "You have been asked to review “{practice}” in the round “{round}”. The review is due on {due}."},
		"nl": {"Nieuwe review: {practice}", "U wordt gevraagd “{practice}” te beoordelen in de ronde “{round}”. Uw review wordt verwacht uiterlijk op {due}."},
		"fr": {"Nouvelle évaluation : {practice}", "On vous demande d’évaluer « {practice} » dans le cycle « {round} ». L’évaluation est attendue pour le {due}."},
		"de": {"Neues Gutachten: {practice}", "Sie werden gebeten, „{practice}“ in der Runde „{round}“ zu begutachten. Das Gutachten ist bis zum {due} fällig."},
	},
	domain.NotifyAssigned + ".nodue": {
		"en": {"New review: {practice}", "You have been asked to review “{practice}” in the round “{round}”."},
		"nl": {"Nieuwe review: {practice}", "U wordt gevraagd “{practice}” te beoordelen in de ronde “{round}”."},
		"fr": {"Nouvelle évaluation : {practice}", "On vous demande d’évaluer « {practice} » dans le cycle « {round} »."},
		"de": {"Neues Gutachten: {practice}", "Sie werden gebeten, „{practice}“ in der Runde „{round}“ zu begutachten."},
	},
	domain.NotifyDeadlineNear: {
		"en": {"Review due soon: {practice}", "Your review of “{practice}” in the round “{round}” is due on {due}."},
		"nl": {"Review binnenkort verwacht: {practice}", "Uw review van “{practice}” in de ronde “{round}” wordt verwacht uiterlijk op {due}."},
		"fr": {"Évaluation attendue bientôt : {practice}", "Votre évaluation de « {practice} » dans le cycle « {round} » est attendue pour le {due}."},
		"de": {"Gutachten bald fällig: {practice}", "Ihr Gutachten zu „{practice}“ in der Runde „{round}“ ist am {due} fällig."},
	},
	domain.NotifyReviewSubmitted: {
		"en": {"Review submitted: {practice}", "A review of “{practice}” was submitted in the round “{round}”."},
		"nl": {"Review ingediend: {practice}", "Er is een review van “{practice}” ingediend in de ronde “{round}”."},
		"fr": {"Évaluation remise : {practice}", "Une évaluation de « {practice} » a été remise dans le cycle « {round} »."},
		"de": {"Gutachten eingereicht: {practice}", "In der Runde „{round}“ wurde ein Gutachten zu „{practice}“ eingereicht."},
	},
	domain.NotifyDecision: {
		"en": {"Decision on {practice}", "The coordinators recorded a decision on “{practice}”: {outcome}. The reviews are now available to you."},
		"nl": {"Besluit over {practice}", "De coördinatoren hebben een besluit genomen over “{practice}”: {outcome}. U kunt de reviews nu lezen."},
		"fr": {"Décision sur {practice}", "Les coordinateurs ont enregistré une décision sur « {practice} » : {outcome}. Vous pouvez désormais lire les évaluations."},
		"de": {"Entscheidung zu {practice}", "Die Koordination hat eine Entscheidung zu „{practice}“ erfasst: {outcome}. Sie können die Gutachten jetzt lesen."},
	},
	domain.NotifyComment: {
		"en": {"New comment on {practice}", "Someone commented on “{practice}”."},
		"nl": {"Nieuwe opmerking bij {practice}", "Er is een nieuwe opmerking geplaatst bij “{practice}”."},
		"fr": {"Nouveau commentaire sur {practice}", "Un nouveau commentaire a été publié sur « {practice} »."},
		"de": {"Neuer Kommentar zu {practice}", "Zu „{practice}“ wurde ein neuer Kommentar geschrieben."},
	},
	domain.NotifyReviewsReleased: {
		"en": {"Reviews to answer: {practice}", "The reviews of “{practice}” in the round “{round}” are available to you before the decision. You can read them and send the reviewers your response until {rebuttal_due}; the reviewers may then revise their review once, and the coordinators decide."},
		"nl": {"Reviews om op te reageren: {practice}", "De reviews van “{practice}” in de ronde “{round}” staan vóór het besluit voor u klaar. U kunt ze lezen en de reviewers tot en met {rebuttal_due} uw reactie sturen; daarna mogen de reviewers hun review één keer herzien en nemen de coördinatoren een besluit."},
		"fr": {"Évaluations à commenter : {practice}", "Les évaluations de « {practice} » dans le cycle « {round} » sont à votre disposition avant la décision. Vous pouvez les lire et adresser votre réponse aux évaluateurs jusqu’au {rebuttal_due} ; les évaluateurs pourront ensuite réviser leur évaluation une fois, puis les coordinateurs décideront."},
		"de": {"Gutachten zur Stellungnahme: {practice}", "Die Gutachten zu „{practice}“ in der Runde „{round}“ stehen Ihnen vor der Entscheidung zur Verfügung. Sie können sie lesen und den Gutachterinnen und Gutachtern bis zum {rebuttal_due} Ihre Stellungnahme senden; danach können diese ihr Gutachten einmal überarbeiten, und die Koordination entscheidet."},
	},
	domain.NotifyResponsePosted: {
		"en": {"Response to the reviews: {practice}", "The organisation behind “{practice}” has responded to the reviews in the round “{round}”. You can read its response with your review and, until the decision, revise your review once."},
		"nl": {"Reactie op de reviews: {practice}", "De organisatie achter “{practice}” heeft gereageerd op de reviews in de ronde “{round}”. U leest de reactie bij uw review en kunt uw review tot het besluit één keer herzien."},
		"fr": {"Réponse aux évaluations : {practice}", "L’organisation à l’origine de « {practice} » a répondu aux évaluations du cycle « {round} ». Vous pouvez lire sa réponse à côté de votre évaluation et, jusqu’à la décision, réviser votre évaluation une fois."},
		"de": {"Stellungnahme zu den Gutachten: {practice}", "Die Organisation hinter „{practice}“ hat zu den Gutachten in der Runde „{round}“ Stellung genommen. Sie finden die Stellungnahme bei Ihrem Gutachten und können Ihr Gutachten bis zur Entscheidung einmal überarbeiten."},
	},
	domain.NotifyDiscussion: {
		"en": {"Reviewers’ discussion: {practice}", "{author} wrote in the reviewers’ discussion of “{practice}” in the round “{round}”."},
		"nl": {"Overleg tussen reviewers: {practice}", "{author} schreef in het overleg tussen reviewers over “{practice}” in de ronde “{round}”."},
		"fr": {"Échange entre évaluateurs : {practice}", "{author} a écrit dans l’échange entre évaluateurs sur « {practice} » dans le cycle « {round} »."},
		"de": {"Austausch der Gutachter/innen: {practice}", "{author} hat im Austausch der Gutachter/innen zu „{practice}“ in der Runde „{round}“ geschrieben."},
	},
	domain.NotifyFollowUpDue: {
		"en": {"Follow-up due: {follow_up}", "Your organisation agreed after “{activity}” to see to “{follow_up}” by {due_on}. When it is done, mark it done on the activity's page."},
		"nl": {"Vervolgactie verwacht: {follow_up}", "Uw organisatie heeft na “{activity}” toegezegd om “{follow_up}” uiterlijk op {due_on} af te ronden. Markeer de actie als afgerond op de pagina van de activiteit zodra ze klaar is."},
		"fr": {"Suite à donner : {follow_up}", "Après « {activity} », votre organisation s’est engagée à réaliser « {follow_up} » pour le {due_on}. Une fois fait, indiquez-le sur la page de l’activité."},
		"de": {"Folgeaufgabe fällig: {follow_up}", "Ihre Organisation hat nach „{activity}“ zugesagt, „{follow_up}“ bis zum {due_on} zu erledigen. Wenn es erledigt ist, markieren Sie es auf der Seite der Aktivität als erledigt."},
	},
	// The title of a review deadline in a calendar feed.
	"calendar_review_due": {
		"en": {"", "Review due: {practice}"},
		"nl": {"", "Review verwacht: {practice}"},
		"fr": {"", "Évaluation attendue : {practice}"},
		"de": {"", "Gutachten fällig: {practice}"},
	},
	// The name a blind reviewer goes by in the discussion, as the web app writes it.
	"reviewer_label": {
		"en": {"", "Reviewer {label}"},
		"nl": {"", "Reviewer {label}"},
		"fr": {"", "Évaluateur·rice {label}"},
		"de": {"", "Gutachter/in {label}"},
	},
	domain.NotifyReminder: {
		"en": {"Reminder: reviews due in “{round}”", "The coordinators of the round “{round}” remind you that these reviews are still waiting for you:\n{practices}\nPlease submit them by {due}."},
		"nl": {"Herinnering: reviews voor “{round}”", "De coördinatoren van de ronde “{round}” herinneren u eraan dat deze reviews nog op u wachten:\n{practices}\nWilt u ze uiterlijk op {due} indienen?"},
		"fr": {"Rappel : évaluations attendues dans « {round} »", "Les coordinateurs du cycle « {round} » vous rappellent que ces évaluations vous attendent encore :\n{practices}\nMerci de les remettre au plus tard le {due}."},
		"de": {"Erinnerung: Gutachten in „{round}“", "Die Koordination der Runde „{round}“ erinnert Sie daran, dass diese Gutachten noch ausstehen:\n{practices}\nBitte reichen Sie sie bis zum {due} ein."},
	},
	domain.NotifyReminder + ".note": {
		"en": {"", "Message from the coordinators: {note}"},
		"nl": {"", "Bericht van de coördinatoren: {note}"},
		"fr": {"", "Message des coordinateurs : {note}"},
		"de": {"", "Nachricht der Koordination: {note}"},
	},
	// Account e-mails: written when they are queued, in the recipient's language.
	mailPasswordReset: {
		"en": {"Reset your Peerbridge password", "Someone, hopefully you, asked to reset the password of your Peerbridge account. Open this link within an hour to choose a new one:\n{url}\n\nThe link works once. If you did not ask for this, ignore this e-mail: your password stays as it is."},
		"nl": {"Uw wachtwoord voor Peerbridge opnieuw instellen", "Iemand, hopelijk u, heeft gevraagd het wachtwoord van uw Peerbridge-account opnieuw in te stellen. Open binnen een uur deze link om een nieuw wachtwoord te kiezen:\n{url}\n\nDe link werkt één keer. Hebt u hier niet om gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft ongewijzigd."},
		"fr": {"Réinitialiser votre mot de passe Peerbridge", "Quelqu’un, vous sans doute, a demandé à réinitialiser le mot de passe de votre compte Peerbridge. Ouvrez ce lien dans l’heure pour en choisir un nouveau :\n{url}\n\nLe lien ne fonctionne qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé."},
		"de": {"Peerbridge-Passwort zurücksetzen", "Jemand, hoffentlich Sie, hat darum gebeten, das Passwort Ihres Peerbridge-Kontos zurückzusetzen. Öffnen Sie innerhalb einer Stunde diesen Link, um ein neues Passwort zu wählen:\n{url}\n\nDer Link funktioniert nur einmal. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert."},
	},
	mailInvitation: {
		"en": {"Invitation to {programme} on Peerbridge", "{inviter} invites you to join the programme “{programme}” on Peerbridge, where organisations in several countries share their return-to-work practices and review each other’s.\n\nAccept the invitation here; the link works until {expires}:\n{url}"},
		"nl": {"Uitnodiging voor {programme} op Peerbridge", "{inviter} nodigt u uit om deel te nemen aan het programma “{programme}” op Peerbridge, waar organisaties uit verschillende landen hun praktijken voor werkhervatting delen en elkaars praktijken beoordelen.\n\nU aanvaardt de uitnodiging via deze link, die werkt tot en met {expires}:\n{url}"},
		"fr": {"Invitation à {programme} sur Peerbridge", "{inviter} vous invite à rejoindre le programme « {programme} » sur Peerbridge, où des organisations de plusieurs pays partagent leurs pratiques de retour au travail et évaluent celles des autres.\n\nAcceptez l’invitation ici ; le lien est valable jusqu’au {expires} :\n{url}"},
		"de": {"Einladung zu {programme} auf Peerbridge", "{inviter} lädt Sie ein, am Programm „{programme}“ auf Peerbridge teilzunehmen, wo Organisationen aus mehreren Ländern ihre Praktiken zur Rückkehr in den Beruf teilen und gegenseitig begutachten.\n\nNehmen Sie die Einladung hier an; der Link gilt bis zum {expires}:\n{url}"},
	},
	mailPublicContact: {
		"en": {"Message about your practice “{practice}”", "{name} read your practice “{practice}” in Peerbridge’s public catalogue and wrote to you:\n\n{message}\n\nTo answer, reply to this e-mail: the reply goes to {name} at {email}. Peerbridge did not show them your address; they learn it only if you answer."},
		"nl": {"Bericht over uw praktijk “{practice}”", "{name} las uw praktijk “{practice}” in de openbare catalogus van Peerbridge en schreef u:\n\n{message}\n\nWilt u antwoorden? Beantwoord dan deze e-mail: uw antwoord gaat naar {name} op {email}. Peerbridge heeft uw adres niet getoond; {name} leert het pas kennen als u antwoordt."},
		"fr": {"Message à propos de votre pratique « {practice} »", "{name} a lu votre pratique « {practice} » dans le catalogue public de Peerbridge et vous a écrit :\n\n{message}\n\nPour répondre, répondez à cet e-mail : la réponse ira à {name} à l’adresse {email}. Peerbridge ne lui a pas montré votre adresse ; elle ne la connaîtra que si vous répondez."},
		"de": {"Nachricht zu Ihrer Praxis „{practice}“", "{name} hat Ihre Praxis „{practice}“ im öffentlichen Katalog von Peerbridge gelesen und Ihnen geschrieben:\n\n{message}\n\nUm zu antworten, antworten Sie auf diese E-Mail: Die Antwort geht an {name} unter {email}. Peerbridge hat Ihre Adresse nicht gezeigt; sie wird erst bekannt, wenn Sie antworten."},
	},
	"other": {
		"en": {"Peerbridge notification", "You have a new notification."},
		"nl": {"Melding van Peerbridge", "U hebt een nieuwe melding."},
		"fr": {"Notification de Peerbridge", "Vous avez une nouvelle notification."},
		"de": {"Benachrichtigung von Peerbridge", "Sie haben eine neue Benachrichtigung."},
	},
	"digest": {
		"en": {"Your daily summary ({count})", "What happened on Peerbridge since yesterday:"},
		"nl": {"Uw dagelijkse overzicht ({count})", "Dit is er sinds gisteren op Peerbridge gebeurd:"},
		"fr": {"Votre récapitulatif du jour ({count})", "Voici ce qui s’est passé sur Peerbridge depuis hier :"},
		"de": {"Ihre tägliche Zusammenfassung ({count})", "Das ist seit gestern auf Peerbridge geschehen:"},
	},
	"footer": {
		"en": {"", "Open Peerbridge: {url}\nYou can choose which e-mails you receive under Notifications."},
		"nl": {"", "Naar Peerbridge: {url}\nOnder Meldingen kiest u welke e-mails u ontvangt."},
		"fr": {"", "Ouvrir Peerbridge : {url}\nVous pouvez choisir les e-mails que vous recevez sous Notifications."},
		"de": {"", "Peerbridge öffnen: {url}\nUnter Benachrichtigungen legen Sie fest, welche E-Mails Sie erhalten."},
	},
}

var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}

// messageIn is a message's text in locale, English when the locale is unknown.
func messageIn(key, locale string) message {
	texts, ok := messages[key]
	if !ok {
		texts = messages["other"]
	}
	if m, ok := texts[locale]; ok {
		return m
	}
	return texts[domain.DefaultLocale]
}

// fill replaces {name} placeholders with values made single-line.
func fill(text string, values map[string]string) string {
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", oneLine(v))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// oneLine turns line breaks and other control characters into spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// longDate writes an RFC 3339 time as a date in locale ("28 December 2026", "28. Dezember 2026").
func longDate(rfc, locale string) string {
	t, err := time.Parse(time.RFC3339, rfc)
	if err != nil {
		return rfc
	}
	t = t.UTC()
	names, ok := months[locale]
	if !ok {
		names = months[domain.DefaultLocale]
	}
	day, month, year := strconv.Itoa(t.Day()), names[t.Month()-1], strconv.Itoa(t.Year())
	switch {
	case locale == "de":
		return day + ". " + month + " " + year
	case locale == "fr" && t.Day() == 1:
		day = "1er" // le 1er décembre
	}
	return day + " " + month + " " + year
}

// dateAsTime writes a YYYY-MM-DD date as the RFC 3339 time longDate reads; empty stays empty.
func dateAsTime(d string) string {
	if d == "" {
		return ""
	}
	return d + "T00:00:00Z"
}

// Describe is the subject and text of a notification's e-mail in locale.
func Describe(n domain.Notification, locale string) (subject, body string) {
	p := n.Params
	values := map[string]string{"practice": p["practice"], "round": p["round"], "due": longDate(p["due_at"], locale),
		"rebuttal_due": longDate(p["rebuttal_due_at"], locale), "follow_up": p["follow_up"], "activity": p["activity"],
		"due_on":  longDate(dateAsTime(p["due_on"]), locale),
		"outcome": exportWords{lang: locale}.label("decision", p["outcome"])}
	key := n.Kind
	if key == domain.NotifyAssigned && p["due_at"] == "" {
		key += ".nodue"
	}
	m := messageIn(key, locale)
	switch key {
	case domain.NotifyDiscussion:
		// A blind reviewer is named by their label, in the reader's language.
		values["author"] = p["author"]
		if p["author_label"] != "" {
			values["author"] = fill(messageIn("reviewer_label", locale).body, map[string]string{"label": p["author_label"]})
		}
	case domain.NotifyReminder:
		// One practice a line; each title made single-line on its own.
		var lines []string
		for _, title := range strings.Split(p["practices"], "\n") {
			if title = strings.TrimSpace(oneLine(title)); title != "" {
				lines = append(lines, "- "+title)
			}
		}
		// The template is split at the list, so no typed value can stand in for it.
		before, after, _ := strings.Cut(m.body, "{practices}")
		body := fill(before, values) + strings.Join(lines, "\n") + fill(after, values)
		if p["note"] != "" {
			body += "\n\n" + fill(messageIn(key+".note", locale).body, map[string]string{"note": p["note"]})
		}
		return fill(m.subject, values), body
	}
	return fill(m.subject, values), fill(m.body, values)
}

// digestSubject is the subject and opening line of a daily summary of count notifications.
func digestSubject(count int, locale string) (subject, opening string) {
	m := messageIn("digest", locale)
	return fill(m.subject, map[string]string{"count": strconv.Itoa(count)}), m.body
}

// footer closes every e-mail with the link to the product.
func footer(url, locale string) string {
	return fill(messageIn("footer", locale).body, map[string]string{"url": url})
}
