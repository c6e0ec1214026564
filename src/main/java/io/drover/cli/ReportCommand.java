package io.drover.cli;

import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes self-contained HTML reports (inline CSS and SVG, no script) of plans and apply runs.",
        subcommands = {ReportPlanCommand.class, ReportRunCommand.class})
public class ReportCommand {
}
