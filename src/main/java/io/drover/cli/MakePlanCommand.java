package io.drover.cli;

import io.drover.plan.AntiAffinityFile;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.job.PlanLauncher;
import io.drover.plan.job.PlanLauncher.PlanRun;
import io.drover.report.ReportFiles;
import io.drover.report.ReportWriter;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every plan-making command shares: limits, policy, anti-affinity groups, time budget, output; run the job,
 * print the plan. Each command says which hosts it plans for and what else its kind needs.
 */
abstract class MakePlanCommand extends BaseCommand {

    @Mixin
    CompatOptions compat;

    @Option(names = "--max-outbound", defaultValue = "1", description = "Migrations leaving one host at once.")
    int maxOutbound;

    @Option(names = "--max-inbound", defaultValue = "2", description = "Migrations arriving at one host at once.")
    int maxInbound;

    @Option(names = "--max-concurrent", defaultValue = "16", description = "Migrations in the fleet at once.")
    int maxConcurrent;

    @Option(names = "--time-limit", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "Most time spent improving the plan (e.g. 30s, 2m).")
    Duration timeLimit;

    @Option(names = "--out", defaultValue = "plans", paramLabel = "DIR", description = "Where to write the plan.")
    Path out;

    @Option(names = "--report-dir", defaultValue = ReportFiles.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Where to write the plan's HTML report (default: reports).")
    Path reportDirectory;

    @Option(names = "--anti-affinity", paramLabel = "FILE",
            description = "YAML of anti-affinity groups ({group: [guest, …]}): guests of a group never share a host, "
                    + "at the end or while a wave runs.")
    Path antiAffinityFile;

    MakePlanCommand(SpringContext spring) {
        super(spring);
    }

    abstract PlanKind kind();

    /** The host names and label selectors asked for. */
    abstract List<String> hosts();

    Optional<PlanRequest.Campaign> campaign() {
        return Optional.empty();
    }

    Optional<PlanRequest.Rebalancing> rebalance() {
        return Optional.empty();
    }

    @Override
    protected int doCall() throws Exception {
        PlanRequest request;
        try {
            // Everything the arguments alone decide first: a mistake there needs no database to be reported.
            List<AntiAffinityGroup> antiAffinity = antiAffinityFile == null ? List.of()
                    : AntiAffinityFile.read(antiAffinityFile);
            Optional<PlanRequest.Campaign> campaign = campaign();
            Optional<PlanRequest.Rebalancing> rebalance = rebalance();
            PlanLimits limits = new PlanLimits(maxOutbound, maxInbound, maxConcurrent, compat.bandwidthMibps);
            request = new PlanRequest(kind(), compat.snapshot.resolve(bean(SnapshotStore.class)), hosts(), limits,
                    compat.policy(), timeLimit, out.toString(), campaign, rebalance, antiAffinity);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
        Path file = makePlan(bean(PlanLauncher.class), request);
        PlanFile planFile = new PlanFile();
        Plan plan = planFile.read(file);
        String contentHash = planFile.contentHash(plan);
        PlanReport.print(plan, contentHash, out());
        out().printf("%nWritten to %s%n", file);
        out().printf("Report written to %s%n", bean(ReportWriter.class).writePlanReport(plan, contentHash,
                reportDirectory));
        if (plan.migrations().findAny().isEmpty() && !plan.blocked().isEmpty()) {
            return ExitCodes.NO_FEASIBLE_PLAN;
        }
        boolean aimMissed = plan.rebalance().filter(rebalance -> !rebalance.overAfter().isEmpty()).isPresent();
        return plan.blocked().isEmpty() && !aimMissed ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** Runs the plan job; the plan file it wrote, or the failure to report. */
    static Path makePlan(PlanLauncher launcher, PlanRequest request) throws Exception {
        PlanRun run = launcher.run(request);
        return run.planFile().orElseThrow(() -> failure(run));
    }

    /** A request the planner rejected (unknown host, bad selector) is the operator's to fix; anything else failed. */
    private static CommandFailure failure(PlanRun run) {
        Throwable cause = run.failure().orElse(null);
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause == null ? "plan " + run.status() : cause.getMessage();
        return cause instanceof IllegalArgumentException ? CommandFailure.invalidInput(message)
                : new CommandFailure(ExitCodes.FAILURE, message);
    }
}
