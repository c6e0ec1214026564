package io.drover.plan.roadef.solver;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Late acceptance (Burke and Bykov) straight on one {@link RoadefState}: a move is applied, its score read and, if
 * rejected, undone, without Timefold's per-move machinery (move objects, score director notifications, undo moves).
 * That evaluates millions of moves per second instead of tens of thousands, which the tight a2 instances need, where
 * most random moves break a hard constraint.
 *
 * <p>A search runs in slices ({@link #run}): each picks up where the last one stopped, with the same acceptance
 * history, so that {@link RoadefSearchPhase} can compare searches running side by side between slices and restart
 * the weaker one from the best assignment found ({@link #restartFrom}).
 */
final class RoadefLocalSearch {

    /** Moves drawn between two looks at the stop condition (which may read the clock). */
    private static final int STOP_CHECK_INTERVAL = 1024;

    private final Random random;
    private final long started = System.nanoTime();
    private final long[] history;
    private final int[] best;
    private final MoveMix mix;
    private RoadefState state;
    private MoveJournal journal;
    private RoadefNeighbourhood neighbourhood;
    private long currentCost;
    private long bestCost;
    /** The best assignment is copied only when the search is about to leave it, not at every new best. */
    private boolean bestIsCurrent;
    private long movesDrawn;
    private long movesAccepted;
    private long newBests;
    private long firstImprovementMillis = -1;

    RoadefLocalSearch(RoadefSolverOptions options, RoadefState state, Random random) {
        this.random = random;
        this.history = new long[options.lateAcceptanceSize()];
        this.best = new int[state.processCount()];
        this.mix = MoveMix.of(options);
        startFrom(state);
    }

    /**
     * Draws moves until {@code stop} says so: a feasible move is kept if it does not worsen the current cost or beats
     * the cost of {@code lateAcceptanceSize} drawn moves ago.
     */
    void run(BooleanSupplier stop) {
        long drawn = 0;
        while (drawn % STOP_CHECK_INTERVAL != 0 || !stop.getAsBoolean()) {
            int slot = (int) (movesDrawn++ % history.length);
            drawn++;
            long limit = Math.max(currentCost, history[slot] - 1);
            MoveKind kind = mix.pick(random);
            // Kinds differ tenfold in cost (a best swap scores a whole machine), so the mix weighs gain by time.
            long moveStarted = System.nanoTime();
            boolean kept = neighbourhood.tryMove(kind, random, limit);
            long spent = System.nanoTime() - moveStarted;
            mix.record(kind, spent, kept ? Math.max(0, currentCost - state.softPenalty()) : 0);
            if (kept) {
                movesAccepted++;
                accept(state.softPenalty());
            }
            history[slot] = currentCost;
        }
    }

    /**
     * Continues from {@code elite} (another search's best assignment, as a state of its own) with a fresh acceptance
     * history; the move mix keeps what it learnt. The elite must be better than this search's own best, which it
     * replaces.
     */
    void restartFrom(RoadefState elite) {
        if (elite.softPenalty() >= bestCost) {
            throw new IllegalArgumentException("an elite of cost " + elite.softPenalty() + " is no better than the "
                    + "search's own best, " + bestCost);
        }
        startFrom(elite);
    }

    /** The best assignment seen so far. */
    int[] best() {
        if (bestIsCurrent) {
            state.copyAssignmentInto(best);
        }
        return best.clone();
    }

    long bestCost() {
        return bestCost;
    }

    /** Milliseconds from the start of the search to its first improvement, -1 if none. */
    long firstImprovementMillis() {
        return firstImprovementMillis;
    }

    /** How many times the search found a new best assignment. */
    long newBests() {
        return newBests;
    }

    /** The share of each kind of move now. */
    String moveMix() {
        return mix.toString();
    }

    /** Random moves drawn so far, feasible or not. */
    long movesDrawn() {
        return movesDrawn;
    }

    /** Moves accepted (kept) so far. */
    long movesAccepted() {
        return movesAccepted;
    }

    private void startFrom(RoadefState start) {
        if (start.hardPenalty() != 0) {
            throw new IllegalStateException("the local search needs a feasible start");
        }
        state = start;
        journal = new MoveJournal(start);
        neighbourhood = new RoadefNeighbourhood(start, journal);
        currentCost = start.softPenalty();
        Arrays.fill(history, currentCost);
        bestCost = currentCost;
        bestIsCurrent = true;
    }

    private void accept(long cost) {
        if (bestIsCurrent && cost > bestCost) {
            state.copyAssignmentInto(best);
            journal.restoreBefore(best);
            bestIsCurrent = false;
        }
        currentCost = cost;
        if (cost < bestCost) {
            bestCost = cost;
            bestIsCurrent = true;
            if (newBests++ == 0) {
                firstImprovementMillis = (System.nanoTime() - started) / 1_000_000;
            }
        }
    }
}
