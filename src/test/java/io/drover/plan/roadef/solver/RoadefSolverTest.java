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
        RoadefModel model = RoadefParser.parseModel("example", RoadefInstances.STATEMENT_EXAMPLE);
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
