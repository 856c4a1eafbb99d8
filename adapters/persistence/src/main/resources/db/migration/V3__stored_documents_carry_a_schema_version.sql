-- Every stored jsonb document now carries the version of its shape (see Documents in the persistence adapter):
-- the code reads only the versions it understands and refuses the rest, instead of reading renamed fields as null.
-- The documents stored so far are all version 1 of their kind. A document that is not a JSON object is left alone,
-- so that the check at start names it rather than this migration hiding it.
-- (The revision and event tables are append-only for the service's role; migrations run as the schema's owner.)

UPDATE application SET state = jsonb_build_object('schemaVersion', 1) || state
 WHERE jsonb_typeof(state) = 'object' AND NOT state ? 'schemaVersion';

UPDATE application_revision SET content = jsonb_build_object('schemaVersion', 1) || content
 WHERE jsonb_typeof(content) = 'object' AND NOT content ? 'schemaVersion';

UPDATE application_event SET details = jsonb_build_object('schemaVersion', 1) || details
 WHERE jsonb_typeof(details) = 'object' AND NOT details ? 'schemaVersion';

UPDATE idempotency_key SET receipt = jsonb_build_object('schemaVersion', 1) || receipt
 WHERE receipt IS NOT NULL AND jsonb_typeof(receipt) = 'object' AND NOT receipt ? 'schemaVersion';
