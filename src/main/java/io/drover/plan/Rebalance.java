package io.drover.plan;

import java.util.List;
import java.util.Optional;

/**
 * What a rebalance aimed at and what it reached: every host of the plan under {@code maxLoad} of its memory and of
 * its vCPUs, with at most {@code maxMigrations} migrations when a budget was given.
 *
 * @param overBefore the plan's hosts over the threshold before it runs, most loaded first
 * @param overAfter  those still over it once the plan has run (empty when the plan reaches its aim)
 */
public record Rebalance(double maxLoad, Optional<Integer> maxMigrations, List<HostLoad> overBefore,
        List<HostLoad> overAfter) {

    public Rebalance {
        overBefore = List.copyOf(overBefore);
        overAfter = List.copyOf(overAfter);
    }
}
