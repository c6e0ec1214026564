package io.drover.plan.roadef.solver;

import static io.drover.plan.roadef.solver.RoadefLocalSearchTest.afterChecks;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefInstances;
import io.drover.plan.roadef.RoadefModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoadefSearchPhaseTest {

    @Test
    void twoSearchesRunSideBySideAndTheBestOfThemIsReturned() {
        RoadefModel model = RoadefInstances.model("a2_3");
        int[] original = RoadefInstances.assignment("a2_3", model);
        RoadefSearchPhase phase = phase(2);

        // the first search alone looks at the phase's end: after 300 checks of 1,024 moves
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
        RoadefSearchPhase phase = phase(1);

        int[] best = phase.search(model, original, original, afterChecks(50));

        assertThat(RoadefEvaluator.evaluate(model, original, best).feasible()).isTrue();
        assertThat(phase.movesDrawn()).isEqualTo(50 * 1024);
    }

    private static RoadefSearchPhase phase(int searchThreads) {
        return new RoadefSearchPhase(
                RoadefSolverOptions.defaults(Duration.ofSeconds(1)).withSearchThreads(searchThreads));
    }
}
