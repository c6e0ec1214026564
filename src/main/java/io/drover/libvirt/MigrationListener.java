package io.drover.libvirt;

import java.util.Map;

/**
 * A domain's migration events as its source host's libvirtd pushes them (libvirt's {@code MIGRATION_ITERATION} and
 * {@code JOB_COMPLETED} events), called on libvirt's event-loop thread: implementations hand work off, never block.
 */
public interface MigrationListener {

    /** QEMU began pass {@code iteration} over the guest's memory (1 is the first full copy; more mean re-sending). */
    void iteration(int iteration);

    /** The job ended; its final statistics as {@link HypervisorConnection#jobStats} names them. */
    void completed(Map<String, String> stats);
}
