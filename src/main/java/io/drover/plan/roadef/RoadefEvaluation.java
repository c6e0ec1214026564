package io.drover.plan.roadef;

import java.util.List;

/**
 * The exact objective of an assignment, broken down as in section 1.3 of the problem statement (every cost already
 * multiplied by its weight), and its hard-constraint violations (section 1.2).
 *
 * @param violations the first violations found, readable, at most {@link RoadefEvaluator#MAX_DESCRIBED_VIOLATIONS}
 */
public record RoadefEvaluation(
        long loadCost,
        long balanceCost,
        long processMoveCost,
        long serviceMoveCost,
        long machineMoveCost,
        int capacityViolations,
        int conflictViolations,
        int spreadViolations,
        int dependencyViolations,
        int transientViolations,
        List<String> violations) {

    public RoadefEvaluation {
        violations = List.copyOf(violations);
    }

    public long total() {
        return loadCost + balanceCost + processMoveCost + serviceMoveCost + machineMoveCost;
    }

    public int hardViolations() {
        return capacityViolations + conflictViolations + spreadViolations + dependencyViolations + transientViolations;
    }

    public boolean feasible() {
        return hardViolations() == 0;
    }

    /** One line: the total, each weighted cost and the feasibility verdict. */
    public String describe() {
        return String.format("%,d = load %,d + balance %,d + process move %,d + service move %,d + machine move %,d; %s",
                total(), loadCost, balanceCost, processMoveCost, serviceMoveCost, machineMoveCost,
                feasible() ? "feasible" : String.format(
                        "INFEASIBLE (capacity %d, conflict %d, spread %d, dependency %d, transient %d)",
                        capacityViolations, conflictViolations, spreadViolations, dependencyViolations,
                        transientViolations));
    }
}
