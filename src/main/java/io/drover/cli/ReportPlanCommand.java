package io.drover.cli;

import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.report.ReportFiles;
import io.drover.report.ReportWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Writes a plan's HTML report: summary, estimated Gantt chart of waves and migrations, host "
                + "capacity before/during/after, campaign phases, blocked guests with reasons and fixes.")
public class ReportPlanCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "A plan file.")
    Path file;

    @Option(names = "--out", defaultValue = ReportFiles.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Where to write the report (default: reports).")
    Path directory;

    ReportPlanCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        PlanFile planFile = new PlanFile();
        Plan plan = PlanShowCommand.read(planFile, file);
        Path report = bean(ReportWriter.class).writePlanReport(plan, planFile.contentHash(plan), directory);
        out().printf("Report written to %s%n", report);
        return ExitCodes.OK;
    }
}
