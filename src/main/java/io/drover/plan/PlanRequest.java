package io.drover.plan;

import io.drover.compat.CompatibilityPolicy;
import io.drover.model.UpgradeTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an operator asks the planner for. Recorded as the plan job's identifying parameter, so the job repository
 * shows exactly what each plan was made from.
 *
 * @param hosts           host names or label selectors ({@code pool=gen9,rack=r1})
 * @param timeLimit       the most the solver may spend improving the plan
 * @param outputDirectory where the plan file goes ({@code plans/} by default)
 * @param campaign        for upgrade campaigns: the target versions, batch size and headroom
 */
public record PlanRequest(PlanKind kind, long snapshotId, List<String> hosts, PlanLimits limits,
        CompatibilityPolicy policy, Duration timeLimit, String outputDirectory, Optional<Campaign> campaign) {

    public PlanRequest {
        hosts = List.copyOf(hosts);
        if ((kind == PlanKind.UPGRADE_CAMPAIGN) != campaign.isPresent()) {
            throw new IllegalArgumentException("an upgrade campaign, and only one, needs its target versions");
        }
    }

    /**
     * @param batchSize at most this many hosts are emptied and upgraded at once
     * @param headroom  the share of every host's memory kept free throughout, in [0, 1)
     */
    public record Campaign(UpgradeTarget upgradeTo, int batchSize, double headroom) {
    }
}
