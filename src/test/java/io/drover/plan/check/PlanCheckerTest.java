package io.drover.plan.check;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.Fixtures;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.HostLoad;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-made plans, right and wrong, against a small fleet: the checker trusts only the plan and the snapshot. */
class PlanCheckerTest {

    private static final Guest WEB = movable("web-1");
    private static final Guest DB = movable("db-1");
    private static final FleetSnapshot SNAPSHOT = Fixtures.snapshot(
            skylake("kvm-1").capacity(16, ByteSize.ofGiB(8)).guest(WEB).guest(DB).build(),
            skylake("kvm-2").capacity(16, ByteSize.ofGiB(2)).build(),
            skylake("kvm-3").capacity(16, ByteSize.ofGiB(8)).build(),
            skylake("kvm-old").versions("9.0.0", "6.2.0").capacity(16, ByteSize.ofGiB(8)).build());

    private static Guest movable(String name) {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("instance-000028ae", name)
                .replace("0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906", UUID.nameUUIDFromBytes(name.getBytes()).toString())
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2"));
    }

    private static Fixtures.HostBuilder skylake(String name) {
        return host(name).cpu("Skylake-Client", "Intel").hostModel("Skylake-Client", "Intel", "hypervisor");
    }

    private static PlannedMigration move(Guest guest, String from, String to) {
        return new PlannedMigration(guest.name(), guest.uuid(), from, to, MigrationMode.LIVE, List.of(),
                ByteSize.ofMiB(1280), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
    }

    private static Plan drainOfKvm1(List<MigrationWave> waves) {
        return new Plan("drain-test", PlanKind.DRAIN, SNAPSHOT.id(), Instant.EPOCH, List.of("kvm-1"),
                new PlanLimits(1, 2, 16, 1024), CompatibilityPolicy.defaults(), Optional.empty(), List.of(new PlanPhase(1, List.of("kvm-1"), List.of(), waves)), List.of(), Optional.empty(), List.of());
    }

    @Test
    void aSoundPlanHasNoProblem() {
        Plan plan = drainOfKvm1(List.of(new MigrationWave(1, List.of(move(WEB, "kvm-1", "kvm-3"))),
                new MigrationWave(2, List.of(move(DB, "kvm-1", "kvm-3")))));

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).isEmpty();
    }

    @Test
    void limitsCapacityRulesAndCompletenessAreEachChecked() {
        Plan plan = drainOfKvm1(List.of(new MigrationWave(1, List.of(
                move(WEB, "kvm-1", "kvm-2"),      // 1,280 MiB onto 2 GiB: fits alone
                move(DB, "kvm-1", "kvm-2")))));   // second outbound from kvm-1, and 2,560 MiB > 2,048 MiB

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).containsExactly(
                "wave 1: 2 migrations leave kvm-1, over the limit of 1",
                "wave 1: kvm-2 would hold 2560 MiB and 2 vCPUs, over its 2048 MiB and 64 vCPUs");
    }

    @Test
    void aMoveToAnOlderHostIsRefusedByTheRules() {
        Plan plan = drainOfKvm1(List.of(new MigrationWave(1, List.of(move(WEB, "kvm-1", "kvm-old"))),
                new MigrationWave(2, List.of(move(DB, "kvm-1", "kvm-3")))));

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).singleElement().asString()
                .startsWith("wave 1, web-1 → kvm-old: versions: kvm-old runs QEMU 6.2.0, older than 7.2.0");
    }

    @Test
    void aGuestLeftOnTheDrainedHostMustBeListedAsBlocked() {
        Plan plan = drainOfKvm1(List.of(new MigrationWave(1, List.of(move(WEB, "kvm-1", "kvm-3")))));

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).containsExactly(
                "db-1 stays on drained host kvm-1 and is not listed as blocked");
    }

    @Test
    void aMoveFromWhereTheGuestIsNotIsCaught() {
        Plan plan = drainOfKvm1(List.of(new MigrationWave(1, List.of(move(WEB, "kvm-3", "kvm-2"),
                move(DB, "kvm-1", "kvm-3")))));

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).contains(
                "wave 1, web-1: planned from kvm-3 but it runs on kvm-1 at that point",
                "web-1 stays on drained host kvm-1 and is not listed as blocked",
                "web-1 moves from kvm-3, which the drain does not empty");
    }

    @Test
    void aGuestArrivingWhereAGuestOfItsGroupStillIsBreaksAntiAffinity() {
        // web-1 and db-1 in one group: db-1 may not follow web-1 to kvm-3, and not join it there in a later wave.
        Plan plan = new Plan("drain-test", PlanKind.DRAIN, SNAPSHOT.id(), Instant.EPOCH, List.of("kvm-1"),
                new PlanLimits(1, 2, 16, 1024), CompatibilityPolicy.defaults(), Optional.empty(),
                List.of(new PlanPhase(1, List.of("kvm-1"), List.of(), List.of(
                        new MigrationWave(1, List.of(move(WEB, "kvm-1", "kvm-3"))),
                        new MigrationWave(2, List.of(move(DB, "kvm-1", "kvm-3")))))),
                List.of(), Optional.empty(), List.of(new AntiAffinityGroup("front", List.of("web-1", "db-1"))));

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).containsExactly(
                "wave 2, db-1: arrives on kvm-3 where web-1 of anti-affinity group 'front' is during the wave");
    }

    @Test
    void aRebalanceMustSayWhichHostsAreOverItsThresholdAndMoveOnlyAmongItsHosts() {
        // kvm-1 holds 2 × 1,280 MiB of 8,192 (31 %): over a 20 % threshold before; after web-1 leaves, 16 %.
        Plan plan = new Plan("rebalance-test", PlanKind.REBALANCE, SNAPSHOT.id(), Instant.EPOCH,
                List.of("kvm-1", "kvm-2"), new PlanLimits(1, 2, 16, 1024), CompatibilityPolicy.defaults(),
                Optional.empty(), List.of(new PlanPhase(1, List.of(), List.of(), List.of(
                        new MigrationWave(1, List.of(move(WEB, "kvm-1", "kvm-3")))))), List.of(),
                Optional.of(new Rebalance(0.2, Optional.empty(), List.of(new HostLoad("kvm-1", 0.31, 0.03)),
                        List.of(new HostLoad("kvm-1", 0.31, 0.03)))), List.of());

        assertThat(PlanChecker.check(plan, SNAPSHOT, Fixtures.CPU_MAP)).containsExactly(
                "hosts over the 20 % threshold after the plan: [], but the plan says [kvm-1]",
                "web-1 moves from kvm-1 to kvm-3, not both rebalanced hosts");
    }
}
