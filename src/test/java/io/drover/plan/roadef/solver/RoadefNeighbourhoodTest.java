package io.drover.plan.roadef.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.roadef.RoadefEvaluation;
import io.drover.plan.roadef.RoadefEvaluator;
import io.drover.plan.roadef.RoadefInstances;
import io.drover.plan.roadef.RoadefModel;
import io.drover.plan.roadef.RoadefParser;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The local search's moves on the incremental state, against the independent evaluator. */
class RoadefNeighbourhoodTest {

    @Test
    void changeCostDeltaIsTheScoreDifferenceOfMakingTheChange() {
        for (String instance : new String[] {"a1_2", "a1_4", "a2_1", "a2_5"}) {
            AtOriginal at = AtOriginal.of(this, instance);
            RoadefModel model = at.model();
            RoadefState state = at.state();
            MoveJournal journal = at.journal();
            Random random = new Random(3);
            for (int i = 0; i < 2000; i++) {
                int p = random.nextInt(model.processCount());
                int m = random.nextInt(model.machineCount());
                if (m == state.machineOf(p)) {
                    continue;
                }
                long before = state.softPenalty();
                long delta = state.changeCostDelta(p, m);
                journal.begin();
                journal.relocate(p, m);
                assertThat(state.softPenalty() - before).as(instance + " move " + i).isEqualTo(delta);
                if (random.nextInt(3) != 0) {
                    journal.undo(); // mostly stay near the original, but also walk away from home
                    assertThat(state.softPenalty()).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void swapCostDeltaIsTheScoreDifferenceOfMakingTheSwap() {
        for (String instance : new String[] {"a1_2", "a1_4", "a2_1", "a2_5"}) {
            AtOriginal at = AtOriginal.of(this, instance);
            RoadefModel model = at.model();
            RoadefState state = at.state();
            MoveJournal journal = at.journal();
            Random random = new Random(7);
            int swaps = 0;
            for (int i = 0; i < 20_000 && swaps < 2000; i++) {
                int p = random.nextInt(model.processCount());
                int q = random.nextInt(model.processCount());
                if (state.machineOf(p) == state.machineOf(q)
                        || model.processes().get(p).service() == model.processes().get(q).service()) {
                    continue;
                }
                swaps++;
                long before = state.softPenalty();
                long delta = state.swapCostDelta(p, q);
                int mp = state.machineOf(p);
                journal.begin();
                journal.relocate(p, state.machineOf(q));
                journal.relocate(q, mp);
                assertThat(state.softPenalty() - before).as(instance + " swap " + i).isEqualTo(delta);
                if (random.nextInt(3) != 0) {
                    journal.undo(); // mostly stay near the original, but also walk away from home
                }
            }
            assertThat(swaps).isEqualTo(2000);
        }
    }

    private static int fewest(int[] counts) {
        return Arrays.stream(counts).min().orElseThrow();
    }

    @Test
    void appliedMovesKeepEveryHardConstraintAndTheExactScoreAndUndoRestoresTheState() {
        for (String instance : new String[] {"a1_4", "a2_1", "a2_2"}) {
            AtOriginal at = AtOriginal.of(this, instance);
            RoadefModel model = at.model();
            RoadefState state = at.state();
            MoveJournal journal = at.journal();
            Random random = new Random(5);
            int[] assignment = new int[model.processCount()];
            int[] rebuilt = new int[model.processCount()];
            int[] appliedByKind = new int[MoveKind.values().length];
            int applied = 0;
            // until 400 moves are applied and at least 5 of each kind (make-room moves succeed rarely on a2_2)
            for (int i = 0; i < 30000 && (applied < 400 || fewest(appliedByKind) < 5); i++) {
                state.copyAssignmentInto(rebuilt);
                long before = state.softPenalty();
                MoveKind kind = MoveKind.values()[i % MoveKind.values().length];
                if (!at.neighbourhood().tryMove(kind, random, Long.MAX_VALUE)) {
                    state.copyAssignmentInto(assignment);
                    assertThat(assignment).as("a rejected move leaves the state as it was").isEqualTo(rebuilt);
                    continue;
                }
                applied++;
                appliedByKind[kind.ordinal()]++;
                state.copyAssignmentInto(assignment);
                RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, at.original(), assignment);
                assertThat(evaluation.violations()).as(instance + " move " + i).isEmpty();
                assertThat(state.hardPenalty()).isZero();
                assertThat(state.softPenalty()).as(instance + " move " + i).isEqualTo(evaluation.total());
                int[] before2 = assignment.clone();
                journal.restoreBefore(before2);
                assertThat(before2).as("the assignment before the move, rebuilt from the journal").isEqualTo(rebuilt);
                if (random.nextInt(4) == 0) {
                    journal.undo();
                    state.copyAssignmentInto(assignment);
                    assertThat(assignment).isEqualTo(rebuilt);
                    assertThat(state.softPenalty()).isEqualTo(before);
                }
            }
            assertThat(fewest(appliedByKind)).as(instance + ": moves applied of the rarest kind")
                    .isGreaterThanOrEqualTo(5);
        }
    }

    /**
     * a2_1: process 555 needs 4.47 M of resource 2, more than the safety capacity of its machine; the machines with
     * room for it are full of smaller processes. A make-room move gets it onto one of them within safety capacity.
     */
    @Test
    void makeRoomBringsALargeProcessOntoAFullMachineWithinItsSafetyCapacity() {
        AtOriginal at = AtOriginal.of(this, "a2_1");
        RoadefState state = at.state();
        MoveJournal journal = at.journal();
        RoadefNeighbourhood neighbourhood = at.neighbourhood();
        int large = 555;
        long alone = state.machineCost(at.original()[large]);
        assertThat(alone).as("the large process costs load where it is").isPositive();
        Random random = new Random(1);
        long noLimit = Long.MIN_VALUE; // no cost is within it: m itself must end within its safety capacities
        boolean found = false;
        for (int m = 0; m < at.model().machineCount() && !found; m++) {
            if (m == at.original()[large] || !state.fitsSafetyAlone(large, m) || state.machineCost(m) > 0) {
                continue;
            }
            for (int attempt = 0; attempt < 200 && !found; attempt++) {
                journal.begin();
                if (neighbourhood.makeRoom(large, m, random, noLimit)) {
                    found = true;
                    assertThat(state.machineOf(large)).isEqualTo(m);
                    assertThat(journal.size()).as("the large process and those pushed off").isGreaterThan(1);
                    assertThat(state.machineCost(m)).isZero();
                    int[] assignment = new int[at.model().processCount()];
                    state.copyAssignmentInto(assignment);
                    assertThat(RoadefEvaluator.evaluate(at.model(), at.original(), assignment).feasible()).isTrue();
                }
            }
        }
        assertThat(found).isTrue();
    }

    /**
     * With the acceptor's limit at the cost before the move, a make-room move may leave the large process's new
     * machine costing more than before, as long as the whole cost is within the limit; it still keeps every hard
     * constraint and the machine's capacities.
     */
    @Test
    void makeRoomMayLeaveTheTargetCostlierWhenTheWholeCostIsWithinTheLimit() {
        AtOriginal at = AtOriginal.of(this, "a2_1");
        RoadefState state = at.state();
        int large = 555;
        long before = state.softPenalty();
        int made = 0;
        int targetCostlier = 0;
        for (int m = 0; m < at.model().machineCount(); m++) {
            if (m == at.original()[large] || !state.fitsSafetyAlone(large, m)) {
                continue;
            }
            long targetBefore = state.machineCost(m);
            for (long seed = 0; seed < 20; seed++) {
                at.journal().begin();
                if (!at.neighbourhood().makeRoom(large, m, new Random(seed), before)) {
                    continue;
                }
                made++;
                assertThat(state.hardPenalty()).isZero();
                assertThat(state.machineExcess(m)).isZero();
                if (state.machineCost(m) > targetBefore) {
                    assertThat(state.softPenalty()).as("content with the whole cost").isLessThanOrEqualTo(before);
                    targetCostlier++;
                }
                at.journal().undo();
            }
        }
        assertThat(made).isPositive();
        assertThat(targetCostlier).as("moves the limit ended early").isPositive();
        assertThat(state.softPenalty()).as("every move undone").isEqualTo(before);
    }

    /**
     * Two machines with safety capacity 5 of their 10; four processes of size 1 on the first, two of size 3 on the
     * second (load cost 1). No change or swap lowers the cost (a 3 for a 1 only moves the excess), but one 3 and two
     * 1s on each machine cost nothing: two processes for one, which a re-packing finds.
     */
    private static final String TWO_FOR_ONE = """
            1
            0 1
            2
            0 0 10 5 0 0
            0 0 10 5 0 0
            6
            0 0
            0 0
            0 0
            0 0
            0 0
            0 0
            6
            0 1 0
            1 1 0
            2 1 0
            3 1 0
            4 3 0
            5 3 0
            0
            0 0 0
            """;

    @Test
    void repackFindsAPackingThatNoChangeOrSwapReaches() {
        RoadefModel model = RoadefParser.parseModel("two-for-one", TWO_FOR_ONE);
        int[] original = {0, 0, 0, 0, 1, 1};
        RoadefState state = new RoadefState(this, model, original, original);
        assertThat(state.softPenalty()).isEqualTo(1);
        for (int p = 0; p < 6; p++) {
            assertThat(state.changeCostDelta(p, 1 - original[p])).as("change of " + p).isNotNegative();
            for (int q = 0; q < 6; q++) {
                if (original[p] != original[q]) {
                    assertThat(state.swapCostDelta(p, q)).as("swap of " + p + " and " + q).isNotNegative();
                }
            }
        }
        MoveJournal journal = new MoveJournal(state);
        journal.begin();

        boolean made = new Repacker(state, journal).repack(new int[] {0, 1}, state.softPenalty() - 1);

        assertThat(made).isTrue();
        assertThat(state.softPenalty()).isZero();
        assertThat(journal.size()).as("one 3 and two 1s change machines").isEqualTo(3);
        int[] assignment = new int[6];
        state.copyAssignmentInto(assignment);
        assertThat(RoadefEvaluator.evaluate(model, original, assignment).total()).isZero();
    }

    /** A re-packing that finds nothing within the limit leaves the state exactly as it was. */
    @Test
    void repackWithNothingWithinTheLimitLeavesTheStateAsItWas() {
        AtOriginal at = AtOriginal.of(this, "a1_4");
        RoadefState state = at.state();
        int[] assignment = new int[at.model().processCount()];
        state.copyAssignmentInto(assignment);
        long before = state.softPenalty();
        at.journal().begin();

        boolean made = new Repacker(state, at.journal()).repack(new int[] {0, 1, 2}, 0);

        assertThat(made).isFalse();
        int[] after = new int[assignment.length];
        state.copyAssignmentInto(after);
        assertThat(after).isEqualTo(assignment);
        assertThat(state.softPenalty()).isEqualTo(before);
        assertThat(state.hardPenalty()).isZero();
    }

    /** An instance's state at its original assignment, with a journal and a neighbourhood over it. */
    private record AtOriginal(RoadefModel model, int[] original, RoadefState state, MoveJournal journal,
            RoadefNeighbourhood neighbourhood) {

        static AtOriginal of(Object owner, String instance) {
            RoadefModel model = RoadefInstances.model(instance);
            int[] original = RoadefInstances.assignment(instance, model);
            RoadefState state = new RoadefState(owner, model, original, original);
            MoveJournal journal = new MoveJournal(state);
            return new AtOriginal(model, original, state, journal, new RoadefNeighbourhood(state, journal));
        }
    }
}
