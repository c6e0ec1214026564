-- Writing a snapshot's guests costs PostgreSQL less (measured on 30,000 guests: about 4 of 5.4 s saved).
--
-- 1. Guest facts become json instead of jsonb. Building jsonb was most of PostgreSQL's work in an inventory (2.8 s for
--    60 MB of guest facts); json keeps the text as written and still answers ->, ->> and json_* functions. Drover
--    reads guest facts only whole, and the summary now reads the disk counts below instead of the facts.
-- 2. The immutability check on inserts runs once per statement over its new rows instead of once per row.
--    Updates and deletes keep the per-row check: they are rare and touch few rows.

ALTER TABLE snapshot_guest DISABLE TRIGGER snapshot_guest_immutable;

ALTER TABLE snapshot_guest
    ADD COLUMN shared_disks INT,
    ADD COLUMN local_disks  INT;

UPDATE snapshot_guest g SET
    shared_disks = (SELECT count(*) FROM jsonb_array_elements(g.facts -> 'disks') d WHERE d ->> 'sharing' = 'SHARED'),
    local_disks  = (SELECT count(*) FROM jsonb_array_elements(g.facts -> 'disks') d WHERE d ->> 'sharing' = 'LOCAL');

ALTER TABLE snapshot_guest
    ALTER COLUMN shared_disks SET NOT NULL,
    ALTER COLUMN local_disks SET NOT NULL,
    ALTER COLUMN facts TYPE json USING facts::json;

DROP TRIGGER snapshot_guest_immutable ON snapshot_guest;
DROP TRIGGER snapshot_host_immutable ON snapshot_host;

CREATE TRIGGER snapshot_host_immutable BEFORE UPDATE OR DELETE ON snapshot_host
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_complete_snapshot();
CREATE TRIGGER snapshot_guest_immutable BEFORE UPDATE OR DELETE ON snapshot_guest
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_complete_snapshot();

-- An AFTER trigger that raises still aborts its statement: nothing of a refused insert stays.
CREATE FUNCTION refuse_insert_into_complete_snapshot() RETURNS trigger AS $$
DECLARE
    complete BIGINT;
BEGIN
    SELECT s.id INTO complete FROM inventory_snapshot s
    WHERE s.status = 'COMPLETE' AND s.id IN (SELECT DISTINCT snapshot_id FROM inserted) LIMIT 1;
    IF complete IS NOT NULL THEN
        RAISE EXCEPTION 'inventory snapshot % is complete and immutable', complete;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER snapshot_host_insert_immutable AFTER INSERT ON snapshot_host
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_insert_into_complete_snapshot();
CREATE TRIGGER snapshot_guest_insert_immutable AFTER INSERT ON snapshot_guest
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_insert_into_complete_snapshot();
