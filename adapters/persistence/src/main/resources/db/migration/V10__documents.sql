-- Documents (issue 13): files registered in a case, their content, their numbering, their upload keys.

-- the SHA-256 of the file an audit event concerns (documents only); sealed into the event's hash when present
ALTER TABLE audit_event ADD COLUMN content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$');

-- content addressed by its SHA-256: the same bytes are stored once, whoever uploads them to whichever case.
-- EXTERNAL storage keeps the bytes uncompressed out of line, so a download reads slices (substring) without
-- detoasting the whole value
CREATE TABLE document_content (
    sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size       bigint      NOT NULL CHECK (size > 0),
    content    bytea       NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (octet_length(content) = size)
);
ALTER TABLE document_content ALTER COLUMN content SET STORAGE EXTERNAL;

-- the running document number of each case (owner): incremented in the uploading transaction, so numbers are
-- unique and without gaps, like the registration counter
CREATE TABLE document_counter (
    owner_type   text    NOT NULL,
    owner_id     uuid    NOT NULL,
    last_number  integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (owner_type, owner_id)
);

CREATE TABLE document (
    id                  uuid PRIMARY KEY,
    -- keyset paging in the order of registration
    position            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    owner_type          text        NOT NULL,
    owner_id            uuid        NOT NULL,
    case_number         text        NOT NULL,
    sequence            integer     NOT NULL CHECK (sequence > 0),
    type                text        NOT NULL,
    title               text        NOT NULL,
    origin              text        NOT NULL CHECK (origin IN ('RECEIVED', 'DRAWN_UP')),
    file_name           text        NOT NULL,
    media_type          text        NOT NULL,
    size                bigint      NOT NULL CHECK (size > 0),
    sha256              text        NOT NULL,
    scan                text        NOT NULL CHECK (scan IN ('CLEAN', 'NOT_SCANNED')),
    registered_by       text        NOT NULL,
    registered_by_name  text        NOT NULL,
    registered_at       timestamptz NOT NULL,
    supersedes          uuid UNIQUE REFERENCES document (id),
    superseded_by       uuid UNIQUE REFERENCES document (id),
    secrecy_provision   text,
    marked_at           timestamptz,
    marked_by           text,
    published_at        timestamptz,
    published_by        text,
    version             bigint      NOT NULL CHECK (version > 0),
    UNIQUE (owner_type, owner_id, sequence),
    CHECK ((secrecy_provision IS NULL) = (marked_at IS NULL) AND (marked_at IS NULL) = (marked_by IS NULL)),
    CHECK ((published_at IS NULL) = (published_by IS NULL)),
    -- a marked document is never published, whatever the code above it does
    CONSTRAINT document_marked_never_published CHECK (secrecy_provision IS NULL OR published_at IS NULL)
);
-- the content a document names can never disappear from the default store; with another store the key is the
-- object's name there
CREATE INDEX document_by_owner ON document (owner_type, owner_id, position);
CREATE INDEX document_published ON document (owner_type, owner_id, position) WHERE published_at IS NOT NULL;
CREATE INDEX document_by_sha256 ON document (sha256);

-- what an upload with an Idempotency-Key made, per caller
CREATE TABLE document_upload_key (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    document_id  uuid REFERENCES document (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- content is never changed or removed by the service
CREATE TRIGGER document_content_append_only BEFORE UPDATE OR DELETE ON document_content
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER document_content_no_truncate BEFORE TRUNCATE ON document_content
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- documents change (marking, publication, supersession) but are never deleted
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON document, document_counter, document_upload_key TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON document_content TO %I', app);
END;
$$;
