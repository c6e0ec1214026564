package io.drover.plan.model;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A host as a place to put guests: its capacity, what stays on it regardless of the plan, and whether the plan must
 * empty it. A problem fact.
 */
public class HostSlot {

    @PlanningId
    private final String name;
    private final long memoryCapacityMiB;
    private final long baseMemoryMiB;
    private final int vcpuCapacity;
    private final int baseVcpus;
    private final boolean evacuated;
    private final boolean upgradePending;

    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated) {
        this(name, memoryCapacityMiB, baseMemoryMiB, vcpuCapacity, baseVcpus, evacuated, false);
    }

    /** @param upgradePending a later step of an upgrade campaign empties this host too */
    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated, boolean upgradePending) {
        this.name = name;
        this.memoryCapacityMiB = memoryCapacityMiB;
        this.baseMemoryMiB = baseMemoryMiB;
        this.vcpuCapacity = vcpuCapacity;
        this.baseVcpus = baseVcpus;
        this.evacuated = evacuated;
        this.upgradePending = upgradePending;
    }

    public String getName() {
        return name;
    }

    /** Memory guests may use here, overcommit and per-guest overhead already applied. */
    public long getMemoryCapacityMiB() {
        return memoryCapacityMiB;
    }

    /** Memory used by the guests that stay here whatever the plan does. */
    public long getBaseMemoryMiB() {
        return baseMemoryMiB;
    }

    public int getVcpuCapacity() {
        return vcpuCapacity;
    }

    public int getBaseVcpus() {
        return baseVcpus;
    }

    public boolean isEvacuated() {
        return evacuated;
    }

    /** A guest landing here will have to move again when a later campaign step upgrades this host. */
    public boolean isUpgradePending() {
        return upgradePending;
    }

    @Override
    public String toString() {
        return name;
    }
}
