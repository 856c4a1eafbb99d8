-- The service role (placeholder app_role) on the outcomes contracts: the contract row changes, its payments are
-- only ever appended. As in V2, nothing is granted when the service role is the owner or does not exist.
DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE NOTICE 'service role % is the owner or does not exist: no separate privileges granted', app;
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON outcomes_contract TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON outcomes_payment TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outcomes_payment FROM %I', app);
END;
$$;
