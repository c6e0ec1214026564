package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.model.Guest;
import io.drover.plan.AntiAffinity;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.PlanLimits;
import io.drover.plan.TransferHistory;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.PlacementSolution;
import io.drover.plan.solver.PlacementSolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Empties hosts of one fleet state: places their guests (every other guest stays put), orders the moves into waves
 * and lists what cannot move with every reason. A drain is one emptying; an upgrade campaign is one per batch.
 */
public final class HostEmptier {

    private final PlanLimits limits;
    private final PlacementSolver solver;
    private final AntiAffinity antiAffinity;
    private final TransferHistory history;

    public HostEmptier(PlanLimits limits, PlacementSolver solver, AntiAffinity antiAffinity,
            TransferHistory history) {
        this.limits = limits;
        this.solver = solver;
        this.antiAffinity = antiAffinity;
        this.history = history;
    }

    /** The waves that empty {@code hosts}, numbered from {@code firstWave}, and the guests left blocked. */
    public record Emptying(List<MigrationWave> waves, List<BlockedGuest> blocked) {

        public Emptying {
            waves = List.copyOf(waves);
            blocked = List.copyOf(blocked);
        }
    }

    /**
     * @param upgradePending hosts a later step will empty: guests avoid them when another host has room
     */
    public Emptying empty(CompatibilityEngine engine, Set<String> hosts, Set<String> upgradePending, int firstWave) {
        FleetIndex fleet = engine.fleet();
        Set<Integer> emptied = hosts.stream().map(engine::hostId).collect(Collectors.toSet());
        Set<Integer> pending = upgradePending.stream().map(engine::hostId).collect(Collectors.toSet());
        PlacementSolution solved = solver.solve(PlacementProblem.emptying(engine, emptied, pending, antiAffinity));
        List<Integer> kept = IntStream.range(0, fleet.hostCount())
                .filter(h -> fleet.isOk(h) && !emptied.contains(h)).boxed().toList();

        List<GuestPlacement> moved = new ArrayList<>();
        List<BlockedGuest> blocked = new ArrayList<>();
        for (GuestPlacement placement : solved.getGuests()) {
            if (placement.isMoved()) {
                moved.add(placement);
            } else {
                blocked.add(blockedGuest(engine, placement, BlockReasons.of(engine, placement, kept)));
            }
        }
        MoveOrder.Ordered ordered = new MoveOrder(engine, limits, history).order(moved, antiAffinity, firstWave);
        blocked.addAll(ordered.unscheduled());
        blocked.sort(Comparator.comparing(BlockedGuest::host).thenComparing(BlockedGuest::guest));
        return new Emptying(ordered.waves(), blocked);
    }

    private static BlockedGuest blockedGuest(CompatibilityEngine engine, GuestPlacement placement,
            List<BlockReason> reasons) {
        Guest facts = engine.fleet().guest(placement.getGuestIndex());
        return new BlockedGuest(facts.name(), facts.uuid(), placement.getOrigin().getName(), reasons);
    }
}
