package io.drover.plan.roadef.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefInstances;
import io.drover.plan.roadef.RoadefModel;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RoadefSearchPhaseTest {

    /** Ends the phase after a fixed number of termination checks by the first search. */
    private static BooleanSupplier afterChecks(int checks) {
        int[] count = {0};
        return () -> ++count[0] > checks;
    }

    @Test
    void twoSearchesRunSideBySideAndTheBestOfThemIsReturned() {
        RoadefModel model = RoadefInstances.model("a2_3");
        int[] original = RoadefInstances.assignment("a2_3", model);
        RoadefSearchPhase phase = new RoadefSearchPhase(
                RoadefSolverOptions.defaults(Duration.ofSeconds(1)).withSearchThreads(2));

        int[] best = phase.search(model, original, original, afterChecks(300));

        RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, original, best);
        assertThat(evaluation.violations()).isEmpty();
        assertThat(evaluation.total()).isLessThan(RoadefInstances.originalObjective("a2_3"));
        // the first search drew 300 x 1,024 moves; the second ran beside it until the phase ended
        assertThat(phase.movesDrawn()).isGreaterThan(300 * 1024);
        assertThat(phase.newBests()).isPositive();
    }

    @Test
    void oneSearchThreadRunsTheSearchAlone() {
        RoadefModel model = RoadefInstances.model("a1_2");
        int[] original = RoadefInstances.assignment("a1_2", model);
        RoadefSearchPhase phase = new RoadefSearchPhase(
                RoadefSolverOptions.defaults(Duration.ofSeconds(1)).withSearchThreads(1));

        int[] best = phase.search(model, original, original, afterChecks(50));

        assertThat(RoadefEvaluator.evaluate(model, original, best).feasible()).isTrue();
        assertThat(phase.movesDrawn()).isEqualTo(50 * 1024);
    }
}
