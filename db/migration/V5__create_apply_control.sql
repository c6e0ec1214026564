-- Operator control of a running `drover apply` from any process: `drover pause|resume|abort RUN` set
-- apply_run.control, the applying process reads it before starting each move and on every job-statistics poll.
-- PAUSE: no new move starts (running ones finish); ABORT: running libvirt migration jobs are cancelled, nothing more
-- starts, the run ends ABORTED. Every request is kept in apply_control_request for the audit trail.

ALTER TABLE apply_run DROP CONSTRAINT apply_run_status_check;
ALTER TABLE apply_run ADD CONSTRAINT apply_run_status_check
    CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'REFUSED', 'ABORTED'));
-- NULL: run freely
ALTER TABLE apply_run ADD COLUMN control TEXT CHECK (control IN ('PAUSE', 'ABORT'));

CREATE TABLE apply_control_request (
    id           BIGSERIAL PRIMARY KEY,
    run_id       BIGINT      NOT NULL REFERENCES apply_run (id),
    request      TEXT        NOT NULL CHECK (request IN ('PAUSE', 'RESUME', 'ABORT')),
    run_status   TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Upgrade campaigns: after a phase's hosts are emptied, each host to upgrade walks PENDING -> UPGRADING (the
-- configured drover.apply.upgrade-command runs) or AWAITING_CONFIRMATION (an operator upgrades it and runs
-- `drover resume RUN`) -> UPGRADED once a fresh inventory shows the target versions, or FAILED. A resumed run
-- re-checks a host's versions before running its command again.
CREATE TABLE apply_upgrade (
    run_id     BIGINT      NOT NULL REFERENCES apply_run (id),
    phase      INTEGER     NOT NULL,
    host       TEXT        NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('PENDING', 'UPGRADING', 'AWAITING_CONFIRMATION', 'UPGRADED',
                                                     'FAILED')),
    note       TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, phase, host)
);
