package io.drover.execute;

import io.drover.libvirt.MigrationListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the source host pushes about one migration, kept for the thread watching it: libvirt calls in on its event
 * loop, which must not wait for the database, so the watcher reads these between its polls.
 */
final class MigrationPasses implements MigrationListener {

    private final AtomicInteger pass = new AtomicInteger();
    private final AtomicReference<Map<String, String>> completed = new AtomicReference<>();

    @Override
    public void iteration(int iteration) {
        pass.accumulateAndGet(iteration, Math::max);
    }

    @Override
    public void completed(Map<String, String> stats) {
        completed.set(Map.copyOf(stats));
    }

    /** The memory pass QEMU is in (0 before the first event): above 1, it is re-sending pages the guest dirtied. */
    int pass() {
        return pass.get();
    }

    /** The job's final statistics, once the source reported its end. */
    Optional<Map<String, String>> completed() {
        return Optional.ofNullable(completed.get());
    }
}
