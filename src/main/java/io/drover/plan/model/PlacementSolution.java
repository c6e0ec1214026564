package io.drover.plan.model;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * Where the movable guests of a fleet go. Score levels, most important first: hard (capacity), then soft levels
 * for guests stranded on hosts being emptied, migrations, memory moved, and imbalance.
 */
@PlanningSolution
public class PlacementSolution {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 4;

    @ProblemFactCollectionProperty
    private List<HostSlot> hosts;

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

    public List<HostSlot> getHosts() {
        return hosts;
    }

    public List<GuestPlacement> getGuests() {
        return guests;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
