package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as {@code bin/drover} runs it: with the context that ahead-of-time processing generated at build
 * time ({@code -Dspring.aot.enabled=true}). That context fixed its conditions when it was generated, so these check
 * that the database is still chosen by the operator's settings at run time: the embedded one by default, the external
 * one when {@code DROVER_DB_URL} names it.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "drover.jar");
    private static final Path DUMPS = Path.of("plans", "examples", "lab-fleet");

    @TempDir
    Path home;

    @Test
    void inventoriesIntoTheEmbeddedDatabaseByDefault() throws Exception {
        Result inventory = drover(Map.of(), "inventory", DUMPS.toString());

        assertThat(inventory.exitCode()).as(inventory.output()).isZero();
        assertThat(inventory.output()).contains("Snapshot 1 of", "3 hosts (3 ok, 0 stale, 0 failed), 5 guests");
        assertThat(home.resolve("pgdata").resolve("PG_VERSION")).exists();
    }

    @Test
    void inventoriesIntoTheExternalDatabaseWhenConfigured() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Result inventory = drover(Map.of("DROVER_DB_URL", external.getJdbcUrl("postgres", "postgres"),
                    "DROVER_DB_USER", "postgres"), "inventory", DUMPS.toString());

            assertThat(inventory.exitCode()).as(inventory.output()).isZero();
            assertThat(snapshotCount(external)).isEqualTo(1);
            assertThat(home.resolve("pgdata")).doesNotExist();
        }
    }

    private static long snapshotCount(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from inventory_snapshot")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result drover(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Dspring.aot.enabled=true", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DROVER_HOME", home.toString());
        builder.environment().remove("DROVER_DB_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("drover exited").isTrue();
        return new Result(process.exitValue(), output);
    }
}
