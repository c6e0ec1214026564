package io.drover.cli;

import io.drover.report.ReportFiles;
import io.drover.report.ReportWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Writes an apply run's HTML report: result, Gantt chart of the migrations as they ran, every "
                + "move with its downtime, data transferred, errors and state changes.")
public class ReportRunCommand extends BaseCommand {

    @Parameters(paramLabel = "RUN", arity = "0..1",
            description = "The run id ('drover apply' prints it; default: the latest run).")
    Long runId;

    @Option(names = "--out", defaultValue = ReportFiles.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Where to write the report (default: reports).")
    Path directory;

    ReportRunCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        ReportWriter reports = bean(ReportWriter.class);
        long run = runId != null ? runId : reports.latestRunId().orElseThrow(() -> CommandFailure.invalidInput(
                "there is no apply run yet: run 'drover apply PLAN_FILE' first"));
        Path report = reports.writeRunReport(run, directory)
                .orElseThrow(() -> CommandFailure.invalidInput("no apply run with id " + run));
        out().printf("Report written to %s%n", report);
        return ExitCodes.OK;
    }
}
