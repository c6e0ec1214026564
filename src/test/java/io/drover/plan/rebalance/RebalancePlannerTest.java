package io.drover.plan.rebalance;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.Fixtures;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import io.drover.plan.AntiAffinity;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.HostLoad;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rebalances of small fleets under the default policy (4 vCPUs per CPU, memory 1:1, 256 MiB per guest): hosts of
 * 16 GiB (16,384 MiB, 80 % = 13,107 MiB) and 16 CPUs (64 vCPUs). Every plan passes the independent checker first.
 */
class RebalancePlannerTest {

    private static final PlacementSolver SOLVER = new PlacementSolver(new SolverSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(1), 0L, EnvironmentMode.FULL_ASSERT));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);

    /** A live-migratable guest (rbd disks) of {@code gib} GiB and {@code vcpus} vCPUs. */
    private static Guest vm(String name, int gib, int vcpus) {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("instance-000028ae", name)
                .replace("0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906", UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2")
                .replace("<memory unit='KiB'>1048576</memory>", "<memory unit='KiB'>" + gib * 1048576 + "</memory>")
                .replace("<currentMemory unit='KiB'>1048576</currentMemory>",
                        "<currentMemory unit='KiB'>" + gib * 1048576 + "</currentMemory>")
                .replace("<vcpu placement='static'>1</vcpu>", "<vcpu placement='static'>" + vcpus + "</vcpu>"));
    }

    private static SnapshotHost kvm(String name, int cpus, int gib, Guest... guests) {
        Fixtures.HostBuilder builder = host(name).cpu("Skylake-Client", "Intel")
                .hostModel("Skylake-Client", "Intel", "hypervisor").capacity(cpus, ByteSize.ofGiB(gib));
        Arrays.stream(guests).forEach(builder::guest);
        return builder.build();
    }

    private static Plan rebalance(double maxLoad, Optional<Integer> maxMigrations, AntiAffinity antiAffinity,
            SnapshotHost... fleet) {
        FleetSnapshot snapshot = Fixtures.snapshot(fleet);
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(),
                Fixtures.CPU_MAP);
        List<String> hosts = Arrays.stream(fleet).map(SnapshotHost::name).toList();
        Plan plan = new RebalancePlanner(engine, PlanLimits.DEFAULTS, SOLVER, TransferHistory.NONE, CLOCK).plan(hosts, maxLoad,
                maxMigrations, antiAffinity);
        assertThat(PlanChecker.check(plan, snapshot, Fixtures.CPU_MAP)).as("independent check of the plan").isEmpty();
        return plan;
    }

    private static List<String> hostsOver(List<HostLoad> loads) {
        return loads.stream().map(HostLoad::host).toList();
    }

    @Test
    void aHotHostShedsTheSmallestGuestThatBringsItUnder() {
        // kvm-1: 3 × 4,352 + 2,304 = 15,360 MiB, 2,253 over 80 %: moving the 2 GiB guest is enough, and so is
        // moving a 4 GiB one; both are one migration, the 2 GiB one moves fewer bytes.
        Plan plan = rebalance(0.8, Optional.empty(), AntiAffinity.NONE,
                kvm("kvm-1", 16, 16, vm("a", 4, 1), vm("b", 4, 1), vm("c", 4, 1), vm("small", 2, 1)),
                kvm("kvm-2", 16, 16, vm("d", 4, 1)),
                kvm("kvm-3", 16, 16));

        assertThat(plan.kind()).isEqualTo(PlanKind.REBALANCE);
        assertThat(plan.migrations()).extracting(PlannedMigration::guest, PlannedMigration::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", "kvm-1"));
        // Of the two hosts with room, the emptier one: imbalance decides once migrations and bytes are equal.
        assertThat(plan.migrations()).extracting(PlannedMigration::destination).containsExactly("kvm-3");
        assertThat(hostsOver(plan.rebalance().orElseThrow().overBefore())).containsExactly("kvm-1");
        assertThat(plan.rebalance().orElseThrow().overAfter()).isEmpty();
        assertThat(plan.blocked()).isEmpty();
    }

    @Test
    void aFleetAlreadyUnderTheThresholdGetsNoMigrationHoweverUneven() {
        // 13,056 MiB (79.7 %) next to an empty host: uneven, but under 80 %, so nothing is worth a migration.
        Plan plan = rebalance(0.8, Optional.empty(), AntiAffinity.NONE,
                kvm("kvm-1", 16, 16, vm("a", 8, 4), vm("b", 4, 2)),
                kvm("kvm-2", 16, 16));

        assertThat(plan.migrations()).isEmpty();
        assertThat(plan.rebalance().orElseThrow().overBefore()).isEmpty();
        assertThat(plan.rebalance().orElseThrow().overAfter()).isEmpty();
    }

    @Test
    void everyHostEndsUnderTheThresholdWhenTheFleetHasRoom() {
        // Two hot hosts (memory, and vCPUs: 60 of 64 on kvm-2) and two cool ones with room for both excesses.
        Plan plan = rebalance(0.8, Optional.empty(), AntiAffinity.NONE,
                kvm("kvm-1", 16, 16, vm("a", 8, 1), vm("b", 4, 1), vm("c", 3, 1)),
                kvm("kvm-2", 16, 16, vm("d", 1, 16), vm("e", 1, 16), vm("f", 1, 16), vm("g", 1, 12)),
                kvm("kvm-3", 16, 16, vm("h", 2, 2)),
                kvm("kvm-4", 16, 16));

        assertThat(hostsOver(plan.rebalance().orElseThrow().overBefore())).containsExactlyInAnyOrder("kvm-1",
                "kvm-2");
        assertThat(plan.rebalance().orElseThrow().overAfter()).isEmpty();
        // One guest off each hot host is enough, and no other guest moves.
        assertThat(plan.migrations()).extracting(PlannedMigration::source).containsExactlyInAnyOrder("kvm-1",
                "kvm-2");
        // kvm-1 needs 1,741 MiB out: c (3 GiB) is the smallest that does it; kvm-2 needs 12 vCPUs out: g.
        assertThat(plan.migrations()).extracting(PlannedMigration::guest).containsExactlyInAnyOrder("c", "g");
    }

    @Test
    void aGuestNeverJoinsAMemberOfItsAntiAffinityGroup() {
        // kvm-1 must shed 'db-1' (the smallest guest that brings it under); kvm-2 is emptier but runs db-2.
        Plan plan = rebalance(0.8, Optional.empty(),
                new AntiAffinity(List.of(new AntiAffinityGroup("db", List.of("db-1", "db-2")))),
                kvm("kvm-1", 16, 16, vm("a", 4, 1), vm("b", 4, 1), vm("c", 4, 1), vm("db-1", 2, 1)),
                kvm("kvm-2", 16, 16, vm("db-2", 1, 1)),
                kvm("kvm-3", 16, 16, vm("d", 6, 1)));

        assertThat(plan.migrations()).extracting(PlannedMigration::guest, PlannedMigration::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db-1", "kvm-3"));
        assertThat(plan.antiAffinity()).extracting(AntiAffinityGroup::name).containsExactly("db");
    }

    @Test
    void theMigrationBudgetCapsThePlanAndSaysWhichHostsStayOver() {
        Plan plan = rebalance(0.8, Optional.of(1), AntiAffinity.NONE,
                kvm("kvm-1", 16, 16, vm("a", 8, 1), vm("b", 4, 1), vm("c", 3, 1)),
                kvm("kvm-2", 16, 16, vm("d", 8, 1), vm("e", 4, 1), vm("f", 2, 1)),
                kvm("kvm-3", 16, 32));

        assertThat(plan.migrations()).hasSize(1);
        assertThat(plan.rebalance().orElseThrow().overAfter()).hasSize(1);
        assertThat(plan.rebalance().orElseThrow().maxMigrations()).contains(1);
    }

    @Test
    void withNoRoomAnywhereNothingMovesAndTheHotHostsAreListed() {
        Plan plan = rebalance(0.5, Optional.empty(), AntiAffinity.NONE,
                kvm("kvm-1", 16, 16, vm("a", 8, 1), vm("b", 4, 1)),
                kvm("kvm-2", 16, 16, vm("c", 8, 1), vm("d", 4, 1)));

        assertThat(plan.migrations()).isEmpty();
        assertThat(hostsOver(plan.rebalance().orElseThrow().overAfter())).containsExactlyInAnyOrder("kvm-1",
                "kvm-2");
    }
}
