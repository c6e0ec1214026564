package io.drover.cli;

import io.drover.inventory.InventoryProgress;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on standard error while an inventory runs: redrawn twice a second on a terminal, one line per
 * tenth of the hosts otherwise (a log keeps a handful of lines, not thousands).
 */
final class InventoryProgressLine implements AutoCloseable {

    private final PrintWriter err;
    private final InventoryProgress progress;
    private final boolean redraw;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inventory-progress");
        thread.setDaemon(true);
        return thread;
    });
    private int tenthsShown;

    private InventoryProgressLine(PrintWriter err, InventoryProgress progress, boolean redraw) {
        this.err = err;
        this.progress = progress;
        this.redraw = redraw;
    }

    static InventoryProgressLine show(PrintWriter err, InventoryProgress progress) {
        InventoryProgressLine line = new InventoryProgressLine(err, progress, Terminal.interactive());
        line.ticker.scheduleAtFixedRate(line::tick, 500, 500, TimeUnit.MILLISECONDS);
        return line;
    }

    synchronized void tick() {
        InventoryProgress.Count count = progress.count();
        if (count.hosts() == 0) {
            return;
        }
        if (redraw) {
            err.print("\r" + text(count));
            err.flush();
            return;
        }
        int tenths = count.done() * 10 / count.hosts();
        if (tenths > tenthsShown) {
            tenthsShown = tenths;
            err.println(text(count));
            err.flush();
        }
    }

    static String text(InventoryProgress.Count count) {
        int percent = count.hosts() == 0 ? 0 : count.done() * 100 / count.hosts();
        return String.format("inventory: %d of %d hosts (%d %%)%s", count.done(), count.hosts(), percent,
                count.failed() == 0 ? "" : ", " + count.failed() + " failed");
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (redraw && progress.count().hosts() > 0) {
            err.println("\r" + text(progress.count()));
            err.flush();
        }
    }
}
