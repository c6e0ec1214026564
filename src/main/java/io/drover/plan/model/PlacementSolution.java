package io.drover.plan.model;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * Where the movable guests of a fleet go. Score levels, most important first: hard (capacity, anti-affinity, the
 * migration budget), then soft levels for guests stranded on hosts being emptied, load over a rebalance's threshold,
 * migrations, memory moved, and imbalance.
 */
@PlanningSolution
public class PlacementSolution {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 5;

    @ProblemFactCollectionProperty
    private List<HostSlot> hosts;

    /** Absent: as many migrations as the plan needs. */
    @ProblemFactProperty
    private MigrationBudget budget;

    @PlanningEntityCollectionProperty
    private List<GuestPlacement> guests;

    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    // No-arg constructor required for Timefold
    public PlacementSolution() {
    }

    public PlacementSolution(List<HostSlot> hosts, List<GuestPlacement> guests) {
        this.hosts = hosts;
        this.guests = guests;
    }

    public PlacementSolution(List<HostSlot> hosts, List<GuestPlacement> guests, MigrationBudget budget) {
        this(hosts, guests);
        this.budget = budget;
    }

    public List<HostSlot> getHosts() {
        return hosts;
    }

    public List<GuestPlacement> getGuests() {
        return guests;
    }

    public MigrationBudget getBudget() {
        return budget;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
