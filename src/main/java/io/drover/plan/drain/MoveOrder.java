package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.FleetIndex;
import io.drover.compat.MigrationMode;
import io.drover.compat.Verdict;
import io.drover.model.ByteSize;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.plan.AntiAffinity;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationEstimate;
import io.drover.plan.MigrationWave;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import io.drover.plan.TransferHistory;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.wave.GroupPresence;
import io.drover.plan.wave.HostRoom;
import io.drover.plan.wave.WaveSchedule;
import io.drover.plan.wave.WaveScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * From solved placements to what a plan file holds: each moved guest as a migration (mode and copied disks from the
 * compatibility rules), ordered into waves on the fleet as it stands, and the moves no wave can take as blocked.
 * Shared by every planner.
 */
public final class MoveOrder {

    private final CompatibilityEngine engine;
    private final PlanLimits limits;
    private final TransferHistory history;

    public MoveOrder(CompatibilityEngine engine, PlanLimits limits, TransferHistory history) {
        this.engine = engine;
        this.limits = limits;
        this.history = history;
    }

    /** The waves, numbered from {@code firstWave}, and the moves none of them could take. */
    public record Ordered(List<MigrationWave> waves, List<BlockedGuest> unscheduled) {

        public Ordered {
            waves = List.copyOf(waves);
            unscheduled = List.copyOf(unscheduled);
        }
    }

    public PlannedMigration migration(GuestPlacement placement) {
        int guest = placement.getGuestIndex();
        Guest facts = engine.fleet().guest(guest);
        Verdict verdict = engine.check(guest, engine.hostId(placement.getTarget().getName()));
        MigrationMode mode = verdict.mode().orElseThrow();
        ByteSize diskCopy = MigrationEstimate.diskCopy(facts, mode, verdict.copyDisks());
        ByteSize memorySent = MigrationEstimate.memorySent(facts, history);
        return new PlannedMigration(facts.name(), facts.uuid(), placement.getOrigin().getName(),
                placement.getTarget().getName(), mode, verdict.copyDisks(), ByteSize.ofMiB(placement.getMemoryMiB()),
                diskCopy, facts.vcpus(), memorySent, MigrationEstimate.of(memorySent, diskCopy, limits.bandwidthMiBs()),
                verdict.risks().stream().map(risk -> risk.ruleId() + ": " + risk.reason()).toList());
    }

    public Ordered order(List<GuestPlacement> moved, AntiAffinity antiAffinity, int firstWave) {
        List<PlannedMigration> moves = moved.stream().map(this::migration).toList();
        WaveSchedule schedule = new WaveScheduler(limits).schedule(moves, rooms(),
                GroupPresence.of(engine.fleet().snapshot(), antiAffinity), firstWave);
        List<BlockedGuest> unscheduled = new ArrayList<>();
        for (PlannedMigration move : schedule.unscheduled()) {
            unscheduled.add(new BlockedGuest(move.guest(), move.uuid(), move.source(), List.of(
                    new BlockReason("wave", "no wave can take the move to " + move.destination()
                            + ": it never has room (or a guest of its anti-affinity group) while the guests leaving"
                            + " it are still in flight",
                            "free capacity on " + move.destination() + " or plan with a larger headroom"))));
        }
        return new Ordered(schedule.waves(), unscheduled);
    }

    /** Each host's room before any move: capacity (overcommit applied) less what its active guests take now. */
    private List<HostRoom> rooms() {
        FleetIndex fleet = engine.fleet();
        return IntStream.range(0, fleet.hostCount()).filter(fleet::hasFacts).mapToObj(h -> {
            Host host = fleet.host(h);
            long memory = fleet.policy().memoryCapacity(host);
            int vcpus = (int) fleet.policy().vcpuCapacity(host);
            return new HostRoom(host.name(), memory - fleet.load().usedMemory(h), vcpus - fleet.load().usedVcpus(h));
        }).toList();
    }
}
