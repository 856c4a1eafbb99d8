-- Outcomes contracts (sociala utfallskontrakt). The contract's terms, periods and amendments are one jsonb
-- document; the columns are what is queried or guarded. Its payments are also an append-only ledger of their own.
CREATE TABLE outcomes_contract (
    id              uuid           PRIMARY KEY,
    position        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    version         bigint         NOT NULL CHECK (version > 0),
    state           text           NOT NULL CHECK (state IN ('DRAFTED', 'SIGNED', 'IN_DELIVERY', 'FINAL_SETTLEMENT',
                                                             'CLOSED')),
    provider_office text           NOT NULL,
    title           text           NOT NULL,
    payment_cap     numeric(15, 2) NOT NULL CHECK (payment_cap > 0),
    investor_cap    numeric(15, 2) NOT NULL CHECK (investor_cap >= 0),
    -- the running sum of the payments: locked by each approval (SELECT ... FOR UPDATE)
    paid_total      numeric(15, 2) NOT NULL DEFAULT 0 CHECK (paid_total >= 0),
    document        jsonb          NOT NULL,
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL,
    -- the caps hold whatever the code above does
    CONSTRAINT outcomes_contract_within_payment_cap CHECK (paid_total <= payment_cap),
    CONSTRAINT outcomes_contract_within_investor_cap CHECK (paid_total <= investor_cap)
);
CREATE INDEX outcomes_contract_by_office ON outcomes_contract (provider_office, position);

CREATE TABLE outcomes_payment (
    position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id     uuid           NOT NULL REFERENCES outcomes_contract (id),
    period          integer        NOT NULL CHECK (period > 0),
    kind            text           NOT NULL CHECK (kind IN ('ACTIVITY', 'OUTCOME')),
    metric_code     text,
    formula         text           NOT NULL,
    formula_version integer        NOT NULL CHECK (formula_version > 0),
    inputs          jsonb          NOT NULL,
    due             numeric(15, 2) NOT NULL CHECK (due >= 0),
    held_back       numeric(15, 2) NOT NULL CHECK (held_back >= 0),
    amount          numeric(15, 2) NOT NULL CHECK (amount >= 0),
    recipient       text           NOT NULL,
    approved_at     timestamptz    NOT NULL,
    approved_by     text           NOT NULL,
    CONSTRAINT outcomes_payment_adds_up CHECK (amount + held_back = due),
    CONSTRAINT outcomes_payment_metric_iff_outcome CHECK ((kind = 'OUTCOME') = (metric_code IS NOT NULL))
);
-- one payment per period and metric (and one on activity): a period is never paid twice
CREATE UNIQUE INDEX outcomes_payment_once ON outcomes_payment (contract_id, period, kind, coalesce(metric_code, ''));

CREATE TRIGGER outcomes_payment_append_only BEFORE UPDATE OR DELETE ON outcomes_payment
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcomes_payment_no_truncate BEFORE TRUNCATE ON outcomes_payment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
