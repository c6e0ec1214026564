package io.drover.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Hosts' memory and vCPUs in use, replayed over a plan's waves the way they run: while a wave runs, each destination
 * holds its arriving guests on top of what it has (its peak), and once the wave is done their sources have let them
 * go. Only hosts given a starting load are followed.
 */
public final class LoadReplay {

    /** One host's memory (bytes) or vCPUs in use: before the plan, at its busiest, after the waves replayed. */
    public record Usage(long before, long peak, long after) {
    }

    private final Map<String, long[]> memory = new HashMap<>();
    private final Map<String, long[]> vcpus = new HashMap<>();

    /** @param memoryBytes what the host's active guests take, the per-guest overhead included */
    public void start(String host, long memoryBytes, long usedVcpus) {
        memory.put(host, new long[] {memoryBytes, memoryBytes, memoryBytes});
        vcpus.put(host, new long[] {usedVcpus, usedVcpus, usedVcpus});
    }

    public void replay(List<MigrationWave> waves) {
        for (MigrationWave wave : waves) {
            replay(wave, memory, move -> move.memory().bytes());
            replay(wave, vcpus, PlannedMigration::vcpus);
        }
    }

    public Usage memory(String host) {
        return usage(memory.get(host));
    }

    public Usage vcpus(String host) {
        return usage(vcpus.get(host));
    }

    private static Usage usage(long[] load) {
        return new Usage(load[0], load[1], load[2]);
    }

    /** One wave on {@code {before, peak, current}} loads. */
    private static void replay(MigrationWave wave, Map<String, long[]> loads,
            ToLongFunction<PlannedMigration> amount) {
        for (PlannedMigration move : wave.migrations()) {
            loads.computeIfPresent(move.destination(), (host, load) -> {
                load[2] += amount.applyAsLong(move);
                return load;
            });
        }
        loads.values().forEach(load -> load[1] = Math.max(load[1], load[2]));
        for (PlannedMigration move : wave.migrations()) {
            loads.computeIfPresent(move.source(), (host, load) -> {
                load[2] -= amount.applyAsLong(move);
                return load;
            });
        }
    }
}
