package io.drover.plan.job;

import static io.drover.inventory.job.InventoryTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.compat.CompatibilityPolicy;
import java.util.Map;
import io.drover.model.Guest;
import io.drover.model.ByteSize;
import io.drover.execute.MoveState;
import io.drover.execute.MoveRecord;
import io.drover.execute.ApplyStore;
import io.drover.execute.ApplyRun;
import io.drover.compat.CpuMap;
import io.drover.compat.MigrationMode;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.model.FleetSnapshot;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.HostLoad;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.PlannedMigration;
import io.drover.plan.check.PlanChecker;
import io.drover.plan.job.PlanLauncher.PlanRun;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The plan job on the bundled dump of the real lab fleet: a drain planned, written, recorded and checked. */
@SpringBootTest
@ActiveProfiles("test")
class PlanJobTest {

    @Autowired
    InventoryLauncher inventoryLauncher;

    @Autowired
    PlanLauncher planLauncher;

    @Autowired
    SnapshotStore snapshots;

    @Autowired
    PlanStore plans;

    @Autowired
    ApplyStore applyStore;

    @TempDir
    Path dir;

    @Test
    void drainsALabHostIntoAFileTheCheckerAccepts() throws Exception {
        FleetSnapshot snapshot = inventory(inventoryLauncher, snapshots, Path.of("plans/examples/lab-fleet"));

        PlanRun run = planLauncher.run(new PlanRequest(PlanKind.DRAIN, snapshot.id(), List.of("rack=r1"),
                PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), dir.toString(),
                Optional.empty(), Optional.empty(), List.of()));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        Path file = run.planFile().orElseThrow();
        assertThat(file).startsWith(dir);
        PlanFile planFile = new PlanFile();
        Plan plan = planFile.read(file);
        assertThat(plan.hosts()).containsExactly("lab-host1");
        assertThat(plan.migrations()).extracting(PlannedMigration::guest, PlannedMigration::mode)
                .containsExactlyInAnyOrder(tuple("lab-shared", MigrationMode.LIVE),
                        tuple("lab-local", MigrationMode.LIVE_BLOCK_ALL));
        assertThat(plan.blocked()).isEmpty();
        assertThat(plans.contentHash(plan.id())).contains(planFile.contentHash(plan));
        assertThat(PlanChecker.check(plan, snapshot, CpuMap.loadDefault())).isEmpty();
    }

    @Test
    void aGuestMigratedBeforeIsExpectedToSendWhatItSentThenTheOthersTheirMemoryPlusAFifth() throws Exception {
        FleetSnapshot snapshot = inventory(inventoryLauncher, snapshots, Path.of("plans/examples/lab-fleet"));
        PlanRequest drain = new PlanRequest(PlanKind.DRAIN, snapshot.id(), List.of("lab-host1"),
                new PlanLimits(1, 2, 16, 4), CompatibilityPolicy.defaults(), Duration.ofSeconds(5), dir.toString(),
                Optional.empty(), Optional.empty(), List.of());
        Plan first = new PlanFile().read(planLauncher.run(drain).planFile().orElseThrow());
        ApplyRun applied = applyStore.openRun(first, new PlanFile().contentHash(first), "f", null);
        MoveRecord shared = applyStore.moves(applied.id()).stream().filter(m -> m.guest().equals("lab-shared"))
                .findFirst().orElseThrow();
        shared = applyStore.transition(applyStore.transition(shared, MoveState.PREFLIGHT_OK, "ok"),
                MoveState.MIGRATING, "go");
        applyStore.saveJobStats(shared, Map.of("memory_total", String.valueOf(ByteSize.ofMiB(97).bytes()),
                "memory_processed", String.valueOf(ByteSize.ofMiB(10).bytes()), "downtime", "40"));
        applyStore.transition(shared, MoveState.VERIFIED, "running on lab-host2 only");

        Plan again = new PlanFile().read(planLauncher.run(drain).planFile().orElseThrow());

        PlannedMigration sharedAgain = migration(again, "lab-shared");
        assertThat(sharedAgain.memorySent()).isEqualTo(ByteSize.ofMiB(10));
        assertThat(sharedAgain.estimatedDuration()).as("2 s setup + 10 MiB at 4 MiB/s")
                .isEqualTo(Duration.ofMillis(4_500));
        Guest local = snapshot.host("lab-host1").orElseThrow().guests().stream()
                .filter(guest -> guest.name().equals("lab-local")).findFirst().orElseThrow();
        assertThat(migration(again, "lab-local").memorySent())
                .isEqualTo(local.memory().plus(new ByteSize(local.memory().bytes() / 5)));
        assertThat(migration(first, "lab-shared").memorySent()).isNotEqualTo(ByteSize.ofMiB(10));
    }

    private static PlannedMigration migration(Plan plan, String guest) {
        return plan.migrations().filter(m -> m.guest().equals(guest)).findFirst().orElseThrow();
    }

    @Test
    void rebalancesTheWholeLabFleetIntoAFileTheCheckerAccepts() throws Exception {
        FleetSnapshot snapshot = inventory(inventoryLauncher, snapshots, Path.of("plans/examples/lab-fleet"));

        // The lab's hosts hold 5-11 % of their memory and 12-25 % of their vCPUs: over a 10 % threshold.
        PlanRun run = planLauncher.run(new PlanRequest(PlanKind.REBALANCE, snapshot.id(), List.of(),
                PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), dir.toString(),
                Optional.empty(), Optional.of(new PlanRequest.Rebalancing(0.1, Optional.empty())),
                List.of(new AntiAffinityGroup("pair", List.of("lab-shared", "lab-overlay")))));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        Plan plan = new PlanFile().read(run.planFile().orElseThrow());
        assertThat(plan.kind()).isEqualTo(PlanKind.REBALANCE);
        assertThat(plan.hosts()).containsExactly("lab-host1", "lab-host2", "lab-host3");
        assertThat(plan.antiAffinity()).extracting(AntiAffinityGroup::name).containsExactly("pair");
        assertThat(plan.rebalance().orElseThrow().overBefore()).extracting(HostLoad::host).isNotEmpty();
        assertThat(PlanChecker.check(plan, snapshot, CpuMap.loadDefault())).isEmpty();
    }

    @Test
    void anUnknownHostFailsThePlanJobNamingIt() throws Exception {
        FleetSnapshot snapshot = inventory(inventoryLauncher, snapshots, Path.of("plans/examples/lab-fleet"));

        PlanRun run = planLauncher.run(new PlanRequest(PlanKind.DRAIN, snapshot.id(), List.of("lab-host9"),
                PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), dir.toString(),
                Optional.empty(), Optional.empty(), List.of()));

        assertThat(run.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.planFile()).isEmpty();
        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .hasMessage("snapshot " + snapshot.id() + " has no host 'lab-host9'"));
    }
}
