package io.drover.plan.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import io.drover.plan.AntiAffinity;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.MigrationBudget;
import io.drover.plan.model.PlacementSolution;

/**
 * The placement rules. Compatibility is not here: each guest's candidates are already the hosts the compatibility
 * rules allow. What is here is what depends on where the other guests go.
 */
public class PlacementConstraints implements ConstraintProvider {

    public static final String HOST_MEMORY_CAPACITY = "Host memory capacity";
    public static final String HOST_VCPU_CAPACITY = "Host vCPU capacity";
    public static final String ANTI_AFFINITY = "Anti-affinity group members on one host";
    public static final String ANTI_AFFINITY_WITH_STAYING = "Anti-affinity group member onto a host holding another";
    public static final String MIGRATION_BUDGET = "More migrations than the budget";
    public static final String LOAD_OVER_THRESHOLD = "Host load over the rebalance threshold";
    public static final String STRANDED_GUEST = "Guest stranded on a host being emptied";
    public static final String MIGRATION = "Migration";
    public static final String MIGRATION_TO_BE_REPEATED = "Migration onto a host still to be upgraded";
    public static final String BYTES_MOVED = "Bytes moved";
    public static final String IMBALANCE = "Memory imbalance";

    private static final int HARD = PlacementSolution.HARD_LEVELS;
    private static final int SOFT = PlacementSolution.SOFT_LEVELS;
    private static final BendableLongScore BROKEN_RULE = BendableLongScore.ofHard(HARD, SOFT, 0, 1);
    private static final BendableLongScore STRANDED = BendableLongScore.ofSoft(HARD, SOFT, 0, 1);
    private static final BendableLongScore OVER_THRESHOLD = BendableLongScore.ofSoft(HARD, SOFT, 1, 1);
    private static final BendableLongScore MIGRATIONS = BendableLongScore.ofSoft(HARD, SOFT, 2, 1);
    private static final BendableLongScore BYTES = BendableLongScore.ofSoft(HARD, SOFT, 3, 1);
    private static final BendableLongScore BALANCE = BendableLongScore.ofSoft(HARD, SOFT, 4, 1);
    /** Load over a threshold is counted in hundredths of a percent of the host's capacity. */
    private static final long BASIS_POINTS = 10_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                hostMemoryCapacity(factory),
                hostVcpuCapacity(factory),
                antiAffinity(factory),
                antiAffinityWithStayingGuest(factory),
                migrationBudget(factory),
                // Soft, in order of importance
                strandedGuest(factory),
                loadOverThreshold(factory),
                migration(factory),
                migrationToBeRepeated(factory),
                bytesMoved(factory),
                imbalance(factory)
        };
    }

    /** A host's guests, staying and arriving, fit in its memory: penalised by the MiB over. */
    Constraint hostMemoryCapacity(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .groupBy(GuestPlacement::getFinalHost, sumLong(GuestPlacement::getMemoryMiB))
                .filter((host, memory) -> host.getBaseMemoryMiB() + memory > host.getMemoryCapacityMiB())
                .penalizeLong(BROKEN_RULE,
                        (host, memory) -> host.getBaseMemoryMiB() + memory - host.getMemoryCapacityMiB())
                .asConstraint(HOST_MEMORY_CAPACITY);
    }

    /** A host's guests fit under its vCPU capacity (overcommit applied): penalised by the vCPUs over. */
    Constraint hostVcpuCapacity(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .groupBy(GuestPlacement::getFinalHost, sum(GuestPlacement::getVcpus))
                .filter((host, vcpus) -> host.getBaseVcpus() + vcpus > host.getVcpuCapacity())
                .penalizeLong(BROKEN_RULE, (host, vcpus) -> host.getBaseVcpus() + vcpus - host.getVcpuCapacity())
                .asConstraint(HOST_VCPU_CAPACITY);
    }

    /** Two guests of one anti-affinity group never end on the same host: penalised per pair. */
    Constraint antiAffinity(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .filter(GuestPlacement::isInGroup)
                .join(factory.forEachIncludingUnassigned(GuestPlacement.class).filter(GuestPlacement::isInGroup),
                        Joiners.equal(GuestPlacement::getFinalHost), Joiners.lessThan(GuestPlacement::getId))
                .filter((a, b) -> AntiAffinity.share(a.getGroups(), b.getGroups()))
                .penalizeLong(BROKEN_RULE)
                .asConstraint(ANTI_AFFINITY);
    }

    /** A guest never joins a host where a guest of one of its groups stays whatever the plan does. */
    Constraint antiAffinityWithStayingGuest(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .filter(placement -> placement.isInGroup()
                        && AntiAffinity.share(placement.getGroups(), placement.getFinalHost().getBaseGroups()))
                .penalizeLong(BROKEN_RULE)
                .asConstraint(ANTI_AFFINITY_WITH_STAYING);
    }

    /** At most the budget's migrations: penalised by the migrations over it. */
    Constraint migrationBudget(ConstraintFactory factory) {
        return factory.forEach(GuestPlacement.class)
                .filter(GuestPlacement::isMoved)
                .groupBy(count())
                .join(MigrationBudget.class)
                .filter((migrations, budget) -> migrations > budget.maxMigrations())
                .penalizeLong(BROKEN_RULE, (migrations, budget) -> migrations - budget.maxMigrations())
                .asConstraint(MIGRATION_BUDGET);
    }

    /** Every guest on a host being emptied leaves it. */
    Constraint strandedGuest(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .filter(GuestPlacement::isStranded)
                .penalizeLong(STRANDED)
                .asConstraint(STRANDED_GUEST);
    }

    /**
     * A rebalance brings every host under its threshold: a host over it costs how far over, memory and vCPUs each
     * in hundredths of a percent of its capacity (rounded up, so any excess counts), so relieving a hot host always
     * beats saving migrations. Hosts not being rebalanced have their capacity as threshold and never match.
     */
    Constraint loadOverThreshold(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .groupBy(GuestPlacement::getFinalHost, sumLong(GuestPlacement::getMemoryMiB),
                        sum(GuestPlacement::getVcpus))
                .filter((host, memory, vcpus) -> overThreshold(host, memory, vcpus) > 0)
                .penalizeLong(OVER_THRESHOLD, PlacementConstraints::overThreshold)
                .asConstraint(LOAD_OVER_THRESHOLD);
    }

    /** How far over its threshold a host is with these placed guests, in basis points of its capacity. */
    static long overThreshold(HostSlot host, long memoryMiB, int vcpus) {
        return basisPointsOver(host.getBaseMemoryMiB() + memoryMiB, host.getMemoryThresholdMiB(),
                host.getMemoryCapacityMiB())
                + basisPointsOver(host.getBaseVcpus() + vcpus, host.getVcpuThreshold(), host.getVcpuCapacity());
    }

    private static long basisPointsOver(long used, long threshold, long capacity) {
        long divisor = Math.max(1, capacity);
        return used <= threshold ? 0 : ((used - threshold) * BASIS_POINTS + divisor - 1) / divisor;
    }

    /** Each migration costs: no guest moves unless it has to or it pays off at a more important level. */
    Constraint migration(ConstraintFactory factory) {
        return factory.forEach(GuestPlacement.class)
                .filter(GuestPlacement::isMoved)
                .penalizeLong(MIGRATIONS)
                .asConstraint(MIGRATION);
    }

    /**
     * In an upgrade campaign, a guest put on a host that a later step upgrades must move again: count that future
     * migration now, so guests go to already-upgraded hosts when they can.
     */
    Constraint migrationToBeRepeated(ConstraintFactory factory) {
        return factory.forEach(GuestPlacement.class)
                .filter(placement -> placement.isMoved() && placement.getTarget().isUpgradePending())
                .penalizeLong(MIGRATIONS)
                .asConstraint(MIGRATION_TO_BE_REPEATED);
    }

    /**
     * Moved bytes are network time, and moved memory dirty-page risk: penalised by the MiB a move transfers (memory
     * plus its local disks' block copy), so that of two guests the one without local disks moves.
     */
    Constraint bytesMoved(ConstraintFactory factory) {
        return factory.forEach(GuestPlacement.class)
                .filter(GuestPlacement::isMoved)
                .penalizeLong(BYTES, GuestPlacement::getTransferMiB)
                .asConstraint(BYTES_MOVED);
    }

    /**
     * Hosts end up evenly loaded: each host costs its used memory squared over its capacity (MiB), which is smallest
     * when every host has the same share.
     */
    Constraint imbalance(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(GuestPlacement.class)
                .groupBy(GuestPlacement::getFinalHost, sumLong(GuestPlacement::getMemoryMiB))
                .penalizeLong(BALANCE, (host, memory) -> squareOverCapacity(host.getBaseMemoryMiB() + memory,
                        host.getMemoryCapacityMiB()))
                .asConstraint(IMBALANCE);
    }

    private static long squareOverCapacity(long usedMiB, long capacityMiB) {
        return usedMiB * usedMiB / Math.max(1, capacityMiB);
    }
}
