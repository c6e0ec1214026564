package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;

/**
 * How to solve: time limit, random seed (fixed, so a run can be repeated), late acceptance size, the share of swap
 * moves among change + swap moves, and Timefold's environment mode (FULL_ASSERT in tests).
 */
public record RoadefSolverOptions(Duration timeLimit, long seed, int lateAcceptanceSize, double swapShare,
        EnvironmentMode environmentMode) {

    public static final long DEFAULT_SEED = 42L;

    public static RoadefSolverOptions defaults(Duration timeLimit) {
        return new RoadefSolverOptions(timeLimit, DEFAULT_SEED, 1000, 0.5, EnvironmentMode.NON_REPRODUCIBLE);
    }

    public RoadefSolverOptions withEnvironmentMode(EnvironmentMode mode) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, mode);
    }

    public RoadefSolverOptions withSeed(long newSeed) {
        return new RoadefSolverOptions(timeLimit, newSeed, lateAcceptanceSize, swapShare, environmentMode);
    }

    public RoadefSolverOptions withLateAcceptanceSize(int size) {
        return new RoadefSolverOptions(timeLimit, seed, size, swapShare, environmentMode);
    }

    public RoadefSolverOptions withSwapShare(double share) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, share, environmentMode);
    }
}
