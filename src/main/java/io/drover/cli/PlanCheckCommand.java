package io.drover.cli;

import io.drover.model.FleetSnapshot;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.check.PlanChecker;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotDocument;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks a plan independently of the planner: every wave's limits and capacity (guests in "
                + "flight count on both hosts), every rule for every move, and that a drain leaves nothing behind. "
                + "With --snapshot-export it needs no database.")
public class PlanCheckCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "A plan file.")
    Path file;

    @Option(names = "--snapshot-export", paramLabel = "JSON",
            description = "The plan's snapshot as written by 'drover inventory export --json' (else: the database).")
    Path export;

    @Mixin
    CpuMapOption cpuMap;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    /** The verdict as {@code -o json} prints it. */
    record Verdict(String plan, boolean sound, long migrations, int waves, long snapshot, List<String> problems) {
    }

    PlanCheckCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        Plan plan = PlanShowCommand.read(new PlanFile(), file);
        List<String> problems = PlanChecker.check(plan, snapshot(plan), cpuMap.load());
        int exitCode = problems.isEmpty() ? ExitCodes.OK : ExitCodes.UNEXPECTED_STATE;
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writeValueAsString(new Verdict(plan.id(), problems.isEmpty(),
                    plan.migrations().count(), plan.waveCount(), plan.snapshotId(), problems)));
            return exitCode;
        }
        if (problems.isEmpty()) {
            out().printf("Plan %s is sound: %d migrations in %d waves checked against snapshot %d%n", plan.id(),
                    plan.migrations().count(), plan.waveCount(), plan.snapshotId());
            return ExitCodes.OK;
        }
        out().printf("Plan %s has %d problems:%n", plan.id(), problems.size());
        problems.forEach(problem -> out().println("  " + problem));
        return exitCode;
    }

    private FleetSnapshot snapshot(Plan plan) throws Exception {
        if (export != null) {
            return ModelJson.mapper().readValue(export.toFile(), SnapshotDocument.class).snapshot();
        }
        return bean(SnapshotStore.class).load(plan.snapshotId()).orElseThrow(() -> CommandFailure.invalidInput(
                "the database has no snapshot " + plan.snapshotId() + "; pass --snapshot-export"));
    }
}
