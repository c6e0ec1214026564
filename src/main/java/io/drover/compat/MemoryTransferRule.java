package io.drover.compat;

import io.drover.model.Guest;

/**
 * {@code memory-transfer} (risk only): a guest whose memory takes longer than the policy's threshold to send once
 * at the expected bandwidth may not converge under memory churn; copied disks add to that (sizes unknown yet).
 */
public final class MemoryTransferRule extends FleetRule {

    public static final String ID = "memory-transfer";

    public MemoryTransferRule(FleetIndex fleet) {
        super(ID, fleet);
    }

    @Override
    public boolean allows(int guest, int destination) {
        return true;
    }

    /** Seconds to send the guest's memory once at the policy's bandwidth. */
    public double transferSeconds(int guest) {
        return (double) fleet.guest(guest).memory().bytes() / fleet.policy().migrationBandwidth();
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        double seconds = transferSeconds(guest);
        if (seconds > fleet.policy().slowTransfer().toSeconds()) {
            Guest g = fleet.guest(guest);
            findings.risk(ID, String.format("%s of memory takes about %.0f s per pass at %d MiB/s (threshold %d s):"
                    + " it may not converge if it dirties memory fast", g.memory(), seconds,
                    fleet.policy().migrationBandwidth() >> 20, fleet.policy().slowTransfer().toSeconds()));
        }
    }
}
