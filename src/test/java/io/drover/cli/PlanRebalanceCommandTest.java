package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.PlanRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Arguments of {@code drover plan rebalance} and what they share with drain and campaign; no database is started. */
class PlanRebalanceCommandTest {

    private final StringWriter err = new StringWriter();
    private final SpringContext spring = new SpringContext(List.of());
    private final CommandLine commandLine = Main.commandLine(spring, new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    @TempDir
    Path dir;

    private PlanRebalanceCommand parse(String... args) {
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return (PlanRebalanceCommand) parsed.commandSpec().userObject();
    }

    @Test
    void selectorsAreOptionalAndTheThresholdIsAPercentage() {
        PlanRebalanceCommand all = parse("plan", "rebalance");
        assertThat(all.hosts()).isEmpty();
        assertThat(all.rebalance()).contains(new PlanRequest.Rebalancing(0.8, Optional.empty()));

        PlanRebalanceCommand some = parse("plan", "rebalance", "pool=gen9", "--max-load", "75",
                "--max-migrations", "20", "--max-inbound", "3", "--anti-affinity", "groups.yaml");
        assertThat(some.hosts()).containsExactly("pool=gen9");
        assertThat(some.rebalance()).contains(new PlanRequest.Rebalancing(0.75, Optional.of(20)));
        assertThat(some.maxInbound).isEqualTo(3);
        assertThat(some.antiAffinityFile).isEqualTo(Path.of("groups.yaml"));
    }

    @Test
    void aThresholdOutOfRangeOrABadGroupsFileIsInvalidInputWithoutStartingTheDatabase() throws Exception {
        assertThat(commandLine.execute("plan", "rebalance", "--max-load", "150")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("the load threshold must be in (0 %, 100 %], not 150 %");

        Path groups = Files.writeString(dir.resolve("groups.yaml"), "db: [db-1]\n");
        assertThat(commandLine.execute("plan", "drain", "kvm-1", "--anti-affinity", groups.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("anti-affinity group 'db' needs at least two guests");
    }

    @Test
    void aDrainStillNeedsItsHosts() {
        assertThat(commandLine.execute("plan", "drain")).isEqualTo(ExitCodes.INVALID_INPUT);
    }
}
