package io.drover.plan.drain;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.Fixtures;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import io.drover.plan.AntiAffinity;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanLimits;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DrainPlannerTest {

    private static final PlacementSolver SOLVER = new PlacementSolver(new SolverSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(1), 0L, EnvironmentMode.FULL_ASSERT));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T22:00:00Z"), ZoneOffset.UTC);

    /** A live-migratable 1 GiB guest (rbd disks, Debian's machine type) with its own name and UUID. */
    private static Guest movable(String name) {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("instance-000028ae", name)
                .replace("0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906", UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2"));
    }

    /** A Debian 12 host on a Skylake CPU under KVM (hence 'hypervisor'), which runs the golden Broadwell guests. */
    private static Fixtures.HostBuilder skylake(String name) {
        return host(name).cpu("Skylake-Client", "Intel").hostModel("Skylake-Client", "Intel", "hypervisor");
    }

    /** Plans a drain, and checks the plan with the independent checker before any test looks at it. */
    private static Plan drain(PlanLimits limits, List<String> hosts, SnapshotHost... fleet) {
        return drain(limits, hosts, AntiAffinity.NONE, fleet);
    }

    private static Plan drain(PlanLimits limits, List<String> hosts, AntiAffinity antiAffinity,
            SnapshotHost... fleet) {
        FleetSnapshot snapshot = Fixtures.snapshot(fleet);
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(),
                Fixtures.CPU_MAP);
        Plan plan = new DrainPlanner(engine, limits, SOLVER, TransferHistory.NONE, CLOCK).plan(hosts, antiAffinity);
        assertThat(PlanChecker.check(plan, snapshot, Fixtures.CPU_MAP))
                .as("independent check of the plan").isEmpty();
        return plan;
    }

    @Test
    void movesOnlyTheDrainedHostsGuestsToCompatibleHostsWithRoom() {
        Plan plan = drain(PlanLimits.DEFAULTS, List.of("kvm-1"),
                skylake("kvm-1").capacity(16, ByteSize.ofGiB(16)).guest(movable("web-1")).guest(movable("web-2"))
                        .guest(movable("web-3")).build(),
                skylake("kvm-2").capacity(16, ByteSize.ofGiB(3)).guest(movable("db-1")).build(),
                skylake("kvm-3").capacity(16, ByteSize.ofGiB(16)).build(),
                // Older QEMU: a guest from 7.2 must never land here.
                skylake("kvm-old").versions("9.0.0", "6.2.0").capacity(16, ByteSize.ofGiB(64)).build());

        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.migrations()).extracting(PlannedMigration::guest)
                .containsExactlyInAnyOrder("web-1", "web-2", "web-3");
        assertThat(plan.migrations()).allSatisfy(move -> {
            assertThat(move.source()).isEqualTo("kvm-1");
            assertThat(move.mode()).isEqualTo(MigrationMode.LIVE);
            assertThat(move.copyDisks()).isEmpty();
        });
        // kvm-2 has 3 GiB with db-1 (1 GiB + 256 MiB overhead) on it: room for one more 1.25 GiB guest at most.
        assertThat(plan.migrations().filter(move -> move.destination().equals("kvm-2")).count()).isLessThanOrEqualTo(1);
        assertThat(plan.migrations()).noneMatch(move -> move.destination().equals("kvm-old"));
        // One outbound migration per host at a time: kvm-1's three guests leave in three waves.
        assertThat(plan.phases().get(0).waves()).hasSize(3)
                .allSatisfy(wave -> assertThat(wave.migrations()).hasSize(1));
        assertThat(plan.id()).isEqualTo("drain-1-20261125-220000");
    }

    @Test
    void everyGuestThatCannotMoveIsListedWithEveryReason() {
        Guest rhelMachine = guest(RBD_GUEST, DiskSharing.SHARED); // pc-i440fx-rhel7.5.0: no Debian QEMU has it
        Plan plan = drain(PlanLimits.DEFAULTS, List.of("kvm-1"),
                skylake("kvm-1").capacity(16, ByteSize.ofGiB(16)).guest(rhelMachine).guest(movable("big-1"))
                        .guest(movable("big-2")).build(),
                skylake("kvm-2").capacity(16, ByteSize.ofMiB(1536)).build());

        assertThat(plan.migrations()).hasSize(1);
        assertThat(plan.blocked()).extracting(BlockedGuest::guest)
                .containsExactlyInAnyOrder("instance-000028ae", plan.migrations().findFirst().orElseThrow()
                        .guest().equals("big-1") ? "big-2" : "big-1");
        BlockedGuest machine = plan.blocked().stream().filter(b -> b.guest().equals("instance-000028ae"))
                .findFirst().orElseThrow();
        assertThat(machine.reasons()).extracting(BlockReason::ruleId).contains("machine-type");
        assertThat(machine.reasons()).filteredOn(reason -> reason.ruleId().equals("machine-type")).singleElement()
                .satisfies(reason -> assertThat(reason.reason()).contains("pc-i440fx-rhel7.5.0", "kvm-2"));
        BlockedGuest noRoom = plan.blocked().stream().filter(b -> b.guest().startsWith("big")).findFirst()
                .orElseThrow();
        assertThat(noRoom.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("capacity");
            assertThat(reason.reason()).isEqualTo("no host the rules allow has room for 1280 MiB and 1 vCPU (hosts allowed: 1)");
        });
    }

    @Test
    void wavesRespectInboundAndFleetLimits() {
        Plan plan = drain(new PlanLimits(4, 1, 2, 1024), List.of("kvm-1", "kvm-2"),
                skylake("kvm-1").capacity(16, ByteSize.ofGiB(16)).guest(movable("a")).guest(movable("b")).build(),
                skylake("kvm-2").capacity(16, ByteSize.ofGiB(16)).guest(movable("c")).build(),
                skylake("kvm-3").capacity(64, ByteSize.ofGiB(64)).build());

        assertThat(plan.migrations()).hasSize(3);
        for (MigrationWave wave : plan.phases().get(0).waves()) {
            assertThat(wave.migrations()).hasSizeLessThanOrEqualTo(1); // one inbound slot on kvm-3
        }
    }

    @Test
    void guestsOfAnAntiAffinityGroupLeaveForDistinctHostsAndAvoidTheirGroupsHosts() {
        // kvm-2 has the most room but runs db-3; db-1 and db-2 cannot share kvm-3 or kvm-4 either.
        Plan plan = drain(PlanLimits.DEFAULTS, List.of("kvm-1"),
                new AntiAffinity(List.of(new AntiAffinityGroup("db", List.of("db-1", "db-2", "db-3")))),
                skylake("kvm-1").capacity(16, ByteSize.ofGiB(16)).guest(movable("db-1")).guest(movable("db-2"))
                        .build(),
                skylake("kvm-2").capacity(16, ByteSize.ofGiB(64)).guest(movable("db-3")).build(),
                skylake("kvm-3").capacity(16, ByteSize.ofGiB(8)).build(),
                skylake("kvm-4").capacity(16, ByteSize.ofGiB(8)).build());

        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.migrations()).extracting(PlannedMigration::destination)
                .containsExactlyInAnyOrder("kvm-3", "kvm-4");
        assertThat(plan.antiAffinity()).hasSize(1);
    }
}
