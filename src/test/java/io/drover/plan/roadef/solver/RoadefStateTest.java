package io.drover.plan.roadef.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefInstances;
import io.drover.plan.roadef.RoadefModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental state against the independent evaluator: score after random changes, and the move filters. */
class RoadefStateTest {

    @Test
    void scoreFollowsRandomChangesExactly() {
        for (String instance : new String[] {"a1_1", "a1_4", "a2_2"}) {
            RoadefModel model = RoadefInstances.model(instance);
            int[] original = RoadefInstances.assignment(instance, model);
            int[] current = original.clone();
            RoadefState state = new RoadefState(this, model, original, current);
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                int p = random.nextInt(model.processCount());
                int m = random.nextInt(model.machineCount());
                state.retract(p);
                state.insert(p, m);
                current[p] = m;
                if (i % 30 == 0) {
                    RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, original, current);
                    assertThat(state.softPenalty()).as(instance + " step " + i).isEqualTo(evaluation.total());
                    assertThat(state.hardPenalty() == 0).as(instance + " step " + i).isEqualTo(evaluation.feasible());
                }
            }
            // and back home: the original objective again
            for (int p = 0; p < current.length; p++) {
                state.retract(p);
                state.insert(p, original[p]);
            }
            assertThat(state.softPenalty()).isEqualTo(RoadefInstances.originalObjective(instance));
            assertThat(state.hardPenalty()).isZero();
        }
    }

    @Test
    void filtersAcceptExactlyTheMovesThatStayFeasible() {
        for (String instance : new String[] {"a1_2", "a1_4", "a2_2", "a2_5"}) {
            RoadefModel model = RoadefInstances.model(instance);
            int[] original = RoadefInstances.assignment(instance, model);
            int[] current = original.clone();
            RoadefState state = new RoadefState(this, model, original, current);
            Random random = new Random(11);
            int accepted = 0;
            for (int i = 0; i < 1200; i++) {
                boolean swap = random.nextBoolean();
                int p1 = random.nextInt(model.processCount());
                int[] moved = current.clone();
                boolean verdict;
                int p2 = -1;
                if (swap) {
                    p2 = random.nextInt(model.processCount());
                    if (current[p1] == current[p2]
                            || model.processes().get(p1).service() == model.processes().get(p2).service()) {
                        continue;
                    }
                    moved[p1] = current[p2];
                    moved[p2] = current[p1];
                    verdict = state.swapKeepsFeasible(p1, p2);
                } else {
                    int m = random.nextInt(model.machineCount());
                    if (m == current[p1]) {
                        continue;
                    }
                    moved[p1] = m;
                    verdict = state.changeKeepsFeasible(p1, m);
                }
                boolean feasible = RoadefEvaluator.evaluate(model, original, moved).feasible();
                assertThat(verdict).as(instance + " move " + i + (swap ? " swap" : " change")).isEqualTo(feasible);
                if (feasible && random.nextInt(4) == 0) {
                    // walk on, so that later moves start from moved states (processes away from home)
                    state.retract(p1);
                    state.insert(p1, moved[p1]);
                    if (p2 >= 0) {
                        state.retract(p2);
                        state.insert(p2, moved[p2]);
                    }
                    current = moved;
                    accepted++;
                }
            }
            assertThat(accepted).as(instance).isGreaterThan(10);
        }
    }
}
