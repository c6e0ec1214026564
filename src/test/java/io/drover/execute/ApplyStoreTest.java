package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.TransferHistory;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import io.drover.store.TransferHistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The checkpoints on the real (embedded) PostgreSQL: runs, moves and their state machine. */
@SpringBootTest
@ActiveProfiles("test")
class ApplyStoreTest {

    @Autowired
    ApplyStore store;

    @Autowired
    SnapshotStore snapshots;

    @Autowired
    PlanStore plans;

    @Autowired
    TransferHistoryStore transfers;

    private Plan recordedPlan() {
        return recordedPlan(UUID.randomUUID(), UUID.randomUUID());
    }

    /** vm-a and vm-b in wave 1, vm-c in wave 2. */
    private Plan recordedPlan(UUID vmA, UUID vmB) {
        long snapshotId = snapshots.open("test", List.of(), null);
        Instant now = Instant.now();
        PlannedMigration first = new PlannedMigration("vm-a", vmA, "h1", "h2", MigrationMode.LIVE,
                List.of(), ByteSize.ofMiB(512), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        PlannedMigration second = new PlannedMigration("vm-b", vmB, "h1", "h3", MigrationMode.LIVE_BLOCK_ALL,
                List.of("vda"), ByteSize.ofMiB(256), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(5),
                List.of());
        PlannedMigration third = new PlannedMigration("vm-c", UUID.randomUUID(), "h1", "h2", MigrationMode.LIVE,
                List.of(), ByteSize.ofMiB(128), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(2), List.of());
        Plan plan = new Plan("drain-" + snapshotId + "-" + UUID.randomUUID(), PlanKind.DRAIN, snapshotId, now,
                List.of("h1"), PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Optional.empty(),
                List.of(new PlanPhase(1, List.of("h1"), List.of(), List.of(new MigrationWave(1, List.of(first,
                        second)), new MigrationWave(2, List.of(third))))), List.of(), Optional.empty(), List.of());
        plans.save(plan, new PlanFile().contentHash(plan), Path.of("plans/" + plan.id() + ".plan.json"), null);
        return plan;
    }

    @Test
    void aRunHasOneMoveRowPerPlannedMigrationInPlanOrderAllPending() {
        Plan plan = recordedPlan();
        String hash = new PlanFile().contentHash(plan);

        ApplyRun run = store.openRun(plan, hash, "plans/x.plan.json", null);

        assertThat(run.status()).isEqualTo(ApplyRun.Status.RUNNING);
        assertThat(store.moves(run.id())).extracting(MoveRecord::seq, MoveRecord::wave, MoveRecord::guest,
                MoveRecord::state, MoveRecord::attempts).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1, "vm-a", MoveState.PENDING, 0),
                        org.assertj.core.groups.Tuple.tuple(1, 1, "vm-b", MoveState.PENDING, 0),
                        org.assertj.core.groups.Tuple.tuple(2, 2, "vm-c", MoveState.PENDING, 0));
        assertThat(store.moves(run.id()).get(1).mode()).isEqualTo("LIVE_BLOCK_ALL");
    }

    @Test
    void openingTheSamePlanAgainResumesItsRunAndItsCheckpoints() {
        Plan plan = recordedPlan();
        String hash = new PlanFile().contentHash(plan);
        ApplyRun first = store.openRun(plan, hash, "f", 1L);
        MoveRecord move = store.moves(first.id()).get(0);
        store.transition(store.transition(move, MoveState.PREFLIGHT_OK, "ok"), MoveState.MIGRATING, "go");
        store.finishRun(first.id(), ApplyRun.Status.FAILED, "killed");

        ApplyRun again = store.openRun(plan, hash, "f", 2L);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(ApplyRun.Status.RUNNING);
        assertThat(again.error()).isEmpty();
        assertThat(store.moves(again.id()).get(0).state()).isEqualTo(MoveState.MIGRATING);
    }

    @Test
    void operatorRequestsStandOnARunningRunUntilChangedAndAnAbortIsNeverTakenBack() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        assertThat(store.control(run.id())).isEqualTo(ApplyRun.Control.RUN);

        assertThat(store.request(run.id(), ApplyRun.Control.PAUSE)).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(ApplyRun.Status.RUNNING));
        assertThat(store.control(run.id())).isEqualTo(ApplyRun.Control.PAUSE);
        store.request(run.id(), ApplyRun.Control.RUN);
        assertThat(store.control(run.id())).isEqualTo(ApplyRun.Control.RUN);
        store.request(run.id(), ApplyRun.Control.ABORT);
        store.request(run.id(), ApplyRun.Control.RUN);
        assertThat(store.control(run.id())).as("resume after abort").isEqualTo(ApplyRun.Control.ABORT);

        // an ended run keeps no request; applying the plan again starts without one
        store.finishRun(run.id(), ApplyRun.Status.ABORTED, "aborted by operator");
        assertThat(store.request(run.id(), ApplyRun.Control.PAUSE)).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(ApplyRun.Status.ABORTED));
        assertThat(store.openRun(plan, new PlanFile().contentHash(plan), "f", null).status())
                .isEqualTo(ApplyRun.Status.RUNNING);
        assertThat(store.control(run.id())).isEqualTo(ApplyRun.Control.RUN);
        assertThat(store.request(Long.MAX_VALUE, ApplyRun.Control.ABORT)).isEmpty();
    }

    @Test
    void aCampaignHostsUpgradeIsCheckpointedAndUpgradedHostsAreListed() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        assertThat(store.upgradeState(run.id(), 1, "h1")).isEqualTo(HostUpgrader.State.PENDING);

        store.saveUpgradeState(run.id(), 1, "h1", HostUpgrader.State.UPGRADING, "cmd");
        assertThat(store.upgradedHosts(run.id())).isEmpty();
        store.saveUpgradeState(run.id(), 1, "h1", HostUpgrader.State.UPGRADED, "QEMU 8.2.0");

        assertThat(store.upgradeState(run.id(), 1, "h1")).isEqualTo(HostUpgrader.State.UPGRADED);
        assertThat(store.upgradedHosts(run.id())).containsExactly("h1");
    }

    @Test
    void aMoveWalksTheStateMachineAndCountsEachMigrationStarted() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        MoveRecord move = store.moves(run.id()).get(0);

        MoveRecord ok = store.transition(move, MoveState.PREFLIGHT_OK, "pre-flight on snapshot 1");
        MoveRecord migrating = store.transition(ok, MoveState.MIGRATING, "started");
        store.saveJobStats(migrating, Map.of("type", "2", "data_remaining", "1024"));
        MoveRecord verified = store.transition(store.move(run.id(), 0), MoveState.VERIFIED, "running on h2");

        assertThat(verified.state()).isEqualTo(MoveState.VERIFIED);
        assertThat(verified.attempts()).isEqualTo(1);
        assertThat(verified.lastJobStats()).hasValueSatisfying(json -> assertThat(json).contains("data_remaining"));
        assertThat(store.transitions(run.id(), 0)).containsExactly("PENDING→PREFLIGHT_OK", "PREFLIGHT_OK→MIGRATING",
                "MIGRATING→VERIFIED");
    }

    @Test
    void aFailedMoveKeepsItsErrorAndMayBeRetriedByALaterRun() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        MoveRecord migrating = store.transition(store.transition(store.moves(run.id()).get(1),
                MoveState.PREFLIGHT_OK, "ok"), MoveState.MIGRATING, "go");

        MoveRecord failed = store.transition(migrating, MoveState.FAILED, "aborted after 240 s without progress");
        assertThat(failed.error()).contains("aborted after 240 s without progress");

        MoveRecord retried = store.transition(failed, MoveState.PENDING, "resumed");
        assertThat(retried.state()).isEqualTo(MoveState.PENDING);
        assertThat(retried.attempts()).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAreRefused() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        MoveRecord pending = store.moves(run.id()).get(0);

        // a migration starts only from a move that passed pre-flight
        assertThatThrownBy(() -> store.transition(pending, MoveState.MIGRATING, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go from PENDING to MIGRATING");
        MoveRecord skipped = store.transition(pending, MoveState.SKIPPED, "already there");
        // final states stay final
        assertThatThrownBy(() -> store.transition(skipped, MoveState.PENDING, "x"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MoveState.VERIFIED.next()).isEmpty();
    }

    @Test
    void twoWorkersCannotBothStartTheSameMigration() {
        Plan plan = recordedPlan();
        ApplyRun run = store.openRun(plan, new PlanFile().contentHash(plan), "f", null);
        MoveRecord ok = store.transition(store.moves(run.id()).get(2), MoveState.PREFLIGHT_OK, "ok");

        store.transition(ok, MoveState.MIGRATING, "first worker");

        // the second worker read the same PREFLIGHT_OK row: its compare-and-set finds the row changed
        assertThatThrownBy(() -> store.transition(ok, MoveState.MIGRATING, "second worker"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another worker changed it");
        assertThat(store.move(run.id(), 2).attempts()).isEqualTo(1);
    }

    @Test
    void planningExpectsEachGuestToSendWhatItsLastVerifiedMigrationSent() {
        UUID vmA = UUID.randomUUID();
        UUID vmB = UUID.randomUUID();
        Plan earlier = recordedPlan(vmA, vmB);
        ApplyRun first = store.openRun(earlier, new PlanFile().contentHash(earlier), "f", null);
        verify(store.moves(first.id()).get(0), "400");
        MoveRecord failing = migrating(store.moves(first.id()).get(1));
        store.saveJobStats(failing, completedStats("300"));
        store.transition(failing, MoveState.FAILED, "destination died");
        Plan later = recordedPlan(vmA, vmB);
        ApplyRun second = store.openRun(later, new PlanFile().contentHash(later), "f", null);
        verify(store.moves(second.id()).get(0), "100");

        TransferHistory history = transfers.lastTransfers();

        assertThat(history.lastTransfers().get(vmA)).satisfies(observed -> {
            assertThat(observed.memorySent()).isEqualTo(ByteSize.ofMiB(100));
            assertThat(observed.memoryTotal()).isEqualTo(ByteSize.ofMiB(520));
            assertThat(observed.runId()).isEqualTo(second.id());
        });
        assertThat(history.lastTransfers()).as("a failed migration is no measure").doesNotContainKey(vmB);
    }

    private MoveRecord migrating(MoveRecord move) {
        return store.transition(store.transition(move, MoveState.PREFLIGHT_OK, "ok"), MoveState.MIGRATING, "go");
    }

    private void verify(MoveRecord move, String memorySentMiB) {
        MoveRecord running = migrating(move);
        store.saveJobStats(running, completedStats(memorySentMiB));
        store.transition(running, MoveState.VERIFIED, "running on h2 only");
    }

    /** What a destination reports of a completed migration of a 520 MiB (QEMU's count) guest. */
    private static Map<String, String> completedStats(String memorySentMiB) {
        long sent = ByteSize.ofMiB(Long.parseLong(memorySentMiB)).bytes();
        return Map.of("type", "3", "time_elapsed", "25000", "downtime", "40", "memory_total",
                String.valueOf(ByteSize.ofMiB(520).bytes()), "memory_processed", String.valueOf(sent));
    }
}
