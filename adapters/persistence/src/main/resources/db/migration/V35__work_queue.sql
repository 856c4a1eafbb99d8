-- The work queue (GET /api/v1/tasks) pages its candidates here instead of reading every application in the caller's
-- stages. A row per application and place it can be someone's task: scope '*' for the callers who see every office,
-- and one per office taking part; written by the application store in the same transaction as every change, with
-- the steps the domain says the stage and state allow (Application.possibleActions: the rule stays in Java, not
-- copied into SQL), the earliest deadline owed ('infinity' when none: last in the order) and since when it waits.
-- An application on which no step is possible (closed, rejected, declined, withdrawn) has no rows.
CREATE TABLE application_task (
    scope          text        NOT NULL,
    due_on         date        NOT NULL,
    waiting_since  timestamptz NOT NULL,
    application_id uuid        NOT NULL REFERENCES application (id),
    submitted_by   text        NOT NULL,
    actions        text[]      NOT NULL CHECK (cardinality(actions) > 0),
    -- the queue's order within a scope: a page is one range of this index, read from the cursor on
    PRIMARY KEY (scope, due_on, waiting_since, application_id)
);
CREATE INDEX application_task_by_application ON application_task (application_id);
-- a step filter whose step is rare (or possible nowhere) is answered from this instead of walking the order
CREATE INDEX application_task_by_action ON application_task USING gin (actions);

-- Applications stored before this migration get their rows at the service's next start (ApplicationTaskBackfill,
-- the domain's rule in Java), once; this mark says it is still to be done.
CREATE TABLE application_task_backfill (
    pending boolean PRIMARY KEY CHECK (pending)
);
INSERT INTO application_task_backfill SELECT true WHERE EXISTS (SELECT 1 FROM application);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- rewritten with every change of its application: removed and inserted, never updated
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON application_task TO %I', app);
    -- the mark is locked (FOR UPDATE needs UPDATE) and removed once the rows are filled
    EXECUTE format('GRANT SELECT, UPDATE, DELETE ON application_task_backfill TO %I', app);
END;
$$;
