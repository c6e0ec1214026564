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

    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated) {
        this.name = name;
        this.memoryCapacityMiB = memoryCapacityMiB;
        this.baseMemoryMiB = baseMemoryMiB;
        this.vcpuCapacity = vcpuCapacity;
        this.baseVcpus = baseVcpus;
        this.evacuated = evacuated;
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

    @Override
    public String toString() {
        return name;
    }
}
