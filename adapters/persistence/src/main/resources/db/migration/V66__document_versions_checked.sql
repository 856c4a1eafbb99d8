-- issue 18: the check at start of the stored documents' versions (StoredDocumentVersions) read every document of
-- every kind (1.8 s of database time at 100,000 applications, about ten times that at a million). Versions change
-- only with a migration (Documents: "changing the shape of a kind takes a migration"), so what a full check found
-- still holds while no migration has been applied since and the same release writes: it is kept here with the
-- schema history's last rank and the versions the checking release writes, and a start with the same rank and
-- the same versions compares the versions kept instead of reading every document again. Entries are
-- '<table>.<column>=<version>' ('<table>.<column>=' for a document without one).
CREATE TABLE document_versions_checked (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    through_rank  integer     NOT NULL,
    versions      text[]      NOT NULL,
    written_by    text[]      NOT NULL,
    checked_at    timestamptz NOT NULL
);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON document_versions_checked TO %I', app);
    -- the service reads which migrations are applied (the last rank), never more
    EXECUTE format('GRANT SELECT ON %I TO %I', '${flyway:table}', app);
END;
$$;
