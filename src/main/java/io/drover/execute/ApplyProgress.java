package io.drover.execute;

import java.util.List;

/**
 * What a running {@code drover apply} reports as it goes: the CLI's progress display listens, and so may metrics.
 * Calls come from the run's threads (several moves at once), after the checkpoint they report is committed; a
 * listener must be quick and thread-safe, and what it throws is logged and ignored.
 */
public interface ApplyProgress {

    ApplyProgress NONE = new ApplyProgress() {
    };

    /** A wave starts: its moves still to do, before their pre-flight on fresh facts. */
    default void waveStarted(long runId, int phase, int wave, List<MoveRecord> moves) {
    }

    /** A move's checkpoint changed state. */
    default void moveChanged(MoveRecord move) {
    }

    /** Job statistics of a migrating move, read every {@code drover.apply.poll-interval}. */
    default void migrationProgress(MoveRecord move, MigrationStats stats) {
    }

    /** The run stopped starting moves because an operator paused it ({@code paused}) or resumed it. */
    default void runPaused(long runId, boolean paused) {
    }

    /** The run ended with this status and these moves. */
    default void runEnded(ApplyRun run, List<MoveRecord> moves) {
    }
}
