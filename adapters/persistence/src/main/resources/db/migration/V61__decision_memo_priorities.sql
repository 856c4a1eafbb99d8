-- issue 21: the fund officer's priority order of a period's applications in its decision memo (tjänsteskrivelse)
CREATE TABLE decision_memo_priority (
    period_id  uuid PRIMARY KEY REFERENCES application_period (id),
    priorities uuid[]      NOT NULL,
    version    bigint      NOT NULL CHECK (version >= 1),
    set_at     timestamptz NOT NULL,
    set_by     text        NOT NULL
);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- the order changes (optimistic locking on its version); it is never deleted
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON decision_memo_priority TO %I', app);
END;
$$;
