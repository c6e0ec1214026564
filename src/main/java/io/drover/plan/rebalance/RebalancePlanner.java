package io.drover.plan.rebalance;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.model.Host;
import io.drover.plan.AntiAffinity;
import io.drover.plan.HostLoad;
import io.drover.plan.LoadReplay;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.Rebalance;
import io.drover.plan.TransferHistory;
import io.drover.plan.drain.MoveOrder;
import io.drover.plan.drain.PlacementProblem;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.MigrationBudget;
import io.drover.plan.model.PlacementSolution;
import io.drover.plan.solver.PlacementSolver;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a rebalance: every host of the plan ends under a load threshold (its guests' memory and vCPUs as shares of
 * its capacity, the policy's overcommit applied), with as few migrations, then as little memory moved, as the hosts
 * over it need, and otherwise evens out memory. Guests move only among the plan's hosts, each to a host every rule
 * allows, and anti-affinity groups stay spread. A fleet already under the threshold gets no migration: imbalance
 * alone never pays for one, so only the guests of hosts over the threshold are candidates to move.
 *
 * <p>The solver's objective, most important first: rules (capacity, anti-affinity, the migration budget; none
 * broken), how far hosts are over the threshold, migrations, memory moved, imbalance. A migration's estimated
 * duration follows from its memory, so fewer bytes is also less time.
 */
public final class RebalancePlanner {

    private final CompatibilityEngine engine;
    private final PlanLimits limits;
    private final PlacementSolver solver;
    private final TransferHistory history;
    private final Clock clock;

    public RebalancePlanner(CompatibilityEngine engine, PlanLimits limits, PlacementSolver solver,
            TransferHistory history, Clock clock) {
        this.engine = engine;
        this.limits = limits;
        this.solver = solver;
        this.history = history;
        this.clock = clock;
    }

    /**
     * @param hosts         the hosts to rebalance, guests moving only among them
     * @param maxLoad       the share of capacity every host should end under, in (0, 1]
     * @param maxMigrations the most migrations allowed, if limited
     */
    public Plan plan(List<String> hosts, double maxLoad, Optional<Integer> maxMigrations, AntiAffinity antiAffinity) {
        FleetIndex fleet = engine.fleet();
        Set<Integer> scope = hosts.stream().map(engine::hostId).filter(fleet::isOk).collect(Collectors.toSet());
        List<HostLoad> overBefore = overThreshold(hosts, maxLoad, List.of());
        Set<Integer> hot = overBefore.stream().map(load -> engine.hostId(load.host())).collect(Collectors.toSet());
        // Only the guests of hot hosts may move: elsewhere a migration could only buy balance, which never pays
        // for one. (Not planned: moving a guest off a cool host to make room there for a hot host's guest.)
        PlacementSolution problem = PlacementProblem.unplaced(engine, new PlacementProblem.Scope(h -> false,
                h -> false, scope::contains,
                g -> hot.contains(fleet.source(g)) && fleet.guest(g).state().isActive(), maxLoad),
                antiAffinity, maxMigrations.map(MigrationBudget::new));
        RelievingStart.place(problem, maxMigrations);
        PlacementSolution solved = solver.solve(problem);
        List<GuestPlacement> moved = solved.getGuests().stream().filter(GuestPlacement::isMoved).toList();
        MoveOrder.Ordered ordered = new MoveOrder(engine, limits, history).order(moved, antiAffinity, 1);
        Rebalance rebalance = new Rebalance(maxLoad, maxMigrations, overBefore,
                overThreshold(hosts, maxLoad, ordered.waves()));
        Instant now = clock.instant();
        return new Plan(Plan.id(PlanKind.REBALANCE, fleet.snapshot().id(), now), PlanKind.REBALANCE,
                fleet.snapshot().id(), now, hosts, limits, fleet.policy(), Optional.empty(),
                List.of(new PlanPhase(1, List.of(), List.of(), ordered.waves())), ordered.unscheduled(),
                Optional.of(rebalance), antiAffinity.groups());
    }

    /** The hosts over {@code maxLoad} once {@code waves} have run, most loaded first. */
    private List<HostLoad> overThreshold(List<String> hosts, double maxLoad, List<MigrationWave> waves) {
        FleetIndex fleet = engine.fleet();
        LoadReplay replay = new LoadReplay();
        for (String name : hosts) {
            int h = engine.hostId(name);
            replay.start(name, fleet.load().usedMemory(h), fleet.load().usedVcpus(h));
        }
        replay.replay(waves);
        return hosts.stream().filter(name -> fleet.isOk(engine.hostId(name)))
                .map(name -> load(fleet.host(engine.hostId(name)), replay.memory(name).after(),
                        replay.vcpus(name).after(), maxLoad))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(HostLoad::peak).reversed().thenComparing(HostLoad::host))
                .toList();
    }

    /** The host's load when it is over {@code maxLoad} of its memory or of its vCPUs. */
    private Optional<HostLoad> load(Host host, long usedMemory, long usedVcpus, double maxLoad) {
        double memory = engine.fleet().policy().memoryCapacity(host);
        double vcpus = engine.fleet().policy().vcpuCapacity(host);
        if (usedMemory <= maxLoad * memory && usedVcpus <= maxLoad * vcpus) {
            return Optional.empty();
        }
        return Optional.of(new HostLoad(host.name(), usedMemory / Math.max(1, memory),
                usedVcpus / Math.max(1, vcpus)));
    }
}
