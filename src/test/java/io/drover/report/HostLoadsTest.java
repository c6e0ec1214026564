package io.drover.report;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostLoadsTest {

    @Test
    void aDestinationPeaksWhileItsIncomingGuestsStillRunOnTheirSources() {
        Guest guest = Fixtures.guest(Fixtures.LAB_TCG_GUEST, DiskSharing.SHARED);
        long demand = guest.memory().bytes() + ByteSize.ofMiB(256).bytes();
        FleetSnapshot snapshot = Fixtures.snapshot(
                Fixtures.host("kvm-1").capacity(8, ByteSize.ofGiB(16)).guest(guest).build(),
                Fixtures.host("kvm-2").capacity(4, ByteSize.ofGiB(8)).build());
        PlannedMigration move = new PlannedMigration(guest.name(), guest.uuid(), "kvm-1", "kvm-2", MigrationMode.LIVE,
                List.of(), new ByteSize(demand), ByteSize.ZERO, guest.vcpus(), ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        Plan plan = new Plan("drain-1-x", PlanKind.DRAIN, 1, Instant.EPOCH, List.of("kvm-1"), PlanLimits.DEFAULTS,
                CompatibilityPolicy.defaults(), Optional.empty(), List.of(new PlanPhase(1, List.of("kvm-1"),
                        List.of(), List.of(new MigrationWave(1, List.of(move))))), List.of(), Optional.empty(),
                List.of());

        List<HostLoad> loads = HostLoads.of(plan, snapshot);

        assertThat(loads).containsExactly(
                new HostLoad("kvm-1", ByteSize.ofGiB(16).bytes(), demand, demand, 0, 32, guest.vcpus(),
                        guest.vcpus(), 0),
                new HostLoad("kvm-2", ByteSize.ofGiB(8).bytes(), 0, demand, demand, 16, 0, guest.vcpus(),
                        guest.vcpus()));
    }
}
