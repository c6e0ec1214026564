package io.drover.model;

/** What a host can give its guests: logical CPUs and memory. */
public record HostCapacity(int logicalCpus, ByteSize memory) {
}
