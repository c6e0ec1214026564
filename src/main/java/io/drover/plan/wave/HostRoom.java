package io.drover.plan.wave;

/**
 * What a host can still take: memory and vCPUs left under its capacity (overcommit included), given the guests it
 * runs now.
 */
public record HostRoom(String host, long freeMemoryBytes, int freeVcpus) {
}
