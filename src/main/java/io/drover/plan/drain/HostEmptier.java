package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.compat.Verdict;
import io.drover.model.ByteSize;
import io.drover.model.Guest;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationEstimate;
import io.drover.plan.MigrationWave;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.PlacementSolution;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.wave.HostRoom;
import io.drover.plan.wave.WaveSchedule;
import io.drover.plan.wave.WaveScheduler;
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

    private static final long MIB = 1024L * 1024;

    private final PlanLimits limits;
    private final PlacementSolver solver;

    public HostEmptier(PlanLimits limits, PlacementSolver solver) {
        this.limits = limits;
        this.solver = solver;
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
        PlacementSolution solved = solver.solve(PlacementProblem.emptying(engine, emptied, pending));
        List<Integer> kept = IntStream.range(0, fleet.hostCount())
                .filter(h -> fleet.isOk(h) && !emptied.contains(h)).boxed().toList();

        List<PlannedMigration> moves = new ArrayList<>();
        List<BlockedGuest> blocked = new ArrayList<>();
        for (GuestPlacement placement : solved.getGuests()) {
            if (placement.isMoved()) {
                moves.add(migration(engine, placement));
            } else {
                blocked.add(blockedGuest(engine, placement, BlockReasons.of(engine, placement, kept)));
            }
        }
        WaveSchedule schedule = new WaveScheduler(limits).schedule(moves, rooms(solved), firstWave);
        for (PlannedMigration unscheduled : schedule.unscheduled()) {
            blocked.add(new BlockedGuest(unscheduled.guest(), unscheduled.uuid(), unscheduled.source(), List.of(
                    new BlockReason("wave", "no wave can take the move to " + unscheduled.destination()
                            + ": it never has room while the guests leaving it are still in flight",
                            "free capacity on " + unscheduled.destination() + " or plan with a larger headroom"))));
        }
        blocked.sort(Comparator.comparing(BlockedGuest::host).thenComparing(BlockedGuest::guest));
        return new Emptying(schedule.waves(), blocked);
    }

    private PlannedMigration migration(CompatibilityEngine engine, GuestPlacement placement) {
        int guest = placement.getGuestIndex();
        Guest facts = engine.fleet().guest(guest);
        Verdict verdict = engine.check(guest, engine.hostId(placement.getTarget().getName()));
        return new PlannedMigration(facts.name(), facts.uuid(), placement.getOrigin().getName(),
                placement.getTarget().getName(), verdict.mode().orElseThrow(), verdict.copyDisks(),
                ByteSize.ofMiB(placement.getMemoryMiB()), facts.vcpus(),
                MigrationEstimate.of(facts.memory(), limits.bandwidthMiBs()),
                verdict.risks().stream().map(risk -> risk.ruleId() + ": " + risk.reason()).toList());
    }

    private static BlockedGuest blockedGuest(CompatibilityEngine engine, GuestPlacement placement,
            List<BlockReason> reasons) {
        Guest facts = engine.fleet().guest(placement.getGuestIndex());
        return new BlockedGuest(facts.name(), facts.uuid(), placement.getOrigin().getName(), reasons);
    }

    /** Each kept host's room before any move: capacity less what runs there now. */
    private static List<HostRoom> rooms(PlacementSolution solved) {
        return solved.getHosts().stream().filter(slot -> !slot.isEvacuated()).map(HostEmptier::room).toList();
    }

    private static HostRoom room(HostSlot slot) {
        return new HostRoom(slot.getName(), (slot.getMemoryCapacityMiB() - slot.getBaseMemoryMiB()) * MIB,
                slot.getVcpuCapacity() - slot.getBaseVcpus());
    }
}
