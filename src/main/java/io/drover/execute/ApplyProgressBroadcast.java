package io.drover.execute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link ApplyProgress} the executor talks to (a bean): passes every event on to the listeners registered
 * now, e.g. a command's display while it runs, or metrics for the application's life. A failing listener never fails
 * a move.
 */
public class ApplyProgressBroadcast implements ApplyProgress {

    private static final Logger log = LoggerFactory.getLogger(ApplyProgressBroadcast.class);

    private final List<ApplyProgress> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener until the returned handle is closed. */
    public AutoCloseable listen(ApplyProgress listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void waveStarted(long runId, int phase, int wave, List<MoveRecord> moves) {
        tell(listener -> listener.waveStarted(runId, phase, wave, moves));
    }

    @Override
    public void moveChanged(MoveRecord move) {
        tell(listener -> listener.moveChanged(move));
    }

    @Override
    public void migrationProgress(MoveRecord move, MigrationStats stats) {
        tell(listener -> listener.migrationProgress(move, stats));
    }

    @Override
    public void runPaused(long runId, boolean paused) {
        tell(listener -> listener.runPaused(runId, paused));
    }

    @Override
    public void runEnded(ApplyRun run, List<MoveRecord> moves) {
        tell(listener -> listener.runEnded(run, moves));
    }

    private void tell(Consumer<ApplyProgress> event) {
        for (ApplyProgress listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Progress listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
