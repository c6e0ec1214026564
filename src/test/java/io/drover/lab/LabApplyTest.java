package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.execute.Applier;
import io.drover.execute.ApplyHooks;
import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.libvirt.MigrationFlag;
import io.drover.libvirt.MigrationRequest;
import io.drover.model.PowerState;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.PlannedMigration;
import io.drover.plan.job.PlanLauncher;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code drover apply} on the real lab: a drain of lab-host1 planned by the real planner (lab-shared live on shared
 * storage, lab-local with --copy-storage-all) carried out end to end, with a simulated crash between a move's
 * MIGRATING checkpoint and the migration's end, resumed by applying the plan again; and a stale plan refused. Every
 * guest moved is moved back, so the lab is left as found.
 */
@Tag(LabFleet.TAG)
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabApplyTest {

    private static final Path LAB_SH = Path.of("lab/lab.sh").toAbsolutePath();
    private static final Set<MigrationFlag> LIVE_P2P = EnumSet.of(MigrationFlag.LIVE, MigrationFlag.PEER_TO_PEER,
            MigrationFlag.PERSIST_DEST, MigrationFlag.UNDEFINE_SOURCE);
    private static final Map<String, Integer> HOME = new LinkedHashMap<>(Map.of("lab-shared", 1, "lab-local", 1,
            "lab-overlay", 2, "lab-writeback", 2, "lab-firmware", 3));

    /** Stands for a process killed once the source runs the migration job: the migration goes on without it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    /** Crashes the run once, when the migration of the armed guest has started. */
    static final class CrashHook implements ApplyHooks {
        volatile String guest;

        @Override
        public void migrationStarted(MoveRecord move) {
            if (move.guest().equals(guest)) {
                guest = null;
                throw new SimulatedCrash("simulated kill while " + move.label() + " migrates");
            }
        }
    }

    @TestConfiguration
    static class Hooks {
        @Bean
        CrashHook crashHook() {
            return new CrashHook();
        }
    }

    @Autowired
    InventoryLauncher inventory;
    @Autowired
    PlanLauncher planner;
    @Autowired
    ApplyLauncher apply;
    @Autowired
    ApplyStore store;
    @Autowired
    CrashHook crash;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path plans;

    private final LibvirtJavaConnector connector = new LibvirtJavaConnector();

    @Test
    void drainsAHostEndToEndAndResumesAfterACrashWithoutMigratingTwice() throws Exception {
        Path file = planDrainOfHost1(new PlanLimits(2, 2, 4, 512));
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
            markStillRunning(killed);

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

    @AfterEach
    void labIsAsFound() {
        List<String> problems = new ArrayList<>();
        HOME.forEach((guest, home) -> {
            List<Integer> running = hostsRunning(guest);
            if (!running.equals(List.of(home))) {
                problems.add(guest + " runs on lab hosts " + running + ", expected only on " + home);
            }
        });
        assertThat(problems).as("lab left as found").isEmpty();
    }

    // ----------------------------------------------------------------------------------------------------------------

    private Path planDrainOfHost1(PlanLimits limits) throws Exception {
        long snapshotId = inventory.run(LabFleet.fleetFile()).snapshotId()
                .orElseThrow(() -> new AssertionError("inventory of the lab did not complete"));
        PlanLauncher.PlanRun run = planner.run(new PlanRequest(PlanKind.DRAIN, snapshotId, List.of("lab-host1"),
                limits, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), plans.toString(), Optional.empty(),
                Optional.empty(), List.of()));
        return run.planFile().orElseThrow(() -> new AssertionError("no plan: " + run));
    }

    /** What a killed process leaves: the run RUNNING, and its job and step executions STARTED without an end. */
    private void markStillRunning(ApplyOutcome killed) {
        assertThat(killed.run()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ApplyRun.Status.RUNNING));
        long execution = jdbc.queryForObject("select job_execution_id from apply_run where id = ?", Long.class,
                killed.run().orElseThrow().id());
        jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
                + "where job_execution_id = ?", execution);
        jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                + "where job_execution_id = ? and status = 'FAILED'", execution);
    }

    private static MoveRecord move(ApplyOutcome outcome, String guest) {
        return outcome.moves().stream().filter(m -> m.guest().equals(guest)).findFirst().orElseThrow();
    }

    private static int hostNumber(String hostName) {
        return Integer.parseInt(hostName.substring("lab-host".length()));
    }

    private void moveBack(String guest, MigrationMode mode) {
        List<Integer> running = hostsRunning(guest);
        int home = HOME.get(guest);
        if (running.equals(List.of(home)) || running.size() != 1) {
            return;
        }
        int away = running.get(0);
        Set<MigrationFlag> flags = EnumSet.copyOf(LIVE_P2P);
        if (mode.copiesStorage()) {
            flags.add(MigrationFlag.COPY_STORAGE_ALL);
            virsh(home, "pool-refresh", "lab-images");
        }
        migrate(guest, away, home, flags);
        if (mode.copiesStorage()) {
            virsh(away, "vol-delete", "--pool", "lab-images", guest + ".qcow2");
        }
    }

    private void migrate(String guest, int from, int to, Set<MigrationFlag> flags) {
        try (HypervisorConnection source = connector.open(LabFleet.uri(from))) {
            source.migrate(guest, new MigrationRequest(LabFleet.uri(to), flags, OptionalLong.of(1024)));
        }
    }

    private List<Integer> hostsRunning(String guest) {
        return IntStream.rangeClosed(1, 3).filter(host -> {
            try (HypervisorConnection connection = connector.open(LabFleet.uri(host))) {
                return connection.domainState(guest).map(state -> state.state() == PowerState.RUNNING).orElse(false);
            }
        }).boxed().collect(Collectors.toList());
    }

    private static void verifyDisk(String guest) {
        String out = run(List.of(LAB_SH.toString(), "verify-disk", guest), Duration.ofSeconds(60));
        assertThat(out).as("verify-disk %s", guest).containsPattern(guest + ": OK pattern md5=\\S+ (base=ok )?boot=1 ");
    }

    private static void virsh(int host, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", LabFleet.uri(host)));
        command.addAll(List.of(args));
        run(command, Duration.ofSeconds(30));
    }

    /** Runs a command, returns its output (stdout + stderr); fails with that output on error or timeout. */
    private static String run(List<String> command, Duration timeout) {
        try {
            Path log = Files.createTempFile("drover-lab-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("DROVER_LAB_DIR", LabFleet.fleetFile().toAbsolutePath().getParent().toString());
            Process process = builder.start();
            boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (!done || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + (done ? " failed" : " timed out") + ":\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
