package io.drover.compat;

import io.drover.model.ByteSize;
import io.drover.model.Guest;
import io.drover.model.Host;

/**
 * {@code capacity}: the destination must hold the guest on top of its active guests: memory (guest memory plus
 * the per-guest overhead) within RAM × memory overcommit, vCPUs within logical CPUs × CPU overcommit. Loads come
 * from {@link FleetLoad}, computed once per snapshot. This is the static check for one move; the planner adds the
 * guests it moves itself.
 */
public final class CapacityRule extends FleetRule {

    public static final String ID = "capacity";

    private final long[] freeMemory;
    private final long[] freeVcpus;
    private final long[] guestMemory;
    private final int[] guestVcpus;

    public CapacityRule(FleetIndex fleet) {
        super(ID, fleet);
        CompatibilityPolicy policy = fleet.policy();
        int hosts = fleet.hostCount();
        freeMemory = new long[hosts];
        freeVcpus = new long[hosts];
        for (int h = 0; h < hosts; h++) {
            if (fleet.hasFacts(h)) {
                Host host = fleet.host(h);
                freeMemory[h] = policy.memoryCapacity(host) - fleet.load().usedMemory(h);
                freeVcpus[h] = policy.vcpuCapacity(host) - fleet.load().usedVcpus(h);
            }
        }
        guestMemory = new long[fleet.guestCount()];
        guestVcpus = new int[fleet.guestCount()];
        for (int g = 0; g < guestMemory.length; g++) {
            guestMemory[g] = FleetLoad.demandMemory(fleet.guest(g), policy);
            guestVcpus[g] = fleet.guest(g).vcpus();
        }
    }

    @Override
    public boolean allows(int guest, int destination) {
        return !fleet.hasFacts(destination)
                || guestMemory[guest] <= freeMemory[destination] && guestVcpus[guest] <= freeVcpus[destination];
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        if (!fleet.hasFacts(destination)) {
            return;
        }
        Host host = fleet.host(destination);
        Guest g = fleet.guest(guest);
        CompatibilityPolicy policy = fleet.policy();
        if (guestMemory[guest] > freeMemory[destination]) {
            findings.violation(ID, host.name() + " has " + mib(Math.max(0, freeMemory[destination]))
                    + " of memory left (" + mib(policy.memoryCapacity(host)) + " at overcommit "
                    + policy.memoryOvercommit() + ", " + mib(fleet.load().usedMemory(destination))
                    + " used by running guests); " + g.name() + " needs " + mib(guestMemory[guest]) + " ("
                    + g.memory() + " + " + policy.guestOverhead() + " overhead)",
                    "free memory on " + host.name() + " (move or stop guests) or choose another host");
        }
        if (guestVcpus[guest] > freeVcpus[destination]) {
            findings.violation(ID, host.name() + " has " + Math.max(0, freeVcpus[destination]) + " vCPUs left ("
                    + host.capacity().logicalCpus() + " CPUs × " + policy.cpuOvercommit() + ", "
                    + fleet.load().usedVcpus(destination) + " used); the guest has " + g.vcpus(),
                    "free vCPUs on " + host.name() + " or choose another host");
        }
    }

    private static String mib(long bytes) {
        return ByteSize.ofMiB(bytes / (1024 * 1024)).toString();
    }
}
