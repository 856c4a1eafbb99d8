-- issue 21: the board's decisions on a period as one act. What an act with an Idempotency-Key carried and
-- answered, per caller (like idempotency_key for submissions); the decisions themselves are stored on the
-- applications, the commitments in the fund's ledger.
CREATE TABLE board_decision_key (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    receipt      jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- the claim inserts the row, the act's end writes its receipt; keys are never deleted by the service
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON board_decision_key TO %I', app);
END;
$$;
