package io.drover.execute;

/**
 * What the executor does with a migration that stalls past {@code stall-timeout} or runs past its completion
 * timeout, once raising the max downtime has not helped.
 */
public enum TimeoutAction {
    /** Cancel it: the guest keeps running on its source (Nova's and oVirt's default). */
    ABORT,
    /**
     * Switch to post-copy: the guest runs on the destination at once and pulls the pages it still lacks. Memory-only
     * migrations alone (a block copy must finish first); where it cannot start, the migration is aborted.
     */
    POST_COPY,
    /**
     * Pause the guest on its source so that nothing more is dirtied and the migration completes, then run it again
     * wherever it ended (virsh migrate --timeout-suspend; oVirt's "suspend workload if needed"). Its downtime is the
     * rest of the transfer: for guests that tolerate a pause better than an aborted move.
     */
    PAUSE
}
