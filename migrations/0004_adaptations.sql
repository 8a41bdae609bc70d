-- How products and practices travel: adaptations (structured after FRAME), their dated outcomes,
-- and the new products that came out of the exchange.

CREATE TABLE adaptations (
    id                        uuid PRIMARY KEY,
    programme_id              uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source_practice_id        uuid NOT NULL REFERENCES practices (id),
    product_id                uuid,
    adopting_organisation_id  uuid NOT NULL REFERENCES organisations (id),
    country                   char(2) NOT NULL,
    title                     text NOT NULL,
    context_description       text NOT NULL DEFAULT '',
    target_groups             jsonb NOT NULL DEFAULT '[]',
    stage                     text NOT NULL DEFAULT 'exploring'
        CHECK (stage IN ('exploring', 'planning', 'implementing', 'evaluating', 'sustained', 'discontinued')),
    frame                     jsonb NOT NULL DEFAULT '{}',
    barriers                  jsonb NOT NULL DEFAULT '[]',
    facilitators              jsonb NOT NULL DEFAULT '[]',
    created_by                uuid NOT NULL REFERENCES users (id),
    version                   integer NOT NULL DEFAULT 1,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX adaptations_programme ON adaptations (programme_id, updated_at DESC, id);
CREATE INDEX adaptations_source ON adaptations (source_practice_id);
CREATE INDEX adaptations_org ON adaptations (adopting_organisation_id);

CREATE TABLE adaptation_outcomes (
    id                       uuid PRIMARY KEY,
    adaptation_id            uuid NOT NULL REFERENCES adaptations (id) ON DELETE CASCADE,
    recorded_on              date NOT NULL,
    participants             integer NOT NULL CHECK (participants >= 0),
    returned_to_work         integer NOT NULL CHECK (returned_to_work >= 0),
    in_work_after_6_months   integer CHECK (in_work_after_6_months >= 0),
    placements_offered       integer CHECK (placements_offered >= 0),
    satisfaction             numeric(3, 1) CHECK (satisfaction BETWEEN 1 AND 5),
    notes                    text NOT NULL DEFAULT '',
    created_by               uuid NOT NULL REFERENCES users (id),
    created_at               timestamptz NOT NULL DEFAULT now(),
    CHECK (returned_to_work <= participants),
    CHECK (in_work_after_6_months IS NULL OR in_work_after_6_months <= participants)
);
CREATE INDEX adaptation_outcomes_adaptation ON adaptation_outcomes (adaptation_id, recorded_on);

CREATE TABLE new_products (
    id                           uuid PRIMARY KEY,
    programme_id                 uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    title                        text NOT NULL,
    kind                         text NOT NULL,
    description                  text NOT NULL DEFAULT '',
    organisation_ids             jsonb NOT NULL DEFAULT '[]',
    countries                    jsonb NOT NULL DEFAULT '[]',
    status                       text NOT NULL CHECK (status IN ('idea', 'in_development', 'available')),
    inspired_by_practice_ids     jsonb NOT NULL DEFAULT '[]',
    derived_from_adaptation_ids  jsonb NOT NULL DEFAULT '[]',
    link                         text NOT NULL DEFAULT '',
    created_by                   uuid NOT NULL REFERENCES users (id),
    version                      integer NOT NULL DEFAULT 1,
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX new_products_programme ON new_products (programme_id, created_at DESC, id);
CREATE INDEX new_products_inspired ON new_products USING gin (inspired_by_practice_ids jsonb_path_ops);
CREATE INDEX new_products_derived ON new_products USING gin (derived_from_adaptation_ids jsonb_path_ops);

-- For the programme's audit listing filtered by object or actor.
CREATE INDEX audit_log_programme_object ON audit_log (programme_id, object_type, at DESC);
