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
 * @param rebalance       for rebalances: the load threshold and the migration budget
 * @param antiAffinity    groups of guests every plan keeps on distinct hosts
 */
public record PlanRequest(PlanKind kind, long snapshotId, List<String> hosts, PlanLimits limits,
        CompatibilityPolicy policy, Duration timeLimit, String outputDirectory, Optional<Campaign> campaign,
        Optional<Rebalancing> rebalance, List<AntiAffinityGroup> antiAffinity) {

    public PlanRequest {
        hosts = List.copyOf(hosts);
        antiAffinity = List.copyOf(antiAffinity);
        if ((kind == PlanKind.UPGRADE_CAMPAIGN) != campaign.isPresent()) {
            throw new IllegalArgumentException("an upgrade campaign, and only one, needs its target versions");
        }
        if ((kind == PlanKind.REBALANCE) != rebalance.isPresent()) {
            throw new IllegalArgumentException("a rebalance, and only one, needs its load threshold");
        }
        if (kind != PlanKind.REBALANCE && hosts.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " plan needs the hosts to empty");
        }
        new AntiAffinity(antiAffinity); // rejects two groups of one name
    }

    /**
     * @param batchSize at most this many hosts are emptied and upgraded at once
     * @param headroom  the share of every host's memory kept free throughout, in [0, 1)
     */
    public record Campaign(UpgradeTarget upgradeTo, int batchSize, double headroom) {
    }

    /**
     * @param maxLoad       the share of every host's memory and vCPUs (overcommit applied) to end under, in (0, 1]
     * @param maxMigrations the most migrations the plan may make, if limited
     */
    public record Rebalancing(double maxLoad, Optional<Integer> maxMigrations) {

        public Rebalancing {
            if (!(maxLoad > 0 && maxLoad <= 1)) {
                throw new IllegalArgumentException("the load threshold must be in (0 %, 100 %], not "
                        + Math.round(maxLoad * 100) + " %");
            }
            if (maxMigrations.filter(max -> max < 0).isPresent()) {
                throw new IllegalArgumentException("--max-migrations cannot be negative");
            }
        }
    }
}
