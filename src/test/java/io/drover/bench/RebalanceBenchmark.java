package io.drover.bench;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.FleetIndex;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.plan.AntiAffinity;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.Plan;
import io.drover.plan.PlanLimits;
import io.drover.plan.TransferHistory;
import io.drover.plan.check.PlanChecker;
import io.drover.plan.rebalance.RebalancePlanner;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.solver.PlacementSolver.SolverSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The rebalance benchmark: a seeded {@link SyntheticFleet#loaded} fleet (60-75 % of memory used) made uneven by
 * piling guests onto one host in twenty (each filled to 88-98 % of its memory with guests from its neighbours that
 * the rules would let run there), then every host brought under a load threshold (default 80 %) by Drover's
 * {@link RebalancePlanner} and, in the same run on the same engine, by a baseline written for this benchmark:
 * greedy first-fit decreasing (each hot host in turn, its largest guest first, onto the first host in fleet order
 * the rules allow that stays under the threshold with it, until the hot host is under). Drover's plan is then
 * checked with {@link PlanChecker}; the baseline's end state is checked for capacity and threshold.
 *
 * <p>Run: {@code bench/rebalance/run.sh [HOSTS GUESTS]}; system properties {@code rebalance.maxLoad} (0.8),
 * {@code rebalance.spent} / {@code rebalance.unimproved} (solver seconds, 30 / 5), {@code rebalance.groups} (0:
 * anti-affinity groups of three guests on distinct hosts, drawn at random, which Drover keeps spread; the baseline
 * ignores them).
 */
public final class RebalanceBenchmark {

    private static final long MIB = 1024L * 1024;

    private RebalanceBenchmark() {
    }

    /** What one rebalancer gave: how long it took, what it moves, and the fleet's load once it has run. */
    record Result(String name, double seconds, int migrations, long memoryMovedMiB, int hostsOver,
            double maxMemoryLoad, double maxVcpuLoad, double loadSpread, int groupClashes) {
    }

    public static void main(String[] args) {
        int hostCount = args.length >= 2 ? Integer.parseInt(args[0]) : 1000;
        int guestCount = args.length >= 2 ? Integer.parseInt(args[1]) : 10_000;
        double maxLoad = Double.parseDouble(System.getProperty("rebalance.maxLoad", "0.8"));
        SolverSettings settings = new SolverSettings(Duration.ofSeconds(Long.getLong("rebalance.spent", 30)),
                Duration.ofSeconds(Long.getLong("rebalance.unimproved", 5)), 0L, EnvironmentMode.REPRODUCIBLE);
        CompatibilityPolicy policy = CompatibilityPolicy.defaults();
        CpuMap cpuMap = CpuMap.loadDefault();

        long t0 = System.nanoTime();
        FleetSnapshot snapshot = unbalanced(SyntheticFleet.loaded(hostCount, guestCount, 42), policy, cpuMap);
        long t1 = System.nanoTime();
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, policy, cpuMap);
        long t2 = System.nanoTime();
        List<String> hosts = snapshot.hosts().stream().map(SnapshotHost::name).toList();
        AntiAffinity antiAffinity = new AntiAffinity(groups(snapshot, Integer.getInteger("rebalance.groups", 0)));
        Result before = measure("before", 0, snapshot, policy, Map.of(), maxLoad, antiAffinity);
        System.out.printf("instance: %,d hosts × %,d VMs (seed 42), threshold %.0f %%; fleet made in %.1f s, engine "
                + "built in %.1f s; solver %s / %s unimproved; %d anti-affinity groups%n", hostCount, guestCount,
                maxLoad * 100, (t1 - t0) / 1e9, (t2 - t1) / 1e9, settings.timeLimit(), settings.unimprovedTimeLimit(),
                antiAffinity.groups().size());
        print(before);

        long start = System.nanoTime();
        Plan plan = new RebalancePlanner(engine, PlanLimits.DEFAULTS, new PlacementSolver(settings),
                TransferHistory.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).plan(hosts, maxLoad, Optional.empty(), antiAffinity);
        double droverSeconds = (System.nanoTime() - start) / 1e9;
        Map<UUID, String> droverMoves = new HashMap<>();
        plan.migrations().forEach(move -> droverMoves.put(move.uuid(), move.destination()));
        print(measure("drover", droverSeconds, snapshot, policy, droverMoves, maxLoad, antiAffinity));
        System.out.printf("drover plan: %d waves, estimated %s, %d blocked%n", plan.waveCount(),
                plan.estimatedDuration(), plan.blocked().size());

        start = System.nanoTime();
        Map<UUID, String> baselineMoves = firstFitDecreasing(engine, maxLoad);
        double baselineSeconds = (System.nanoTime() - start) / 1e9;
        print(measure("baseline-ffd", baselineSeconds, snapshot, policy, baselineMoves, maxLoad,
                antiAffinity));

        start = System.nanoTime();
        List<String> problems = PlanChecker.check(plan, snapshot, cpuMap);
        System.out.printf("check of drover's plan: %.1f s, %s%n", (System.nanoTime() - start) / 1e9,
                problems.isEmpty() ? "sound" : problems.size() + " problems, first: " + problems.get(0));
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The instance: hot hosts made by piling compatible guests from their neighbours onto them.
    // ---------------------------------------------------------------------------------------------------------

    static FleetSnapshot unbalanced(FleetSnapshot balanced, CompatibilityPolicy policy, CpuMap cpuMap) {
        CompatibilityEngine engine = new CompatibilityEngine(balanced, policy, cpuMap);
        FleetIndex fleet = engine.fleet();
        Random random = new Random(7);
        Map<UUID, String> moves = new HashMap<>();
        List<List<Integer>> guestsOn = new ArrayList<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            guestsOn.add(new ArrayList<>());
        }
        for (int g = 0; g < fleet.guestCount(); g++) {
            guestsOn.get(fleet.source(g)).add(g);
        }
        for (int hot = 0; hot < fleet.hostCount(); hot += 20) {
            double capacity = DrainBenchmark.memoryCapacity(fleet.host(hot), policy);
            double target = capacity * (0.88 + 0.10 * random.nextDouble());
            long used = fleet.load().usedMemory(hot);
            for (int neighbour = hot + 1; neighbour < Math.min(hot + 20, fleet.hostCount()) && used < target;
                    neighbour++) {
                for (int g : guestsOn.get(neighbour)) {
                    long demand = DrainBenchmark.demand(fleet.guest(g), policy);
                    if (used + demand <= target && engine.allowedIgnoringLoad(g, hot)
                            && !moves.containsKey(fleet.guest(g).uuid())) {
                        moves.put(fleet.guest(g).uuid(), fleet.hostName(hot));
                        used += demand;
                    }
                }
            }
        }
        return balanced.after(moves, Map.of());
    }

    /** {@code count} groups of three running guests on three distinct hosts, no guest in two groups. */
    static List<AntiAffinityGroup> groups(FleetSnapshot snapshot, int count) {
        List<SnapshotHost> hosts = snapshot.hosts();
        Random random = new Random(11);
        List<AntiAffinityGroup> groups = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        while (groups.size() < count) {
            List<String> members = new ArrayList<>();
            Set<String> memberHosts = new HashSet<>();
            while (members.size() < 3) {
                SnapshotHost host = hosts.get(random.nextInt(hosts.size()));
                if (host.guests().isEmpty() || !memberHosts.add(host.name())) {
                    continue;
                }
                Guest guest = host.guests().get(random.nextInt(host.guests().size()));
                if (guest.state().isActive() && taken.add(guest.name())) {
                    members.add(guest.name());
                } else {
                    memberHosts.remove(host.name());
                }
            }
            groups.add(new AntiAffinityGroup("group-" + groups.size(), members));
        }
        return groups;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The baseline: greedy first-fit decreasing.
    // ---------------------------------------------------------------------------------------------------------

    static Map<UUID, String> firstFitDecreasing(CompatibilityEngine engine, double maxLoad) {
        FleetIndex fleet = engine.fleet();
        CompatibilityPolicy policy = fleet.policy();
        long[] memory = new long[fleet.hostCount()];
        int[] vcpus = new int[fleet.hostCount()];
        List<List<Integer>> guestsOn = new ArrayList<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            memory[h] = fleet.load().usedMemory(h);
            vcpus[h] = fleet.load().usedVcpus(h);
            guestsOn.add(new ArrayList<>());
        }
        for (int g = 0; g < fleet.guestCount(); g++) {
            if (fleet.guest(g).state().isActive()) {
                guestsOn.get(fleet.source(g)).add(g);
            }
        }
        Map<UUID, String> moves = new HashMap<>();
        for (int hot = 0; hot < fleet.hostCount(); hot++) {
            if (!over(fleet.host(hot), memory[hot], vcpus[hot], policy, maxLoad)) {
                continue;
            }
            List<Integer> largestFirst = new ArrayList<>(guestsOn.get(hot));
            largestFirst.sort(Comparator.comparingLong((Integer g) -> fleet.guest(g).memory().bytes()).reversed());
            for (int g : largestFirst) {
                if (!over(fleet.host(hot), memory[hot], vcpus[hot], policy, maxLoad)) {
                    break;
                }
                long demand = DrainBenchmark.demand(fleet.guest(g), policy);
                int cpus = fleet.guest(g).vcpus();
                for (int to = 0; to < fleet.hostCount(); to++) {
                    if (fleet.isOk(to) && !over(fleet.host(to), memory[to] + demand, vcpus[to] + cpus, policy, maxLoad)
                            && engine.allowedIgnoringLoad(g, to)) {
                        memory[hot] -= demand;
                        vcpus[hot] -= cpus;
                        memory[to] += demand;
                        vcpus[to] += cpus;
                        moves.put(fleet.guest(g).uuid(), fleet.hostName(to));
                        break;
                    }
                }
            }
        }
        return moves;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Measures, from the snapshot and the moves alone.
    // ---------------------------------------------------------------------------------------------------------

    static Result measure(String name, double seconds, FleetSnapshot snapshot, CompatibilityPolicy policy,
            Map<UUID, String> moves, double maxLoad, AntiAffinity antiAffinity) {
        Map<String, long[]> used = new HashMap<>();
        Map<String, Map<String, Integer>> groupsOnHost = new HashMap<>();
        int clashes = 0;
        Map<String, Host> hosts = new HashMap<>();
        long moved = 0;
        for (SnapshotHost entry : snapshot.hosts()) {
            hosts.put(entry.name(), entry.host().orElseThrow());
            for (Guest guest : entry.guests()) {
                if (!guest.state().isActive()) {
                    continue;
                }
                String where = moves.getOrDefault(guest.uuid(), entry.name());
                for (String group : antiAffinity.groupsOf(guest.name())) {
                    // Each guest of a group finding one already there is one more pair sharing a host.
                    clashes += groupsOnHost.computeIfAbsent(where, key -> new HashMap<>()).merge(group, 1,
                            Integer::sum) - 1;
                }
                long[] load = used.computeIfAbsent(where, key -> new long[2]);
                load[0] += DrainBenchmark.demand(guest, policy);
                load[1] += guest.vcpus();
                moved += moves.containsKey(guest.uuid()) ? guest.memory().bytes() / MIB : 0;
            }
        }
        int over = 0;
        double maxMemory = 0;
        double maxVcpus = 0;
        double sum = 0;
        double sumSquares = 0;
        for (Map.Entry<String, Host> entry : hosts.entrySet()) {
            long[] load = used.getOrDefault(entry.getKey(), new long[2]);
            if (over(entry.getValue(), load[0], (int) load[1], policy, maxLoad)) {
                over++;
            }
            double memoryShare = load[0] / DrainBenchmark.memoryCapacity(entry.getValue(), policy);
            maxMemory = Math.max(maxMemory, memoryShare);
            maxVcpus = Math.max(maxVcpus, load[1] / DrainBenchmark.vcpuCapacity(entry.getValue(), policy));
            sum += memoryShare;
            sumSquares += memoryShare * memoryShare;
        }
        double mean = sum / hosts.size();
        return new Result(name, seconds, moves.size(), moved, over, maxMemory, maxVcpus,
                Math.sqrt(Math.max(0, sumSquares / hosts.size() - mean * mean)), clashes);
    }

    private static void print(Result result) {
        System.out.printf("%-13s %7.1f s  %,7d migrations  %,10d MiB moved  %,5d hosts over  max memory %.1f %%  "
                + "max vCPU %.1f %%  memory load std-dev %.2f pts  group members sharing a host %d%n", result.name(),
                result.seconds(), result.migrations(), result.memoryMovedMiB(), result.hostsOver(),
                result.maxMemoryLoad() * 100, result.maxVcpuLoad() * 100, result.loadSpread() * 100,
                result.groupClashes());
    }

    private static boolean over(Host host, long memory, int vcpus, CompatibilityPolicy policy, double maxLoad) {
        return memory > maxLoad * DrainBenchmark.memoryCapacity(host, policy) || vcpus > maxLoad * DrainBenchmark.vcpuCapacity(host, policy);
    }
}
