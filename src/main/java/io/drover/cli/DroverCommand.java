package io.drover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "drover", mixinStandardHelpOptions = true, version = "drover 0.1.0",
        description = "Inventories a KVM/QEMU/libvirt fleet, plans VM migrations and carries them out.",
        subcommands = {InventoryCommand.class, CheckCommand.class, ExplainCommand.class, BaselineCommand.class,
                PlanCommand.class, ApplyCommand.class, RunControlCommand.Pause.class,
                RunControlCommand.Resume.class, RunControlCommand.Abort.class, ReportCommand.class,
                DemoCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:the work ran and failed",
                "2:invalid input (arguments, fleet file, dump, plan)",
                "3:unexpected state (the fleet changed)",
                "4:internal error (a bug)",
                "5:no feasible plan",
                "6:completed, but some hosts failed or were rejected"})
public class DroverCommand {

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean stacktrace;

    @Option(names = "--metrics-port", scope = ScopeType.INHERIT, paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics while the command runs "
                    + "(0: any free port; default: off).")
    Integer metricsPort;

    /** Read by {@link Main} before logging starts; declared here for --help and validation. */
    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Logs on standard error as text (default) or json, one object per line "
                    + "(also DROVER_LOG_FORMAT).")
    LogFormat logFormat;

    enum LogFormat {
        TEXT, JSON
    }
}
