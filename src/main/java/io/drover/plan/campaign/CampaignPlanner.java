package io.drover.plan.campaign;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.model.FleetSnapshot;
import io.drover.model.SnapshotHost;
import io.drover.model.UpgradeTarget;
import io.drover.plan.AntiAffinity;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.TransferHistory;
import io.drover.plan.drain.HostEmptier;
import io.drover.plan.solver.PlacementSolver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans a rolling upgrade: hosts in batches of at most K, each batch emptied and then upgraded before the next
 * starts. Every step plans on the fleet as the steps before it leave it (guests moved, hosts upgraded), so a guest
 * only ever moves to a host on the same or newer versions, and hosts already upgraded receive later batches' guests.
 * Guests avoid hosts still to be upgraded, which would make them move twice. A host whose guests cannot all leave
 * is not upgraded, and the plan says why.
 *
 * <p>Each batch takes the least loaded of the hosts left, as the fleet stands after the batches before it: they are
 * the cheapest to empty, and once upgraded they are the room later batches need. Headroom is kept by planning
 * against a reduced memory overcommit.
 */
public final class CampaignPlanner {

    private final CpuMap cpuMap;
    private final PlanLimits limits;
    private final PlacementSolver solver;
    private final TransferHistory history;
    private final Clock clock;

    public CampaignPlanner(CpuMap cpuMap, PlanLimits limits, PlacementSolver solver,
            TransferHistory history, Clock clock) {
        this.cpuMap = cpuMap;
        this.limits = limits;
        this.solver = solver;
        this.history = history;
        this.clock = clock;
    }

    /**
     * @param headroom the share of every host's memory kept free throughout (0.1: plan as if hosts were 10% smaller)
     */
    public Plan plan(FleetSnapshot snapshot, CompatibilityPolicy policy, List<String> hostsToUpgrade,
            UpgradeTarget target, int batchSize, double headroom) {
        return plan(snapshot, policy, hostsToUpgrade, target, batchSize, headroom, AntiAffinity.NONE);
    }

    /** A campaign that keeps the guests of every anti-affinity group on distinct hosts, in every phase. */
    public Plan plan(FleetSnapshot snapshot, CompatibilityPolicy policy, List<String> hostsToUpgrade,
            UpgradeTarget target, int batchSize, double headroom, AntiAffinity antiAffinity) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        if (headroom < 0 || headroom >= 1) {
            throw new IllegalArgumentException("headroom must be in [0, 1), not " + headroom);
        }
        CompatibilityPolicy planning = policy.withMemoryOvercommit(policy.memoryOvercommit() * (1 - headroom));
        hostsToUpgrade.forEach(host -> snapshot.host(host).orElseThrow(() -> new IllegalArgumentException(
                "snapshot " + snapshot.id() + " has no host '" + host + "'")));
        Set<String> pending = new LinkedHashSet<>(hostsToUpgrade);
        FleetSnapshot fleet = snapshot;
        HostEmptier emptier = new HostEmptier(limits, solver, antiAffinity, history);
        List<PlanPhase> phases = new ArrayList<>();
        List<BlockedGuest> blocked = new ArrayList<>();
        int nextWave = 1;
        while (!pending.isEmpty()) {
            List<String> batch = leastLoaded(fleet, pending, batchSize);
            batch.forEach(pending::remove);
            CompatibilityEngine engine = new CompatibilityEngine(fleet, planning, cpuMap);
            HostEmptier.Emptying emptying = emptier.empty(engine, Set.copyOf(batch), pending, nextWave);
            Set<String> stuck = emptying.blocked().stream().map(BlockedGuest::host).collect(Collectors.toSet());
            List<String> upgraded = batch.stream().filter(host -> !stuck.contains(host)).toList();
            phases.add(new PlanPhase(phases.size() + 1, batch, upgraded, emptying.waves()));
            blocked.addAll(emptying.blocked());
            nextWave += emptying.waves().size();
            fleet = fleet.after(moves(emptying.waves()), upgraded.stream()
                    .collect(Collectors.toMap(host -> host, host -> target)));
        }
        Instant now = clock.instant();
        return new Plan(Plan.id(PlanKind.UPGRADE_CAMPAIGN, snapshot.id(), now), PlanKind.UPGRADE_CAMPAIGN,
                snapshot.id(), now, hostsToUpgrade, limits, planning, Optional.of(target), phases, blocked,
                Optional.empty(), antiAffinity.groups());
    }

    private static Map<UUID, String> moves(List<MigrationWave> waves) {
        Map<UUID, String> moves = new HashMap<>();
        waves.stream().flatMap(wave -> wave.migrations().stream())
                .forEach(move -> moves.put(move.uuid(), move.destination()));
        return moves;
    }

    /** The {@code size} hosts holding the least memory of active guests (ties by name). */
    private static List<String> leastLoaded(FleetSnapshot fleet, Set<String> hosts, int size) {
        Map<String, Long> load = new HashMap<>();
        for (String name : hosts) {
            SnapshotHost host = fleet.host(name).orElseThrow();
            load.put(name, host.guests().stream().filter(guest -> guest.state().isActive())
                    .mapToLong(guest -> guest.memory().bytes()).sum());
        }
        return hosts.stream().sorted(Comparator.comparing((String host) -> load.get(host)).thenComparing(host -> host))
                .limit(size).toList();
    }
}
