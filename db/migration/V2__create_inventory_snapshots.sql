-- Inventory snapshots: one row per inventory run, one per host, one per guest.
-- A snapshot is written while COLLECTING and becomes readable only once COMPLETE; from then on its rows are immutable
-- (enforced by triggers below), so a plan made from snapshot N can always be checked against exactly what it saw.

CREATE TABLE inventory_snapshot (
    id               BIGSERIAL PRIMARY KEY,
    source           TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('COLLECTING', 'COMPLETE', 'FAILED')),
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at     TIMESTAMPTZ,
    job_execution_id BIGINT,
    -- host declarations that were rejected (bad fleet entries, unreadable host.yaml), each naming its file and line
    problems         TEXT[]      NOT NULL DEFAULT '{}'
);

CREATE TABLE snapshot_host (
    snapshot_id      BIGINT      NOT NULL REFERENCES inventory_snapshot (id),
    name             TEXT        NOT NULL,
    uri              TEXT        NOT NULL,
    -- OK: collected in this run; FAILED: not collected, no earlier data; STALE: not collected, data copied from the
    -- last complete snapshot that had it (never shown as a host with zero guests)
    status           TEXT        NOT NULL CHECK (status IN ('OK', 'FAILED', 'STALE')),
    error            TEXT,
    facts            JSONB,
    data_snapshot_id BIGINT REFERENCES inventory_snapshot (id),
    flags            TEXT[]      NOT NULL DEFAULT '{}',
    collected_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (snapshot_id, name),
    CHECK ((status = 'FAILED') = (facts IS NULL))
);

CREATE TABLE snapshot_guest (
    snapshot_id BIGINT NOT NULL,
    host_name   TEXT   NOT NULL,
    uuid        UUID   NOT NULL,
    name        TEXT   NOT NULL,
    state       TEXT   NOT NULL,
    facts       JSONB  NOT NULL,
    domain_xml  TEXT   NOT NULL,
    PRIMARY KEY (snapshot_id, host_name, uuid),
    FOREIGN KEY (snapshot_id, host_name) REFERENCES snapshot_host (snapshot_id, name)
);

CREATE INDEX snapshot_guest_by_name ON snapshot_guest (snapshot_id, name);

CREATE FUNCTION refuse_change_to_complete_snapshot() RETURNS trigger AS $$
DECLARE
    affected BIGINT := CASE WHEN TG_OP = 'INSERT' THEN NEW.snapshot_id ELSE OLD.snapshot_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM inventory_snapshot WHERE id = affected AND status = 'COMPLETE') THEN
        RAISE EXCEPTION 'inventory snapshot % is complete and immutable', affected;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER snapshot_host_immutable BEFORE INSERT OR UPDATE OR DELETE ON snapshot_host
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_complete_snapshot();
CREATE TRIGGER snapshot_guest_immutable BEFORE INSERT OR UPDATE OR DELETE ON snapshot_guest
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_complete_snapshot();

CREATE FUNCTION refuse_reopening_snapshot() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'COLLECTING' THEN
        RAISE EXCEPTION 'inventory snapshot % is % and immutable', OLD.id, OLD.status;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER inventory_snapshot_immutable BEFORE UPDATE OR DELETE ON inventory_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_reopening_snapshot();
