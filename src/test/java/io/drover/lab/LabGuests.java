package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cli.Main;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.execute.ApplyRun;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.libvirt.MigrationFlag;
import io.drover.libvirt.MigrationRequest;
import io.drover.model.PowerState;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.job.PlanLauncher;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lab's guests as the apply tests see them: where each runs (asked of every host, as Drover's reconciliation
 * does), moving one back home with plain libvirt calls, lab.sh and virsh. Tests that move guests put them back, so
 * the lab is left as lab.sh made it.
 */
final class LabGuests {

    static final Path LAB_SH = Path.of("lab/lab.sh").toAbsolutePath();
    static final Set<MigrationFlag> LIVE_P2P = EnumSet.of(MigrationFlag.LIVE, MigrationFlag.PEER_TO_PEER,
            MigrationFlag.PERSIST_DEST, MigrationFlag.UNDEFINE_SOURCE);
    /** Every lab guest and the host lab.sh starts it on. */
    static final Map<String, Integer> HOME = new LinkedHashMap<>(Map.of("lab-shared", 1, "lab-local", 1,
            "lab-overlay", 2, "lab-writeback", 2, "lab-firmware", 3));

    private static final LibvirtJavaConnector CONNECTOR = new LibvirtJavaConnector();

    private LabGuests() {
    }

    /** A drain of lab-host1 (lab-shared live, lab-local with a block copy) planned on a fresh inventory. */
    static Path planDrainOfHost1(InventoryLauncher inventory, PlanLauncher planner, PlanLimits limits, Path plans) {
        try {
            long snapshotId = inventory.run(LabFleet.fleetFile()).snapshotId()
                    .orElseThrow(() -> new AssertionError("inventory of the lab did not complete"));
            PlanLauncher.PlanRun run = planner.run(new PlanRequest(PlanKind.DRAIN, snapshotId, List.of("lab-host1"),
                    limits, CompatibilityPolicy.defaults(), Duration.ofSeconds(5), plans.toString(),
                    Optional.empty(), Optional.empty(), List.of()));
            return run.planFile().orElseThrow(() -> new AssertionError("no plan: " + run));
        } catch (Exception e) {
            throw new AssertionError("planning a drain of lab-host1", e);
        }
    }

    /**
     * After a migration that failed half-way: removes what it may have left on hosts where the guest does not run, an
     * incoming domain (paused) and a pre-created copy of its local disk, so later migrations find a clean host.
     */
    static void removeLeftovers(String guest) {
        List<Integer> running = hostsRunning(guest);
        for (int host = 1; host <= 3; host++) {
            if (running.contains(host)) {
                continue;
            }
            try (HypervisorConnection connection = CONNECTOR.open(LabFleet.uri(host))) {
                if (connection.domainState(guest).map(state -> state.state().isActive()).orElse(false)) {
                    virsh(host, "destroy", guest);
                }
            }
            deleteVolume(host, guest);
        }
    }

    /** Removes the guest's local disk image from a host where it does not run, if there is one. */
    private static void deleteVolume(int host, String guest) {
        try {
            virsh(host, "pool-refresh", "lab-images");
            virsh(host, "vol-delete", "--pool", "lab-images", guest + ".qcow2");
        } catch (AssertionError e) {
            // no such volume: nothing was left
        }
    }

    /** What a killed process leaves: the run RUNNING, and its job and step executions STARTED without an end. */
    static void markStillRunning(JdbcTemplate jdbc, ApplyOutcome killed) {
        assertThat(killed.run()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ApplyRun.Status.RUNNING));
        long execution = jdbc.queryForObject("select job_execution_id from apply_run where id = ?", Long.class,
                killed.run().orElseThrow().id());
        jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
                + "where job_execution_id = ?", execution);
        jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                + "where job_execution_id = ? and status = 'FAILED'", execution);
    }

    /**
     * Runs a drover command line in this JVM with a Spring context of its own on the test's database, as an operator's
     * command from another process would; returns its exit code, its standard output in {@code out}.
     */
    static int drover(DataSource dataSource, StringWriter out, String... arguments) {
        List<String> line = new ArrayList<>(List.of(arguments));
        line.add("--spring.datasource.url=" + jdbcUrl(dataSource));
        line.add("--spring.datasource.username=postgres");
        return Main.run(line.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
    }

    /** The test database's JDBC URL, for a drover run in another Spring context or JVM. */
    static String jdbcUrl(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new AssertionError("reaching the test database", e);
        }
    }

    static int hostNumber(String hostName) {
        return Integer.parseInt(hostName.substring("lab-host".length()));
    }

    /** The guests not running only on their home host, each with where it runs. */
    static List<String> awayFromHome() {
        List<String> problems = new ArrayList<>();
        HOME.forEach((guest, home) -> {
            List<Integer> running = hostsRunning(guest);
            if (!running.equals(List.of(home))) {
                problems.add(guest + " runs on lab hosts " + running + ", expected only on " + home);
            }
        });
        return problems;
    }

    /** Migrates a guest that runs on exactly one host other than its home back home (block copies: the disk too). */
    static void moveBack(String guest, MigrationMode mode) {
        List<Integer> running = hostsRunning(guest);
        int home = HOME.get(guest);
        if (running.equals(List.of(home)) || running.size() != 1) {
            return;
        }
        int away = running.get(0);
        Set<MigrationFlag> flags = EnumSet.copyOf(LIVE_P2P);
        if (mode == MigrationMode.LIVE_BLOCK_INC) {
            // the overlay left at home is stale: a fresh one on the same base, as copy-storage-inc needs
            deleteVolume(home, guest);
            run(List.of(LAB_SH.toString(), "precreate-overlay", guest, Integer.toString(home)), Duration.ofSeconds(60));
            flags.add(MigrationFlag.COPY_STORAGE_INC);
        } else if (mode.copiesStorage()) {
            flags.add(MigrationFlag.COPY_STORAGE_ALL);
            virsh(home, "pool-refresh", "lab-images");
        }
        migrate(guest, away, home, flags);
        if (mode.copiesStorage()) {
            virsh(away, "vol-delete", "--pool", "lab-images", guest + ".qcow2");
        }
    }

    static void migrate(String guest, int from, int to, Set<MigrationFlag> flags) {
        try (HypervisorConnection source = CONNECTOR.open(LabFleet.uri(from))) {
            source.migrate(guest, new MigrationRequest(LabFleet.uri(to), flags, OptionalLong.of(1024)));
        }
    }

    static List<Integer> hostsRunning(String guest) {
        return IntStream.rangeClosed(1, 3).filter(host -> {
            try (HypervisorConnection connection = CONNECTOR.open(LabFleet.uri(host))) {
                return connection.domainState(guest).map(state -> state.state() == PowerState.RUNNING).orElse(false);
            }
        }).boxed().collect(Collectors.toList());
    }

    /**
     * Waits until one of the guests' balloons has reported its statistics (every 5 s, from about 5 s after the guest's
     * kernel loaded the driver), so an inventory sees the memory it uses, and returns that guest; fails after 60 s.
     * One guest is not enough to wait for: a TCG guest can panic after the migrations of earlier lab tests
     * (lab/README.md), and a dead guest kernel reports nothing.
     */
    static String awaitBalloonStatistics(List<String> guests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (String guest : guests) {
                for (int host : hostsRunning(guest)) {
                    try (HypervisorConnection connection = CONNECTOR.open(LabFleet.uri(host))) {
                        if (connection.domainStats().getOrDefault(guest, Map.of()).containsKey("balloon.unused")) {
                            return guest;
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("none of " + guests + " reported balloon statistics within 60 s");
    }

    /** Whether {@code host} runs a job for the guest (libvirt's type 2, unbounded): a migration it has started. */
    static boolean jobRunning(String guest, int host) {
        try (HypervisorConnection connection = CONNECTOR.open(LabFleet.uri(host))) {
            return "2".equals(connection.jobStats(guest).get("type"));
        }
    }

    static void verifyDisk(String guest) {
        String out = run(List.of(LAB_SH.toString(), "verify-disk", guest), Duration.ofSeconds(60));
        assertThat(out).as("verify-disk %s", guest).containsPattern(guest + ": OK pattern md5=\\S+ (base=ok )?boot=1 ");
    }

    static void virsh(int host, String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", LabFleet.uri(host)));
        command.addAll(List.of(args));
        run(command, Duration.ofSeconds(30));
    }

    /** Runs a command, returns its output (stdout + stderr); fails with that output on error or timeout. */
    static String run(List<String> command, Duration timeout) {
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
