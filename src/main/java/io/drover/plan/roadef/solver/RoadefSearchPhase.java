package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import io.drover.plan.roadef.RoadefModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Timefold custom phase that improves a ROADEF assignment: {@code searchThreads} late-acceptance searches
 * ({@link RoadefLocalSearch}) run side by side from the start, each on its own state with its own random stream.
 * Every {@link #ROUND} they stop, and each search whose best is worse than the best of all restarts from a copy of
 * it; then they go on. One search can stall on a trajectory that another escapes (a2_2 ended at 4.8 % or 22.7 %
 * above the best known in two runs of one search), and the restarts give every core the most promising assignment.
 *
 * <p>The best assignment found is written to the working solution at the end, through the score director, so
 * Timefold checks its score ({@code FULL_ASSERT} in the tests) and keeps it as its best solution.
 */
final class RoadefSearchPhase implements PhaseCommand<RoadefSolution> {

    private static final Logger log = LoggerFactory.getLogger(RoadefSearchPhase.class);
    private static final String VARIABLE = "machine";
    /** Long enough for a search to move far from where it restarted, short enough for a dozen restarts a minute. */
    static final Duration ROUND = Duration.ofSeconds(5);

    private final RoadefSolverOptions options;
    private final List<RoadefLocalSearch> searches = new ArrayList<>();

    RoadefSearchPhase(RoadefSolverOptions options) {
        this.options = options;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RoadefSolution> scoreDirector,
            BooleanSupplier isPhaseTerminated) {
        RoadefSolution solution = scoreDirector.getWorkingSolution();
        List<ProcessAssignment> assignments = solution.getAssignments();
        int[] original = new int[assignments.size()];
        int[] start = new int[assignments.size()];
        for (ProcessAssignment assignment : assignments) {
            original[assignment.getProcess()] = assignment.getOriginalMachine().getIndex();
            start[assignment.getProcess()] = assignment.getMachine().getIndex();
        }
        int[] best = search(solution.getModel(), original, start, isPhaseTerminated);
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

    /** Runs the searches in rounds until Timefold ends the phase; returns the best assignment of all. */
    int[] search(RoadefModel model, int[] original, int[] start, BooleanSupplier phaseTerminated) {
        for (int i = 0; i < options.searchThreads(); i++) {
            searches.add(new RoadefLocalSearch(options, new RoadefState(this, model, original, start),
                    new Random(options.seed() + i)));
        }
        ExecutorService helpers = Executors.newFixedThreadPool(Math.max(1, searches.size() - 1), runnable -> {
            Thread thread = new Thread(runnable, "roadef-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicBoolean over = new AtomicBoolean();
            runRound(helpers, over, phaseTerminated);
            while (!over.get()) {
                shareTheBest(model, original);
                runRound(helpers, over, phaseTerminated);
            }
        } finally {
            helpers.shutdownNow();
        }
        RoadefLocalSearch leader = leader();
        log.info("Late acceptance, {} search(es): {} moves drawn, {} accepted, best cost {}, move mix {}",
                searches.size(), movesDrawn(), movesAccepted(), leader.bestCost(), leader.moveMix());
        return leader.best();
    }

    /**
     * One round: the first search runs on this thread, the only one that asks Timefold whether the phase is over
     * (its termination belongs to the solver thread); the others stop when the round ends or the phase does.
     */
    private void runRound(ExecutorService helpers, AtomicBoolean over, BooleanSupplier phaseTerminated) {
        long roundEnd = System.nanoTime() + ROUND.toNanos();
        BooleanSupplier stop = () -> over.get() || System.nanoTime() >= roundEnd;
        List<Future<?>> running = new ArrayList<>();
        for (RoadefLocalSearch helper : searches.subList(1, searches.size())) {
            running.add(helpers.submit(() -> helper.run(stop)));
        }
        try {
            searches.get(0).run(() -> {
                if (phaseTerminated.getAsBoolean()) {
                    over.set(true);
                }
                return stop.getAsBoolean();
            });
        } catch (RuntimeException | Error e) {
            over.set(true); // the helpers stop at their next look
            throw e;
        } finally {
            for (Future<?> helper : running) {
                awaitHelper(helper, over);
            }
        }
    }

    private static void awaitHelper(Future<?> helper, AtomicBoolean over) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            over.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the searches ran", e);
        } catch (ExecutionException e) {
            over.set(true);
            throw new IllegalStateException("a search failed", e.getCause());
        }
    }

    /** Every search worse than the leader continues from a copy of the leader's best assignment. */
    private void shareTheBest(RoadefModel model, int[] original) {
        RoadefLocalSearch leader = leader();
        int[] elite = leader.best();
        for (RoadefLocalSearch search : searches) {
            if (search.bestCost() > leader.bestCost()) {
                search.restartFrom(new RoadefState(this, model, original, elite));
            }
        }
    }

    private RoadefLocalSearch leader() {
        return searches.stream().min(Comparator.comparingLong(RoadefLocalSearch::bestCost)).orElseThrow();
    }

    /** Milliseconds from the start to the first improvement any search made, -1 if none did. */
    long firstImprovementMillis() {
        return searches.stream().mapToLong(RoadefLocalSearch::firstImprovementMillis).filter(millis -> millis >= 0)
                .min().orElse(-1);
    }

    /** How many times a search found a new best assignment of its own. */
    long newBests() {
        return searches.stream().mapToLong(RoadefLocalSearch::newBests).sum();
    }

    long movesDrawn() {
        return searches.stream().mapToLong(RoadefLocalSearch::movesDrawn).sum();
    }

    long movesAccepted() {
        return searches.stream().mapToLong(RoadefLocalSearch::movesAccepted).sum();
    }

    /** The leading search's share of each kind of move at the end. */
    String finalMoveMix() {
        return searches.isEmpty() ? "" : leader().moveMix();
    }
}
