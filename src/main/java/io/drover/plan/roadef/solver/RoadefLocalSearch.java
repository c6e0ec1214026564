package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Timefold custom phase that runs late acceptance straight on its own {@link RoadefState}: a move is applied, its
 * score read and, if rejected, undone, without Timefold's per-move machinery (move objects, score director
 * notifications, undo moves). That evaluates millions of moves per second instead of tens of thousands, which the
 * tight a2 instances need, where most random moves break a hard constraint. The best assignment found is written
 * back to the working solution at the end, through the score director, so Timefold keeps it as its best solution.
 */
final class RoadefLocalSearch implements PhaseCommand<RoadefSolution> {

    private static final Logger log = LoggerFactory.getLogger(RoadefLocalSearch.class);
    private static final String VARIABLE = "machine";
    /** Moves drawn between two looks at the termination (which reads the clock). */
    private static final int TERMINATION_CHECK_INTERVAL = 1024;

    private final RoadefSolverOptions options;
    private long movesDrawn;
    private long movesAccepted;
    private long newBests;
    private long firstImprovementMillis = -1;
    private String finalMoveMix = "";

    RoadefLocalSearch(RoadefSolverOptions options) {
        this.options = options;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RoadefSolution> scoreDirector,
            BooleanSupplier isPhaseTerminated) {
        RoadefSolution solution = scoreDirector.getWorkingSolution();
        List<ProcessAssignment> assignments = solution.getAssignments();
        int[] original = new int[assignments.size()];
        int[] current = new int[assignments.size()];
        for (ProcessAssignment assignment : assignments) {
            original[assignment.getProcess()] = assignment.getOriginalMachine().getIndex();
            current[assignment.getProcess()] = assignment.getMachine().getIndex();
        }
        RoadefState state = new RoadefState(this, solution.getModel(), original, current);
        if (state.hardPenalty() != 0) {
            throw new IllegalStateException("the local search needs a feasible start");
        }
        int[] best = search(state, new Random(options.seed()), isPhaseTerminated);
        for (ProcessAssignment assignment : assignments) {
            RoadefMachine machine = solution.getMachines().get(best[assignment.getProcess()]);
            if (assignment.getMachine() != machine) {
                scoreDirector.beforeVariableChanged(assignment, VARIABLE);
                assignment.setMachine(machine);
                scoreDirector.afterVariableChanged(assignment, VARIABLE);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** Milliseconds from the start of the search to its first improvement, -1 if none. */
    long firstImprovementMillis() {
        return firstImprovementMillis;
    }

    /** How many times the search found a new best assignment. */
    long newBests() {
        return newBests;
    }

    /** The share of each kind of move at the end of the last search. */
    String finalMoveMix() {
        return finalMoveMix;
    }

    /** Random moves drawn so far, feasible or not. */
    long movesDrawn() {
        return movesDrawn;
    }

    /** Moves accepted (kept) so far. */
    long movesAccepted() {
        return movesAccepted;
    }

    /**
     * Late acceptance (Burke and Bykov): a feasible move is kept if it does not worsen the current cost or beats the
     * cost of {@code lateAcceptanceSize} drawn moves ago. Returns the best assignment seen.
     */
    int[] search(RoadefState state, Random random, BooleanSupplier terminated) {
        MoveJournal journal = new MoveJournal(state);
        RoadefNeighbourhood neighbourhood = new RoadefNeighbourhood(state, journal);
        MoveMix mix = MoveMix.of(options);
        long currentCost = state.softPenalty();
        long bestCost = currentCost;
        int[] best = new int[state.processCount()];
        // The best assignment is copied only when the search is about to leave it, not at every new best.
        boolean bestIsCurrent = true;
        long[] history = new long[options.lateAcceptanceSize()];
        Arrays.fill(history, currentCost);
        long started = System.nanoTime();
        long drawn = 0;
        long accepted = 0;
        while (drawn % TERMINATION_CHECK_INTERVAL != 0 || !terminated.getAsBoolean()) {
            int slot = (int) (drawn++ % history.length);
            long limit = Math.max(currentCost, history[slot] - 1);
            MoveKind kind = mix.pick(random);
            // Kinds differ tenfold in cost (a best swap scores a whole machine), so the mix weighs gain by time.
            long moveStarted = System.nanoTime();
            boolean kept = neighbourhood.tryMove(kind, random, limit);
            long spent = System.nanoTime() - moveStarted;
            mix.record(kind, spent, kept ? Math.max(0, currentCost - state.softPenalty()) : 0);
            if (kept) {
                accepted++;
                long cost = state.softPenalty();
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
            history[slot] = currentCost;
        }
        if (bestIsCurrent) {
            state.copyAssignmentInto(best);
        }
        movesDrawn += drawn;
        movesAccepted += accepted;
        finalMoveMix = mix.toString();
        log.info("Late acceptance: {} moves drawn, {} accepted, best cost {}, final move mix {}", drawn, accepted,
                bestCost, finalMoveMix);
        return best;
    }
}
