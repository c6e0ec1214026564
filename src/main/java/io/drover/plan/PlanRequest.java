package io.drover.plan;

import io.drover.compat.CompatibilityPolicy;
import java.time.Duration;
import java.util.List;

/**
 * What an operator asks the planner for. Recorded as the plan job's identifying parameter, so the job repository
 * shows exactly what each plan was made from.
 *
 * @param hosts           host names or label selectors ({@code pool=gen9,rack=r1})
 * @param timeLimit       the most the solver may spend improving the plan
 * @param outputDirectory where the plan file goes ({@code plans/} by default)
 */
public record PlanRequest(PlanKind kind, long snapshotId, List<String> hosts, PlanLimits limits,
        CompatibilityPolicy policy, Duration timeLimit, String outputDirectory) {

    public PlanRequest {
        hosts = List.copyOf(hosts);
    }
}
