-- What a running run is doing, for the API (RfmRun.progress). It cannot live in scoring.runs: the run's
-- computing transaction holds the run's row (it records the cut points there) until it commits, so a stage
-- written there from outside would wait for the very transaction it describes. This table is written
-- outside that transaction, one row per run that has started, replaced at each stage.
CREATE TABLE scoring.run_progress (
    run_id           bigint      PRIMARY KEY REFERENCES scoring.runs (id) ON DELETE CASCADE,
    business_id      bigint      NOT NULL,
    stage            text        NOT NULL CHECK (stage IN ('computing', 'publishing')),
    stage_started_at timestamptz NOT NULL
);
