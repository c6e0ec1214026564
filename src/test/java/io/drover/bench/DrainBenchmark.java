package io.drover.bench;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.FleetLoad;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import io.drover.plan.TransferHistory;
import io.drover.plan.drain.DrainPlanner;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.solver.PlacementSolver.SolverSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The drain-scale benchmark, Drover's side: a seeded {@link SyntheticFleet#loaded} fleet (default 5,000
 * hosts × 50,000 guests) built in memory, a spread set of hosts to drain (default 500: every tenth), the compatibility
 * engine built (timed apart), then {@link DrainPlanner} (timed), then an independent check of the plan against the
 * snapshot alone: every guest of a drained host moved or blocked with reasons, no migration the drain does not need,
 * no destination drained, every move allowed by the compatibility rules, capacity held at the end and during every
 * wave (a moving guest counts on its source and its destination), and the per-host and fleet wave limits.
 *
 * <p>Run: {@code bench/drain/run.sh drover [HOSTS GUESTS DRAINED]} (see bench/drain/README.md); the side-by-side run
 * against BtrPlace is {@code DrainComparison} in src/bench/java (Maven profile {@code bench}).
 *
 * <p>System properties: {@code drain.spent} / {@code drain.unimproved} (solver limits in seconds, default 30 / 5).
 */
public final class DrainBenchmark {

    private DrainBenchmark() {
    }

    /** One drain instance: a fleet shape, a seed, and how many hosts to drain. */
    public record Instance(int hosts, int guests, int drained, long seed) {

        public static Instance parse(String spec) {
            // HOSTSxGUESTS/DRAINED, e.g. 5000x50000/500
            String[] parts = spec.split("[x/]");
            return new Instance(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    42);
        }

        public String label() {
            return String.format("%,d hosts × %,d VMs, drain %,d", hosts, guests, drained);
        }
    }

    /** The fleet, its engine and the hosts to drain. */
    public record Prepared(Instance instance, FleetSnapshot snapshot, CompatibilityEngine engine,
            List<String> drained, double generateSeconds, double engineSeconds) {
    }

    /** What Drover's run gave, with the independent check's verdict. */
    public record Outcome(double planSeconds, int migrations, int blocked, Map<String, Integer> blockedByRule,
            int waves, Duration estimated, long peakHeapBytes, Verification verification) {
    }

    /** The independent check: problems found (empty: feasible) and a few counts. */
    public record Verification(List<String> problems, int guestsToMove, double maxFinalMemoryFill) {

        public boolean feasible() {
            return problems.isEmpty();
        }
    }

    public static void main(String[] args) {
        Instance instance = args.length >= 3 ? new Instance(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), 42) : new Instance(5000, 50_000, 500, 42);
        Prepared prepared = prepare(instance);
        Outcome outcome = runDrover(prepared, settings(), PlanLimits.DEFAULTS);
        print(prepared, outcome);
        if (!outcome.verification().feasible()) {
            System.exit(1);
        }
    }

    public static SolverSettings settings() {
        return new SolverSettings(Duration.ofSeconds(Long.getLong("drain.spent", 30)),
                Duration.ofSeconds(Long.getLong("drain.unimproved", 5)), 0L, EnvironmentMode.REPRODUCIBLE);
    }

    public static Prepared prepare(Instance instance) {
        long t0 = System.nanoTime();
        FleetSnapshot snapshot = SyntheticFleet.loaded(instance.hosts(), instance.guests(), instance.seed());
        long t1 = System.nanoTime();
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(),
                CpuMap.loadDefault());
        long t2 = System.nanoTime();
        List<String> drained = new ArrayList<>();
        int step = instance.hosts() / instance.drained();
        for (int i = 0; i < instance.drained(); i++) {
            drained.add(snapshot.hosts().get(i * step + step / 2).name());
        }
        return new Prepared(instance, snapshot, engine, drained, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    public static Outcome runDrover(Prepared prepared, SolverSettings settings, PlanLimits limits) {
        System.gc();
        resetHeapPeaks();
        DrainPlanner planner = new DrainPlanner(prepared.engine(), limits, new PlacementSolver(settings),
                TransferHistory.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        long start = System.nanoTime();
        Plan plan = planner.plan(prepared.drained());
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = peakHeapBytes();
        Map<String, Integer> byRule = new TreeMap<>();
        for (BlockedGuest guest : plan.blocked()) {
            guest.reasons().forEach(reason -> byRule.merge(reason.ruleId(), 1, Integer::sum));
        }
        Verification verification = verify(plan, prepared.snapshot(), prepared.engine(),
                CompatibilityPolicy.defaults(), new HashSet<>(prepared.drained()), limits);
        return new Outcome(seconds, (int) plan.migrations().count(), plan.blocked().size(), byRule, plan.waveCount(),
                plan.estimatedDuration(), heap, verification);
    }

    static void print(Prepared prepared, Outcome outcome) {
        Instance instance = prepared.instance();
        System.out.printf("instance: %s (seed %d); fleet generated in %.2f s, %.1f%% of host memory used%n",
                instance.label(), instance.seed(), prepared.generateSeconds(), 100 * memoryFill(prepared.snapshot()));
        System.out.printf("drover: engine build %.2f s, plan %.2f s, %,d migrations, %,d blocked %s, %d waves, "
                + "estimated %s, peak heap %,d MiB, feasible %s%n", prepared.engineSeconds(), outcome.planSeconds(),
                outcome.migrations(), outcome.blocked(), outcome.blockedByRule(), outcome.waves(),
                outcome.estimated(), outcome.peakHeapBytes() >> 20,
                outcome.verification().feasible() ? "yes" : "NO");
        System.out.printf("check: %,d guests on drained hosts; fullest host after the plan %.1f%%%n",
                outcome.verification().guestsToMove(), 100 * outcome.verification().maxFinalMemoryFill());
        outcome.verification().problems().stream().limit(20).forEach(problem -> System.out.println("  " + problem));
    }

    /** Memory used over memory available, fleet-wide, before the drain. */
    static double memoryFill(FleetSnapshot snapshot) {
        CompatibilityPolicy policy = CompatibilityPolicy.defaults();
        double used = 0;
        double capacity = 0;
        for (SnapshotHost entry : snapshot.hosts()) {
            capacity += memoryCapacity(entry.host().orElseThrow(), policy);
            for (Guest guest : entry.guests()) {
                used += guest.state().isActive() ? demand(guest, policy) : 0;
            }
        }
        return used / capacity;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The independent check: from the snapshot and the plan's records only (no planner, solver or wave classes).
    // ---------------------------------------------------------------------------------------------------------

    static Verification verify(Plan plan, FleetSnapshot snapshot, CompatibilityEngine engine,
            CompatibilityPolicy policy, Set<String> drained, PlanLimits limits) {
        List<String> problems = new ArrayList<>();
        Map<String, Host> hosts = new HashMap<>();
        Map<String, long[]> used = new HashMap<>(); // memory bytes, vCPUs
        Map<UUID, Guest> guests = new HashMap<>();
        Map<UUID, String> location = new HashMap<>();
        Set<UUID> mustMove = new HashSet<>();
        for (SnapshotHost entry : snapshot.hosts()) {
            Host host = entry.host().orElseThrow();
            hosts.put(entry.name(), host);
            long[] load = new long[2];
            for (Guest guest : entry.guests()) {
                guests.put(guest.uuid(), guest);
                location.put(guest.uuid(), entry.name());
                if (guest.state().isActive()) {
                    load[0] += demand(guest, policy);
                    load[1] += guest.vcpus();
                }
                if (drained.contains(entry.name())) {
                    mustMove.add(guest.uuid());
                }
            }
            used.put(entry.name(), load);
        }
        Set<UUID> moved = new HashSet<>();
        for (PlannedMigration move : (Iterable<PlannedMigration>) plan.migrations()::iterator) {
            Guest guest = guests.get(move.uuid());
            if (guest == null) {
                problems.add("migration of unknown guest " + move.guest());
                continue;
            }
            if (!moved.add(move.uuid())) {
                problems.add(move.guest() + " migrates more than once");
            }
            if (!move.source().equals(location.get(move.uuid()))) {
                problems.add(move.guest() + " migrates from " + move.source() + " but runs on "
                        + location.get(move.uuid()));
            }
            if (!drained.contains(move.source())) {
                problems.add("unneeded migration: " + move.guest() + " leaves " + move.source()
                        + ", which is not drained");
            }
            if (drained.contains(move.destination()) || !hosts.containsKey(move.destination())
                    || move.destination().equals(move.source())) {
                problems.add(move.guest() + " goes to " + move.destination()
                        + ", which is drained, unknown or its source");
            } else if (!engine.allowedIgnoringLoad(guestIndex(engine, move), engine.hostId(move.destination()))) {
                problems.add(move.guest() + " → " + move.destination() + " is refused by the compatibility rules");
            }
        }
        Set<UUID> blocked = new HashSet<>();
        for (BlockedGuest guest : plan.blocked()) {
            if (!blocked.add(guest.uuid()) || moved.contains(guest.uuid())) {
                problems.add(guest.guest() + " is listed blocked twice, or both blocked and moved");
            }
            if (guest.reasons().isEmpty()) {
                problems.add(guest.guest() + " is blocked without a reason");
            }
        }
        for (UUID uuid : mustMove) {
            if (!moved.contains(uuid) && !blocked.contains(uuid)) {
                problems.add(guests.get(uuid).name() + " is on a drained host but neither moved nor blocked");
            }
        }
        // Waves: limits, and capacity while guests are in flight (a moving guest holds both hosts until its wave
        // ends).
        for (MigrationWave wave : plan.phases().stream().flatMap(phase -> phase.waves().stream()).toList()) {
            if (wave.migrations().size() > limits.maxConcurrent()) {
                problems.add("wave " + wave.number() + " runs " + wave.migrations().size() + " migrations");
            }
            Map<String, Integer> out = new HashMap<>();
            Map<String, Integer> in = new HashMap<>();
            for (PlannedMigration move : wave.migrations()) {
                Guest guest = guests.get(move.uuid());
                if (guest == null || !hosts.containsKey(move.destination())) {
                    continue;
                }
                out.merge(move.source(), 1, Integer::sum);
                in.merge(move.destination(), 1, Integer::sum);
                long[] load = used.get(move.destination());
                load[0] += demand(guest, policy);
                load[1] += guest.vcpus();
            }
            out.forEach((host, count) -> {
                if (count > limits.maxOutboundPerHost()) {
                    problems.add("wave " + wave.number() + ": " + count + " migrations leave " + host);
                }
            });
            in.forEach((host, count) -> {
                if (count > limits.maxInboundPerHost()) {
                    problems.add("wave " + wave.number() + ": " + count + " migrations arrive at " + host);
                }
                long[] load = used.get(host);
                Host facts = hosts.get(host);
                if (load[0] > memoryCapacity(facts, policy) || load[1] > vcpuCapacity(facts, policy)) {
                    problems.add("wave " + wave.number() + ": " + host + " over capacity while guests are in flight ("
                            + (load[0] >> 20) + " MiB, " + load[1] + " vCPUs)");
                }
            });
            for (PlannedMigration move : wave.migrations()) {
                Guest guest = guests.get(move.uuid());
                if (guest != null) {
                    long[] load = used.get(move.source());
                    load[0] -= demand(guest, policy);
                    load[1] -= guest.vcpus();
                }
            }
        }
        double maxFill = 0;
        for (Map.Entry<String, long[]> entry : used.entrySet()) {
            Host facts = hosts.get(entry.getKey());
            long[] load = entry.getValue();
            if (load[0] > memoryCapacity(facts, policy) || load[1] > vcpuCapacity(facts, policy)) {
                problems.add(entry.getKey() + " over capacity after the plan");
            }
            maxFill = Math.max(maxFill, load[0] / memoryCapacity(facts, policy));
        }
        return new Verification(problems, mustMove.size(), maxFill);
    }

    private static int guestIndex(CompatibilityEngine engine, PlannedMigration move) {
        return engine.guestId(move.guest(), java.util.Optional.of(move.source()));
    }

    static long demand(Guest guest, CompatibilityPolicy policy) {
        return FleetLoad.demandMemory(guest, policy);
    }

    /** As a double: the benchmarks divide by it for load shares. */
    static double memoryCapacity(Host host, CompatibilityPolicy policy) {
        return policy.memoryCapacity(host);
    }

    static double vcpuCapacity(Host host, CompatibilityPolicy policy) {
        return policy.vcpuCapacity(host);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Heap: the sum of every heap pool's peak since the last reset (an upper bound on the peak heap in use).
    // ---------------------------------------------------------------------------------------------------------

    public static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
