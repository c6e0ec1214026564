package io.drover.report;

import io.drover.execute.MigrationStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code drover apply} run did, as its checkpoints recorded it ({@code apply_run}, {@code apply_move},
 * {@code apply_move_transition}).
 */
public record RunHistory(long id, String planId, String contentHash, String planFile, String status,
        Optional<String> error, Instant startedAt, Optional<Instant> finishedAt, List<Move> moves) {

    public RunHistory {
        moves = List.copyOf(moves);
    }

    /**
     * One move: when its migration started and ended (absent when it never migrated), libvirt's last job statistics
     * and its state changes.
     */
    public record Move(int seq, int phase, int wave, String guest, String source, String destination, String mode,
            String state, int attempts, Optional<String> error, Optional<Instant> migratingAt,
            Optional<Instant> finishedAt, Optional<MigrationStats> stats, List<String> transitions) {

        public Move {
            transitions = List.copyOf(transitions);
        }

        public Optional<Duration> migrationTime() {
            return migratingAt.flatMap(start -> finishedAt.map(end -> Duration.between(start, end)));
        }

        /** libvirt's {@code downtime} in ms, known once a migration completed. */
        public Optional<Long> downtimeMillis() {
            return stats.flatMap(s -> s.downtime().isPresent() ? Optional.of(s.downtime().getAsLong())
                    : Optional.empty());
        }

        /** libvirt's {@code data_processed}: bytes of memory and disks sent. */
        public Optional<Long> dataProcessed() {
            return stats.map(MigrationStats::dataProcessed).filter(bytes -> bytes >= 0);
        }
    }
}
