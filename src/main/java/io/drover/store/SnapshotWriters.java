package io.drover.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells snapshots still being written from snapshots whose writer died. Every process writing a snapshot holds a
 * shared PostgreSQL advisory lock for as long as it writes; PostgreSQL drops the lock with the writer's session (kill
 * -9 closes the socket at once). Whoever can take the lock exclusively therefore knows that no writer is alive in any
 * process on any machine using this database, and that every snapshot still COLLECTING was left by one that died: it
 * is abandoned before the new writer starts. When another writer is alive, nothing is touched; the next writer that
 * finds itself alone cleans up.
 */
public class SnapshotWriters {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriters.class);
    private static final String LOCK = "hashtext('drover-snapshot-writers'), 0";

    private final DataSource dataSource;
    private final SnapshotStore snapshots;

    public SnapshotWriters(DataSource dataSource, SnapshotStore snapshots) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
    }

    /** Held while a snapshot is written; closing it ends the writer's claim. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Registers a writer, abandoning dead writers' leftovers when no other writer is alive. */
    public Lease enter() {
        return enter(() -> { });
    }

    /**
     * Registers a writer. When no other writer is alive, abandons their leftovers first and then runs
     * {@code whenAlone} (e.g. to mark the dead writers' job executions failed) under the same guarantee.
     */
    public Lease enter(Runnable whenAlone) {
        Connection session = open();
        try {
            if (query(session, "select pg_try_advisory_lock(" + LOCK + ")")) {
                try {
                    snapshots.abandonCollecting().forEach(id -> log.warn(
                            "Snapshot {} was left COLLECTING by a process that stopped; marked FAILED", id));
                    whenAlone.run();
                } finally {
                    query(session, "select pg_advisory_lock_shared(" + LOCK + ") is not null");
                    query(session, "select pg_advisory_unlock(" + LOCK + ")");
                }
            } else {
                query(session, "select pg_advisory_lock_shared(" + LOCK + ") is not null");
            }
        } catch (SQLException e) {
            closeQuietly(session);
            throw new DataAccessResourceFailureException("registering as a snapshot writer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return () -> closeQuietly(session);
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("opening a session for the snapshot writer lock: "
                    + e.getMessage(), e);
        }
    }

    private static boolean query(Connection session, String sql) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Returning the session to the pool would keep its advisory lock: the lock is released explicitly first. */
    private static void closeQuietly(Connection session) {
        try (session; PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            // The session is gone, and with it the lock.
        }
    }
}
