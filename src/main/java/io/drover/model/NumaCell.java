package io.drover.model;

/** One NUMA cell of a host: its memory and how many logical CPUs it holds. */
public record NumaCell(int id, ByteSize memory, int cpus) {
}
