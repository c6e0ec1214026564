package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Moves one or two processes at once: a change (first only), a swap (each to the other's machine) or an ejection
 * (the second leaves the machine the first goes to). Built by {@link RoadefMoveIteratorFactory} only when it keeps
 * every hard constraint.
 */
public final class RoadefMove extends AbstractMove<RoadefSolution> {

    private static final String VARIABLE = "machine";

    private final ProcessAssignment first;
    private final RoadefMachine firstTo;
    private final ProcessAssignment second;
    private final RoadefMachine secondTo;
    private final String kind;

    RoadefMove(String kind, ProcessAssignment first, RoadefMachine firstTo, ProcessAssignment second,
            RoadefMachine secondTo) {
        this.kind = kind;
        this.first = first;
        this.firstTo = firstTo;
        this.second = second;
        this.secondTo = secondTo;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RoadefSolution> scoreDirector) {
        return first.getMachine() != firstTo && (second == null || second.getMachine() != secondTo);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RoadefSolution> scoreDirector) {
        if (second != null) {
            scoreDirector.beforeVariableChanged(second, VARIABLE);
            second.setMachine(secondTo);
            scoreDirector.afterVariableChanged(second, VARIABLE);
        }
        scoreDirector.beforeVariableChanged(first, VARIABLE);
        first.setMachine(firstTo);
        scoreDirector.afterVariableChanged(first, VARIABLE);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RoadefMove(" + kind + ")";
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return second == null ? List.of(first) : Arrays.asList(first, second);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return second == null ? List.of(firstTo) : Arrays.asList(firstTo, secondTo);
    }

    @Override
    public String toString() {
        return kind + " " + first + " -> " + firstTo + (second == null ? "" : ", " + second + " -> " + secondTo);
    }
}
