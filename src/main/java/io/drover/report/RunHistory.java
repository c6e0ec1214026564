package io.drover.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
     * ({@code downtime} in ms, {@code data_processed} in bytes…, as libvirt names them) and its state changes.
     */
    public record Move(int seq, int phase, int wave, String guest, String source, String destination, String mode,
            String state, int attempts, Optional<String> error, Optional<Instant> migratingAt,
            Optional<Instant> finishedAt, Map<String, String> jobStats, List<String> transitions) {

        public Move {
            jobStats = Map.copyOf(jobStats);
            transitions = List.copyOf(transitions);
        }

        public Optional<Duration> migrationTime() {
            return migratingAt.flatMap(start -> finishedAt.map(end -> Duration.between(start, end)));
        }

        public Optional<Long> statistic(String name) {
            try {
                return Optional.ofNullable(jobStats.get(name)).map(Long::parseLong);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
