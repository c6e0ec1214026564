package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.inventory.HostSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A writer's death is modelled as what PostgreSQL sees of a kill -9: the session holding its writer lock ends with a
 * snapshot still COLLECTING.
 */
@SpringBootTest
@ActiveProfiles("test")
class SnapshotWritersTest {

    @Autowired
    SnapshotWriters writers;

    @Autowired
    SnapshotStore store;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSnapshotLeftCollectingByADeadWriterIsMarkedFailedAndEmptiedByTheNextWriter() throws Exception {
        long leftover;
        try (Connection dyingSession = dataSource.getConnection(); Statement statement = dyingSession.createStatement()) {
            statement.execute("select pg_advisory_lock_shared(hashtext('drover-snapshot-writers'), 0)");
            leftover = openWithOneHost();
        }

        writers.enter().close();

        assertThat(status(leftover)).isEqualTo("FAILED");
        assertThat(problems(leftover)).anyMatch(problem -> problem.startsWith("abandoned"));
        assertThat(jdbc.queryForObject("select count(*) from snapshot_host where snapshot_id = ?", Integer.class,
                leftover)).isZero();
    }

    @Test
    void aSnapshotOfAWriterStillAliveIsLeftAloneUntilItsWriterIsGone() {
        long beingWritten;
        try (SnapshotWriters.Lease alive = writers.enter()) {
            beingWritten = openWithOneHost();

            writers.enter().close();

            assertThat(status(beingWritten)).isEqualTo("COLLECTING");
        }
        writers.enter().close();

        assertThat(status(beingWritten)).isEqualTo("FAILED");
    }

    @Test
    void whatToDoWhenAloneRunsOnlyWhenNoOtherWriterIsAlive() {
        int[] runs = {0};
        try (SnapshotWriters.Lease alive = writers.enter()) {
            writers.enter(() -> runs[0]++).close();
            assertThat(runs[0]).isZero();
        }
        writers.enter(() -> runs[0]++).close();
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void aLeaseGivesItsSessionBackWithoutTheLock() {
        writers.enter().close();

        assertThat(jdbc.queryForObject("""
                select count(*) from pg_locks
                where locktype = 'advisory' and classid = hashtext('drover-snapshot-writers')::oid""", Integer.class))
                .isZero();
    }

    private long openWithOneHost() {
        long id = store.open("test", List.of(), null);
        store.saveFailed(id, new HostSource("kvm-x", "test:///default", Map.of(), List.of(), List.of(),
                Optional.empty(), "test"), "unreachable");
        return id;
    }

    private String status(long snapshot) {
        return jdbc.queryForObject("select status from inventory_snapshot where id = ?", String.class, snapshot);
    }

    private List<String> problems(long snapshot) {
        return jdbc.queryForList("select unnest(problems) from inventory_snapshot where id = ?", String.class,
                snapshot);
    }
}
