package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.compat.Verdict;
import io.drover.model.ByteSize;
import io.drover.model.Guest;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationEstimate;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.PlacementSolution;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.wave.HostRoom;
import io.drover.plan.wave.WaveSchedule;
import io.drover.plan.wave.WaveScheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Plans emptying hosts: only the guests on those hosts move (no other migration), each to a host every rule allows,
 * with capacity held at the end and, wave by wave, while guests are in flight. Guests that cannot move are listed
 * with every reason.
 */
public final class DrainPlanner {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final CompatibilityEngine engine;
    private final PlanLimits limits;
    private final PlacementSolver solver;
    private final Clock clock;

    public DrainPlanner(CompatibilityEngine engine, PlanLimits limits, PlacementSolver solver, Clock clock) {
        this.engine = engine;
        this.limits = limits;
        this.solver = solver;
        this.clock = clock;
    }

    public Plan plan(List<String> hostsToEmpty) {
        FleetIndex fleet = engine.fleet();
        Set<Integer> emptied = hostsToEmpty.stream().map(engine::hostId).collect(Collectors.toSet());
        PlacementSolution solved = solver.solve(PlacementProblem.emptying(engine, emptied));
        List<Integer> kept = IntStream.range(0, fleet.hostCount())
                .filter(h -> fleet.isOk(h) && !emptied.contains(h)).boxed().toList();

        List<PlannedMigration> moves = new ArrayList<>();
        List<BlockedGuest> blocked = new ArrayList<>();
        for (GuestPlacement placement : solved.getGuests()) {
            if (placement.isMoved()) {
                moves.add(migration(placement));
            } else {
                blocked.add(blockedGuest(placement, BlockReasons.of(engine, placement, kept)));
            }
        }
        WaveSchedule schedule = new WaveScheduler(limits).schedule(moves, rooms(solved), 1);
        for (PlannedMigration unscheduled : schedule.unscheduled()) {
            blocked.add(new BlockedGuest(unscheduled.guest(), unscheduled.uuid(), unscheduled.source(), List.of(
                    new BlockReason("wave", "no wave can take the move to " + unscheduled.destination()
                            + ": it never has room while the guests leaving it are still in flight",
                            "free capacity on " + unscheduled.destination() + " or plan with a larger headroom"))));
        }
        blocked.sort(Comparator.comparing(BlockedGuest::host).thenComparing(BlockedGuest::guest));
        Instant now = clock.instant();
        return new Plan("drain-" + fleet.snapshot().id() + "-" + ID_TIME.format(now), PlanKind.DRAIN,
                fleet.snapshot().id(), now, hostsToEmpty, limits, fleet.policy(),
                List.of(new PlanPhase(1, List.of(), schedule.waves())), blocked);
    }

    private PlannedMigration migration(GuestPlacement placement) {
        int guest = placement.getGuestIndex();
        Guest facts = engine.fleet().guest(guest);
        Verdict verdict = engine.check(guest, engine.hostId(placement.getTarget().getName()));
        ByteSize demand = ByteSize.ofMiB(placement.getMemoryMiB());
        return new PlannedMigration(facts.name(), facts.uuid(), placement.getOrigin().getName(),
                placement.getTarget().getName(), verdict.mode().orElseThrow(), verdict.copyDisks(), demand,
                facts.vcpus(), MigrationEstimate.of(facts.memory(), limits.bandwidthMiBs()),
                verdict.risks().stream().map(risk -> risk.ruleId() + ": " + risk.reason()).toList());
    }

    private BlockedGuest blockedGuest(GuestPlacement placement, List<BlockReason> reasons) {
        Guest facts = engine.fleet().guest(placement.getGuestIndex());
        return new BlockedGuest(facts.name(), facts.uuid(), placement.getOrigin().getName(), reasons);
    }

    /** Each kept host's room before any move: capacity less what runs there now. */
    private static List<HostRoom> rooms(PlacementSolution solved) {
        return solved.getHosts().stream().filter(slot -> !slot.isEvacuated())
                .map(DrainPlanner::room).toList();
    }

    private static HostRoom room(HostSlot slot) {
        long mib = 1024L * 1024;
        return new HostRoom(slot.getName(), (slot.getMemoryCapacityMiB() - slot.getBaseMemoryMiB()) * mib,
                slot.getVcpuCapacity() - slot.getBaseVcpus());
    }
}
