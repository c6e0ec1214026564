package io.drover.plan.model;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * Where one movable guest goes. Its candidates are the hosts the compatibility rules allow (plus its own host when
 * staying is allowed); no target means it stays where it is, which on a host being emptied makes it blocked.
 */
@PlanningEntity
public class GuestPlacement {

    @PlanningId
    private String id;
    private int guestIndex;
    private long memoryMiB;
    private long diskCopyMiB;
    private int vcpus;
    private HostSlot origin;
    private List<HostSlot> candidates;
    private List<String> groups;

    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private HostSlot target;

    // No-arg constructor required for Timefold
    public GuestPlacement() {
    }

    /**
     * @param diskCopyMiB the least a block migration of the guest copies (its local disks), 0 when unknown
     * @param groups      the anti-affinity groups the guest belongs to
     */
    public GuestPlacement(String id, int guestIndex, long memoryMiB, long diskCopyMiB, int vcpus, HostSlot origin,
            List<HostSlot> candidates, List<String> groups) {
        this.id = id;
        this.guestIndex = guestIndex;
        this.memoryMiB = memoryMiB;
        this.diskCopyMiB = diskCopyMiB;
        this.vcpus = vcpus;
        this.origin = origin;
        // Shared between guests of one kind, never copied: see PlacementProblem.
        this.candidates = candidates;
        this.groups = List.copyOf(groups);
    }

    /** For tests: a placement with its target already chosen. */
    public GuestPlacement(String id, long memoryMiB, int vcpus, HostSlot origin, HostSlot target) {
        this(id, memoryMiB, vcpus, origin, target, List.of());
    }

    /** For tests: a placement in anti-affinity groups, with its target already chosen. */
    public GuestPlacement(String id, long memoryMiB, int vcpus, HostSlot origin, HostSlot target,
            List<String> groups) {
        this(id, memoryMiB, 0, vcpus, origin, target, groups);
    }

    /** For tests: a placement with local disks, with its target already chosen. */
    public GuestPlacement(String id, long memoryMiB, long diskCopyMiB, int vcpus, HostSlot origin, HostSlot target,
            List<String> groups) {
        this(id, -1, memoryMiB, diskCopyMiB, vcpus, origin, target == null ? List.of() : List.of(target), groups);
        this.target = target;
    }

    public String getId() {
        return id;
    }

    /** The guest's index in the compatibility engine's fleet. */
    public int getGuestIndex() {
        return guestIndex;
    }

    public long getMemoryMiB() {
        return memoryMiB;
    }

    public long getDiskCopyMiB() {
        return diskCopyMiB;
    }

    /** What moving the guest transfers at the least: its memory and its local disks. */
    public long getTransferMiB() {
        return memoryMiB + diskCopyMiB;
    }

    public int getVcpus() {
        return vcpus;
    }

    public HostSlot getOrigin() {
        return origin;
    }

    @ValueRangeProvider(id = "candidates")
    public List<HostSlot> getCandidates() {
        return candidates;
    }

    public List<String> getGroups() {
        return groups;
    }

    public boolean isInGroup() {
        return !groups.isEmpty();
    }

    public HostSlot getTarget() {
        return target;
    }

    public void setTarget(HostSlot target) {
        this.target = target;
    }

    // ************************************************************************
    // Complex methods
    // ************************************************************************

    /** Moving means a migration: a target other than its own host. */
    public boolean isMoved() {
        return target != null && target != origin;
    }

    /** Where the guest is once the plan has run. */
    public HostSlot getFinalHost() {
        return target == null ? origin : target;
    }

    /** A guest that must leave its host and has nowhere to go. */
    public boolean isStranded() {
        return origin.isEvacuated() && !isMoved();
    }

    @Override
    public String toString() {
        return id + "->" + target;
    }
}
