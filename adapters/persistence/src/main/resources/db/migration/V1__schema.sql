-- The social investment fund's schema. Money is numeric with two decimals (kronor and öre), never float.
-- Append-only tables (revisions, history, ledger, audit) are guarded twice: the service's role has no UPDATE or
-- DELETE on them (see V2), and triggers refuse changes to the ledger and the audit trail from anyone.

CREATE TABLE application_period (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    opens_on    date        NOT NULL,
    closes_on   date        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    CONSTRAINT period_dates_in_order CHECK (closes_on >= opens_on),
    CONSTRAINT periods_never_overlap EXCLUDE USING gist (daterange(opens_on, closes_on, '[]') WITH &&)
);

-- the last registration number handed out per year; taken in the applying transaction, so never a gap
CREATE TABLE registration_counter (
    year        integer PRIMARY KEY,
    last_number integer NOT NULL CHECK (last_number > 0)
);

CREATE TABLE application (
    position            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                  uuid PRIMARY KEY,
    registration_number text          NOT NULL UNIQUE,
    period_id           uuid          NOT NULL REFERENCES application_period (id),
    stage               text          NOT NULL,
    version             bigint        NOT NULL CHECK (version > 0),
    title               text          NOT NULL,
    lead_office         text          NOT NULL,
    offices             text[]        NOT NULL,
    submitted_by        text          NOT NULL,
    requested_amount    numeric(15, 2) NOT NULL CHECK (requested_amount > 0),
    granted_amount      numeric(15, 2) CHECK (granted_amount > 0),
    received_at         timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    current_revision    integer       NOT NULL,
    -- the rest of the aggregate (criteria, decisions, project, follow-up, ...) as one document
    state               jsonb         NOT NULL
);
CREATE INDEX application_by_stage ON application (stage, position);
CREATE INDEX application_by_period ON application (period_id, position);
CREATE INDEX application_by_submitter ON application (submitted_by, position);

-- which offices take part in which application, in list order: an office's own list pages by keyset like the rest
CREATE TABLE application_office (
    office         text   NOT NULL,
    position       bigint NOT NULL,
    application_id uuid   NOT NULL REFERENCES application (id),
    PRIMARY KEY (office, position)
);
CREATE INDEX application_office_by_application ON application_office (application_id);

CREATE TABLE application_revision (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id             uuid        NOT NULL REFERENCES application (id),
    number                     integer     NOT NULL CHECK (number > 0),
    content                    jsonb       NOT NULL,
    submitted_at               timestamptz NOT NULL,
    submitted_by               text        NOT NULL,
    answers_completion_request integer,
    UNIQUE (application_id, number)
);

CREATE TABLE application_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    version        bigint      NOT NULL,
    type           text        NOT NULL,
    at             timestamptz NOT NULL,
    actor_subject  text        NOT NULL,
    actor_name     text        NOT NULL,
    actor_role     text        NOT NULL,
    actor_office   text,
    stage_before   text,
    stage_after    text        NOT NULL,
    details        jsonb       NOT NULL,
    UNIQUE (application_id, version)
);

-- what a submission with an Idempotency-Key answered, per caller
CREATE TABLE idempotency_key (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    receipt      jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- the fund's running balance: the cache of the ledger's sums, and the row a grant locks
CREATE TABLE fund (
    id        integer PRIMARY KEY CHECK (id = 1),
    capital   numeric(18, 2) NOT NULL DEFAULT 0 CHECK (capital >= 0),
    committed numeric(18, 2) NOT NULL DEFAULT 0 CHECK (committed >= 0),
    returned  numeric(18, 2) NOT NULL DEFAULT 0 CHECK (returned >= 0),
    -- the fund never commits more than it holds, whatever the code above it does
    CONSTRAINT fund_never_over_committed CHECK (committed <= capital + returned)
);
INSERT INTO fund (id) VALUES (1);

CREATE TABLE fund_ledger_entry (
    position            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text           NOT NULL CHECK (kind IN ('CAPITAL_MARKING', 'COMMITMENT', 'RELEASE',
                                                                'REPAYMENT', 'WRITE_OFF')),
    entry_date          date           NOT NULL,
    amount              numeric(15, 2) NOT NULL CHECK (amount > 0),
    reference           text           NOT NULL,
    application_id      uuid REFERENCES application (id),
    registration_number text,
    committee           text,
    plan_year           integer,
    note                text,
    recorded_at         timestamptz    NOT NULL,
    recorded_by         text           NOT NULL
);
CREATE INDEX ledger_by_date ON fund_ledger_entry (entry_date, position);
CREATE INDEX ledger_by_application ON fund_ledger_entry (application_id, position);
CREATE INDEX ledger_by_kind ON fund_ledger_entry (kind, position);

-- the end of the audit chain: locked by each append, so events are sealed one after another
CREATE TABLE audit_chain_head (
    id            integer PRIMARY KEY CHECK (id = 1),
    last_sequence bigint NOT NULL,
    last_hash     text   NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE audit_event (
    sequence            bigint PRIMARY KEY,
    occurred_at         timestamptz NOT NULL,
    request_id          text,
    actor_subject       text        NOT NULL,
    actor_name          text        NOT NULL,
    actor_roles         text        NOT NULL,
    actor_office        text,
    client_id           text,
    action              text        NOT NULL,
    outcome             text        NOT NULL,
    object_type         text,
    object_id           text,
    registration_number text,
    version_before      bigint,
    version_after       bigint,
    previous_hash       text        NOT NULL,
    hash                text        NOT NULL
);
CREATE INDEX audit_by_time ON audit_event (occurred_at, sequence);
CREATE INDEX audit_by_actor ON audit_event (actor_subject, sequence);
CREATE INDEX audit_by_object ON audit_event (object_id, sequence);
CREATE INDEX audit_by_action ON audit_event (action, sequence);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON fund_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON fund_ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
