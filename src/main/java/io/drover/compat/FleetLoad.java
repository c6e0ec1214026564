package io.drover.compat;

import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import java.util.List;

/**
 * What each host's active guests already take: memory (each guest's maximum memory plus the policy's per-guest
 * overhead; the balloon can give memory back at any time, so current memory is not what a host must hold) and
 * vCPUs. Computed once per snapshot, indexed like {@link FleetIndex}'s hosts.
 */
public final class FleetLoad {

    private final long[] usedMemory;
    private final int[] usedVcpus;

    FleetLoad(List<SnapshotHost> hosts, CompatibilityPolicy policy) {
        usedMemory = new long[hosts.size()];
        usedVcpus = new int[hosts.size()];
        for (int h = 0; h < hosts.size(); h++) {
            for (Guest guest : hosts.get(h).guests()) {
                if (guest.state().isActive()) {
                    usedMemory[h] += demandMemory(guest, policy);
                    usedVcpus[h] += guest.vcpus();
                }
            }
        }
    }

    /** What {@code guest} takes on a host when active: its maximum memory plus the per-guest overhead. */
    public static long demandMemory(Guest guest, CompatibilityPolicy policy) {
        return guest.memory().bytes() + policy.guestOverhead().bytes();
    }

    /** Memory in bytes taken on host {@code h} by its active guests, overhead included. */
    public long usedMemory(int host) {
        return usedMemory[host];
    }

    public int usedVcpus(int host) {
        return usedVcpus[host];
    }
}
