package io.drover.cli;

import io.drover.execute.ApplyProgress;
import io.drover.execute.ApplyProgressBroadcast;
import io.drover.execute.ApplyRun;
import io.drover.execute.MigrationStats;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.model.ByteSize;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drover apply}'s live progress, per wave and move: state, percent transferred, data remaining, ETA. On a
 * terminal the current wave's lines are redrawn in place; otherwise (a log, a pipe) one line is printed per change:
 * per state change, and per whole percent of a migration.
 */
final class ApplyProgressDisplay implements ApplyProgress {

    private static final String CURSOR_UP = "\u001b[%dA";
    private static final String CLEAR_LINE = "\u001b[2K";

    private final PrintWriter out;
    private final boolean redraw;
    /** The current wave's moves by seq: their latest line. */
    private final Map<Integer, String> lines = new LinkedHashMap<>();
    private final Map<Integer, Integer> lastPercent = new LinkedHashMap<>();
    private int drawn;

    ApplyProgressDisplay(PrintWriter out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /**
     * Runs {@code apply} while its progress goes to {@code out}: lines redrawn in place on a terminal, one line per
     * change otherwise (a log file, a pipe, a dumb terminal).
     */
    static <T> T showing(PrintWriter out, ApplyProgressBroadcast progress, Callable<T> apply) throws Exception {
        try (AutoCloseable display = progress.listen(new ApplyProgressDisplay(out, Terminal.interactive()))) {
            return apply.call();
        }
    }

    @Override
    public synchronized void waveStarted(long runId, int phase, int wave, List<MoveRecord> moves) {
        lines.clear();
        lastPercent.clear();
        drawn = 0;
        out.printf("Run %d, phase %d wave %d: %d move(s)%n", runId, phase, wave, moves.size());
        moves.forEach(move -> lines.put(move.seq(), line(move, move.state().name(), "")));
        if (redraw) {
            draw();
        }
        out.flush();
    }

    @Override
    public synchronized void moveChanged(MoveRecord move) {
        String detail = move.state() == MoveState.FAILED ? move.error().orElse("")
                : move.state() == MoveState.VERIFIED ? MigrationStats.ofJson(move.lastJobStats()).map(
                        ApplyProgressDisplay::summary).orElse("") : "";
        show(move, line(move, move.state().name(), detail));
    }

    @Override
    public synchronized void migrationProgress(MoveRecord move, MigrationStats stats) {
        int percent = stats.percent();
        if (!redraw && lastPercent.getOrDefault(move.seq(), -2) == percent) {
            return;
        }
        lastPercent.put(move.seq(), percent);
        show(move, line(move, "MIGRATING", (percent < 0 ? "starting" : percent + "%") + "  remaining "
                + mib(stats.dataRemaining()) + stats.eta().map(eta -> "  ETA " + seconds(eta)).orElse("")));
    }

    @Override
    public synchronized void runPaused(long runId, boolean paused) {
        out.printf("Run %d %s%n", runId, paused ? "paused: no new move starts until drover resume " + runId
                : "resumed");
        drawn = 0; // the redrawn block starts below this line
        if (redraw) {
            draw();
        }
        out.flush();
    }

    @Override
    public synchronized void runEnded(ApplyRun run, List<MoveRecord> moves) {
        out.flush();
    }

    private void show(MoveRecord move, String line) {
        lines.put(move.seq(), line);
        if (redraw) {
            draw();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Redraws the wave's lines over the ones drawn before. */
    private void draw() {
        if (drawn > 0) {
            out.printf(CURSOR_UP, drawn);
        }
        for (String line : lines.values()) {
            out.print("\r" + CLEAR_LINE + line + "\n");
        }
        drawn = lines.size();
    }

    private static String line(MoveRecord move, String state, String detail) {
        return String.format("  %-12s %s%s", state, move.label(), detail.isEmpty() ? "" : "  " + detail);
    }

    /** A finished migration: how long it took, the guest's downtime, how much it moved. */
    static String summary(MigrationStats stats) {
        return seconds(stats.elapsed()) + ", downtime " + stats.downtime().stream().mapToObj(ms -> ms + " ms")
                .findFirst().orElse("?") + ", " + mib(stats.dataProcessed()) + " transferred";
    }

    static String mib(long bytes) {
        return bytes < 0 ? "?" : new ByteSize(bytes).toMiBText();
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
