package io.drover.cli;

import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefFormatException;
import io.drover.plan.roadef.RoadefModel;
import io.drover.plan.roadef.RoadefParser;
import io.drover.plan.roadef.RoadefSolutionWriter;
import io.drover.plan.roadef.solver.RoadefSolver;
import io.drover.plan.roadef.solver.RoadefSolverOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover bench}: runs the planner on public benchmark instances. Needs no database. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the planner on public benchmark instances.",
        subcommands = {BenchCommand.Roadef.class})
public class BenchCommand extends BaseCommand {

    BenchCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        throw CommandFailure.invalidInput("bench needs a benchmark, e.g. 'bench roadef MODEL ASSIGNMENT' (see --help)");
    }

    /** {@code drover bench roadef}: ROADEF/EURO 2012 machine reassignment, in the challenge's file format. */
    @Command(name = "roadef", mixinStandardHelpOptions = true,
            description = "Solves a ROADEF/EURO 2012 machine reassignment instance from its original assignment and "
                    + "prints the official objective (with its breakdown) of the original and of the result.")
    public static class Roadef extends BaseCommand {

        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

        @Parameters(index = "0", paramLabel = "MODEL", description = "The instance file (model_*.txt).")
        Path model;

        @Parameters(index = "1", paramLabel = "ASSIGNMENT", description = "The original assignment (assignment_*.txt).")
        Path assignment;

        @Option(names = "--time-limit", defaultValue = "60s", paramLabel = "DURATION",
                description = "Solving time, e.g. 60s, 500ms, 5m (default ${DEFAULT-VALUE}).")
        String timeLimit;

        @Option(names = "--out", paramLabel = "SOLUTION", description = "Where to write the solution file.")
        Path out;

        @Option(names = "--evaluate", paramLabel = "SOLUTION",
                description = "Do not solve: score this solution file against the original assignment.")
        Path evaluate;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--late-acceptance-size", defaultValue = "100000",
                description = "Late acceptance list size, in drawn moves (default ${DEFAULT-VALUE}).")
        int lateAcceptanceSize;

        @Option(names = "--swap-share", defaultValue = "0.3",
                description = "Share of random swap moves; the rest of all shares are best-target changes "
                        + "(default ${DEFAULT-VALUE}).")
        double swapShare;

        @Option(names = "--make-room-share", defaultValue = "0.2",
                description = "Share of make-room moves: a process to a machine, others off it until it fits "
                        + "(default ${DEFAULT-VALUE}).")
        double makeRoomShare;

        @Option(names = "--best-swap-share", defaultValue = "0.2",
                description = "Share of best-swap moves: a process swaps with the best partner on a random machine "
                        + "(default ${DEFAULT-VALUE}).")
        double bestSwapShare;

        @Option(names = "--repack-share", defaultValue = "0.0005",
                description = "Share of re-pack moves: the processes of a costly machine and one or two others "
                        + "shared out anew among them by branch and bound; 0 for none (default ${DEFAULT-VALUE}).")
        double repackShare;

        @Option(names = "--fixed-mix",
                description = "Keep the move shares as given instead of adapting them to what each kind gains per "
                        + "CPU time.")
        boolean fixedMix;

        @Option(names = "--threads", paramLabel = "N",
                description = "Searches run side by side, restarting from the best of them every few seconds "
                        + "(default: one per processor).")
        Integer threads;

        Roadef(SpringContext spring) {
            super(spring);
        }

        @Override
        protected int doCall() {
            Duration limit = parseDuration(timeLimit);
            RoadefModel instance;
            int[] original;
            try {
                instance = RoadefParser.readModel(model);
                original = RoadefParser.readAssignment(assignment, instance);
            } catch (RoadefFormatException | UncheckedIOException e) {
                throw CommandFailure.invalidInput(e.getMessage());
            }
            out().printf(Locale.ROOT, "instance  %s: %d resources, %d machines, %d services, %d processes%n",
                    model.getFileName(), instance.resourceCount(), instance.machineCount(), instance.serviceCount(),
                    instance.processCount());
            RoadefEvaluation before = RoadefEvaluator.evaluate(instance, original, original);
            out().println("original  " + before.describe());
            out().flush();
            if (evaluate != null) {
                RoadefEvaluation checked;
                try {
                    checked = RoadefEvaluator.evaluate(instance, original,
                            RoadefParser.readAssignment(evaluate, instance));
                } catch (RoadefFormatException | UncheckedIOException e) {
                    throw CommandFailure.invalidInput(e.getMessage());
                }
                out().println("solution  " + checked.describe());
                for (String violation : checked.violations()) {
                    out().println("  " + violation);
                }
                return checked.feasible() ? ExitCodes.OK : ExitCodes.NO_FEASIBLE_PLAN;
            }

            RoadefSolverOptions options;
            try {
                options = RoadefSolverOptions.defaults(limit).withSeed(seed).withLateAcceptanceSize(lateAcceptanceSize)
                        .withShares(swapShare, bestSwapShare, makeRoomShare).withRepackShare(repackShare)
                        .withAdaptiveMix(!fixedMix);
                if (threads != null) {
                    options = options.withSearchThreads(threads);
                }
            } catch (IllegalArgumentException e) {
                throw CommandFailure.invalidInput(e.getMessage());
            }
            long started = System.nanoTime();
            Duration cpuBefore = processCpuTime();
            RoadefSolver.Result result = RoadefSolver.solve(instance, original, original, options);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            Duration cpu = processCpuTime().minus(cpuBefore);

            RoadefEvaluation after = RoadefEvaluator.evaluate(instance, original, result.assignment());
            out().println("result    " + after.describe());
            for (String violation : after.violations()) {
                out().println("  " + violation);
            }
            out().printf(Locale.ROOT, "improved  %.2f%% in %.1f s (first improvement after %d ms, %d new bests), "
                            + "seed %d, late acceptance %d, shares swap %.2f, best swap %.2f, make room %.2f, "
                            + "repack %.4f%s%n",
                    100.0 * (before.total() - after.total()) / Math.max(1, before.total()), elapsed / 1000.0,
                    result.firstImprovementMillis(), result.bestSolutionChanges(), seed, lateAcceptanceSize,
                    swapShare, bestSwapShare, makeRoomShare, repackShare, fixedMix ? ", fixed" : ", adaptive");
            // CPU time shows how much of the wall-clock limit the search really got on a shared machine.
            out().printf(Locale.ROOT,
                    "search    %,d moves drawn (%,d/s), %,d accepted, %.1f s CPU, %d search thread(s)%n",
                    result.movesDrawn(), result.movesDrawn() * 1000 / Math.max(1, elapsed), result.movesAccepted(),
                    cpu.toMillis() / 1000.0, options.searchThreads());
            out().println("mix       final shares " + result.finalMoveMix());
            if (out != null) {
                RoadefSolutionWriter.write(out, result.assignment());
                out().println("solution  " + out);
            }
            return after.feasible() ? ExitCodes.OK : ExitCodes.NO_FEASIBLE_PLAN;
        }

        private static Duration processCpuTime() {
            return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        }

        static Duration parseDuration(String text) {
            Matcher matcher = DURATION.matcher(text.trim());
            if (!matcher.matches()) {
                throw CommandFailure.invalidInput("--time-limit: expected a duration like 60s, 500ms or 5m, got '"
                        + text + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            switch (unit) {
                case "ms": return Duration.ofMillis(amount);
                case "m": return Duration.ofMinutes(amount);
                case "h": return Duration.ofHours(amount);
                default: return Duration.ofSeconds(amount);
            }
        }
    }
}
