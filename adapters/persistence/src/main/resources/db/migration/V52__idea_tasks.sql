-- Ideas in the work queue (GET /api/v1/tasks, issue 16), beside the applications' rows (application_task, V35) and
-- in the same shape: a row per idea and place where a step waits for someone (scope '*' for the fund officers' and
-- the form's steps, an office's code for the sponsorship and the conversion), with those steps (IdeaTasks.places:
-- the rule stays in Java), the screening's deadline ('infinity' when none) and since when it waits. Rewritten by the
-- idea store in the same transaction as every change of the idea; an idea on which nothing waits has no rows.
CREATE TABLE idea_task (
    scope         text        NOT NULL,
    due_on        date        NOT NULL,
    waiting_since timestamptz NOT NULL,
    idea_id       uuid        NOT NULL REFERENCES idea (id),
    submitted_by  text        NOT NULL,
    actions       text[]      NOT NULL CHECK (cardinality(actions) > 0),
    PRIMARY KEY (scope, due_on, waiting_since, idea_id)
);
CREATE INDEX idea_task_by_idea ON idea_task (idea_id);

-- ideas stored before this migration: their rows are filled at the next start (IdeaTaskBackfill), once
CREATE TABLE idea_task_backfill (
    pending boolean PRIMARY KEY CHECK (pending)
);
INSERT INTO idea_task_backfill SELECT true WHERE EXISTS (SELECT 1 FROM idea);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON idea_task TO %I', app);
    EXECUTE format('GRANT SELECT, UPDATE, DELETE ON idea_task_backfill TO %I', app);
END;
$$;
