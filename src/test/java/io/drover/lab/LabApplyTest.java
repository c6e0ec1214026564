package io.drover.lab;

import static io.drover.lab.LabGuests.HOME;
import static io.drover.lab.LabGuests.LIVE_P2P;
import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static io.drover.lab.LabGuests.migrate;
import static io.drover.lab.LabGuests.moveBack;
import static io.drover.lab.LabGuests.verifyDisk;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.execute.Applier;
import io.drover.execute.ApplyRun;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.model.ByteSize;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.PlannedMigration;
import io.drover.plan.TransferHistory;
import io.drover.plan.job.PlanLauncher;
import io.drover.store.TransferHistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@code drover apply} on the real lab: a drain of lab-host1 planned by the real planner (lab-shared live on shared
 * storage, lab-local with --copy-storage-all) carried out end to end, with a simulated crash between a move's
 * MIGRATING checkpoint and the migration's end, resumed by applying the plan again; and a stale plan refused. Every
 * guest moved is moved back, so the lab is left as found.
 */
@SpringBootTest
@Import(CrashHook.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabApplyTest extends LabApplyFixture {

    @Autowired
    CrashHook crash;

    @Autowired
    TransferHistoryStore transfers;

    @Test
    void drainsAHostEndToEndAndResumesAfterACrashWithoutMigratingTwice() throws Exception {
        // 32 MiB/s: migrations last seconds, so the executor sees lab-shared's job running (and "dies") before it
        // ends, on an idle machine too (at 512 MiB/s it sometimes finished first)
        Path file = planDrainOfHost1(new PlanLimits(2, 2, 4, 32));
        Plan plan = new PlanFile().read(file);
        Map<String, PlannedMigration> moves = plan.migrations()
                .collect(Collectors.toMap(PlannedMigration::guest, move -> move));
        assertThat(moves.keySet()).containsExactlyInAnyOrder("lab-shared", "lab-local");
        assertThat(moves.get("lab-shared").mode()).isEqualTo(MigrationMode.LIVE);
        assertThat(moves.get("lab-local").mode()).isEqualTo(MigrationMode.LIVE_BLOCK_ALL);
        try {
            // given a dry run that finds nothing changed and touches nothing
            Applier.DryRun dry = apply.dryRun(file);
            assertThat(dry.problems()).isEmpty();
            assertThat(dry.actions()).anySatisfy(a -> assertThat(a).contains("lab-local lab-host1 → ",
                    "migrate live+copy-storage-all copying [vda]"));
            assertThat(store.run(plan.id(), dry.plan().contentHash())).isEmpty();
            assertThat(hostsRunning("lab-shared")).containsExactly(1);

            // when the first run is killed while lab-shared migrates
            crash.guest = "lab-shared";
            ApplyOutcome killed = apply.apply(file);

            // then lab-shared's checkpoint says MIGRATING, and its migration went on without Drover
            assertThat(killed.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(killed.failure()).hasValueSatisfying(f -> assertThat(f).contains("simulated kill"));
            MoveRecord inFlight = move(killed, "lab-shared");
            assertThat(inFlight.state()).isEqualTo(MoveState.MIGRATING);
            assertThat(inFlight.attempts()).isEqualTo(1);
            // a killed process leaves no end in the job repository either: make Batch's records say so
            LabGuests.markStillRunning(jdbc, killed);

            // when the plan is applied again
            ApplyOutcome resumed = apply.apply(file);

            // then the run completes, lab-shared is reconciled (not migrated again), every guest runs exactly once
            assertThat(resumed.status()).as("resumed: %s", resumed).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.run()).hasValueSatisfying(r -> assertThat(r.status())
                    .isEqualTo(ApplyRun.Status.COMPLETED));
            assertThat(resumed.moves()).allSatisfy(m -> {
                assertThat(m.state()).as(m.label()).isEqualTo(MoveState.VERIFIED);
                assertThat(m.attempts()).as("migrations started for %s", m.label()).isEqualTo(1);
            });
            MoveRecord shared = move(resumed, "lab-shared");
            assertThat(store.transitions(shared.runId(), shared.seq())).containsExactly("PENDING→PREFLIGHT_OK",
                    "PREFLIGHT_OK→MIGRATING", "MIGRATING→VERIFIED");
            assertThat(shared.lastJobStats()).isPresent();
            for (String guest : HOME.keySet()) {
                int expected = moves.containsKey(guest) ? hostNumber(moves.get(guest).destination())
                        : HOME.get(guest);
                assertThat(hostsRunning(guest)).as("hosts running %s", guest).containsExactly(expected);
            }
            verifyDisk("lab-shared");
            verifyDisk("lab-local");
            // and what each sent is what the next plan expects it to send (the reconciled one's too)
            TransferHistory sent = transfers.lastTransfers();
            for (PlannedMigration move : moves.values()) {
                assertThat(sent.lastTransfers().get(move.uuid())).as("last transfer of %s", move.guest())
                        .satisfies(observed -> {
                            assertThat(observed.memorySent().bytes()).isPositive();
                            assertThat(observed.memoryTotal()).isGreaterThanOrEqualTo(ByteSize.ofMiB(96));
                        });
            }

            // and applying a completed plan again does nothing
            ApplyOutcome again = apply.apply(file);
            assertThat(again.moves()).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));
        } finally {
            crash.guest = null;
            for (PlannedMigration move : moves.values()) {
                moveBack(move.guest(), move.mode());
            }
        }
    }

    @Test
    void aPlanWhoseGuestMovedSinceIsRefusedWithWhatChanged() throws Exception {
        Path file = planDrainOfHost1(PlanLimits.DEFAULTS);
        Plan plan = new PlanFile().read(file);
        String destination = plan.migrations().filter(m -> m.guest().equals("lab-shared")).findFirst().orElseThrow()
                .destination();
        int elsewhere = hostNumber(destination) == 2 ? 3 : 2; // anywhere but where the plan would put it
        migrate("lab-shared", 1, elsewhere, LIVE_P2P);
        try {
            Applier.DryRun dry = apply.dryRun(file);
            assertThat(dry.problems()).containsExactly("lab-shared runs on lab-host" + elsewhere
                    + ", the plan moves it from lab-host1 to " + destination);

            ApplyOutcome outcome = apply.apply(file);

            assertThat(outcome.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(outcome.refusal()).hasValueSatisfying(message -> assertThat(message)
                    .contains("refused: the fleet changed since snapshot " + plan.snapshotId())
                    .contains("lab-shared runs on lab-host" + elsewhere + ", the plan moves it from lab-host1")
                    .contains("plan again"));
            assertThat(outcome.run()).hasValueSatisfying(r -> assertThat(r.status())
                    .isEqualTo(ApplyRun.Status.REFUSED));
            assertThat(outcome.moves()).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(MoveState.PENDING);
                assertThat(m.attempts()).isZero();
            });
            assertThat(hostsRunning("lab-local")).containsExactly(1);
        } finally {
            migrate("lab-shared", elsewhere, 1, LIVE_P2P);
        }
    }

    @Test
    void aCopyStorageIncMoveGetsItsOverlayOnTheSameBaseCreatedOnTheDestinationAndKeepsItsDisk() throws Exception {
        // lab.sh copies the base image to every host at the same path: declared so, the planner picks copy-storage-inc
        Path fleet = plans.resolve("fleet-with-base.yaml");
        Files.writeString(fleet, Files.readString(LabFleet.fleetFile()).replace("shared_mounts: [/srv/drover-shared]",
                "shared_mounts: [/srv/drover-shared, /var/lib/libvirt/images/lab-base.qcow2]"));
        long snapshotId = inventory.run(fleet).snapshotId().orElseThrow();
        PlanLauncher.PlanRun planned = planner.run(new PlanRequest(PlanKind.DRAIN, snapshotId, List.of("lab-host2"),
                PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), plans.toString(),
                Optional.empty(), Optional.empty(), List.of()));
        Path file = planned.planFile().orElseThrow(() -> new AssertionError("no plan: " + planned));
        Plan plan = new PlanFile().read(file);
        PlannedMigration overlay = plan.migrations().filter(m -> m.guest().equals("lab-overlay")).findFirst()
                .orElseThrow(() -> new AssertionError("lab-overlay not in the drain of lab-host2: " + plan));
        assertThat(overlay.mode()).isEqualTo(MigrationMode.LIVE_BLOCK_INC);
        try {
            ApplyOutcome outcome = apply.apply(file);

            MoveRecord moved = move(outcome, "lab-overlay");
            assertThat(moved.state()).as("%s", moved).isEqualTo(MoveState.VERIFIED);
            assertThat(hostsRunning("lab-overlay")).containsExactly(hostNumber(overlay.destination()));
            verifyDisk("lab-overlay"); // the guest's pattern and the base image's marker, read through the overlay
        } finally {
            plan.migrations().forEach(move -> moveBack(move.guest(), move.mode()));
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    private Path planDrainOfHost1(PlanLimits limits) {
        return LabGuests.planDrainOfHost1(inventory, planner, limits, plans);
    }
}
