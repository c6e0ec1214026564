package io.drover.inventory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the running inventory is: hosts to collect, collected and failed. The job's partitions count into it; the
 * CLI reads it to draw a progress line. Counters only, so partitions never wait on a display.
 */
public final class InventoryProgress {

    private final AtomicInteger hosts = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** What the progress says at one moment. */
    public record Count(int hosts, int done, int failed) {
    }

    /** A run starts with this many hosts. */
    public void started(int hostCount) {
        hosts.set(hostCount);
        done.set(0);
        failed.set(0);
    }

    /** One host collected or recorded as failed. */
    public void hostDone(boolean hostFailed) {
        done.incrementAndGet();
        if (hostFailed) {
            failed.incrementAndGet();
        }
    }

    public Count count() {
        return new Count(hosts.get(), done.get(), failed.get());
    }
}
