package service

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

func TestNewProductPatchChangesOnlyWhatItNames(t *testing.T) {
	org := uuid.New()
	n := domain.NewProduct{Title: "Pool", Kind: "network", Description: "Shared placements", Status: "idea", Countries: []string{"BE"}}
	title, orgs := "  Placement pool ", []uuid.UUID{org}
	NewProductPatch{Title: &title, OrganisationIDs: &orgs}.apply(&n)
	if n.Title != "Placement pool" || n.Kind != "network" || n.Description != "Shared placements" || n.Status != "idea" {
		t.Errorf("fields left out of the patch changed: %+v", n)
	}
	if len(n.OrganisationIDs) != 1 || n.OrganisationIDs[0] != org || n.Countries != nil {
		t.Errorf("new organisations replace the old ones and drop their countries: %+v", n)
	}
	countries := []string{"NL"}
	NewProductPatch{OrganisationIDs: &orgs, Countries: &countries}.apply(&n)
	if len(n.Countries) != 1 || n.Countries[0] != "NL" {
		t.Errorf("countries named with the organisations are kept: %+v", n.Countries)
	}
}

func TestRoundPatchClearsOnlyWhenAsked(t *testing.T) {
	opens := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	r := domain.Round{Name: "Spring", OpensAt: &opens, MaxLoad: 3}
	RoundPatch{}.apply(&r)
	if r.OpensAt == nil || r.Name != "Spring" || r.MaxLoad != 3 {
		t.Fatalf("an empty patch changed the round: %+v", r)
	}
	var cleared *time.Time
	RoundPatch{OpensAt: &cleared}.apply(&r)
	if r.OpensAt != nil {
		t.Errorf("opens_at: null clears the date: %v", r.OpensAt)
	}
}
