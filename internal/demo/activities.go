package demo

import (
	"context"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
)

// demoActivities are the exchanges of the cancer programme: a study visit that took place, a
// peer-review meeting in the Mutual Learning Programme's way that is being prepared, and a
// webinar.
func demoActivities() []domain.Activity {
	prog := ID("programme", cancer)
	return []domain.Activity{
		{
			ID: ID("activity", "leuven-visit"), ProgrammeID: prog, Kind: domain.ActivityStudyVisit, Status: domain.ActivityHeld,
			Title: "Study visit: the return-to-work coach in Leuven",
			Description: "Partners spend two days with Jobcentrum's coaches in Leuven to see how one coach follows a person from the " +
				"oncology ward to the first weeks back at work, and how employers are brought in early.",
			HostOrganisationID: ID("organisation", "jobcentrum"), Country: "BE", City: "Leuven",
			StartsAt: at("2026-05-12T08:30:00Z"), EndsAt: at("2026-05-13T15:00:00Z"),
			PracticeIDs: []uuid.UUID{ID("practice", "rentree")},
			Participants: []domain.ActivityParticipant{
				{OrganisationID: ID("organisation", "jobcentrum"), Role: domain.ParticipantHost, People: 4},
				{OrganisationID: ID("organisation", "werkbrug"), Role: domain.ParticipantPeer, People: 2},
				{OrganisationID: ID("organisation", "retour"), Role: domain.ParticipantPeer, People: 2},
				{OrganisationID: ID("organisation", "wiedereinstieg"), Role: domain.ParticipantExpert, People: 1},
			},
			Agenda: []domain.AgendaItem{
				{At: at("2026-05-12T08:30:00Z"), Title: "Welcome at the hospital's day clinic"},
				{At: at("2026-05-12T10:00:00Z"), Title: "A coach's caseload, walked through with two participants who returned to work"},
				{At: at("2026-05-12T13:30:00Z"), Title: "Visit to an employer: adjusting tasks during the first months"},
				{At: at("2026-05-13T09:00:00Z"), Title: "What could travel: each partner names one element to try at home"},
			},
			Minutes: "The visitors saw how the coach keeps one return plan from diagnosis onwards and reviews it every month with the " +
				"person and, once they agree, with the employer. The French and Dutch partners want to try the monthly review; the " +
				"German expert pointed out that in Germany the occupational physician would need a formal role in it. Everyone found " +
				"the early, voluntary contact with the employer the most transferable element, and the hardest to organise.",
			FollowUps: []domain.FollowUp{
				{ID: ID("follow-up", "leuven-plan-template"), Title: "Share the return-plan template in English", OwnerOrganisationID: ID("organisation", "jobcentrum"),
					DueOn: date("2026-06-15"), Status: domain.FollowUpDone},
				{ID: ID("follow-up", "leuven-pilot"), Title: "Try the monthly plan review with five participants in Utrecht", OwnerOrganisationID: ID("organisation", "werkbrug"),
					DueOn: date("2027-01-31"), Status: domain.FollowUpOpen},
				{ID: ID("follow-up", "leuven-physician"), Title: "Write a note on the occupational physician's role in a German version", OwnerOrganisationID: ID("organisation", "wiedereinstieg"),
					DueOn: date("2026-12-18"), Status: domain.FollowUpOpen},
			},
		},
		{
			ID: ID("activity", "utrecht-peer-review"), ProgrammeID: prog, Kind: domain.ActivityPeerReviewMeeting, Status: domain.ActivityPlanned,
			Title: "Peer review: early vocational support in Utrecht",
			Description: "The Dutch host presents its early vocational support to peers from three countries, who read the discussion " +
				"paper beforehand and bring a short comment paper on how it would work in their own system.",
			HostOrganisationID: ID("organisation", "werkbrug"), Country: "NL", City: "Utrecht",
			StartsAt: at("2027-02-16T08:00:00Z"), EndsAt: at("2027-02-17T14:00:00Z"),
			Participants: []domain.ActivityParticipant{
				{OrganisationID: ID("organisation", "werkbrug"), Role: domain.ParticipantHost, People: 3},
				{OrganisationID: ID("organisation", "retour"), Role: domain.ParticipantPeer, People: 2},
				{OrganisationID: ID("organisation", "tyokyky"), Role: domain.ParticipantPeer, People: 1},
				{OrganisationID: ID("organisation", "workwell"), Role: domain.ParticipantPeer, People: 1},
				{OrganisationID: ID("organisation", "jobcentrum"), Role: domain.ParticipantExpert, People: 1},
			},
			Agenda: []domain.AgendaItem{
				{At: at("2027-02-16T08:00:00Z"), Title: "The host's presentation and questions"},
				{At: at("2027-02-16T12:30:00Z"), Title: "Peers present their comment papers"},
				{At: at("2027-02-17T08:30:00Z"), Title: "Conditions for transfer, and conclusions"},
			},
		},
		{
			ID: ID("activity", "webinar-fatigue"), ProgrammeID: prog, Kind: domain.ActivityWebinar, Status: domain.ActivityPlanned,
			Title: "Webinar: assessing fatigue before the return to work",
			Description: "Retour Santé Travail shows how its assessment measures cancer-related fatigue and turns the result into " +
				"adjustments at work. Open to every partner; questions in English or French.",
			HostOrganisationID: ID("organisation", "retour"), Country: "FR", OnlineURL: "https://meet.peerbridge.example/fatigue",
			StartsAt: at("2027-01-21T13:00:00Z"), EndsAt: at("2027-01-21T14:30:00Z"),
			PracticeIDs: []uuid.UUID{ID("practice", "bilan")},
			Participants: []domain.ActivityParticipant{
				{OrganisationID: ID("organisation", "retour"), Role: domain.ParticipantHost, People: 2},
			},
		},
	}
}

// seedActivities loads the demo activities; fixed ids keep it idempotent.
func seedActivities(ctx context.Context, store *postgres.Store) error {
	for _, a := range demoActivities() {
		if _, err := store.Activity(ctx, a.ID, false); err == nil {
			continue
		} else if !domain.IsCode(err, domain.CodeNotFound) {
			return err
		}
		a.CreatedBy = uptr(ID("user", "coordinator@peerbridge.example"))
		if _, err := store.CreateActivity(ctx, a); err != nil {
			return err
		}
	}
	return nil
}
