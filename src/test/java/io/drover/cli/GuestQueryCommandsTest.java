package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.inventory.job.InventoryLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code drover check} and {@code drover explain} on the bundled lab dump, through the command line. */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestQueryCommandsTest {

    @Autowired
    InventoryLauncher inventory;

    @Autowired
    DataSource dataSource;

    private long snapshot;
    private String jdbcUrl;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    void inventoryTheLabDump() throws Exception {
        snapshot = inventory.run(Path.of("plans/examples/lab-fleet")).snapshotId().orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            jdbcUrl = connection.getMetaData().getURL();
        }
    }

    private Result drover(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--snapshot", Long.toString(snapshot), "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void checkSaysWhyAGuestIsBlockedAndExitsOne() {
        // lab-writeback: disk cache writeback, and host 3 lacks its machine type (see plans/examples/README).
        Result result = drover("check", "lab-writeback", "lab-host3");

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("cache");
    }

    @Test
    void checkOfAnUnknownGuestIsInvalidInputNamingIt() {
        Result result = drover("check", "no-such-guest", "lab-host2");

        assertThat(result.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.err()).contains("no-such-guest");
    }

    @Test
    void explainAnswersForEveryOtherHostAsJson() {
        Result result = drover("explain", "lab-shared", "--source", "lab-host1", "-o", "json");

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().strip()).startsWith("[").endsWith("]").contains("lab-host2", "lab-host3")
                .doesNotContain("\"destination\" : \"lab-host1\"");
    }
}
