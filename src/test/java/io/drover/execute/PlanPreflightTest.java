package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.Fixtures;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.Rebalance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanPreflightTest {

    private static Plan plan(PlanKind kind, List<String> hosts, Optional<Rebalance> rebalance) {
        PlannedMigration move = new PlannedMigration("web-1", UUID.randomUUID(), "kvm-2", "kvm-3", MigrationMode.LIVE,
                List.of(), ByteSize.ofMiB(1280), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        return new Plan("test", kind, 1, Instant.EPOCH, hosts, PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(),
                Optional.empty(), List.of(new PlanPhase(1, List.of(), List.of(), List.of(new MigrationWave(1,
                        List.of(move))))), List.of(), rebalance, List.of());
    }

    @Test
    void aDrainInvolvesItsHostsThenEverySourceAndDestination() {
        assertThat(PlanPreflight.hostsInvolved(plan(PlanKind.DRAIN, List.of("kvm-2", "kvm-9"), Optional.empty())))
                .containsExactly("kvm-2", "kvm-9", "kvm-3");
    }

    @Test
    void aRebalanceOfTheWholeFleetInvolvesOnlyTheHostsItsMovesTouch() {
        Plan rebalance = plan(PlanKind.REBALANCE, List.of("kvm-1", "kvm-2", "kvm-3", "kvm-4"),
                Optional.of(new Rebalance(0.8, Optional.empty(), List.of(), List.of())));

        assertThat(PlanPreflight.hostsInvolved(rebalance)).containsExactly("kvm-2", "kvm-3");
    }

    @Test
    void aGuestMissingBeforeAnEarlierWaveIsRefusedByNameAndTheLaterWavesAreStillChecked() {
        Guest web = Fixtures.guest(Fixtures.RBD_GUEST, DiskSharing.SHARED);
        FleetSnapshot fleet = Fixtures.snapshot(Fixtures.host("kvm-1").guest(web).build(),
                Fixtures.host("kvm-2").build(), Fixtures.host("kvm-3").build());
        UUID gone = UUID.randomUUID();
        PlannedMigration first = new PlannedMigration("gone-1", gone, "kvm-1", "kvm-2", MigrationMode.LIVE,
                List.of(), ByteSize.ofMiB(1280), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        PlannedMigration second = new PlannedMigration(web.name(), web.uuid(), "kvm-1", "kvm-3", MigrationMode.LIVE,
                List.of(), web.memory(), ByteSize.ZERO, web.vcpus(), ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        Plan plan = new Plan("test", PlanKind.DRAIN, 1, Instant.EPOCH, List.of("kvm-1"), PlanLimits.DEFAULTS,
                CompatibilityPolicy.defaults(), Optional.empty(), List.of(new PlanPhase(1, List.of("kvm-1"), List.of(),
                        List.of(new MigrationWave(1, List.of(first)), new MigrationWave(2, List.of(second))))),
                List.of(), Optional.empty(), List.of());
        List<MoveRecord> moves = List.of(record(0, 1, first), record(1, 2, second));

        PlanPreflight.Result result = new PlanPreflight(Fixtures.CPU_MAP).check(plan, fleet, fleet, moves, Set.of());

        assertThat(result.problems()).first().asString()
                .contains("gone-1 (" + gone + ") runs on none of the hosts involved");
        assertThat(result.verdicts()).as("the second wave checked on the fleet as it is").containsOnlyKeys(1);
    }

    private static MoveRecord record(int seq, int wave, PlannedMigration move) {
        return new MoveRecord(1, seq, 1, wave, move.guest(), move.uuid(), move.source(), move.destination(),
                move.mode().name(), MoveState.PENDING, 0, Optional.empty(), Optional.empty(), Instant.EPOCH);
    }
}
