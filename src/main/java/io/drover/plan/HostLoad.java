package io.drover.plan;

/**
 * How loaded a host is: its active guests' memory (overhead included) and vCPUs as shares of its capacity, the
 * compatibility policy's overcommit applied (0.8: 80 %).
 */
public record HostLoad(String host, double memory, double vcpus) {

    /** The larger of the two shares: what a load threshold is compared with. */
    public double peak() {
        return Math.max(memory, vcpus);
    }
}
