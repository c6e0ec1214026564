package io.drover.libvirt;

import io.drover.model.PowerState;

/**
 * A domain's state with libvirt's reason code, which tells e.g. "paused (migrating)" from "paused (user)" and
 * "running (migrated)" from "running (booted)": what crash recovery needs to know where a guest really runs.
 */
public record DomainState(PowerState state, int reason) {

    /** {@code VIR_DOMAIN_RUNNING_MIGRATED}: running on a host it was migrated to. */
    public static final int RUNNING_MIGRATED = 2;
    /** {@code VIR_DOMAIN_PAUSED_MIGRATION}: paused for an incoming or outgoing migration. */
    public static final int PAUSED_MIGRATION = 2;
    /** {@code VIR_DOMAIN_SHUTOFF_MIGRATED}: stopped because it was migrated away. */
    public static final int SHUTOFF_MIGRATED = 5;

    public boolean isMigrating() {
        return state == PowerState.PAUSED && reason == PAUSED_MIGRATION;
    }
}
