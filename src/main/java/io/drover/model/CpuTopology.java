package io.drover.model;

/** How a host's or guest's CPUs are laid out: sockets × dies × cores × threads. */
public record CpuTopology(int sockets, int dies, int cores, int threads) {

    public int logicalCpus() {
        return sockets * dies * cores * threads;
    }
}
