package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;

/**
 * How to solve: time limit, random seed (fixed, so a run can be repeated), late acceptance size, the starting shares
 * of swap, best-swap, make-room and re-pack moves (the rest are changes; a kind that starts at 0 is never drawn),
 * whether the shares then adapt to what each kind of move gains ({@link MoveMix}), how many searches run side by side
 * ({@link RoadefSearchPhase}; search i draws from seed + i), and Timefold's environment mode (FULL_ASSERT in tests).
 */
public record RoadefSolverOptions(Duration timeLimit, long seed, int lateAcceptanceSize, double swapShare,
        double bestSwapShare, double makeRoomShare, double repackShare, boolean adaptiveMix, int searchThreads,
        EnvironmentMode environmentMode) {

    public static final long DEFAULT_SEED = 42L;

    public RoadefSolverOptions {
        if (swapShare < 0 || bestSwapShare < 0 || makeRoomShare < 0 || repackShare < 0
                || swapShare + bestSwapShare + makeRoomShare + repackShare > 1) {
            throw new IllegalArgumentException("move shares must be at least 0 and sum to at most 1");
        }
        if (searchThreads < 1) {
            throw new IllegalArgumentException("search threads must be at least 1, not " + searchThreads);
        }
    }

    public static RoadefSolverOptions defaults(Duration timeLimit) {
        return new RoadefSolverOptions(timeLimit, DEFAULT_SEED, 100_000, 0.3, 0.2, 0.2, 0.0005, true,
                Runtime.getRuntime().availableProcessors(), EnvironmentMode.NON_REPRODUCIBLE);
    }

    public RoadefSolverOptions withEnvironmentMode(EnvironmentMode mode) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, bestSwapShare, makeRoomShare,
                repackShare, adaptiveMix, searchThreads, mode);
    }

    public RoadefSolverOptions withSeed(long newSeed) {
        return new RoadefSolverOptions(timeLimit, newSeed, lateAcceptanceSize, swapShare, bestSwapShare, makeRoomShare,
                repackShare, adaptiveMix, searchThreads, environmentMode);
    }

    public RoadefSolverOptions withLateAcceptanceSize(int size) {
        return new RoadefSolverOptions(timeLimit, seed, size, swapShare, bestSwapShare, makeRoomShare, repackShare,
                adaptiveMix, searchThreads, environmentMode);
    }

    /** The starting shares of swap, best-swap and make-room moves; changes take the rest after re-pack moves. */
    public RoadefSolverOptions withShares(double swap, double bestSwap, double makeRoom) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swap, bestSwap, makeRoom, repackShare,
                adaptiveMix, searchThreads, environmentMode);
    }

    /** The starting share of re-pack moves, taken from the changes' share (0: none). */
    public RoadefSolverOptions withRepackShare(double repack) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, bestSwapShare, makeRoomShare,
                repack, adaptiveMix, searchThreads, environmentMode);
    }

    public RoadefSolverOptions withAdaptiveMix(boolean adaptive) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, bestSwapShare, makeRoomShare,
                repackShare, adaptive, searchThreads, environmentMode);
    }

    /** How many searches run side by side (by default one per available processor). */
    public RoadefSolverOptions withSearchThreads(int threads) {
        return new RoadefSolverOptions(timeLimit, seed, lateAcceptanceSize, swapShare, bestSwapShare, makeRoomShare,
                repackShare, adaptiveMix, threads, environmentMode);
    }
}
