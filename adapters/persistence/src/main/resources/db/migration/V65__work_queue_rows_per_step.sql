-- issue 17: the work queue's rows of an application, one per place AND step. The key's scope becomes
-- '<place> <STEP>' ('* ASSESS_CRITERIA', 'utbildningskontoret WITHDRAW'; office codes hold no space) and the row's
-- actions its one step. A caller's page is then read from exact index ranges, one per place and step it may take:
-- with one row per place, the range of an office had to skip, in due order, every row whose steps were not the
-- caller's (an applicant skipped the rows waiting for the fund's officers), and the first page's cost grew with the
-- number of applications (834 rows skipped at 100,000 applications).
INSERT INTO application_task (scope, due_on, waiting_since, application_id, submitted_by, actions)
SELECT t.scope || ' ' || step, t.due_on, t.waiting_since, t.application_id, t.submitted_by, ARRAY[step]
  FROM application_task t, unnest(t.actions) step
 WHERE position(' ' IN t.scope) = 0;
DELETE FROM application_task WHERE position(' ' IN scope) = 0;
-- the steps are in the key now: nothing searches the arrays
DROP INDEX IF EXISTS application_task_by_action;
