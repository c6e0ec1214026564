package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.drover.plan.roadef.RoadefModel;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Improves a feasible assignment with Timefold local search only (the original assignment is the start, so there is
 * no construction heuristic): late acceptance over change and swap moves that are filtered to keep every hard
 * constraint, scored incrementally.
 */
public final class RoadefSolver {

    private RoadefSolver() {
    }

    /** What a solve produced: the best assignment, its score, and when the first improvement came. */
    public record Result(int[] assignment, HardSoftLongScore score, long firstImprovementMillis,
            long bestSolutionChanges) {
    }

    public static SolverConfig config(RoadefSolverOptions options) {
        MoveIteratorFactoryConfig moves = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RoadefMoveIteratorFactory.class)
                .withMoveIteratorFactoryCustomProperties(Map.of(
                        "swapShare", Double.toString(options.swapShare()),
                        "ejectionShare", Double.toString(options.ejectionShare())));
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(moves)
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withLateAcceptanceSize(options.lateAcceptanceSize()))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        return new SolverConfig()
                .withSolutionClass(RoadefSolution.class)
                .withEntityClasses(ProcessAssignment.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(RoadefIncrementalScoreCalculator.class))
                .withEnvironmentMode(options.environmentMode())
                .withRandomSeed(options.seed())
                .withTerminationSpentLimit(options.timeLimit())
                .withPhases(localSearch);
    }

    /** Solves from {@code start} (usually the original assignment), keeping {@code original} as M0. */
    public static Result solve(RoadefModel model, int[] original, int[] start, RoadefSolverOptions options) {
        Solver<RoadefSolution> solver = SolverFactory.<RoadefSolution>create(config(options)).buildSolver();
        long started = System.nanoTime();
        AtomicLong firstImprovement = new AtomicLong(-1);
        AtomicLong changes = new AtomicLong();
        solver.addEventListener(event -> {
            changes.incrementAndGet();
            firstImprovement.compareAndSet(-1, (System.nanoTime() - started) / 1_000_000);
        });
        RoadefSolution best = solver.solve(RoadefSolution.of(model, original, start));
        return new Result(best.toAssignment(), best.getScore(), firstImprovement.get(), changes.get());
    }
}
