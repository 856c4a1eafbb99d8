-- issue 21: the fund's long-term aim (långsiktigt mål) in the yearly account: the municipality's context indicators,
-- their values per year and the investments' indicators linked to them, as entered by fund officers
CREATE TABLE context_indicator (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    unit        text NOT NULL,
    source      text NOT NULL,
    source_key  text
);

CREATE TABLE context_indicator_value (
    indicator   text    NOT NULL REFERENCES context_indicator (code),
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    value       numeric NOT NULL,
    PRIMARY KEY (indicator, year)
);

CREATE TABLE aim_link (
    application_id     uuid NOT NULL REFERENCES application (id),
    indicator_code     text NOT NULL,
    context_indicator  text NOT NULL REFERENCES context_indicator (code),
    PRIMARY KEY (application_id, indicator_code)
);
CREATE INDEX aim_link_by_indicator ON aim_link (context_indicator);

DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    -- entered again, they are replaced (upserts); never deleted by the service
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON context_indicator, context_indicator_value, aim_link TO %I', app);
END;
$$;
