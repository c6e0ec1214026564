package io.drover.plan;

/**
 * How hard a plan may drive the fleet at once.
 *
 * @param maxOutboundPerHost migrations leaving one host at the same time (Nova, KubeVirt and oVirt default to 1-2)
 * @param maxInboundPerHost  migrations arriving at one host at the same time
 * @param maxConcurrent      migrations running in the whole fleet at the same time
 * @param bandwidthMiBs      the bandwidth one migration is expected to get, for duration estimates
 */
public record PlanLimits(int maxOutboundPerHost, int maxInboundPerHost, int maxConcurrent, long bandwidthMiBs) {

    public static final PlanLimits DEFAULTS = new PlanLimits(1, 2, 16, 1024);

    public PlanLimits {
        if (maxOutboundPerHost < 1 || maxInboundPerHost < 1 || maxConcurrent < 1 || bandwidthMiBs < 1) {
            throw new IllegalArgumentException("plan limits must be positive: " + maxOutboundPerHost + " out, "
                    + maxInboundPerHost + " in, " + maxConcurrent + " at once, " + bandwidthMiBs + " MiB/s");
        }
    }
}
