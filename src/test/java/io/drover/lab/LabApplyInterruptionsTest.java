package io.drover.lab;

import static io.drover.lab.LabGuests.HOME;
import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static io.drover.lab.LabGuests.moveBack;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cli.Main;
import io.drover.execute.ApplyRun;
import io.drover.execute.MoveExecutor;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.PlanRefusedException;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code drover apply} interrupted on the real lab: paused and resumed, aborted by an operator from another Spring
 * context (as {@code drover abort RUN} from another process), killed with SIGKILL as a separate JVM while a guest
 * migrates, and the destination's libvirtd killed mid-migration. Every guest moved is moved back and everything a
 * failed migration left is removed, so the lab is left as found.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabApplyInterruptionsTest extends LabApplyFixture {

    @Test
    void aPausedRunStartsNoNewMoveUntilResumedWhileItsRunningMigrationFinishes() throws Exception {
        // one migration at a time, so the second move waits for the first
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(1, 2, 1, 1024), plans);
        Plan plan = new PlanFile().read(file);
        try {
            CompletableFuture<ApplyOutcome> running = applyInBackground(file);
            MoveRecord first = awaitMove(plan, move -> move.state() == MoveState.MIGRATING);
            store.request(first.runId(), ApplyRun.Control.PAUSE);

            MoveRecord firstDone = awaitMove(plan, move -> move.seq() == first.seq() && move.state().isFinal());
            assertThat(firstDone.state()).isEqualTo(MoveState.VERIFIED);
            Thread.sleep(5_000); // several admission checks: nothing may start meanwhile
            assertThat(store.moves(first.runId())).filteredOn(move -> move.seq() != first.seq())
                    .allSatisfy(move -> {
                        assertThat(move.state()).isIn(MoveState.PENDING, MoveState.PREFLIGHT_OK);
                        assertThat(move.attempts()).isZero();
                    });
            assertThat(running).isNotDone();

            store.request(first.runId(), ApplyRun.Control.RUN);
            ApplyOutcome outcome = running.get(5, TimeUnit.MINUTES);

            assertThat(outcome.status()).as("%s", outcome).isEqualTo(BatchStatus.COMPLETED);
            assertThat(outcome.moves()).allSatisfy(move -> {
                assertThat(move.state()).isEqualTo(MoveState.VERIFIED);
                assertThat(move.attempts()).isEqualTo(1);
            });
        } finally {
            moveAllBack(plan);
        }
    }

    @Test
    void abortFromAnotherProcessCancelsTheRunningMigrationOfADirtyingGuestAndEndsTheRunAborted() throws Exception {
        // lab-shared dirties 8 MiB/s: at 2 MiB/s its migration cannot converge before the abort
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 2, 2), plans);
        Plan plan = new PlanFile().read(file);
        try {
            CompletableFuture<ApplyOutcome> running = applyInBackground(file);
            MoveRecord migrating = awaitMove(plan, move -> move.guest().equals("lab-shared")
                    && move.state() == MoveState.MIGRATING && move.lastJobStats().isPresent());

            StringWriter out = new StringWriter();
            int exit = LabGuests.drover(dataSource, out, "abort", Long.toString(migrating.runId()));
            assertThat(exit).as("drover abort: %s", out).isZero();
            assertThat(out.toString()).contains("Run " + migrating.runId() + " of plan " + plan.id()
                    + ": abort requested");
            Instant asked = Instant.now();
            ApplyOutcome outcome = running.get(2, TimeUnit.MINUTES);

            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(30));
            assertThat(outcome.run()).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo(ApplyRun.Status.ABORTED);
                assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).startsWith("aborted by operator"));
            });
            MoveRecord shared = move(outcome, "lab-shared");
            assertThat(shared.state()).isEqualTo(MoveState.FAILED);
            assertThat(shared.error()).hasValueSatisfying(e -> assertThat(e).startsWith(MoveExecutor.ABORTED)
                    .contains("still runs on lab-host1"));
            assertThat(shared.attempts()).isEqualTo(1);
            assertThat(outcome.moves()).allSatisfy(move -> assertThat(move.state())
                    .isIn(MoveState.FAILED, MoveState.PENDING));
            assertThat(hostsRunning("lab-shared")).containsExactly(1);
            assertThat(hostsRunning("lab-local")).containsExactly(1);

            // a second abort of an ended run is refused (exit 3), an unknown run is invalid input (exit 2)
            assertThat(control("abort", migrating.runId())).isEqualTo(3);
            assertThat(control("resume", 999_999)).isEqualTo(2);
        } finally {
            plan.migrations().forEach(move -> LabGuests.removeLeftovers(move.guest()));
        }
    }

    @Test
    void applyKilledWithSigkillWhileAGuestMigratesResumesWithoutMigratingAnyGuestTwice() throws Exception {
        // 64 MiB/s: lab-shared's migration lasts a few seconds, long enough to be killed in
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(1, 2, 1, 64), plans);
        Plan plan = new PlanFile().read(file);
        Path log = Files.createTempFile(plans, "apply-", ".log");
        try {
            Process drover = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "apply", file.toString(),
                    "--spring.datasource.url=" + LabGuests.jdbcUrl(dataSource), "--spring.datasource.username=postgres")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MoveRecord killedIn;
            try {
                killedIn = awaitMove(plan, move -> move.state() == MoveState.MIGRATING, drover, log);
                // killed once libvirt runs the migration, not between the checkpoint and the migrate call
                awaitJob(killedIn, drover);
            } finally {
                drover.destroyForcibly(); // SIGKILL
                drover.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(drover.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            assertThat(store.move(killedIn.runId(), killedIn.seq()).state()).isEqualTo(MoveState.MIGRATING);

            ApplyOutcome resumed = applyOnceUnlocked(file);

            assertThat(resumed.status()).as("resumed: %s\nkilled process' log:\n%s", resumed, Files.readString(log))
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.moves()).allSatisfy(move -> {
                assertThat(move.state()).as(move.label()).isEqualTo(MoveState.VERIFIED);
                assertThat(move.attempts()).as("migrations started for %s", move.label()).isEqualTo(1);
            });
            assertThat(store.transitions(killedIn.runId(), killedIn.seq())).containsExactly("PENDING→PREFLIGHT_OK",
                    "PREFLIGHT_OK→MIGRATING", "MIGRATING→VERIFIED");
            Map<String, PlannedMigration> moves = plan.migrations()
                    .collect(Collectors.toMap(PlannedMigration::guest, move -> move));
            for (String guest : HOME.keySet()) {
                int expected = moves.containsKey(guest) ? hostNumber(moves.get(guest).destination())
                        : HOME.get(guest);
                assertThat(hostsRunning(guest)).as("hosts running %s", guest).containsExactly(expected);
            }
        } finally {
            moveAllBack(plan);
        }
    }

    @Test
    void theDestinationsLibvirtdDyingMidMigrationFailsTheMoveLeavesTheGuestOnItsSourceAndSpendsTheBudget()
            throws Exception {
        // one migration at a time and a budget of one failure: the second move must not start
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(1, 2, 1, 8), plans);
        Plan plan = new PlanFile().read(file);
        int destination = 0;
        try {
            CompletableFuture<ApplyOutcome> running = applyInBackground(file);
            MoveRecord migrating = awaitMove(plan, move -> move.state() == MoveState.MIGRATING
                    && move.lastJobStats().isPresent());
            destination = hostNumber(migrating.destination());
            killLibvirtd(destination);

            ApplyOutcome outcome = running.get(5, TimeUnit.MINUTES);
            restartLibvirtd(destination);
            destination = 0;

            MoveRecord failed = move(outcome, migrating.guest());
            assertThat(failed.state()).isEqualTo(MoveState.FAILED);
            assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e)
                    .contains(migrating.guest() + " still runs on lab-host1"));
            assertThat(hostsRunning(migrating.guest())).containsExactly(1);
            assertThat(outcome.run()).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo(ApplyRun.Status.FAILED);
                assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("error budget 1 spent"));
            });
            assertThat(outcome.moves()).filteredOn(move -> move.seq() != failed.seq()).allSatisfy(move -> {
                assertThat(move.state()).isEqualTo(MoveState.PENDING);
                assertThat(move.attempts()).isZero();
            });
        } finally {
            if (destination > 0) {
                restartLibvirtd(destination);
            }
            plan.migrations().forEach(move -> LabGuests.removeLeftovers(move.guest()));
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** Applies the plan; the killed process' advisory lock goes when PostgreSQL notices its session is gone. */
    private ApplyOutcome applyOnceUnlocked(Path file) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                return apply.apply(file);
            } catch (PlanRefusedException e) {
                if (!e.getMessage().contains("being applied by another") || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void awaitJob(MoveRecord move, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(MIGRATING_WITHIN);
        while (!LabGuests.jobRunning(move.guest(), hostNumber(move.source()))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("no migration job of " + move.label() + " seen on its source");
            }
            Thread.sleep(50);
        }
    }

    private int control(String command, long runId) {
        return LabGuests.drover(dataSource, new StringWriter(), command, Long.toString(runId));
    }

    private static void killLibvirtd(int host) throws Exception {
        Path pidFile = LabFleet.fleetFile().toAbsolutePath().getParent().resolve("lab-host" + host + "/run/libvirtd.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        LabGuests.run(List.of("kill", "-KILL", Long.toString(pid)), Duration.ofSeconds(10));
    }

    /** Starts a lab host's libvirtd again: {@code lab.sh vary I} without options keeps its variations. */
    private static void restartLibvirtd(int host) {
        LabGuests.run(List.of(LabGuests.LAB_SH.toString(), "vary", Integer.toString(host)), Duration.ofSeconds(120));
    }

    private static void moveAllBack(Plan plan) {
        plan.migrations().forEach(move -> moveBack(move.guest(), move.mode()));
        plan.migrations().forEach(move -> LabGuests.removeLeftovers(move.guest()));
    }
}
