package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import java.util.ArrayList;
import java.util.List;

/**
 * Clones only what changes (the assignments); the generic reflective cloner costs too much when every improving step
 * of the first seconds is a new best solution of up to 50,000 processes.
 */
public class RoadefSolutionCloner implements SolutionCloner<RoadefSolution> {

    @Override
    public RoadefSolution cloneSolution(RoadefSolution original) {
        List<ProcessAssignment> assignments = new ArrayList<>(original.getAssignments().size());
        for (ProcessAssignment assignment : original.getAssignments()) {
            assignments.add(new ProcessAssignment(assignment.getProcess(), assignment.getOriginalMachine(),
                    assignment.getMachine()));
        }
        RoadefSolution clone = new RoadefSolution(original.getModel(), original.getMachines(), assignments);
        clone.setScore(original.getScore());
        // The incremental state stays with the working solution only: a clone starts without one.
        return clone;
    }
}
