package io.drover.store;

import io.drover.inventory.HostInventory;
import io.drover.inventory.HostSource;
import io.drover.inventory.InventoriedGuest;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostFlag;
import io.drover.model.HostStatus;
import io.drover.model.HostSummary;
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import io.drover.model.SnapshotSummary;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inventory snapshots in PostgreSQL. A snapshot is opened, filled host by host (each host in one transaction, so a
 * crash never leaves half a host), and completed in one transaction that fills in stale data for hosts that failed,
 * flags identity problems and makes the snapshot immutable. Only complete snapshots are ever read.
 */
public class SnapshotStore {

    private static final UUID ALL_ZERO = new UUID(0, 0);
    private static final String ACTIVE_STATES = Arrays.stream(PowerState.values()).filter(PowerState::isActive)
            .map(state -> "'" + state.name() + "'").collect(Collectors.joining(","));

    private static final String ABANDONED = "abandoned: the process writing it stopped before it finished";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json = ModelJson.mapper();

    public SnapshotStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public long open(String source, List<String> problems, Long jobExecutionId) {
        return jdbc.queryForObject("""
                insert into inventory_snapshot (source, status, problems, job_execution_id)
                values (?, 'COLLECTING', ?, ?) returning id""", Long.class, source, problems.toArray(String[]::new),
                jobExecutionId);
    }

    public void saveCollected(long snapshotId, HostSource source, HostInventory inventory) {
        transaction.executeWithoutResult(status -> {
            forget(snapshotId, source.name());
            jdbc.update("""
                    insert into snapshot_host (snapshot_id, name, uri, status, facts)
                    values (?, ?, ?, 'OK', ?::jsonb)""",
                    snapshotId, source.name(), source.uri(), json.writeValueAsString(inventory.host()));
            jdbc.batchUpdate("""
                    insert into snapshot_guest (snapshot_id, host_name, uuid, name, state, facts, domain_xml,
                                                shared_disks, local_disks)
                    values (?, ?, ?, ?, ?, ?::json, ?, ?, ?)""", inventory.guests(), 500, (statement, inventoried) -> {
                Guest guest = inventoried.guest();
                statement.setLong(1, snapshotId);
                statement.setString(2, source.name());
                statement.setObject(3, guest.uuid());
                statement.setString(4, guest.name());
                statement.setString(5, guest.state().name());
                statement.setString(6, json.writeValueAsString(guest));
                statement.setString(7, inventoried.xml());
                statement.setInt(8, disks(guest, DiskSharing.SHARED));
                statement.setInt(9, disks(guest, DiskSharing.LOCAL));
            });
        });
    }

    public void saveFailed(long snapshotId, HostSource source, String error) {
        transaction.executeWithoutResult(status -> {
            forget(snapshotId, source.name());
            jdbc.update("""
                    insert into snapshot_host (snapshot_id, name, uri, status, error)
                    values (?, ?, ?, 'FAILED', ?)""", snapshotId, source.name(), source.uri(), error);
        });
    }

    /**
     * A retried host replaces what an interrupted attempt wrote. A host's guests are written in the same transaction
     * as its row, so there are guests to delete only when the row is there: the common first attempt then costs one
     * primary-key lookup instead of a delete on the guest table that came to the larger part of PostgreSQL's time in
     * an inventory of 1,000 hosts (pg_stat_statements: 27 s of statement time, more than all inserts together).
     */
    private void forget(long snapshotId, String hostName) {
        Boolean written = jdbc.queryForObject(
                "select exists (select 1 from snapshot_host where snapshot_id = ? and name = ?)", Boolean.class,
                snapshotId, hostName);
        if (Boolean.TRUE.equals(written)) {
            jdbc.update("delete from snapshot_guest where snapshot_id = ? and host_name = ?", snapshotId, hostName);
            jdbc.update("delete from snapshot_host where snapshot_id = ? and name = ?", snapshotId, hostName);
        }
    }

    /** Fills stale hosts from earlier snapshots, flags identity problems and seals the snapshot. */
    public void complete(long snapshotId) {
        transaction.executeWithoutResult(status -> {
            copyLastGoodDataOfFailedHosts(snapshotId);
            flagHosts(snapshotId);
            jdbc.update("update inventory_snapshot set status = 'COMPLETE', completed_at = now() where id = ?",
                    snapshotId);
        });
    }

    public void markFailed(long snapshotId) {
        jdbc.update("update inventory_snapshot set status = 'FAILED', completed_at = now() where id = ? "
                + "and status = 'COLLECTING'", snapshotId);
    }

    /**
     * Marks FAILED every snapshot still COLLECTING, removing its partial rows: only for a caller that knows their
     * writers are dead ({@link SnapshotWriters}). Returns their ids.
     */
    public List<Long> abandonCollecting() {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    "select id from inventory_snapshot where status = 'COLLECTING' order by id for update", Long.class);
            for (long id : ids) {
                jdbc.update("delete from snapshot_guest where snapshot_id = ?", id);
                jdbc.update("delete from snapshot_host where snapshot_id = ?", id);
                jdbc.update("""
                        update inventory_snapshot set status = 'FAILED', completed_at = now(),
                               problems = array_append(problems, ?)
                        where id = ?""", ABANDONED, id);
            }
            return ids;
        });
    }

    private void copyLastGoodDataOfFailedHosts(long snapshotId) {
        record LastGood(String name, long fromSnapshot, long dataSnapshot) {
        }
        List<LastGood> lastGood = jdbc.query("""
                select distinct on (p.name) p.name, p.snapshot_id, coalesce(p.data_snapshot_id, p.snapshot_id)
                from snapshot_host p
                join inventory_snapshot s on s.id = p.snapshot_id and s.status = 'COMPLETE'
                join snapshot_host failed on failed.snapshot_id = ? and failed.name = p.name
                                         and failed.status = 'FAILED'
                where p.facts is not null
                order by p.name, p.snapshot_id desc""",
                (rs, row) -> new LastGood(rs.getString(1), rs.getLong(2), rs.getLong(3)), snapshotId);
        for (LastGood good : lastGood) {
            jdbc.update("""
                    update snapshot_host h set status = 'STALE', data_snapshot_id = ?,
                        facts = (select facts from snapshot_host where snapshot_id = ? and name = h.name)
                    where h.snapshot_id = ? and h.name = ?""",
                    good.dataSnapshot(), good.fromSnapshot(), snapshotId, good.name());
            jdbc.update("""
                    insert into snapshot_guest (snapshot_id, host_name, uuid, name, state, facts, domain_xml,
                                                shared_disks, local_disks)
                    select ?, host_name, uuid, name, state, facts, domain_xml, shared_disks, local_disks
                    from snapshot_guest where snapshot_id = ? and host_name = ?""",
                    snapshotId, good.fromSnapshot(), good.name());
        }
    }

    private void flagHosts(long snapshotId) {
        Map<String, Set<HostFlag>> flags = new HashMap<>();
        Map<String, List<String>> hostsByUuid = new HashMap<>();
        jdbc.query("""
                select name, facts -> 'capabilities' ->> 'hostUuid' from snapshot_host
                where snapshot_id = ? and facts is not null""", (ResultSet rs) -> {
            String name = rs.getString(1);
            String uuid = rs.getString(2);
            flags.put(name, EnumSet.noneOf(HostFlag.class));
            if (uuid == null) {
                flags.get(name).add(HostFlag.NO_UUID);
            } else {
                if (UUID.fromString(uuid).equals(ALL_ZERO)) {
                    flags.get(name).add(HostFlag.ALL_ZERO_UUID);
                }
                hostsByUuid.computeIfAbsent(uuid, key -> new ArrayList<>()).add(name);
            }
        }, snapshotId);
        hostsByUuid.values().stream().filter(names -> names.size() > 1).flatMap(List::stream)
                .forEach(name -> flags.get(name).add(HostFlag.DUPLICATE_UUID));
        hostsRunningAGuestTwice(snapshotId).forEach(name -> flags.get(name).add(HostFlag.GUEST_RUNNING_TWICE));
        flags.forEach((name, hostFlags) -> {
            if (!hostFlags.isEmpty()) {
                jdbc.update("update snapshot_host set flags = ? where snapshot_id = ? and name = ?",
                        hostFlags.stream().map(Enum::name).toArray(String[]::new), snapshotId, name);
            }
        });
    }

    public Optional<FleetSnapshot> load(long snapshotId) {
        List<FleetSnapshot> found = jdbc.query("""
                select id, source, started_at, completed_at, problems from inventory_snapshot
                where id = ? and status = 'COMPLETE'""",
                (rs, row) -> new FleetSnapshot(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        texts(rs.getArray(5)), hosts(rs.getLong(1))), snapshotId);
        return found.stream().findFirst();
    }

    /** The id of the newest complete snapshot. */
    public Optional<Long> latestId() {
        return jdbc.queryForList(
                "select max(id) from inventory_snapshot where status = 'COMPLETE' having max(id) is not null",
                Long.class).stream().findFirst();
    }

    /**
     * A complete snapshot's overview, computed in PostgreSQL: reading 30,000 guests' facts back into Java just to
     * count them would take seconds.
     */
    public Optional<SnapshotSummary> summary(long snapshotId) {
        List<SnapshotSummary> found = jdbc.query("""
                select id, source, started_at, completed_at, problems from inventory_snapshot
                where id = ? and status = 'COMPLETE'""",
                (rs, row) -> new SnapshotSummary(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                        texts(rs.getArray(5)), hostSummaries(rs.getLong(1))), snapshotId);
        return found.stream().findFirst();
    }

    private List<HostSummary> hostSummaries(long snapshotId) {
        return jdbc.query("""
                with guests as (
                    select host_name, count(*) as guests,
                           count(*) filter (where state in (%s)) as active,
                           sum(shared_disks) as shared, sum(local_disks) as local
                    from snapshot_guest where snapshot_id = ? group by host_name)
                select h.name, h.status, h.error, coalesce(h.data_snapshot_id, h.snapshot_id), h.flags,
                       h.facts -> 'versions' ->> 'libvirt', h.facts -> 'versions' ->> 'qemu',
                       trim(coalesce(h.facts -> 'capabilities' -> 'cpu' ->> 'vendor', '') || ' '
                            || coalesce(h.facts -> 'capabilities' -> 'cpu' ->> 'model',
                                        h.facts -> 'capabilities' -> 'cpu' ->> 'arch')),
                       (select count(*) from jsonb_array_elements(h.facts -> 'capabilities' -> 'machineTypes') m
                        where m ->> 'canonical' is null),
                       coalesce(g.guests, 0), coalesce(g.active, 0), coalesce(g.shared, 0), coalesce(g.local, 0)
                from snapshot_host h
                left join guests g on g.host_name = h.name
                where h.snapshot_id = ? order by h.name""".formatted(ACTIVE_STATES), (rs, row) -> {
            HostStatus status = HostStatus.valueOf(rs.getString(2));
            boolean hasFacts = status.hasData();
            return new HostSummary(rs.getString(1), status, Optional.ofNullable(rs.getString(3)),
                    hasFacts ? Optional.of(rs.getLong(4)) : Optional.empty(), flags(rs.getArray(5)),
                    Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                    hasFacts ? Optional.ofNullable(rs.getString(8)) : Optional.empty(), rs.getInt(9),
                    rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13));
        }, snapshotId, snapshotId);
    }

    /**
     * Hosts on which a guest is active that is active on another host too. Grouped here rather than in SQL: while a
     * snapshot is written its rows are not in the table's statistics yet, and PostgreSQL planned the self-join for one
     * row (measured: 650 s on the third snapshot of 30,000 guests); one index range scan is always cheap.
     */
    private Set<String> hostsRunningAGuestTwice(long snapshotId) {
        Map<UUID, Set<String>> hostsByGuest = new HashMap<>();
        jdbc.query("select uuid, host_name from snapshot_guest where snapshot_id = ? and state in (%s)"
                .formatted(ACTIVE_STATES), (ResultSet rs) -> {
                    hostsByGuest.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>())
                            .add(rs.getString(2));
                }, snapshotId);
        Set<String> hosts = new HashSet<>();
        hostsByGuest.values().stream().filter(names -> names.size() > 1).forEach(hosts::addAll);
        return hosts;
    }

    private static int disks(Guest guest, DiskSharing sharing) {
        return (int) guest.disks().stream().filter(disk -> disk.sharing() == sharing).count();
    }

    /** A complete snapshot with every guest's domain XML, for export. */
    public Optional<SnapshotDocument> export(long snapshotId) {
        return load(snapshotId).map(snapshot -> new SnapshotDocument(SnapshotDocument.FORMAT, snapshot, jdbc.query(
                "select host_name, uuid, domain_xml from snapshot_guest where snapshot_id = ? order by host_name, name",
                (rs, row) -> new SnapshotDocument.DomainXml(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getString(3)), snapshotId)));
    }

    private List<SnapshotHost> hosts(long snapshotId) {
        Map<String, List<Guest>> guestsByHost = new HashMap<>();
        jdbc.query("select host_name, facts from snapshot_guest where snapshot_id = ? order by host_name, name",
                (ResultSet rs) -> {
                    guestsByHost.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
                            .add(json.readValue(rs.getString(2), Guest.class));
                }, snapshotId);
        return jdbc.query("""
                select name, uri, status, error, facts, flags, data_snapshot_id from snapshot_host
                where snapshot_id = ? order by name""", (rs, row) -> {
            String name = rs.getString(1);
            HostStatus status = HostStatus.valueOf(rs.getString(3));
            Optional<Host> host = Optional.ofNullable(rs.getString(5)).map(facts -> json.readValue(facts, Host.class));
            Optional<Long> dataSnapshot = status == HostStatus.OK ? Optional.of(snapshotId)
                    : Optional.ofNullable((Long) rs.getObject(7));
            return new SnapshotHost(name, rs.getString(2), status, Optional.ofNullable(rs.getString(4)), host,
                    guestsByHost.getOrDefault(name, List.of()), flags(rs.getArray(6)), dataSnapshot);
        }, snapshotId);
    }

    private static List<HostFlag> flags(Array array) throws SQLException {
        return texts(array).stream().map(HostFlag::valueOf).toList();
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
