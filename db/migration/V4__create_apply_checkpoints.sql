-- Checkpoints of `drover apply`: one run per plan (plan id + content hash), one row per planned move with its state
-- machine (PENDING -> PREFLIGHT_OK -> MIGRATING -> VERIFIED | FAILED | SKIPPED). Every state change is committed
-- before the executor's next action, so a run killed at any moment resumes from here: VERIFIED moves are skipped and
-- a MIGRATING move is reconciled by asking the hosts where the guest runs, never migrated a second time blindly.

CREATE TABLE apply_run (
    id               BIGSERIAL PRIMARY KEY,
    plan_id          TEXT        NOT NULL REFERENCES migration_plan (id),
    content_hash     TEXT        NOT NULL,
    plan_file        TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'REFUSED')),
    error            TEXT,
    job_execution_id BIGINT,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    UNIQUE (plan_id, content_hash)
);

CREATE TABLE apply_move (
    run_id         BIGINT      NOT NULL REFERENCES apply_run (id),
    seq            INTEGER     NOT NULL,
    phase          INTEGER     NOT NULL,
    wave           INTEGER     NOT NULL,
    guest          TEXT        NOT NULL,
    guest_uuid     UUID        NOT NULL,
    source         TEXT        NOT NULL,
    destination    TEXT        NOT NULL,
    mode           TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'PREFLIGHT_OK', 'MIGRATING', 'VERIFIED',
                                                         'FAILED', 'SKIPPED')),
    -- migrations Drover started for this move (libvirt migrate calls): crash recovery must never add one blindly
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_job_stats JSONB,
    error          TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    migrating_at   TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    PRIMARY KEY (run_id, seq)
);

-- Every transition, for the audit trail and for proving a resumed run did not migrate twice.
CREATE TABLE apply_move_transition (
    id         BIGSERIAL PRIMARY KEY,
    run_id     BIGINT      NOT NULL,
    seq        INTEGER     NOT NULL,
    from_state TEXT        NOT NULL,
    to_state   TEXT        NOT NULL,
    note       TEXT,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (run_id, seq) REFERENCES apply_move (run_id, seq)
);
