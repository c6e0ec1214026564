package io.drover.report;

import io.drover.compat.FleetLoad;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Replays a plan wave by wave on the snapshot it was made from, to show every host's load before, at peak, after. */
public final class HostLoads {

    private HostLoads() {
    }

    /** Hosts without facts (failed, never collected) have no capacity to show and are left out. */
    public static List<HostLoad> of(Plan plan, FleetSnapshot snapshot) {
        Map<String, long[]> memory = new HashMap<>();
        Map<String, long[]> vcpus = new HashMap<>();
        List<SnapshotHost> hosts = snapshot.hosts().stream().filter(host -> host.host().isPresent()).toList();
        for (SnapshotHost host : hosts) {
            long usedMemory = 0;
            long usedVcpus = 0;
            for (Guest guest : host.guests()) {
                if (guest.state().isActive()) {
                    usedMemory += FleetLoad.demandMemory(guest, plan.policy());
                    usedVcpus += guest.vcpus();
                }
            }
            memory.put(host.name(), new long[] {usedMemory, usedMemory, usedMemory});
            vcpus.put(host.name(), new long[] {usedVcpus, usedVcpus, usedVcpus});
        }
        for (PlanPhase phase : plan.phases()) {
            for (MigrationWave wave : phase.waves()) {
                replay(wave, memory, m -> m.memory().bytes());
                replay(wave, vcpus, PlannedMigration::vcpus);
            }
        }
        List<HostLoad> loads = new ArrayList<>();
        for (SnapshotHost snapshotHost : hosts) {
            Host host = snapshotHost.host().orElseThrow();
            long[] m = memory.get(snapshotHost.name());
            long[] c = vcpus.get(snapshotHost.name());
            loads.add(new HostLoad(snapshotHost.name(),
                    plan.policy().memoryCapacity(host),
                    m[0], m[1], m[2], plan.policy().vcpuCapacity(host),
                    c[0], c[1], c[2]));
        }
        return loads;
    }

    /**
     * One wave on {@code {before, peak, current}} loads: while it runs every destination holds its incoming guests on
     * top of what it has (the peak), and once it is done the sources have let theirs go.
     */
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
