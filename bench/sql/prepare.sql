-- The benchmark's loader, in a schema of its own (bench) beside the service's tables. Run as the superuser after
-- the templates were made through the API (psql -v templates='<id> <stage> <weight>,...').
-- Nothing here is used by the service; Flyway only looks at its own schema (public).
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

-- ---- the audit chain's hash, exactly as se.socialfund.domain.audit.AuditEvent.hashOf computes it -------------------
-- each field length-prefixed: "<length>:<value>|", or "-1:|" for null (Java's String.length(): UTF-16 units; the
-- texts here are all in the Basic Multilingual Plane, where that is PostgreSQL's length())
CREATE FUNCTION bench.jf(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN '-1:|' ELSE length(v) || ':' || v || '|' END
$$;

-- java.time.Instant.toString(): seconds always, the fraction in groups of three digits, only when not zero
CREATE FUNCTION bench.instant_text(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN us = 0 THEN ''
                WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                ELSE '.' || lpad(us::text, 6, '0') END
        || 'Z'
    FROM (SELECT (extract(microseconds FROM t)::bigint % 1000000) AS us) f
$$;

-- the roles: their count, then each (the column keeps them comma-joined, as AuditStore does)
CREATE FUNCTION bench.roles_part(actor_roles text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN actor_roles = '' THEN bench.jf('0')
                ELSE bench.jf(cardinality(string_to_array(actor_roles, ','))::text)
                     || (SELECT string_agg(bench.jf(r), '' ORDER BY o)
                           FROM unnest(string_to_array(actor_roles, ',')) WITH ORDINALITY u(r, o)) END
$$;

-- everything after the sequence and the previous hash, in hashOf's order (roles_part: see above, computed once per
-- template event, since a subquery per row would make the load ten times slower)
CREATE FUNCTION bench.audit_rest(occurred_at timestamptz, request_id text, actor_subject text, actor_name text,
                                 roles_part text, actor_office text, client_id text, action text, outcome text,
                                 object_type text, object_id text, registration_number text,
                                 version_before bigint, version_after bigint) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT bench.jf(bench.instant_text(occurred_at)) || bench.jf(request_id) || bench.jf(actor_subject)
        || bench.jf(actor_name) || roles_part
        || bench.jf(actor_office) || bench.jf(client_id) || bench.jf(action) || bench.jf(outcome)
        || bench.jf(object_type) || bench.jf(object_id) || bench.jf(registration_number)
        || bench.jf(version_before::text) || bench.jf(version_after::text)
$$;

-- a running aggregate over the rows in sequence order: its state is the previous row's hash (start: the chain head)
CREATE FUNCTION bench.chain_step(previous text, start text, seq bigint, rest text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(bench.jf(seq::text) || bench.jf(coalesce(previous, start)) || rest, 'UTF8')),
                  'hex')
$$;
CREATE AGGREGATE bench.chain(text, bigint, text) (SFUNC = bench.chain_step, STYPE = text);

CREATE FUNCTION bench.uuid_of(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT md5('socialfund-bench:' || kind || ':' || n)::uuid
$$;

-- ---- the templates: applications walked through the API to each stage of the mix ------------------------------------
CREATE TABLE bench.template AS
SELECT row_number() OVER (ORDER BY a.position)::int AS k, a.id, a.stage, t.weight, a.version, a.state,
       a.requested_amount, a.granted_amount, a.current_revision, a.title, a.lead_office, r.content
  FROM (SELECT split_part(e, ' ', 1)::uuid AS id, split_part(e, ' ', 3)::int AS weight
          FROM unnest(string_to_array(:'templates', ',')) e) t
  JOIN application a ON a.id = t.id
  JOIN application_revision r ON r.application_id = a.id AND r.number = a.current_revision;

-- each template event with the audit event that recorded it (one each, in the same order)
CREATE TABLE bench.template_event AS
SELECT t.k, e.version, e.type, e.actor_subject, e.actor_name, e.actor_role, e.actor_office, e.stage_before,
       e.stage_after, e.details, u.actor_roles, bench.roles_part(u.actor_roles) AS roles_part, u.client_id, u.action,
       u.outcome, u.object_type, u.version_before,
       u.version_after
  FROM bench.template t
  JOIN (SELECT *, row_number() OVER (PARTITION BY application_id ORDER BY version) AS n FROM application_event) e
    ON e.application_id = t.id
  JOIN (SELECT *, row_number() OVER (PARTITION BY object_id ORDER BY sequence) AS n FROM audit_event
         WHERE object_type = 'application' AND outcome = 'SUCCEEDED') u
    ON u.object_id = t.id::text AND u.n = e.n;

DO $$
BEGIN
    IF (SELECT count(*) FROM bench.template_event) <> (SELECT count(*) FROM application_event e
            JOIN bench.template t ON t.id = e.application_id) THEN
        RAISE EXCEPTION 'the templates'' events and audit events do not pair up';
    END IF;
END;
$$;

-- 100 slots; application g takes slot (g * 37) % 100, so every 100 consecutive applications follow the mix exactly
CREATE TABLE bench.mix AS
SELECT s.slot, t.k
  FROM (SELECT k, sum(weight) OVER (ORDER BY k) - weight AS lo, sum(weight) OVER (ORDER BY k) AS hi
          FROM bench.template) t
  JOIN generate_series(0, 99) s(slot) ON s.slot >= t.lo AND s.slot < t.hi;
DO $$
BEGIN
    IF (SELECT count(*) FROM bench.mix) <> 100 THEN
        RAISE EXCEPTION 'the template weights must add up to 100';
    END IF;
END;
$$;

-- the fund's earlier years: one autumn period a year, 40,000 applications each (so 1M spans 2001-2025)
CREATE TABLE bench.period AS
SELECT y AS year, bench.uuid_of('period', y) AS id FROM generate_series(2001, 2025) y;
INSERT INTO application_period (id, name, opens_on, closes_on, created_at, created_by)
SELECT id, 'Hösten ' || year, make_date(year, 9, 1), make_date(year, 10, 31),
       make_timestamptz(year, 8, 15, 8, 0, 0, 'UTC'), 'Kommunstyrelsens kontor (benchmark import)'
  FROM bench.period;

CREATE TABLE bench.office (i int PRIMARY KEY, code text NOT NULL);
INSERT INTO bench.office VALUES (0, 'utbildningskontoret'), (1, 'socialkontoret'), (2, 'vard-och-omsorgskontoret'),
    (3, 'arbetsmarknads-och-vuxenutbildningskontoret'), (4, 'kultur-och-fritidskontoret'),
    (5, 'stadsbyggnadskontoret'), (6, 'miljo-och-halsoskyddskontoret'), (7, 'kommunstyrelsens-kontor');

CREATE TABLE bench.title (i int PRIMARY KEY, title text NOT NULL);
INSERT INTO bench.title VALUES (0, 'Alla barn i skolan'), (1, 'Skolfam'), (2, 'Drop in'), (3, 'Tidig insats'),
    (4, 'Solid Återkomst'), (5, 'Center för ungdomar med neuropsykiatrisk funktionsproblematik'),
    (6, 'Familjecentral i ytterområdet'), (7, 'Fritid för alla'), (8, 'Läsfrämjande i förskolan'),
    (9, 'Föräldrastöd i grupp'), (10, 'Mentorer för nyanlända ungdomar'), (11, 'Sommarjobb som vändpunkt');

-- days after receipt of the event with this version (the history of an application spans months to years)
CREATE TABLE bench.event_offset (version int PRIMARY KEY, days int NOT NULL);
INSERT INTO bench.event_offset VALUES (1, 0), (2, 21), (3, 45), (4, 80), (5, 120), (6, 400), (7, 800), (8, 950),
    (9, 1000), (10, 1050);

-- applications loaded so far (g = 1, 2, ...): they continue where the last load stopped
CREATE TABLE bench.loaded (g bigint NOT NULL);
INSERT INTO bench.loaded VALUES (0);

-- ---- the loader ------------------------------------------------------------------------------------------------------
-- Adds applications g_from..g_to straight into the service's tables: each with a state and revision copied from its
-- template, its offices, its history, one audit event per history event (sealed into the chain with real hashes),
-- and the registration counters.
CREATE PROCEDURE bench.load(g_from bigint, g_to bigint) LANGUAGE plpgsql AS $$
DECLARE
    head_sequence bigint;
    head_hash     text;
BEGIN
    CREATE TEMP TABLE new_app ON COMMIT DROP AS
    SELECT g, t.k, bench.uuid_of('application', g) AS id, yn.y AS year, yn.num,
           format('KS %s/%s', yn.y, CASE WHEN yn.num < 10000 THEN lpad(yn.num::text, 4, '0') ELSE yn.num::text END)
               AS registration_number,
           p.id AS period_id, t.stage, t.version, t.state, t.requested_amount, t.granted_amount, t.content,
           ti.title, lead.code AS lead_office,
           CASE WHEN g % 3 = 0 THEN ARRAY[lead.code] ELSE ARRAY[lead.code, other.code] END AS offices,
           make_timestamptz(yn.y, 9, 1, 7, 0, 0, 'UTC') + (yn.num - 1) * interval '131 seconds' AS received_at
      FROM generate_series(g_from, g_to) g
      CROSS JOIN LATERAL (SELECT 2001 + ((g - 1) / 40000)::int AS y, ((g - 1) % 40000 + 1)::int AS num) yn
      JOIN bench.mix m ON m.slot = (g * 37) % 100
      JOIN bench.template t ON t.k = m.k
      JOIN bench.period p ON p.year = yn.y
      JOIN bench.office lead ON lead.i = g % 8
      JOIN bench.office other ON other.i = (g + 3) % 8
      JOIN bench.title ti ON ti.i = (g / 8) % 12;

    INSERT INTO application (id, registration_number, period_id, stage, version, title, lead_office, offices,
                             submitted_by, requested_amount, granted_amount, received_at, updated_at,
                             current_revision, state)
    SELECT n.id, n.registration_number, n.period_id, n.stage, n.version, n.title, n.lead_office, n.offices,
           'applicant@' || n.lead_office, n.requested_amount, n.granted_amount, n.received_at,
           n.received_at + o.days * interval '1 day', 1, n.state
      FROM new_app n JOIN bench.event_offset o ON o.version = n.version
     ORDER BY n.g;

    INSERT INTO application_office (office, position, application_id)
    SELECT office, a.position, a.id
      FROM new_app n JOIN application a ON a.id = n.id, unnest(n.offices) office;

    -- the work queue's rows (V35, one per place and step since V65): the template's possible steps and deadline
    -- (written by the service from the domain's rule when the template was walked: its rows '* <STEP>'), with the
    -- loaded application's own offices, submitter and time
    INSERT INTO application_task (scope, due_on, waiting_since, application_id, submitted_by, actions)
    SELECT s.place || ' ' || tt.actions[1], tt.due_on, n.received_at + o.days * interval '1 day', n.id,
           'applicant@' || n.lead_office, tt.actions
      FROM new_app n
      JOIN bench.template t ON t.k = n.k
      JOIN application_task tt ON tt.application_id = t.id AND tt.scope LIKE '* %'
      JOIN bench.event_offset o ON o.version = n.version
     CROSS JOIN LATERAL (SELECT '*' AS place UNION SELECT unnest(n.offices)) s;

    INSERT INTO application_revision (application_id, number, content, submitted_at, submitted_by)
    SELECT n.id, 1,
           jsonb_set(jsonb_set(n.content, '{title}', to_jsonb(n.title)), '{offices}',
                     (SELECT jsonb_agg(jsonb_build_object('lead', o = 1, 'office', n.offices[o]) ORDER BY o)
                        FROM generate_subscripts(n.offices, 1) o)),
           n.received_at, 'applicant@' || n.lead_office
      FROM new_app n ORDER BY n.g;

    CREATE TEMP TABLE new_event ON COMMIT DROP AS
    SELECT n.g, n.id, n.registration_number, e.*,
           n.received_at + o.days * interval '1 day' + (n.g % 7) * interval '1 hour' * sign(e.version - 1) AS at,
           replace(e.actor_subject, 'utbildningskontoret', n.lead_office) AS subject,
           replace(e.actor_name, 'utbildningskontoret', n.lead_office) AS name,
           CASE WHEN e.actor_office = 'utbildningskontoret' THEN n.lead_office ELSE e.actor_office END AS office
      FROM new_app n
      JOIN bench.template_event e ON e.k = n.k
      JOIN bench.event_offset o ON o.version = e.version;

    INSERT INTO application_event (application_id, version, type, at, actor_subject, actor_name, actor_role,
                                   actor_office, stage_before, stage_after, details)
    SELECT id, version, type, at, subject, name, actor_role, office, stage_before, stage_after,
           CASE WHEN type = 'RECEIVED' THEN jsonb_set(details, '{registrationNumber}', to_jsonb(registration_number))
                ELSE details END
      FROM new_event ORDER BY g, version;

    SELECT last_sequence, last_hash INTO head_sequence, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;

    INSERT INTO audit_event (sequence, occurred_at, request_id, actor_subject, actor_name, actor_roles, actor_office,
                             client_id, action, outcome, object_type, object_id, registration_number,
                             version_before, version_after, previous_hash, hash)
    SELECT s.sequence, s.at, s.request_id, s.subject, s.name, s.actor_roles, s.office, s.client_id, s.action,
           s.outcome, s.object_type, s.object_id, s.registration_number, s.version_before, s.version_after,
           coalesce(lag(s.hash) OVER (ORDER BY s.sequence), head_hash), s.hash
      FROM (SELECT r.*, bench.chain(head_hash, r.sequence,
                       bench.audit_rest(r.at, r.request_id, r.subject, r.name, r.roles_part, r.office, r.client_id,
                                        r.action, r.outcome, r.object_type, r.object_id, r.registration_number,
                                        r.version_before, r.version_after)) OVER (ORDER BY r.sequence) AS hash
              FROM (SELECT e.*, head_sequence + row_number() OVER (ORDER BY e.g, e.version) AS sequence,
                           bench.uuid_of('request', e.g * 16 + e.version)::text AS request_id,
                           e.id::text AS object_id
                      FROM new_event e) r) s;

    UPDATE audit_chain_head h SET last_sequence = x.sequence, last_hash = x.hash
      FROM (SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1) x
     WHERE h.id = 1;

    INSERT INTO registration_counter (year, last_number)
    SELECT year, max(num) FROM new_app GROUP BY year
    ON CONFLICT (year) DO UPDATE SET last_number = greatest(registration_counter.last_number, excluded.last_number);

    UPDATE bench.loaded SET g = g_to;
END;
$$;
