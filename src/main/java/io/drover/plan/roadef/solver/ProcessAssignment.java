package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** Where one process runs: the planning variable {@code machine} beside the fixed {@code originalMachine}. */
@PlanningEntity
public class ProcessAssignment {

    @PlanningId
    private Integer process;

    private RoadefMachine originalMachine;

    @PlanningVariable
    private RoadefMachine machine;

    // No-arg constructor required for Timefold
    public ProcessAssignment() {
    }

    public ProcessAssignment(int process, RoadefMachine originalMachine, RoadefMachine machine) {
        this.process = process;
        this.originalMachine = originalMachine;
        this.machine = machine;
    }

    public int getProcess() {
        return process;
    }

    public RoadefMachine getOriginalMachine() {
        return originalMachine;
    }

    public RoadefMachine getMachine() {
        return machine;
    }

    public void setMachine(RoadefMachine machine) {
        this.machine = machine;
    }

    // ************************************************************************
    // Complex methods
    // ************************************************************************

    public boolean isMoved() {
        return machine != originalMachine;
    }

    @Override
    public String toString() {
        return "p" + process + "@" + machine;
    }
}
