package io.drover.plan.wave;

import io.drover.plan.MigrationWave;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders moves into waves. In every wave: at most N outbound and M inbound migrations per host and G in the fleet,
 * and every destination has room for its incoming guests while their sources still hold them (a migrating guest
 * occupies both hosts). A source's room comes back only when the wave ends. Likewise a guest never arrives where a
 * guest of one of its anti-affinity groups is, leaves or arrives in the same wave.
 *
 * <p>Greedy, longest migration first, each into the earliest wave that takes it: waves end up about as long as
 * their longest move, and the number of waves stays close to the bound the per-host limits impose.
 */
public final class WaveScheduler {

    private final PlanLimits limits;

    public WaveScheduler(PlanLimits limits) {
        this.limits = limits;
    }

    public WaveSchedule schedule(List<PlannedMigration> moves, List<HostRoom> rooms, int firstWaveNumber) {
        return schedule(moves, rooms, GroupPresence.none(), firstWaveNumber);
    }

    /** @param groups where the guests of the plan's anti-affinity groups are before the first wave (updated) */
    public WaveSchedule schedule(List<PlannedMigration> moves, List<HostRoom> rooms, GroupPresence groups,
            int firstWaveNumber) {
        Map<String, long[]> free = new HashMap<>();
        rooms.forEach(room -> free.put(room.host(), new long[] {room.freeMemoryBytes(), room.freeVcpus()}));
        List<PlannedMigration> pending = new ArrayList<>(moves);
        pending.sort(Comparator.comparing(PlannedMigration::estimatedDuration).reversed()
                .thenComparing(PlannedMigration::guest));
        List<MigrationWave> waves = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<PlannedMigration> wave = nextWave(pending, free, groups);
            if (wave.isEmpty()) {
                break;
            }
            // The wave is over: its guests have left their sources.
            wave.forEach(move -> {
                release(free, move.source(), move);
                groups.left(move);
            });
            pending.removeAll(wave);
            waves.add(new MigrationWave(firstWaveNumber + waves.size(), wave));
        }
        return new WaveSchedule(waves, pending);
    }

    private List<PlannedMigration> nextWave(List<PlannedMigration> pending, Map<String, long[]> free,
            GroupPresence groups) {
        Map<String, Integer> outbound = new HashMap<>();
        Map<String, Integer> inbound = new HashMap<>();
        List<PlannedMigration> wave = new ArrayList<>();
        for (PlannedMigration move : pending) {
            if (wave.size() == limits.maxConcurrent()) {
                break;
            }
            long[] destination = free.get(move.destination());
            boolean fits = destination != null && destination[0] >= move.memory().bytes()
                    && destination[1] >= move.vcpus();
            if (fits && outbound.getOrDefault(move.source(), 0) < limits.maxOutboundPerHost()
                    && inbound.getOrDefault(move.destination(), 0) < limits.maxInboundPerHost()
                    && groups.admits(move)) {
                destination[0] -= move.memory().bytes();
                destination[1] -= move.vcpus();
                outbound.merge(move.source(), 1, Integer::sum);
                inbound.merge(move.destination(), 1, Integer::sum);
                groups.arriving(move);
                wave.add(move);
            }
        }
        return wave;
    }

    private static void release(Map<String, long[]> free, String host, PlannedMigration move) {
        long[] room = free.computeIfAbsent(host, key -> new long[2]);
        room[0] += move.memory().bytes();
        room[1] += move.vcpus();
    }
}
