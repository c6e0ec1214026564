package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PostgreSQL servers on a temporary data directory: shared by two Drovers, and recovered after a kill -9. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    private static String setting(String jdbcUrl, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void aSecondDroverUsesTheRunningServerAndLeavesItToItsOwner() throws Exception {
        Path data = home.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.open(data)) {
            assertThat(first.owned()).isTrue();
            assertThat(setting(first.jdbcUrl(), "fsync")).as("a system of record syncs").isEqualTo("on");

            try (EmbeddedDatabase second = EmbeddedDatabase.open(data)) {
                assertThat(second.owned()).isFalse();
                assertThat(second.jdbcUrl()).isEqualTo(first.jdbcUrl());
            }

            assertThat(setting(first.jdbcUrl(), "server_version")).startsWith("15");
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(home.resolve("pgdata.owner")).doesNotExist();
    }

    @Test
    void aServerStartedBeforeTheContextIsTakenOverOnceAndOnlyForItsOwnDataDirectory() throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedDatabaseEarlyStart.Starting starting = new EmbeddedDatabaseEarlyStart.Starting(data);

        assertThat(starting.take(home.resolve("elsewhere"))).isEmpty();
        try (EmbeddedDatabase taken = starting.take(data).orElseThrow()) {
            assertThat(taken.owned()).isTrue();
            assertThat(setting(taken.jdbcUrl(), "server_version")).startsWith("15");
            assertThat(starting.take(data)).as("taken once").isEmpty();
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerLeftByAKilledDroverIsStoppedAndStartedAgain() throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedDatabase.open(data).close(); // initialised, stopped
        // What kill -9 of Drover leaves: its server still running in a process of its own, its owner gone.
        Process orphan = startServerAlone(data);
        Files.writeString(home.resolve("pgdata.owner"), "999999999");

        try (EmbeddedDatabase next = EmbeddedDatabase.open(data)) {
            assertThat(next.owned()).isTrue();
            assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("the orphan stopped").isTrue();
            assertThat(setting(next.jdbcUrl(), "fsync")).isEqualTo("on");
        } finally {
            orphan.destroyForcibly();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsNeverSignalled() throws Exception {
        Path data = home.resolve("pgdata");
        EmbeddedDatabase.open(data).close();
        // after a reboot: postmaster.pid left behind, its pid now some other process (this JVM)
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data
                + "\n1700000000\n5432\n/tmp\nlocalhost\n  1 2\nready\n");

        try (EmbeddedDatabase next = EmbeddedDatabase.open(data)) {
            assertThat(next.owned()).isTrue();
            assertThat(setting(next.jdbcUrl(), "fsync")).isEqualTo("on");
        }
    }

    /** The embedded binaries' postgres on the data directory, as zonky runs it (in a user namespace as root). */
    private static Process startServerAlone(Path data) throws Exception {
        Path binaries;
        try (Stream<Path> found = Files.list(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"))) {
            binaries = found.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres"))).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", data.toString(), "-p", Integer.toString(freePort()),
                "-c", "listen_addresses=localhost"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling("orphan.log").toFile()).start();
        Path pidFile = data.resolve("postmaster.pid");
        for (int i = 0; i < 100 && !(Files.exists(pidFile) && Files.readAllLines(pidFile).size() >= 8); i++) {
            Thread.sleep(100);
        }
        assertThat(server.isAlive()).as("orphan server: %s", Files.readString(data.resolveSibling("orphan.log")))
                .isTrue();
        return server;
    }
}
