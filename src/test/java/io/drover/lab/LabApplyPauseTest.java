package io.drover.lab;

import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.ApplyRun;
import io.drover.execute.MoveExecutor;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanLimits;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pause action of a class of guests on the real lab: lab-shared dirties 8 MiB/s and is sent at 4 MiB/s, so it
 * never converges live; lab-local's block copy and memory need about 30 s at that bandwidth. Both are in a class whose
 * migrations time out after 10 s and are then paused: each completes paused and runs again on its destination,
 * its disk intact. A migration aborted while its guest is paused leaves the guest running again on its source.
 */
@SpringBootTest(properties = {"drover.apply.classes.steady.guests=lab-shared,lab-loc*",
        "drover.apply.classes.steady.timeout-action=pause", "drover.apply.min-completion-timeout=10s",
        "drover.apply.completion-timeout-per-gib=1s"})
class LabApplyPauseTest extends LabApplyFixture {

    @Test
    void aMigrationOfAClassThatPausesOnTimeoutCompletesPausedAndTheGuestRunsAgainOnItsDestination()
            throws Exception {
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 2, 4), plans);
        Plan plan = new PlanFile().read(file);
        try {
            ApplyOutcome outcome = apply.apply(file);

            assertThat(outcome.moves()).hasSize(2).allSatisfy(move -> {
                assertThat(move.state()).as("%s", move).isEqualTo(MoveState.VERIFIED);
                assertThat(transitionNote(move, "MIGRATING")).isEqualTo("migration started (class steady)");
                assertThat(transitionNote(move, "VERIFIED")).contains("paused on lab-host1 after");
                // libvirt 9.0 starts the guest's vCPUs on the destination itself: nothing was left to resume
                assertThat(store.notes(move.runId(), move.seq())).singleElement().asString()
                        .startsWith("paused by Drover to finish its migration");
                assertThat(hostsRunning(move.guest())).containsExactly(hostNumber(move.destination()));
                LabGuests.verifyDisk(move.guest());
            });
        } finally {
            plan.migrations().forEach(move -> LabGuests.moveBack(move.guest(), move.mode()));
        }
    }

    @Test
    void aPausedGuestWhoseMigrationIsAbortedRunsAgainOnItsSource() throws Exception {
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 2, 2), plans);
        Plan plan = new PlanFile().read(file);
        try {
            CompletableFuture<ApplyOutcome> running = applyInBackground(file);
            MoveRecord paused = awaitMove(plan, move -> move.guest().equals("lab-shared") && store.notes(move.runId(),
                    move.seq()).stream().anyMatch(note -> note.startsWith("paused by Drover")));
            store.request(paused.runId(), ApplyRun.Control.ABORT);
            ApplyOutcome outcome = running.get(2, TimeUnit.MINUTES);

            MoveRecord shared = move(outcome, "lab-shared");
            assertThat(shared.state()).isEqualTo(MoveState.FAILED);
            assertThat(shared.error()).hasValueSatisfying(e -> assertThat(e).startsWith(MoveExecutor.ABORTED)
                    .contains("still runs on lab-host1"));
            // running, not paused: libvirt 9.0 restores the source's state from before the migration itself
            assertThat(hostsRunning("lab-shared")).containsExactly(1);
        } finally {
            plan.migrations().forEach(move -> LabGuests.removeLeftovers(move.guest()));
        }
    }
}
