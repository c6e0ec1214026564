package io.drover.plan.campaign;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.Fixtures;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.AntiAffinity;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.BlockedGuest;
import io.drover.plan.Plan;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.TransferHistory;
import io.drover.plan.check.PlanChecker;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.solver.PlacementSolver.SolverSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignPlannerTest {

    private static final UpgradeTarget QEMU_8_2 = new UpgradeTarget(Optional.of(Version.parse("10.0.0")),
            Optional.of(Version.parse("8.2.0")), Optional.empty());
    private static final CampaignPlanner PLANNER = new CampaignPlanner(Fixtures.CPU_MAP, PlanLimits.DEFAULTS,
            new PlacementSolver(new SolverSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 0L,
                    EnvironmentMode.FULL_ASSERT)),
            TransferHistory.NONE, Clock.fixed(Instant.parse("2026-11-25T23:00:00Z"), ZoneOffset.UTC));

    private static Guest movable(String name, int gib) {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("instance-000028ae", name)
                .replace("0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906", UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2")
                .replace("<memory unit='KiB'>1048576</memory>", "<memory unit='GiB'>" + gib + "</memory>"));
    }

    private static Fixtures.HostBuilder skylake(String name) {
        return host(name).cpu("Skylake-Client", "Intel").hostModel("Skylake-Client", "Intel", "hypervisor")
                .capacity(32, ByteSize.ofGiB(12));
    }

    private static Plan checked(FleetSnapshot snapshot, Plan plan) {
        assertThat(PlanChecker.check(plan, snapshot, Fixtures.CPU_MAP)).as("independent check").isEmpty();
        return plan;
    }

    @Test
    void upgradesHostByHostMovingGuestsOnlyToTheSameOrNewerVersions() {
        FleetSnapshot snapshot = Fixtures.snapshot(
                skylake("kvm-1").guest(movable("a1", 4)).guest(movable("a2", 4)).build(),
                skylake("kvm-2").guest(movable("b1", 2)).build(),
                skylake("kvm-3").guest(movable("c1", 1)).build(),
                skylake("kvm-4").build());

        Plan plan = checked(snapshot, PLANNER.plan(snapshot, CompatibilityPolicy.defaults(),
                List.of("kvm-1", "kvm-2", "kvm-3", "kvm-4"), QEMU_8_2, 1, 0.0));

        assertThat(plan.blocked()).isEmpty();
        // Least loaded first: the empty kvm-4 is upgraded without a migration, and then receives guests.
        assertThat(plan.phases()).extracting(PlanPhase::hostsToUpgrade)
                .containsExactly(List.of("kvm-4"), List.of("kvm-3"), List.of("kvm-2"), List.of("kvm-1"));
        assertThat(plan.phases().get(0).waves()).isEmpty();
        // Once kvm-4 runs 8.2, no guest lands on a host still to be upgraded: every guest moves exactly once.
        assertThat(plan.migrations()).extracting(PlannedMigration::guest)
                .containsExactlyInAnyOrder("a1", "a2", "b1", "c1");
        assertThat(plan.upgradeTo()).contains(QEMU_8_2);
        assertThat(plan.id()).isEqualTo("campaign-1-20261125-230000");
    }

    @Test
    void aHostWhoseGuestCannotLeaveIsNotUpgraded() {
        Guest stuck = guest(RBD_GUEST, DiskSharing.SHARED); // pc-i440fx-rhel7.5.0: no Debian QEMU offers it
        FleetSnapshot snapshot = Fixtures.snapshot(
                skylake("kvm-1").guest(stuck).build(),
                skylake("kvm-2").guest(movable("b1", 1)).build(),
                skylake("kvm-3").build());

        Plan plan = checked(snapshot, PLANNER.plan(snapshot, CompatibilityPolicy.defaults(),
                List.of("kvm-1", "kvm-2"), QEMU_8_2, 2, 0.1));

        assertThat(plan.phases()).singleElement()
                .satisfies(phase -> assertThat(phase.hostsToUpgrade()).containsExactly("kvm-2"));
        assertThat(plan.blocked()).extracting(BlockedGuest::guest, BlockedGuest::host)
                .containsExactly(tuple("instance-000028ae", "kvm-1"));
        assertThat(plan.policy().memoryOvercommit()).isEqualTo(0.9); // 10% headroom
    }

    @Test
    void guestsOfAnAntiAffinityGroupEndOnDistinctHosts() {
        // kvm-2 has room for both a1 and a2, kvm-3 runs c1 of their group: one goes to kvm-2, the other to kvm-4.
        FleetSnapshot snapshot = Fixtures.snapshot(
                skylake("kvm-1").guest(movable("a1", 4)).guest(movable("a2", 4)).build(),
                skylake("kvm-2").capacity(32, ByteSize.ofGiB(32)).build(),
                skylake("kvm-3").guest(movable("c1", 1)).build(),
                skylake("kvm-4").build());

        Plan plan = checked(snapshot, PLANNER.plan(snapshot, CompatibilityPolicy.defaults(), List.of("kvm-1"),
                QEMU_8_2, 1, 0.0, new AntiAffinity(List.of(new AntiAffinityGroup("db", List.of("a1", "a2", "c1"))))));

        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.migrations()).extracting(PlannedMigration::destination)
                .containsExactlyInAnyOrder("kvm-2", "kvm-4");
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        FleetSnapshot snapshot = Fixtures.snapshot(skylake("kvm-1").build());

        assertThatThrownBy(() -> PLANNER.plan(snapshot, CompatibilityPolicy.defaults(), List.of("kvm-1"), QEMU_8_2,
                0, 0.0)).hasMessage("batch size must be at least 1, not 0");
    }
}
