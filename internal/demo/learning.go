package demo

import (
	"context"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// demoProfile is what one organisation of a demo programme offers and wants to learn, written by
// one of its people.
type demoProfile struct {
	programme, org, author string
	themes                 []domain.LearningTheme
}

func offers(key string) domain.LearningTheme {
	return domain.LearningTheme{Key: key, Offers: true, Wants: domain.WantNone, Questions: []string{}}
}

func wants(key string, level domain.Want, questions ...string) domain.LearningTheme {
	if questions == nil {
		questions = []string{}
	}
	return domain.LearningTheme{Key: key, Wants: level, Questions: questions}
}

// demoProfiles answer the Belgian project's wish to see where mutual learning is most meaningful.
// Jobcentrum runs a unique multidisciplinary pilot that links work and health for about 120
// people, and asks how to scale it up and what it takes to launch an intensive programme
// elsewhere, for which groups. The Dutch network has scaled a programme up across companies and
// wants to learn how work and health are linked and which services help employees: the two want
// what the other offers. The Finnish public agency knows the conditions for launching a
// programme and wants to learn how the actors work together, which makes it a second
// reciprocal partner of Jobcentrum; the others offer or want one side only.
var demoProfiles = []demoProfile{
	{cancer, "jobcentrum", "partner.be@peerbridge.example", []domain.LearningTheme{
		offers("actors_work_health"),
		offers("products_services"),
		wants("upscaling", domain.WantHigh, "How did you move from a pilot for about 120 people to a service for a whole region?"),
		wants("launch_parameters", domain.WantHigh,
			"Which groups are the most vulnerable: older employees, low-skilled workers or young adults moving from education to work?",
			"What do you need in place before you launch an intensive return-to-work programme?",
			"Comment préparer la reprise du travail après un cancer avec le salarié et le médecin du travail ?"),
	}},
	{cancer, "werkbrug", "partner.nl@peerbridge.example", []domain.LearningTheme{
		offers("upscaling"),
		wants("actors_work_health", domain.WantHigh, "How do you link the occupational physician and the treating physician?"),
		wants("products_services", domain.WantSome),
	}},
	{cancer, "retour", "partner.fr@peerbridge.example", []domain.LearningTheme{
		offers("products_services"),
		offers("launch_parameters"),
		wants("upscaling", domain.WantSome, "Comment passer d'un projet pilote à un service régional ?"),
	}},
	{cancer, "wiedereinstieg", "reviewer.de@peerbridge.example", []domain.LearningTheme{
		offers("products_services"),
		wants("launch_parameters", domain.WantSome, "Was braucht ein intensives Rückkehrprogramm außerhalb einer Großstadt?"),
	}},
	{cancer, "tyokyky", "reviewer.fi@peerbridge.example", []domain.LearningTheme{
		offers("launch_parameters"),
		wants("actors_work_health", domain.WantHigh, "Who coordinates between the employer, occupational health and the hospital?"),
	}},
	{cancer, "workwell", "partner.ie@peerbridge.example", []domain.LearningTheme{
		offers("products_services"),
		wants("upscaling", domain.WantHigh),
	}},
}

// seedLearning saves each demo profile that nobody saved yet; a profile changed since is kept.
func seedLearning(ctx context.Context, store *postgres.Store) error {
	for _, d := range demoProfiles {
		programmeID, orgID := ID("programme", d.programme), ID("organisation", d.org)
		p, err := store.LearningProfile(ctx, programmeID, orgID)
		if err != nil {
			return err
		}
		if p.Version > 0 {
			continue
		}
		by := ID("user", d.author)
		if _, err := store.SaveLearningProfile(ctx, domain.LearningProfile{ProgrammeID: programmeID, OrganisationID: orgID, UpdatedBy: &by, Themes: d.themes}, 0); err != nil {
			return err
		}
	}
	return nil
}
