package io.drover.plan.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.PlacementSolution;
import java.time.Duration;

/**
 * Timefold wired in code (the 1.32 Spring starter does not run on Boot 4). Placements arrive already initialised by
 * a greedy pass, so the solver runs local search only: it improves what the greedy pass left (stranded guests,
 * imbalance) until it stops finding better solutions or its time is up. Seeded, so a plan is reproducible.
 */
public final class PlacementSolver {

    private final SolverFactory<PlacementSolution> factory;

    public PlacementSolver(SolverSettings settings) {
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(GuestPlacement.class)
                .withConstraintProviderClass(PlacementConstraints.class)
                .withEnvironmentMode(settings.environmentMode())
                .withRandomSeed(settings.randomSeed())
                .withPhases(new LocalSearchPhaseConfig())
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(settings.timeLimit())
                        .withUnimprovedSpentLimit(settings.unimprovedTimeLimit())));
    }

    public PlacementSolution solve(PlacementSolution problem) {
        if (problem.getGuests().isEmpty()) {
            return problem;
        }
        Solver<PlacementSolution> solver = factory.buildSolver();
        return solver.solve(problem);
    }

    /**
     * @param timeLimit           the most a plan may spend improving
     * @param unimprovedTimeLimit stop earlier once this long passes without a better solution
     */
    public record SolverSettings(Duration timeLimit, Duration unimprovedTimeLimit, long randomSeed,
            EnvironmentMode environmentMode) {
    }
}
