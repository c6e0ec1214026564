package io.drover.bench;

import io.drover.plan.PlanLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The drain benchmark side by side: for each instance ({@code HOSTSxGUESTS/DRAINED}, default the issue's
 * {@code 5000x50000/500}), one fleet and one engine, then Drover's {@link io.drover.plan.drain.DrainPlanner} and
 * BtrPlace ({@link BtrPlaceDrain}) on the same drain, one after the other in this JVM; prints a Markdown table and
 * writes it to {@code drain.out} (default bench/out/drain/table.md).
 *
 * <p>System properties: {@code drain.spent} / {@code drain.unimproved} (Drover's solver limits, s, default 30 / 5),
 * {@code btrplace.timeLimit} (s, default 300), {@code btrplace.fence} ({@code all}, default, or {@code drained}),
 * {@code drain.quick} (Drover's second, short run, SPENT/UNIMPROVED s, default 2/1), {@code drain.skipBtrPlace} to
 * run Drover alone.
 */
public final class DrainComparison {

    private DrainComparison() {
    }

    /** {@code drain.quick}: SPENT/UNIMPROVED in seconds, default 2/1. */
    static io.drover.plan.solver.PlacementSolver.SolverSettings quickSettings() {
        String[] quick = System.getProperty("drain.quick", "2/1").split("/");
        return new io.drover.plan.solver.PlacementSolver.SolverSettings(
                java.time.Duration.ofSeconds(Long.parseLong(quick[0])),
                java.time.Duration.ofSeconds(Long.parseLong(quick[1])), 0L,
                ai.timefold.solver.core.config.solver.EnvironmentMode.REPRODUCIBLE);
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        List<String> specs = args.length > 0 ? List.of(args) : List.of("5000x50000/500");
        int btrLimit = Integer.getInteger("btrplace.timeLimit", 300);
        boolean fenceAll = !System.getProperty("btrplace.fence", "all").equals("drained");
        List<String> rows = new ArrayList<>();
        rows.add("| instance | Drover engine build s | Drover plan s (drain.spent / drain.unimproved) | Drover plan s (quick) | BtrPlace model build s | BtrPlace solve s "
                + "| ratio BtrPlace / Drover (plan, quick) | migrations Drover / quick / BtrPlace | blocked (Drover) / excluded "
                + "(BtrPlace) | waves (Drover) | feasible Drover / BtrPlace | peak heap MiB Drover / BtrPlace |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String spec : specs) {
            DrainBenchmark.Instance instance = DrainBenchmark.Instance.parse(spec);
            DrainBenchmark.Prepared prepared = DrainBenchmark.prepare(instance);
            DrainBenchmark.Outcome drover = DrainBenchmark.runDrover(prepared, DrainBenchmark.settings(),
                    PlanLimits.DEFAULTS);
            DrainBenchmark.print(prepared, drover);
            // The same drain with a short solver budget: the greedy start plus a little local search, which is
            // what a first feasible plan costs (BtrPlace is asked for its first solution too).
            DrainBenchmark.Outcome quick = DrainBenchmark.runDrover(prepared, quickSettings(), PlanLimits.DEFAULTS);
            System.out.print("quick ");
            DrainBenchmark.print(prepared, quick);
            BtrPlaceDrain.Outcome btr = Boolean.getBoolean("drain.skipBtrPlace") ? null
                    : BtrPlaceDrain.run(prepared, btrLimit, fenceAll);
            if (btr != null) {
                System.out.printf("btrplace: model build %.2f s (%,d Fence over %,d node sets, %d excluded), solve "
                        + "%.2f s, %s, %,d migrations (%d from kept hosts, %d to refused or drained hosts, %d VMs of "
                        + "drained hosts not moved), plan duration %d, peak heap %,d MiB%n", btr.buildSeconds(),
                        btr.fences(), btr.fenceSets(), btr.excluded(), btr.solveSeconds(), btr.status(),
                        btr.migrations(), btr.unneeded(), btr.badDestination(), btr.notMoved(), btr.duration(),
                        btr.peakHeapBytes() >> 20);
            }
            rows.add(String.format("| %s | %.1f | %.1f | %.1f | %s | %s | %s | %,d / %,d / %s | %d / %s | %d | %s / %s | %,d / %s |",
                    instance.label(), prepared.engineSeconds(), drover.planSeconds(), quick.planSeconds(),
                    btr == null ? "-" : String.format("%.1f", btr.buildSeconds()),
                    btr == null ? "-" : String.format("%.1f", btr.solveSeconds()) + (btr.solved() ? "" : " (" + btr.status() + ")"),
                    btr == null || !btr.solved() ? "-" : String.format("%.2f / %.2f", btr.solveSeconds()
                            / drover.planSeconds(), btr.solveSeconds() / quick.planSeconds()),
                    drover.migrations(), quick.migrations(), btr == null || !btr.solved() ? "-" : String.format("%,d", btr.migrations()),
                    drover.blocked(), btr == null ? "-" : String.valueOf(btr.excluded()), drover.waves(),
                    drover.verification().feasible() && quick.verification().feasible() ? "yes" : "NO",
                    btr == null ? "-" : btr.solved() && btr.unneeded() == 0 && btr.badDestination() == 0
                            && btr.notMoved() == 0 ? "yes" : "no",
                    drover.peakHeapBytes() >> 20, btr == null ? "-" : String.valueOf(btr.peakHeapBytes() >> 20)));
            System.out.println(rows.get(rows.size() - 1));
            System.out.flush();
        }
        String table = String.join("\n", rows) + "\n";
        System.out.print(table);
        Path out = Path.of(System.getProperty("drain.out", "bench/out/drain/table.md"));
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
