package io.drover.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on one data directory, shared by the Drover processes that use it at once: the first starts
 * the server and stops it when it ends; another one ({@code drover pause RUN} while {@code drover apply} runs) uses
 * the running server and leaves it running. A server whose Drover was killed (kill -9 stops the JVM, not PostgreSQL)
 * is stopped and started again by the next Drover, which then owns it.
 *
 * <p>Who owns the server is kept in {@code <data-dir>.owner} (the owning JVM's pid). PostgreSQL's own
 * {@code postmaster.pid} says whether a server runs on the directory and on which port.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final Optional<EmbeddedPostgres> owned;
    private final Path ownerFile;
    private final int port;

    private EmbeddedDatabase(Optional<EmbeddedPostgres> owned, Path ownerFile, int port) {
        this.owned = owned;
        this.ownerFile = ownerFile;
        this.port = port;
    }

    static EmbeddedDatabase open(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        Path ownerFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
        if (ownerAlive(ownerFile)) {
            RunningServer running = RunningServer.awaitReady(dataDirectory);
            log.info("Using the embedded PostgreSQL another Drover runs on {} (port {})", dataDirectory,
                    running.port());
            return new EmbeddedDatabase(Optional.empty(), ownerFile, running.port());
        }
        Optional<RunningServer> orphan = RunningServer.on(dataDirectory);
        if (orphan.isPresent()) {
            orphan.get().stop(dataDirectory);
        }
        // Claimed before starting, so that a Drover starting meanwhile waits for this server instead of taking it
        // for an orphan.
        Files.writeString(ownerFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky's defaults are for throw-away test databases (-F: no fsync). Drover's is a system of
                // record: every write reaches the disk, so a crash of the machine never corrupts it. Commits do not
                // wait for that by default (a lost inventory is taken again); apply checkpoints do (ApplyStore).
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        return new EmbeddedDatabase(Optional.of(postgres), ownerFile, postgres.getPort());
    }

    /** JDBC URL of the server's {@code postgres} database as user {@code postgres}. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Whether this process started the server (and so stops it). */
    boolean owned() {
        return owned.isPresent();
    }

    @Override
    public void close() throws IOException {
        if (owned.isPresent()) {
            owned.get().close();
            Files.deleteIfExists(ownerFile);
        }
    }

    /** Stops a server nobody took over; a failure is only logged (the next Drover stops an orphan anyway). */
    static void closeQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL on port {}: {}", database.port, e.getMessage());
        }
    }

    private static boolean ownerAlive(Path ownerFile) throws IOException {
        if (!Files.exists(ownerFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(ownerFile, StandardCharsets.US_ASCII).strip());
            // a JVM: after a reboot the pid may belong to anything
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command()).filter(command -> command.endsWith("/java"))
                    .isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A postmaster serving the data directory now, from its {@code postmaster.pid}. */
    private record RunningServer(long pid, int port) {

        static Optional<RunningServer> on(Path dataDirectory) throws IOException {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            // line 1: postmaster pid, line 2: data directory, line 3: start time, line 4: port
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                long pid = Long.parseLong(lines.get(0).strip());
                int port = Integer.parseInt(lines.get(3).strip());
                // a postgres process: after a reboot a stale file's pid may belong to anything, never to be signalled
                boolean serving = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .flatMap(process -> process.info().command())
                        .filter(command -> command.endsWith("/postgres")).isPresent();
                return serving ? Optional.of(new RunningServer(pid, port)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // not PostgreSQL's: starting the server reports what is wrong
            }
        }

        /** The server its owner is starting (initdb included) once it accepts connections. */
        static RunningServer awaitReady(Path dataDirectory) throws IOException {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<RunningServer> running = on(dataDirectory);
                // line 8 of postmaster.pid: the server's status, "ready" once it accepts connections
                List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
                        : List.of();
                if (running.isPresent() && lines.size() >= 8 && lines.get(7).strip().equals("ready")) {
                    return running.get();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for PostgreSQL on " + dataDirectory, e);
                }
            }
            throw new IOException("the embedded PostgreSQL on " + dataDirectory + " that another Drover starts was "
                    + "not ready within " + STARTUP_WAIT.toSeconds() + " s");
        }

        /** A smart shutdown (SIGTERM): the orphan has no clients left, its Drover died with their connections. */
        void stop(Path dataDirectory) {
            log.warn("Stopping the embedded PostgreSQL (pid {}) a killed Drover left running on {}", pid,
                    dataDirectory);
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            handle.destroy();
            try {
                handle.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + pid, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new UncheckedIOException(new IOException("PostgreSQL pid " + pid + " on " + dataDirectory
                        + " did not stop within " + ORPHAN_SHUTDOWN.toSeconds() + " s", e));
            }
        }
    }
}
