package io.drover.cli;

import static io.drover.report.ReportFilesAssert.assertWellFormedHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    private static final String TEST_DATABASE = "--spring.profiles.active=test";

    @TempDir
    Path dir;

    @Test
    void theOfflineDemoPlansTheBundledFleetAndWritesBothReports() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"demo", "--offline", "--repo", ".", "--time-limit", "2s", "--plans-dir",
                dir.resolve("plans").toString(), "--report-dir", dir.resolve("reports").toString(), TEST_DATABASE},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("Inventory: snapshot", "3 hosts (3 ok), 5 guests",
                "Baseline of pool {pool=lab}: 3 hosts", "Drain plan of lab-host1: 2 migrations",
                "Upgrade campaign to QEMU 8.2.0 of lab-host1, lab-host2, lab-host3:",
                "1 blocked (lab-writeback: disk-cache)", "Reports:");
        List<Path> reports;
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            reports = files.sorted().toList();
        }
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).getFileName().toString()).startsWith("campaign-");
        assertThat(reports.get(1).getFileName().toString()).startsWith("drain-");
        for (Path report : reports) {
            assertWellFormedHtml(report);
            assertThat(out.toString()).contains(report.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void theOnlineDemoTearsTheLabDownWhenAStepFails() throws Exception {
        RecordingLab lab = new RecordingLab(dir.resolve("no-such-fleet.yaml"));
        try (SpringContext spring = new SpringContext(List.of(TEST_DATABASE))) {
            DemoCommand demo = demo(spring);

            assertThatThrownBy(() -> demo.online(lab)).isInstanceOf(Exception.class);
        }

        assertThat(lab.calls).containsExactly("install", "up", "down");
    }

    @Test
    void theOnlineDemoTearsTheLabDownWhenItFailsToComeUp() throws Exception {
        RecordingLab lab = new RecordingLab(null);
        try (SpringContext spring = new SpringContext(List.of(TEST_DATABASE))) {
            DemoCommand demo = demo(spring);

            assertThatThrownBy(() -> demo.online(lab)).hasMessage("lab.sh up failed");
        }

        assertThat(lab.calls).containsExactly("install", "up", "down");
    }

    @Test
    void outsideTheRepositoryTheDemoSaysWhereItLooked() {
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"demo", "--offline", "--repo", dir.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("is not Drover's repository (no plans/examples/lab-fleet)");
    }

    private DemoCommand demo(SpringContext spring) {
        CommandLine root = Main.commandLine(spring, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        root.parseArgs("demo", "--repo", ".", "--plans-dir", dir.toString(), "--report-dir", dir.toString());
        return root.getSubcommands().get("demo").getCommand();
    }

    /** A lab that records what the demo asked of it; {@code up} fails when it has no fleet file to give. */
    private static final class RecordingLab implements DemoLab {
        final List<String> calls = new ArrayList<>();
        private final Path fleet;

        RecordingLab(Path fleet) {
            this.fleet = fleet;
        }

        @Override
        public void installDependencies() {
            calls.add("install");
        }

        @Override
        public Path up() {
            calls.add("up");
            if (fleet == null) {
                throw new CommandFailure(ExitCodes.FAILURE, "lab.sh up failed");
            }
            return fleet;
        }

        @Override
        public void down() {
            calls.add("down");
        }
    }
}
