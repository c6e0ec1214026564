package io.drover.plan.model;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import java.util.List;

/**
 * A host as a place to put guests: its capacity, what stays on it regardless of the plan, and whether the plan must
 * empty it. For rebalancing, the load it should end under (the threshold); for anti-affinity, the groups of the
 * guests that stay on it. A problem fact.
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
    private final long memoryThresholdMiB;
    private final int vcpuThreshold;
    private final List<String> baseGroups;

    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated) {
        this(name, memoryCapacityMiB, baseMemoryMiB, vcpuCapacity, baseVcpus, evacuated, false);
    }

    /** @param upgradePending a later step of an upgrade campaign empties this host too */
    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated, boolean upgradePending) {
        this(name, memoryCapacityMiB, baseMemoryMiB, vcpuCapacity, baseVcpus, evacuated, upgradePending,
                memoryCapacityMiB, vcpuCapacity, List.of());
    }

    /**
     * @param memoryThresholdMiB memory a rebalance should leave this host under (its capacity when not rebalancing)
     * @param vcpuThreshold      likewise for vCPUs
     * @param baseGroups         the anti-affinity groups of the guests that stay here whatever the plan does
     */
    public HostSlot(String name, long memoryCapacityMiB, long baseMemoryMiB, int vcpuCapacity, int baseVcpus,
            boolean evacuated, boolean upgradePending, long memoryThresholdMiB, int vcpuThreshold,
            List<String> baseGroups) {
        this.name = name;
        this.memoryCapacityMiB = memoryCapacityMiB;
        this.baseMemoryMiB = baseMemoryMiB;
        this.vcpuCapacity = vcpuCapacity;
        this.baseVcpus = baseVcpus;
        this.evacuated = evacuated;
        this.upgradePending = upgradePending;
        this.memoryThresholdMiB = memoryThresholdMiB;
        this.vcpuThreshold = vcpuThreshold;
        this.baseGroups = List.copyOf(baseGroups);
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

    public long getMemoryThresholdMiB() {
        return memoryThresholdMiB;
    }

    public int getVcpuThreshold() {
        return vcpuThreshold;
    }

    public List<String> getBaseGroups() {
        return baseGroups;
    }

    @Override
    public String toString() {
        return name;
    }
}
