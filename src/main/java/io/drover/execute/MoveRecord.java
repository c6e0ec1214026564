package io.drover.execute;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One planned move as checkpointed in {@code apply_move}.
 *
 * @param seq      the move's position in the plan (phases, waves, migrations in file order)
 * @param attempts migrations Drover started for this move
 */
public record MoveRecord(long runId, int seq, int phase, int wave, String guest, UUID guestUuid, String source,
        String destination, String mode, MoveState state, int attempts, Optional<String> lastJobStats,
        Optional<String> error, Instant updatedAt) {

    /** {@code lab-shared lab-host1 → lab-host2}, for messages. */
    public String label() {
        return guest + " " + source + " → " + destination;
    }
}
