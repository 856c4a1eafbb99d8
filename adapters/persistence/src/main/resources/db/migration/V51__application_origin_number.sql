-- The application made from an idea shows where it came from (issue 16): the idea's registration number is kept
-- with the origin, so that reading an application with its origin is one join on application_origin's key.
ALTER TABLE application_origin ADD COLUMN idea_registration_number text;
-- the rows written before this column (the table is append-only: its guard is lifted for the fill only)
ALTER TABLE application_origin DISABLE TRIGGER application_origin_append_only;
UPDATE application_origin o SET idea_registration_number = i.registration_number FROM idea i WHERE i.id = o.idea_id;
ALTER TABLE application_origin ENABLE TRIGGER application_origin_append_only;
ALTER TABLE application_origin ALTER COLUMN idea_registration_number SET NOT NULL;
