-- Ideas (idéprövning, issue 16). The idea's state is one jsonb document; the columns are what is listed, filtered
-- or guarded. Its registration number comes from the applications' counter (registration_counter), so the one
-- series stays gapless and unique across both: the unique index below and application's own hold it.
CREATE TABLE idea (
    id                  uuid        PRIMARY KEY,
    position            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    registration_number text        NOT NULL UNIQUE,
    version             bigint      NOT NULL CHECK (version > 0),
    stage               text        NOT NULL CHECK (stage IN ('RECEIVED', 'SCREENING', 'SPONSORED', 'DECLINED',
                                                              'WITHDRAWN', 'CONVERTED')),
    title               text        NOT NULL,
    offices             text[]      NOT NULL,
    submitting_office   text,
    sponsor_office      text,
    submitted_by        text        NOT NULL,
    application_id      uuid        UNIQUE REFERENCES application (id),
    screening_since     timestamptz,
    received_at         timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    document            jsonb       NOT NULL,
    -- a converted idea names its application, and only a converted one; a sponsored one its office
    CONSTRAINT idea_converted_names_application CHECK ((stage = 'CONVERTED') = (application_id IS NOT NULL)),
    CONSTRAINT idea_sponsored_names_office CHECK (stage NOT IN ('SPONSORED', 'CONVERTED') OR sponsor_office IS NOT NULL)
);
CREATE INDEX idea_by_stage ON idea (stage, position);
CREATE INDEX idea_by_offices ON idea USING gin (offices);
CREATE INDEX idea_by_submitter ON idea (submitted_by, position);

-- an idea's history: appended by each step, never changed
CREATE TABLE idea_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id       uuid        NOT NULL REFERENCES idea (id),
    version       bigint      NOT NULL,
    type          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor_subject text        NOT NULL,
    actor_name    text        NOT NULL,
    actor_role    text        NOT NULL,
    actor_office  text,
    stage_before  text,
    stage_after   text        NOT NULL,
    detail        text,
    UNIQUE (idea_id, version)
);
CREATE TRIGGER idea_event_append_only BEFORE UPDATE OR DELETE ON idea_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER idea_event_no_truncate BEFORE TRUNCATE ON idea_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- the application made from an idea records where it came from and its external partners (a link beside the
-- application, so that the application's own tables and documents keep their shape); written once
CREATE TABLE application_origin (
    application_id    uuid        PRIMARY KEY REFERENCES application (id),
    idea_id           uuid        NOT NULL UNIQUE REFERENCES idea (id),
    external_partners jsonb       NOT NULL
);
CREATE TRIGGER application_origin_append_only BEFORE UPDATE OR DELETE ON application_origin
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON idea TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON idea_event TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON application_origin TO %I', app);
END;
$$;
