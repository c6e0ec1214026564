package io.drover.plan.roadef.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefInstances;
import io.drover.plan.roadef.RoadefModel;
import io.drover.plan.roadef.RoadefParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoadefSolverTest {

    /** The example of section 2 of the problem statement; its optimum is 2,411. */
    private static final String EXAMPLE = """
            2
            1 100
            0 10
            4
            0 0 30 400 16 80 0 1 4 5
            0 0 10 240 8 160 1 0 3 4
            1 1 15 100 12 80 4 3 0 2
            1 2 10 100 8 80 5 4 2 0
            2
            2 0
            1 1 0
            3
            0 12 10 1000
            0 10 20 100
            1 6 200 1
            1
            0 1 20 10
            1
            10
            100
            """;

    @Test
    void fullAssertKeepsTheIncrementalScoreEqualToAFreshOne() {
        RoadefModel model = RoadefInstances.model("a1_1");
        int[] original = RoadefInstances.assignment("a1_1", model);
        RoadefSolverOptions options = RoadefSolverOptions.defaults(Duration.ofSeconds(2))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);

        RoadefSolver.Result result = RoadefSolver.solve(model, original, original, options);

        RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, original, result.assignment());
        assertThat(evaluation.feasible()).isTrue();
        assertThat(-result.score().softScore()).isEqualTo(evaluation.total());
        assertThat(evaluation.total()).isLessThan(RoadefInstances.originalObjective("a1_1"));
    }

    @Test
    void findsTheOptimumOfTheProblemStatementExample() {
        RoadefModel model = RoadefParser.parseModel("example", EXAMPLE);
        int[] original = {0, 3, 0};
        RoadefSolverOptions options = RoadefSolverOptions.defaults(Duration.ofSeconds(1))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT);

        RoadefSolver.Result result = RoadefSolver.solve(model, original, original, options);

        assertThat(result.assignment()).containsExactly(0, 2, 1);
        assertThat(RoadefEvaluator.evaluate(model, original, result.assignment()).total()).isEqualTo(2411);
    }

    @Test
    void improvesAFeasibleAssignmentAndStaysFeasible() {
        RoadefModel model = RoadefInstances.model("a2_2");
        int[] original = RoadefInstances.assignment("a2_2", model);

        RoadefSolver.Result result = RoadefSolver.solve(model, original, original,
                RoadefSolverOptions.defaults(Duration.ofSeconds(3)));

        RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, original, result.assignment());
        assertThat(evaluation.violations()).isEmpty();
        assertThat(result.score().hardScore()).isZero();
        assertThat(-result.score().softScore()).isEqualTo(evaluation.total());
        assertThat(evaluation.total()).isLessThan(RoadefInstances.originalObjective("a2_2") * 9 / 10);
    }
}
