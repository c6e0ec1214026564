package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;
import java.util.List;

/**
 * The ROADEF 2012 objective as a soft score and the hard constraints as a hard score, kept up to date move by move
 * in a {@link RoadefState}: a variable change costs O(resources + balances + dependencies of the service).
 */
public class RoadefIncrementalScoreCalculator
        implements IncrementalScoreCalculator<RoadefSolution, HardSoftLongScore> {

    private RoadefState state;

    @Override
    public void resetWorkingSolution(RoadefSolution solution) {
        List<ProcessAssignment> assignments = solution.getAssignments();
        int[] original = new int[assignments.size()];
        int[] current = new int[assignments.size()];
        for (ProcessAssignment assignment : assignments) {
            original[assignment.getProcess()] = assignment.getOriginalMachine().getIndex();
            current[assignment.getProcess()] = assignment.getMachine() == null ? -1
                    : assignment.getMachine().getIndex();
        }
        state = new RoadefState(this, solution.getModel(), original, current);
        state.attachTo(solution);
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        // Processes are never added during solving.
    }

    @Override
    public void afterEntityAdded(Object entity) {
        ProcessAssignment assignment = (ProcessAssignment) entity;
        if (assignment.getMachine() != null) {
            state.insert(assignment.getProcess(), assignment.getMachine().getIndex());
        }
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        state.retract(((ProcessAssignment) entity).getProcess());
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        ProcessAssignment assignment = (ProcessAssignment) entity;
        if (assignment.getMachine() != null) {
            state.insert(assignment.getProcess(), assignment.getMachine().getIndex());
        }
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        state.retract(((ProcessAssignment) entity).getProcess());
    }

    @Override
    public void afterEntityRemoved(Object entity) {
        // Already retracted.
    }

    @Override
    public HardSoftLongScore calculateScore() {
        return HardSoftLongScore.of(-state.hardPenalty(), -state.softPenalty());
    }
}
