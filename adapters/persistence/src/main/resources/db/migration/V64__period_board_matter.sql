-- issue 21: the period's board matter. Its registration number (from the applications' gapless KS series, taken
-- the first time the period's decision memo is frozen) and the memos frozen as documents of the period.
CREATE TABLE period_case (
    period_id           uuid PRIMARY KEY REFERENCES application_period (id),
    registration_number text        NOT NULL UNIQUE CHECK (registration_number ~ '^[A-Z]+ [0-9]{4}/[0-9]{4,}$'),
    numbered_at         timestamptz NOT NULL
);

-- which memo each frozen document shows: the memo's version (its priority order's) and a fingerprint of its
-- content, so that freezing the same memo again answers the document already made
CREATE TABLE frozen_decision_memo (
    document_id  uuid PRIMARY KEY REFERENCES document (id),
    period_id    uuid        NOT NULL REFERENCES application_period (id),
    memo_version bigint      NOT NULL CHECK (memo_version >= 0),
    fingerprint  text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    frozen_at    timestamptz NOT NULL
);
CREATE INDEX frozen_decision_memo_by_period ON frozen_decision_memo (period_id, frozen_at DESC);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- both are append-only: a number is never changed, a frozen memo is superseded by a new row, never rewritten
    EXECUTE format('GRANT SELECT, INSERT ON period_case, frozen_decision_memo TO %I', app);
END;
$$;
