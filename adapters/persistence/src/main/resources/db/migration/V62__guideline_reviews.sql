-- issue 21: the guideline's review once per term of office (riktlinjens uppföljning), as recorded by a fund officer
CREATE TABLE guideline_review (
    id                  uuid PRIMARY KEY,
    reviewed_on         date        NOT NULL,
    decision_reference  text        NOT NULL,
    term_start          date        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    recorded_by         text        NOT NULL
);
CREATE INDEX guideline_review_by_term ON guideline_review (term_start);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- a record of what was done: appended, never changed by the service
    EXECUTE format('GRANT SELECT, INSERT ON guideline_review TO %I', app);
END;
$$;
