package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.plan.AntiAffinity;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.TransferHistory;
import io.drover.plan.solver.PlacementSolver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans emptying hosts: only the guests on those hosts move (no other migration), each to a host every rule allows,
 * with capacity held at the end and, wave by wave, while guests are in flight. Guests that cannot move are listed
 * with every reason.
 */
public final class DrainPlanner {

    private final CompatibilityEngine engine;
    private final PlanLimits limits;
    private final PlacementSolver solver;
    private final TransferHistory history;
    private final Clock clock;

    public DrainPlanner(CompatibilityEngine engine, PlanLimits limits, PlacementSolver solver,
            TransferHistory history, Clock clock) {
        this.engine = engine;
        this.limits = limits;
        this.solver = solver;
        this.history = history;
        this.clock = clock;
    }

    public Plan plan(List<String> hostsToEmpty) {
        return plan(hostsToEmpty, AntiAffinity.NONE);
    }

    /** A drain that keeps the guests of every anti-affinity group on distinct hosts. */
    public Plan plan(List<String> hostsToEmpty, AntiAffinity antiAffinity) {
        FleetIndex fleet = engine.fleet();
        HostEmptier.Emptying emptying = new HostEmptier(limits, solver, antiAffinity, history)
                .empty(engine, Set.copyOf(hostsToEmpty), Set.of(), 1);
        Instant now = clock.instant();
        return new Plan(Plan.id(PlanKind.DRAIN, fleet.snapshot().id(), now), PlanKind.DRAIN, fleet.snapshot().id(),
                now, hostsToEmpty, limits, fleet.policy(), Optional.empty(),
                List.of(new PlanPhase(1, hostsToEmpty, List.of(), emptying.waves())), emptying.blocked(),
                Optional.empty(), antiAffinity.groups());
    }
}
