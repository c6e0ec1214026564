package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.drover.plan.roadef.RoadefModel;

/**
 * Improves a feasible assignment (the original assignment is the start, so there is no construction heuristic) with
 * one custom phase, {@link RoadefSearchPhase}: late-acceptance searches over moves that keep every hard constraint,
 * applied straight to incremental states, one per search thread. Timefold runs the phase under its time-spent
 * termination, checks the score of the result against a fresh calculation in FULL_ASSERT, and keeps the best
 * solution.
 */
public final class RoadefSolver {

    private RoadefSolver() {
    }

    /**
     * What a solve produced: the best assignment, its score, when the first improvement came, how many moves the
     * local search drew and kept, and the share of each kind of move at the end (e.g. "change 0.50, swap 0.30, ...").
     */
    public record Result(int[] assignment, HardSoftLongScore score, long firstImprovementMillis,
            long bestSolutionChanges, long movesDrawn, long movesAccepted, String finalMoveMix) {
    }

    static SolverConfig config(RoadefSolverOptions options, RoadefSearchPhase search) {
        return new SolverConfig()
                .withSolutionClass(RoadefSolution.class)
                .withEntityClasses(ProcessAssignment.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(RoadefIncrementalScoreCalculator.class))
                .withEnvironmentMode(options.environmentMode())
                .withTerminationSpentLimit(options.timeLimit())
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(search));
    }

    /** Solves from {@code start} (usually the original assignment), keeping {@code original} as M0. */
    public static Result solve(RoadefModel model, int[] original, int[] start, RoadefSolverOptions options) {
        RoadefSearchPhase search = new RoadefSearchPhase(options);
        Solver<RoadefSolution> solver = SolverFactory.<RoadefSolution>create(config(options, search)).buildSolver();
        RoadefSolution best = solver.solve(RoadefSolution.of(model, original, start));
        return new Result(best.toAssignment(), best.getScore(), search.firstImprovementMillis(), search.newBests(),
                search.movesDrawn(), search.movesAccepted(), search.finalMoveMix());
    }
}
