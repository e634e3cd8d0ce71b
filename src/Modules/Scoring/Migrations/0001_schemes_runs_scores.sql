-- Scoring: segment schemes, runs, per-run customer scores and the "current run" pointer per scope.
-- Scoring reads sales only through the view sales.counted_sales (docs/contracts.md).
CREATE SCHEMA IF NOT EXISTS scoring;

-- A segment scheme version. business_id NULL = built in (offered to every business, never edited).
-- Rules are written for a score scale of `bins` (1..bins); a run must use the same number of bins.
CREATE TABLE scoring.segment_schemes (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id          bigint,
    key                  text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{1,62}$'),
    version              integer     NOT NULL CHECK (version >= 1),
    name                 text        NOT NULL,
    description          text        NOT NULL DEFAULT '',
    bins                 smallint    NOT NULL CHECK (bins BETWEEN 3 AND 10),
    fallback_name        text        NOT NULL,
    fallback_code        text        NOT NULL,
    fallback_description text        NOT NULL DEFAULT '',
    fallback_actions     text[]      NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT segment_schemes_key_version UNIQUE NULLS NOT DISTINCT (business_id, key, version)
);

-- Ordered rules of a scheme: the first rule (lowest position) whose three inclusive ranges
-- contain the customer's (r, f, m) wins; no match = the scheme's fallback segment.
CREATE TABLE scoring.segment_rules (
    scheme_id           bigint   NOT NULL REFERENCES scoring.segment_schemes (id),
    position            smallint NOT NULL CHECK (position >= 1),
    name                text     NOT NULL,
    code                text     NOT NULL,
    description         text     NOT NULL DEFAULT '',
    recommended_actions text[]   NOT NULL DEFAULT '{}',
    r_min smallint NOT NULL, r_max smallint NOT NULL,
    f_min smallint NOT NULL, f_max smallint NOT NULL,
    m_min smallint NOT NULL, m_max smallint NOT NULL,
    PRIMARY KEY (scheme_id, position),
    CONSTRAINT segment_rules_code UNIQUE (scheme_id, code),
    CHECK (r_min >= 1 AND r_min <= r_max AND r_max <= 10),
    CHECK (f_min >= 1 AND f_min <= f_max AND f_max <= 10),
    CHECK (m_min >= 1 AND m_min <= m_max AND m_max <= 10)
);

-- One recalculation. Immutable once finished; the scores of a published run live in the partition
-- scoring.customer_scores_<id> (see below).
CREATE TABLE scoring.runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id      bigint      NOT NULL,
    storefront_id    bigint,
    as_of            timestamptz NOT NULL,
    window_from      timestamptz NOT NULL,
    window_to        timestamptz NOT NULL,
    method           text        NOT NULL CHECK (method IN ('NTILE', 'QUANTILE_TIES', 'FIXED_THRESHOLDS')),
    bins             smallint    NOT NULL CHECK (bins BETWEEN 3 AND 10),
    scheme_id        bigint      NOT NULL REFERENCES scoring.segment_schemes (id),
    scheme_key       text        NOT NULL,
    scheme_version   integer     NOT NULL,
    thresholds       jsonb,
    cut_points       jsonb,
    dry_run          boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'dry_run')),
    stage            text,
    error            text,
    customers_scored bigint,
    total_monetary   numeric(20, 2),
    summary          jsonb,
    requested_by     text,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    compute_ms       integer,
    publish_ms       integer,
    published_at     timestamptz,
    CONSTRAINT runs_window CHECK (window_from <= window_to AND window_to <= as_of)
);
CREATE INDEX runs_scope ON scoring.runs (business_id, storefront_id, id DESC);
CREATE INDEX runs_open ON scoring.runs (status) WHERE status IN ('queued', 'running');

-- Customer scores, one LIST partition per published run. A run writes into a table of its own,
-- indexes it and attaches it in the publishing transaction: readers of this table never see a
-- half-written run, attaching does not block them (SHARE UPDATE EXCLUSIVE), and retention drops a
-- whole partition instead of deleting millions of rows. No foreign key to runs: validating one on
-- attach would rescan every row, and runs are only deleted together with their partition.
CREATE TABLE scoring.customer_scores (
    run_id        bigint         NOT NULL,
    business_id   bigint         NOT NULL,
    customer_id   bigint         NOT NULL,
    last_order_at timestamptz    NOT NULL,
    recency_days  integer        NOT NULL,
    frequency     integer        NOT NULL,
    monetary      numeric(20, 2) NOT NULL,
    r             smallint       NOT NULL,
    f             smallint       NOT NULL,
    m             smallint       NOT NULL,
    segment_code  text           NOT NULL,
    rule_position smallint,
    PRIMARY KEY (run_id, customer_id)
) PARTITION BY LIST (run_id);

-- The published run readers use, per scope (business; storefront or NULL = all storefronts).
-- Switched in the publishing transaction, so it flips atomically with the run's rows appearing.
CREATE TABLE scoring.current_runs (
    business_id   bigint      NOT NULL,
    storefront_id bigint,
    run_id        bigint      NOT NULL REFERENCES scoring.runs (id),
    published_at  timestamptz NOT NULL,
    CONSTRAINT current_runs_scope UNIQUE NULLS NOT DISTINCT (business_id, storefront_id)
);

-- A scheme version that a run refers to (and every built-in one) can no longer change: edits would
-- rewrite the meaning of stored segment codes. Define a new version instead.
CREATE FUNCTION scoring.forbid_used_scheme_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    target bigint;
    builtin boolean;
BEGIN
    IF TG_TABLE_NAME = 'segment_schemes' THEN
        target := OLD.id;
        builtin := OLD.business_id IS NULL;
    ELSE
        target := CASE WHEN TG_OP = 'INSERT' THEN NEW.scheme_id ELSE OLD.scheme_id END;
        SELECT s.business_id IS NULL INTO builtin FROM scoring.segment_schemes s WHERE s.id = target;
        IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM scoring.runs r WHERE r.scheme_id = target) THEN
            RETURN NEW;   -- rules are added while the version is being defined
        END IF;
    END IF;
    IF builtin OR EXISTS (SELECT 1 FROM scoring.runs r WHERE r.scheme_id = target) THEN
        RAISE EXCEPTION 'segment scheme % is used by a run or built in and cannot change; define a new version', target
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER segment_schemes_immutable BEFORE UPDATE OR DELETE ON scoring.segment_schemes
    FOR EACH ROW EXECUTE FUNCTION scoring.forbid_used_scheme_change();
CREATE TRIGGER segment_rules_immutable BEFORE INSERT OR UPDATE OR DELETE ON scoring.segment_rules
    FOR EACH ROW EXECUTE FUNCTION scoring.forbid_used_scheme_change();
