package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import io.drover.plan.roadef.RoadefModel;
import java.util.ArrayList;
import java.util.List;

/** A machine reassignment: every process of the model on a machine. */
@PlanningSolution(solutionCloner = RoadefSolutionCloner.class)
public class RoadefSolution {

    private RoadefModel model;

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<RoadefMachine> machines;

    @PlanningEntityCollectionProperty
    private List<ProcessAssignment> assignments;

    @PlanningScore
    private HardSoftLongScore score;

    // Ignored by Timefold: the incremental score's state, read by the move filters (see RoadefState#attachTo)
    private RoadefState state;

    // No-arg constructor required for Timefold
    public RoadefSolution() {
    }

    public RoadefSolution(RoadefModel model, List<RoadefMachine> machines, List<ProcessAssignment> assignments) {
        this.model = model;
        this.machines = machines;
        this.assignments = assignments;
    }

    /** The solution of {@code model} where process p runs on {@code assignment[p]} and originally ran on original[p]. */
    public static RoadefSolution of(RoadefModel model, int[] original, int[] assignment) {
        List<RoadefMachine> machines = new ArrayList<>(model.machineCount());
        for (int m = 0; m < model.machineCount(); m++) {
            machines.add(new RoadefMachine(m));
        }
        List<ProcessAssignment> assignments = new ArrayList<>(model.processCount());
        for (int p = 0; p < model.processCount(); p++) {
            assignments.add(new ProcessAssignment(p, machines.get(original[p]), machines.get(assignment[p])));
        }
        return new RoadefSolution(model, machines, assignments);
    }

    public RoadefModel getModel() {
        return model;
    }

    public List<RoadefMachine> getMachines() {
        return machines;
    }

    public List<ProcessAssignment> getAssignments() {
        return assignments;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    RoadefState getState() {
        return state;
    }

    void setState(RoadefState state) {
        this.state = state;
    }

    // ************************************************************************
    // Complex methods
    // ************************************************************************

    /** The machine index of every process, in the challenge's solution order. */
    public int[] toAssignment() {
        int[] result = new int[assignments.size()];
        for (ProcessAssignment assignment : assignments) {
            result[assignment.getProcess()] = assignment.getMachine().getIndex();
        }
        return result;
    }
}
