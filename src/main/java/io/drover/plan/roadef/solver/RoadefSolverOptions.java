package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;

/**
 * How to solve: time limit, random seed (fixed, so a run can be repeated), late acceptance size, the shares of swap
 * and make-room moves (the rest are changes), and Timefold's environment mode (FULL_ASSERT in tests).
 */
public record RoadefSolverOptions(Duration timeLimit, long seed, int lateAcceptanceSize, double swapShare,
        double makeRoomShare, EnvironmentMode environmentMode) {

    public static final long DEFAULT_SEED = 42L;

    public static RoadefSolverOptions defaults(Duration timeLimit) {
        return new RoadefSolverOptions(timeLimit, DEFAULT_SEED, 5000, 0.3, 0.2, EnvironmentMode.NON_REPRODUCIBLE);
    }

    public RoadefSolverOptions withEnvironmentMode(EnvironmentMode mode) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, makeRoomShare, mode);
    }

    public RoadefSolverOptions withSeed(long newSeed) {
        return new RoadefSolverOptions(timeLimit, newSeed, lateAcceptanceSize, swapShare, makeRoomShare, environmentMode);
    }

    public RoadefSolverOptions withLateAcceptanceSize(int size) {
        return new RoadefSolverOptions(timeLimit, seed, size, swapShare, makeRoomShare, environmentMode);
    }

    public RoadefSolverOptions withMakeRoomShare(double share) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, share, environmentMode);
    }

    public RoadefSolverOptions withSwapShare(double share) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, share, makeRoomShare, environmentMode);
    }
}
