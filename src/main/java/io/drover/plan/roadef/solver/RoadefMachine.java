package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A machine as a planning value: its index in the model, nothing else (the score reads the model's arrays). */
public class RoadefMachine {

    @PlanningId
    private Integer index;

    // No-arg constructor required for Timefold
    public RoadefMachine() {
    }

    public RoadefMachine(int index) {
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    @Override
    public String toString() {
        return "m" + index;
    }
}
