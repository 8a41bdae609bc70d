package postgres

import (
	"context"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// PublicVocabulary returns the themes and target groups of the programmes with a public
// catalogue, each key once (the title of the oldest programme that has it), in key order.
func (s *Store) PublicVocabulary(ctx context.Context) (domain.Vocabulary, error) {
	var rows []struct {
		Kind string
		Doc  JSON[keyedDoc]
	}
	err := s.conn(ctx).Raw(`SELECT kind, doc FROM (
			SELECT DISTINCT ON (v.kind, v.doc ->> 'key') v.kind, v.doc, g.created_at
			FROM programmes g
			CROSS JOIN LATERAL (SELECT 'theme' AS kind, d AS doc FROM jsonb_array_elements(g.themes) d
				UNION ALL SELECT 'target_group', d FROM jsonb_array_elements(g.target_groups) d) AS v
			WHERE g.public_catalogue
			ORDER BY v.kind, v.doc ->> 'key', g.created_at, g.id) AS x
		ORDER BY kind, doc ->> 'key'`).Scan(&rows).Error
	if err != nil {
		return domain.Vocabulary{}, translate(err)
	}
	out := domain.Vocabulary{Themes: []domain.Keyed{}, TargetGroups: []domain.Keyed{}}
	for _, r := range rows {
		if r.Kind == "theme" {
			out.Themes = append(out.Themes, r.Doc.V.toDomain())
		} else {
			out.TargetGroups = append(out.TargetGroups, r.Doc.V.toDomain())
		}
	}
	return out, nil
}
