package io.drover.report;

/**
 * One host's load against its capacity (overcommit applied) before a plan, at its busiest moment during the plan
 * (a destination holds incoming guests while their sources still hold them) and after it.
 */
public record HostLoad(String host, long memoryCapacity, long memoryBefore, long memoryPeak, long memoryAfter,
        long vcpuCapacity, long vcpusBefore, long vcpusPeak, long vcpusAfter) {
}
