package io.drover.cli;

import io.drover.execute.Applier;
import io.drover.execute.ApplyProgressBroadcast;
import io.drover.execute.MigrationStats;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.PlanRefusedException;
import io.drover.execute.job.ApplyLauncher;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanFileException;
import io.drover.plan.PlanPhase;
import io.drover.report.RunHistory;
import io.drover.report.RunHistoryReader;
import io.drover.report.ReportFiles;
import io.drover.report.ReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Carries out a plan Drover wrote: pre-flight on a fresh inventory of the hosts involved, then "
                + "the waves in order, moves in parallel within the plan's limits. Run it again to resume an "
                + "interrupted or failed run: verified moves are skipped, moves in flight are reconciled.")
public class ApplyCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "PLAN_FILE", description = "The plan file (plans/<id>.plan.json).")
    Path planFile;

    @Option(names = "--dry-run", description = "Run every pre-flight check and print what would happen; "
            + "migrate nothing, record no run.")
    boolean dryRun;

    @Option(names = "--delete-source-disks", description = "After each verified block copy, delete the local "
            + "images the guest left on its source (through the source's storage pool; a disk any domain there still "
            + "uses is kept; each outcome is recorded on the move). Default: drover.apply.delete-source-disks.")
    boolean deleteSourceDisks;

    @Option(names = "--report-dir", defaultValue = ReportFiles.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Where to write the run's HTML report (default: reports).")
    Path reportDirectory;

    ApplyCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        ApplyLauncher launcher = bean(ApplyLauncher.class);
        try {
            if (dryRun) {
                return dryRun(launcher.dryRun(planFile));
            }
            return report(ApplyProgressDisplay.showing(spec.commandLine().getErr(),
                    bean(ApplyProgressBroadcast.class), () -> launcher.apply(planFile, deleteSourceDisks)));
        } catch (PlanFileException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        } catch (PlanRefusedException e) {
            throw new CommandFailure(ExitCodes.UNEXPECTED_STATE, e.getMessage());
        }
    }

    private int dryRun(Applier.DryRun run) {
        out().printf("Plan %s (%s), dry run on fresh inventory snapshot %d%n", run.plan().plan().id(),
                run.plan().contentHash(), run.freshSnapshotId());
        run.actions().forEach(action -> out().printf("  %s%n", action));
        if (!run.problems().isEmpty()) {
            out().printf("%nWould be refused; the fleet changed since the plan was made (plan again):%n");
            run.problems().forEach(problem -> out().printf("  - %s%n", problem));
            return ExitCodes.UNEXPECTED_STATE;
        }
        out().printf("%nPre-flight OK: nothing was changed.%n");
        return ExitCodes.OK;
    }

    /**
     * Each wave's plan estimate against what it took: from its first migration's start to its last move's end, and
     * before that the executor's own time since the previous wave ended (its inventory and pre-flight).
     */
    private void printWaves(RunHistory run) {
        Plan plan = new PlanFile().read(Path.of(run.planFile()));
        TextTable table = new TextTable("WAVE", "MOVES", "ESTIMATED", "TOOK", "BEFORE IT");
        Optional<Instant> previousEnd = Optional.empty();
        for (PlanPhase phase : plan.phases()) {
            for (MigrationWave wave : phase.waves()) {
                List<RunHistory.Move> moves = run.moves().stream()
                        .filter(m -> m.phase() == phase.number() && m.wave() == wave.number()).toList();
                Optional<Instant> start = moves.stream().flatMap(m -> m.migratingAt().stream()).min(Instant::compareTo);
                Optional<Instant> end = moves.stream().flatMap(m -> m.finishedAt().stream()).max(Instant::compareTo);
                Optional<Instant> since = previousEnd;
                table.row(phase.number() + "." + wave.number(), moves.size(),
                        ApplyProgressDisplay.seconds(wave.estimatedDuration()),
                        start.flatMap(s -> end.map(e -> ApplyProgressDisplay.seconds(Duration.between(s, e))))
                                .orElse("-"),
                        start.flatMap(s -> since.map(p -> ApplyProgressDisplay.seconds(Duration.between(p, s))))
                                .orElse("-"));
                previousEnd = end.or(() -> since);
            }
        }
        table.print(out());
    }

    private int report(ApplyOutcome outcome) {
        outcome.run().ifPresent(run -> out().printf("Run %d of plan %s: %s%n", run.id(), run.planId(),
                run.status()));
        TextTable table = new TextTable("WAVE", "MOVE", "MODE", "RESULT", "ATTEMPTS", "DURATION", "DOWNTIME",
                "TRANSFERRED", "ERROR");
        for (MoveRecord move : outcome.moves()) {
            Optional<MigrationStats> stats = MigrationStats.ofJson(move.lastJobStats());
            table.row(move.phase() + "." + move.wave(), move.label(), move.mode(), move.state(), move.attempts(),
                    stats.map(s -> ApplyProgressDisplay.seconds(s.elapsed())).orElse("-"),
                    stats.flatMap(s -> s.downtime().stream().mapToObj(ms -> ms + " ms").findFirst()).orElse("-"),
                    stats.map(s -> ApplyProgressDisplay.mib(s.dataProcessed())).orElse("-"),
                    move.state() == MoveState.FAILED ? move.error().orElse("") : "");
        }
        table.print(out());
        outcome.run().flatMap(run -> bean(RunHistoryReader.class).read(run.id())).ifPresent(this::printWaves);
        outcome.run().flatMap(run -> bean(ReportWriter.class).writeRunReport(run.id(), reportDirectory))
                .ifPresent(report -> out().printf("Report written to %s%n", report));
        if (outcome.refusal().isPresent()) {
            throw new CommandFailure(ExitCodes.UNEXPECTED_STATE, outcome.refusal().get());
        }
        if (outcome.status() != BatchStatus.COMPLETED) {
            throw new CommandFailure(ExitCodes.FAILURE, outcome.run().flatMap(r -> r.error())
                    .or(() -> outcome.failure()).orElse("apply " + outcome.status()));
        }
        return ExitCodes.OK;
    }
}
