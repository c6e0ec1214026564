package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;

/** Skips change moves that would break a hard constraint, before the score director spends time on them. */
public class FeasibleChangeMoveFilter implements SelectionFilter<RoadefSolution, ChangeMove<RoadefSolution>> {

    @Override
    public boolean accept(ScoreDirector<RoadefSolution> scoreDirector, ChangeMove<RoadefSolution> move) {
        RoadefState state = scoreDirector.getWorkingSolution().getState();
        ProcessAssignment assignment = (ProcessAssignment) move.getEntity();
        RoadefMachine to = (RoadefMachine) move.getToPlanningValue();
        return state == null || state.changeKeepsFeasible(assignment.getProcess(), to.getIndex());
    }
}
