-- The event feed's outbox (issue 17): one row per successful change of an application, written in the change's own
-- transaction. Its sequence is the audit event's, taken under the audit chain's head lock, so sequences are in
-- commit order and a tailing reader never skips one (README, "The event feed"). The scoping data (offices,
-- submitter) is stored with each event, as it was at the change.
CREATE TABLE feed_event (
    sequence            bigint      PRIMARY KEY,
    id                  uuid        NOT NULL UNIQUE,
    type                text        NOT NULL,
    subject             text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    application_id      uuid        NOT NULL,
    registration_number text        NOT NULL,
    stage               text        NOT NULL,
    version             bigint      NOT NULL,
    offices             text[]      NOT NULL,
    submitted_by        text        NOT NULL
);
CREATE INDEX feed_event_by_time ON feed_event (occurred_at);
CREATE INDEX feed_event_by_type ON feed_event (type, sequence);
CREATE INDEX feed_event_by_submitter ON feed_event (submitted_by, sequence);

-- how far retention has removed the feed: a cursor before this may have missed events (410)
CREATE TABLE feed_horizon (
    id              integer PRIMARY KEY CHECK (id = 1),
    purged_through  bigint  NOT NULL
);
INSERT INTO feed_horizon (id, purged_through) VALUES (1, 0);

-- Webhook endpoints (Standard Webhooks) and their delivery state: the position in the feed, the failed attempts of
-- the next message and when to try again, and a lease held by the worker delivering to it.
CREATE TABLE webhook_endpoint (
    id                    uuid        PRIMARY KEY,
    url                   text        NOT NULL,
    event_types           text[]      NOT NULL,
    description           text,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    state                 text        NOT NULL CHECK (state IN ('ENABLED', 'DISABLED')),
    disabled_reason       text,
    delivered_through     bigint      NOT NULL,
    attempts              integer     NOT NULL DEFAULT 0,
    failing_since         timestamptz,
    next_attempt_at       timestamptz NOT NULL,
    leased_until          timestamptz,
    last_status           integer,
    last_error            text
);
CREATE INDEX webhook_endpoint_due ON webhook_endpoint (next_attempt_at) WHERE state = 'ENABLED';

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- the outbox: appended by changes, removed only by retention; never updated
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON feed_event TO %I', app);
    EXECUTE format('GRANT SELECT, UPDATE ON feed_horizon TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON webhook_endpoint TO %I', app);
END;
$$;
