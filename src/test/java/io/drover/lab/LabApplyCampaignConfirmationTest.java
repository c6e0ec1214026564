package io.drover.lab;

import static io.drover.lab.LabGuests.hostsRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.ApplyRun;
import io.drover.execute.HostUpgrader;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An upgrade campaign of lab-host1 without an upgrade command, on the real lab: once its guests have left, the run
 * pauses itself with the host AWAITING_CONFIRMATION and starts nothing; the operator upgrades the host (here
 * {@code lab.sh vary 1 --qemu-version 8.2.0}) and runs {@code drover resume RUN} from another Spring context, as
 * from another process; the run then checks the host's new version and completes. The host is reset and the guests
 * moved back afterwards.
 */
@SpringBootTest(properties = "drover.apply.upgrade-command=")
class LabApplyCampaignConfirmationTest extends LabApplyFixture {

    private static final Duration AWAITED_WITHIN = Duration.ofMinutes(3);

    @Test
    void anEmptiedHostWaitsForTheOperatorsUpgradeAndResumeFromAnotherProcess() throws Exception {
        Path file = planCampaignOfHost1ToQemu820();
        Plan plan = new PlanFile().read(file);
        try {
            CompletableFuture<ApplyOutcome> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return apply.apply(file);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // the phase's guests leave, then the run waits for the operator, paused, starting nothing
            long runId = awaitConfirmationAsked(plan, running);
            assertThat(store.control(runId)).isEqualTo(ApplyRun.Control.PAUSE);
            assertThat(store.moves(runId)).isNotEmpty().allSatisfy(m -> assertThat(m.state())
                    .isEqualTo(MoveState.VERIFIED));
            assertThat(hostsRunning("lab-shared")).doesNotContain(1);
            Thread.sleep(3_000); // several admission checks: it still waits
            assertThat(running).isNotDone();
            assertThat(upgradeState(runId)).isEqualTo(HostUpgrader.State.AWAITING_CONFIRMATION.name());

            // when the operator upgrades the host and confirms from another process
            LabGuests.run(List.of(LabGuests.LAB_SH.toString(), "vary", "1", "--qemu-version", "8.2.0"),
                    Duration.ofSeconds(120));
            StringWriter out = new StringWriter();
            assertThat(LabGuests.drover(dataSource, out, "resume", Long.toString(runId))).as("%s", out).isZero();
            assertThat(out.toString()).contains("Run " + runId + " of plan " + plan.id() + ": resume requested");

            // then the run checks the new version and completes
            ApplyOutcome outcome = running.get(2, TimeUnit.MINUTES);
            assertThat(outcome.status()).as("%s", outcome).isEqualTo(BatchStatus.COMPLETED);
            assertThat(upgradeState(runId)).isEqualTo(HostUpgrader.State.UPGRADED.name());
            assertThat(store.control(runId)).isEqualTo(ApplyRun.Control.RUN);
        } finally {
            LabGuests.run(List.of(LabGuests.LAB_SH.toString(), "vary", "1", "--reset"), Duration.ofSeconds(120));
            plan.migrations().forEach(move -> LabGuests.moveBack(move.guest(), move.mode()));
        }
    }

    /** The run's id once lab-host1's upgrade awaits the operator (failing early if the run ended first). */
    private long awaitConfirmationAsked(Plan plan, CompletableFuture<ApplyOutcome> running) throws Exception {
        Instant deadline = Instant.now().plus(AWAITED_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<ApplyRun> run = store.run(plan.id(), new PlanFile().contentHash(plan));
            if (run.isPresent() && HostUpgrader.State.AWAITING_CONFIRMATION.name().equals(upgradeState(run.get().id()))) {
                return run.get().id();
            }
            if (running.isDone()) {
                throw new AssertionError("the run ended before asking for the upgrade: " + running.get());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("lab-host1's upgrade not awaited within " + AWAITED_WITHIN);
    }

    private String upgradeState(long runId) {
        return jdbc.queryForList("select state from apply_upgrade where run_id = ? and phase = 1 and host = 'lab-host1'",
                String.class, runId).stream().findFirst().orElse("");
    }
}
