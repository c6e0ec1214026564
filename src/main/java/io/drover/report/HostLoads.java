package io.drover.report;

import io.drover.compat.FleetLoad;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.plan.LoadReplay;
import io.drover.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/** Replays a plan wave by wave on the snapshot it was made from, to show every host's load before, at peak, after. */
public final class HostLoads {

    private HostLoads() {
    }

    /** Hosts without facts (failed, never collected) have no capacity to show and are left out. */
    public static List<HostLoad> of(Plan plan, FleetSnapshot snapshot) {
        LoadReplay replay = new LoadReplay();
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
            replay.start(host.name(), usedMemory, usedVcpus);
        }
        plan.phases().forEach(phase -> replay.replay(phase.waves()));
        List<HostLoad> loads = new ArrayList<>();
        for (SnapshotHost snapshotHost : hosts) {
            Host host = snapshotHost.host().orElseThrow();
            LoadReplay.Usage memory = replay.memory(snapshotHost.name());
            LoadReplay.Usage vcpus = replay.vcpus(snapshotHost.name());
            loads.add(new HostLoad(snapshotHost.name(),
                    plan.policy().memoryCapacity(host), memory.before(), memory.peak(), memory.after(),
                    plan.policy().vcpuCapacity(host), vcpus.before(), vcpus.peak(), vcpus.after()));
        }
        return loads;
    }
}
