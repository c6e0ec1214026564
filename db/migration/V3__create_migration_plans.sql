-- Migration plans, as written to plans/: the file stays the reviewable artefact; this row records that Drover made
-- it, from which snapshot, with which content hash, so the executor can refuse a plan it did not make or that changed.

CREATE TABLE migration_plan (
    id               TEXT PRIMARY KEY,
    kind             TEXT        NOT NULL CHECK (kind IN ('DRAIN', 'UPGRADE_CAMPAIGN', 'REBALANCE')),
    snapshot_id      BIGINT      NOT NULL REFERENCES inventory_snapshot (id),
    content_hash     TEXT        NOT NULL,
    file             TEXT        NOT NULL,
    migrations       INTEGER     NOT NULL,
    blocked          INTEGER     NOT NULL,
    waves            INTEGER     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    job_execution_id BIGINT
);

-- What each plan job was asked for (its job parameter is the row id: a request naming hundreds of hosts would not
-- fit in Spring Batch's 2,500-character parameter column).
CREATE TABLE plan_request (
    id           BIGSERIAL PRIMARY KEY,
    request      JSONB       NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
