-- The service runs as its own role (placeholder app_role) with only what it needs. Migrations run as the schema's
-- owner. Where one role does both (a single-user setup), this grants nothing and the triggers of V1 still guard
-- the append-only tables.
DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE NOTICE 'service role % is the owner or does not exist: no separate privileges granted', app;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON application, application_period, registration_counter, '
                   || 'fund, audit_chain_head, idempotency_key TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON application_office TO %I', app);
    EXECUTE format('GRANT DELETE ON idempotency_key TO %I', app);
    -- history, revisions, the ledger and the audit trail: read and append, never change
    EXECUTE format('GRANT SELECT, INSERT ON application_revision, application_event, fund_ledger_entry, '
                   || 'audit_event TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON application_revision, application_event, '
                   || 'fund_ledger_entry, audit_event FROM %I', app);
END;
$$;
