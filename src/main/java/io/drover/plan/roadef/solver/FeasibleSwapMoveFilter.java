package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;

/** Skips swaps within a machine or a service, and swaps that would break a hard constraint. */
public class FeasibleSwapMoveFilter implements SelectionFilter<RoadefSolution, SwapMove<RoadefSolution>> {

    @Override
    public boolean accept(ScoreDirector<RoadefSolution> scoreDirector, SwapMove<RoadefSolution> move) {
        RoadefState state = scoreDirector.getWorkingSolution().getState();
        ProcessAssignment left = (ProcessAssignment) move.getLeftEntity();
        ProcessAssignment right = (ProcessAssignment) move.getRightEntity();
        return state == null || state.swapKeepsFeasible(left.getProcess(), right.getProcess());
    }
}
