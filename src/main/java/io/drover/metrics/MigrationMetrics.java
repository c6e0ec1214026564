package io.drover.metrics;

import io.drover.execute.ApplyProgress;
import io.drover.execute.MigrationStats;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the executor's checkpoints into migration metrics: a move entering {@code MIGRATING} is a migration started,
 * its next final state (verified or failed) the migration's end, with libvirt's elapsed time, downtime and bytes.
 * A move that leaves {@code MIGRATING} for another state (back to {@code PENDING}: the hosts say no migration runs)
 * only leaves the in-flight count.
 */
final class MigrationMetrics implements ApplyProgress {

    private final DroverMetrics metrics;
    /** Moves migrating now, by run and sequence, with when they started. */
    private final Map<String, Instant> migrating = new ConcurrentHashMap<>();

    MigrationMetrics(DroverMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void moveChanged(MoveRecord move) {
        String key = move.runId() + "/" + move.seq();
        if (move.state() == MoveState.MIGRATING) {
            if (migrating.putIfAbsent(key, move.updatedAt()) == null) {
                metrics.migrationStarted();
            }
            return;
        }
        Instant started = migrating.remove(key);
        if (started == null) {
            return;
        }
        if (!isFinal(move.state())) {
            metrics.migrationWithdrawn();
            return;
        }
        Optional<MigrationStats> stats = MigrationStats.ofJson(move.lastJobStats());
        Duration took = stats.map(MigrationStats::elapsed).filter(elapsed -> !elapsed.isZero())
                .orElseGet(() -> Duration.between(started, move.updatedAt()));
        Optional<Duration> downtime = stats.flatMap(s -> s.downtime().isPresent()
                ? Optional.of(Duration.ofMillis(s.downtime().getAsLong())) : Optional.empty());
        metrics.migrationFinished(move.state().name(), move.mode(), took, downtime,
                stats.map(MigrationStats::dataProcessed).orElse(0L));
    }

    private static boolean isFinal(MoveState state) {
        return state == MoveState.VERIFIED || state == MoveState.FAILED;
    }
}
