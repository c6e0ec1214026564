package io.drover.plan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each hard constraint and cost on the worked examples of the problem statement, then the ten set-A originals. */
class RoadefEvaluatorTest {

    private static RoadefEvaluation evaluate(String model, int[] original, int[] assignment) {
        RoadefModel parsed = RoadefParser.parseModel("test", model);
        return RoadefEvaluator.evaluate(parsed, original, assignment);
    }

    /** 1.2.1: CPU and RAM, C(m1) = 16/16, C(m2) = 8/4; p1 = 6/13, p2 = 1/3, p3 = 3/1; no costs. */
    private static final String CAPACITY = """
            2
            0 0
            0 0
            2
            0 0 16 16 16 16 0 0
            0 0 8 4 8 4 0 0
            3
            0 0
            0 0
            0 0
            3
            0 6 13 0
            1 1 3 0
            2 3 1 0
            0
            0 0 0
            """;

    @Test
    void capacity() {
        int[] original = {0, 0, 1};
        assertThat(evaluate(CAPACITY, original, new int[] {0, 0, 1}).feasible()).isTrue();
        assertThat(evaluate(CAPACITY, original, new int[] {0, 1, 1}).feasible()).isTrue();
        // m2 runs p1 and p3: 6 + 3 = 9 CPU > 8 (and 13 + 1 = 14 RAM > 4)
        assertThat(evaluate(CAPACITY, original, new int[] {1, 0, 1}).violations()).containsExactly(
                "capacity: machine 1 resource 0 uses 9 > 8", "capacity: machine 1 resource 1 uses 14 > 4");
        // m1 runs all three: 13 + 3 + 1 = 17 RAM > 16
        RoadefEvaluation allOnM1 = evaluate(CAPACITY, original, new int[] {0, 0, 0});
        assertThat(allOnM1.capacityViolations()).isEqualTo(1);
        assertThat(allOnM1.hardViolations()).isEqualTo(1);
        assertThat(allOnM1.violations()).containsExactly("capacity: machine 0 resource 1 uses 17 > 16");
    }

    /** 1.2.2: sa = {p1}, sb = {p2, p3} on four machines; M0 = m1, m1, m3. */
    private static final String CONFLICT = """
            1
            0 0
            4
            0 0 1 1 0 0 0 0
            0 0 1 1 0 0 0 0
            0 0 1 1 0 0 0 0
            0 0 1 1 0 0 0 0
            2
            0 0
            0 0
            3
            0 0 0
            1 0 0
            1 0 0
            0
            0 0 0
            """;

    @Test
    void conflict() {
        int[] original = {0, 0, 2};
        assertThat(evaluate(CONFLICT, original, new int[] {1, 0, 2}).feasible()).isTrue();
        RoadefEvaluation sharing = evaluate(CONFLICT, original, new int[] {0, 2, 2});
        assertThat(sharing.conflictViolations()).isEqualTo(1);
        assertThat(sharing.hardViolations()).isEqualTo(1);
    }

    /** 1.2.3: L = {{m1, m2}, {m3}, {m4}}, s = {p1, p2} with spreadMin 2; M0 = m1, m3. */
    private static final String SPREAD = """
            1
            0 0
            4
            0 0 1 1 0 0 0 0
            0 0 1 1 0 0 0 0
            0 1 1 1 0 0 0 0
            0 2 1 1 0 0 0 0
            1
            2 0
            2
            0 0 0
            0 0 0
            0
            0 0 0
            """;

    @Test
    void spread() {
        int[] original = {0, 2};
        assertThat(evaluate(SPREAD, original, new int[] {1, 2}).feasible()).isTrue();
        assertThat(evaluate(SPREAD, original, new int[] {3, 2}).feasible()).isTrue();
        assertThat(evaluate(SPREAD, original, new int[] {0, 3}).feasible()).isTrue();
        // p2 to m2: both processes in location l1
        RoadefEvaluation oneLocation = evaluate(SPREAD, original, new int[] {0, 1});
        assertThat(oneLocation.spreadViolations()).isEqualTo(1);
        assertThat(oneLocation.hardViolations()).isEqualTo(1);
    }

    /** 1.2.4: N = {{m1}, {m2}, {m3, m4}}, sa = {p1} depends on sb = {p2, p3}; M0 = m1, m1, m3. */
    private static final String DEPENDENCY = """
            1
            0 0
            4
            0 0 1 1 0 0 0 0
            1 0 1 1 0 0 0 0
            2 0 1 1 0 0 0 0
            2 0 1 1 0 0 0 0
            2
            0 1 1
            0 0
            3
            0 0 0
            1 0 0
            1 0 0
            0
            0 0 0
            """;

    @Test
    void dependencyNeedsOneProcessOfTheOtherServiceInTheNeighborhood() {
        int[] original = {0, 0, 2};
        assertThat(evaluate(DEPENDENCY, original, original).feasible()).isTrue();
        // p3 runs in {m3, m4}: enough, although p2 is in another neighborhood (the known trap)
        assertThat(evaluate(DEPENDENCY, original, new int[] {2, 0, 2}).feasible()).isTrue();
        assertThat(evaluate(DEPENDENCY, original, new int[] {3, 0, 2}).feasible()).isTrue();
        // no sb process in {m2}
        assertThat(evaluate(DEPENDENCY, original, new int[] {1, 0, 2}).dependencyViolations()).isEqualTo(1);
        // p2 leaves p1 alone in {m1}
        RoadefEvaluation alone = evaluate(DEPENDENCY, original, new int[] {0, 1, 2});
        assertThat(alone.dependencyViolations()).isEqualTo(1);
        assertThat(alone.hardViolations()).isEqualTo(1);
    }

    /** 1.2.5: CPU and DISK, DISK transient; C = 3/10, 3/10, 3/7; p1 = 1/8, p2 = 1/6; M0 = m1, m2. */
    private static final String TRANSIENT = """
            2
            0 0
            1 0
            3
            0 0 3 10 3 10 0 0 0
            0 0 3 10 3 10 0 0 0
            0 0 3 7 3 7 0 0 0
            2
            0 0
            0 0
            2
            0 1 8 0
            1 1 6 0
            0
            0 0 0
            """;

    @Test
    void transientUsageCountsTheProcessesNowOnTheMachineAndThoseMovedAway() {
        int[] original = {0, 1};
        assertThat(evaluate(TRANSIENT, original, new int[] {0, 2}).feasible()).isTrue();
        // p1 joins m2, which still holds 6 DISK for p2 moved away: 8 + 6 = 14 > 10; plain capacity (8) is fine
        RoadefEvaluation doubled = evaluate(TRANSIENT, original, new int[] {1, 2});
        assertThat(doubled.transientViolations()).isEqualTo(1);
        assertThat(doubled.capacityViolations()).isZero();
        assertThat(doubled.violations()).containsExactly("transient: machine 1 resource 1 holds 14 > 10");
        // swapping p1 and p2 breaks both original machines' transient DISK: m1 8 + 6 = 14, m2 6 + 8 = 14
        assertThat(evaluate(TRANSIENT, original, new int[] {1, 0}).transientViolations()).isEqualTo(2);
    }

    /** 1.3.1: one resource, SC(m1) = 10, SC(m2) = 50; p1 = 7, p2 = 12 both on m1. */
    private static final String LOAD = """
            1
            0 1
            2
            0 0 100 10 0 0
            0 0 100 50 0 0
            2
            0 0
            0 0
            2
            0 7 0
            1 12 0
            0
            0 0 0
            """;

    @Test
    void loadCost() {
        int[] original = {0, 0};
        assertThat(evaluate(LOAD, original, original).loadCost()).isEqualTo(9); // 12 + 7 - 10
        assertThat(evaluate(LOAD, original, new int[] {0, 1}).total()).isZero();
        // a load weight of 3 multiplies it
        assertThat(evaluate(LOAD.replaceFirst("0 1\n", "0 3\n"), original, original).loadCost()).isEqualTo(27);
    }

    /** 1.3.2: CPU and RAM, C(m1) = 16/16, C(m2) = 8/12; p1 = 2/8, p2 = 8/1, p3 = 5/1; B = {(CPU, RAM, 2)}. */
    private static final String BALANCE = """
            2
            0 0
            0 0
            2
            0 0 16 16 16 16 0 0
            0 0 8 12 8 12 0 0
            3
            0 0
            0 0
            0 0
            3
            0 2 8 0
            1 8 1 0
            2 5 1 0
            1
            0 1 2 1
            0 0 0
            """;

    @Test
    void balanceCost() {
        int[] original = {0, 0, 1};
        // max(0, 2*6 - 7) + max(0, 2*3 - 11) = 5 + 0
        assertThat(evaluate(BALANCE, original, original).balanceCost()).isEqualTo(5);
        // p1 to m2: max(0, 2*8 - 15) + max(0, 2*1 - 3) = 1 + 0
        assertThat(evaluate(BALANCE, original, new int[] {1, 0, 1}).balanceCost()).isEqualTo(1);
        // a balance weight of 7 multiplies it
        assertThat(evaluate(BALANCE.replace("0 1 2 1\n", "0 1 2 7\n"), original, original).balanceCost())
                .isEqualTo(35);
    }

    /** 1.3.3 - 1.3.5: two machines, MMC(m1, m2) = 10, MMC(m2, m1) = 7; services {p1, p2} and {p3, p4}. */
    private static final String MOVES = """
            1
            0 0
            3
            0 0 9 9 0 10 3
            0 0 9 9 7 0 3
            0 0 9 9 3 3 0
            2
            0 0
            0 0
            4
            0 0 1
            0 0 100000
            1 0 5
            1 0 5
            0
            1 1 1
            """;

    @Test
    void processMoveCost() {
        // only p2 moves, from m1 to m2: PMC(p2) = 10^5 (and MMC 10)
        RoadefEvaluation moved = evaluate(MOVES, new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 2});
        assertThat(moved.processMoveCost()).isEqualTo(100_000);
        assertThat(moved.machineMoveCost()).isEqualTo(10);
        assertThat(moved.serviceMoveCost()).isEqualTo(1);
    }

    @Test
    void serviceMoveCostIsTheMostMovedProcessesOfOneService() {
        // M0 = m1, m2, m1, m2 and M = m2, m1, m1, m3: service 0 moved 2, service 1 moved 1
        RoadefEvaluation moved = evaluate(MOVES, new int[] {0, 1, 0, 1}, new int[] {1, 0, 0, 2});
        assertThat(moved.serviceMoveCost()).isEqualTo(2);
    }

    @Test
    void machineMoveCostSumsTheMatrixOverMovedProcesses() {
        // M0 = m1, m1, m2, m2 and M = m2, m1, m1, m1: 10 + 0 + 7 + 7
        RoadefEvaluation moved = evaluate(MOVES, new int[] {0, 0, 1, 1}, new int[] {1, 0, 0, 0});
        assertThat(moved.machineMoveCost()).isEqualTo(24);
    }

    @Test
    void moveWeightsMultiplyTheirCosts() {
        String weighted = MOVES.replace("1 1 1\n", "2 3 5\n");
        RoadefEvaluation moved = evaluate(weighted, new int[] {0, 0, 1, 1}, new int[] {1, 0, 0, 0});
        assertThat(moved.processMoveCost()).isEqualTo(2 * (1 + 5 + 5));
        assertThat(moved.serviceMoveCost()).isEqualTo(3 * 2);
        assertThat(moved.machineMoveCost()).isEqualTo(5 * 24);
    }

    @Test
    void theWorkedExampleOfSection2() {
        int[] original = {0, 3, 0};
        RoadefEvaluation start = evaluate(RoadefInstances.STATEMENT_EXAMPLE, original, original);
        assertThat(start.loadCost()).isEqualTo(400 + 1300);
        assertThat(start.balanceCost()).isEqualTo(2500);
        assertThat(start.total()).isEqualTo(4200);
        assertThat(start.feasible()).isTrue();

        RoadefEvaluation p2Moved = evaluate(RoadefInstances.STATEMENT_EXAMPLE, original, new int[] {0, 2, 0});
        assertThat(p2Moved.total()).isEqualTo(200 + 1300 + 1700 + 100 + 10 + 200);
        assertThat(p2Moved.feasible()).isTrue();

        RoadefEvaluation optimal = evaluate(RoadefInstances.STATEMENT_EXAMPLE, original, new int[] {0, 2, 1});
        assertThat(optimal.loadCost()).isEqualTo(400);
        assertThat(optimal.balanceCost()).isEqualTo(1600);
        assertThat(optimal.processMoveCost()).isEqualTo(101);
        assertThat(optimal.serviceMoveCost()).isEqualTo(10);
        assertThat(optimal.machineMoveCost()).isEqualTo(300);
        assertThat(optimal.total()).isEqualTo(2411);
        assertThat(optimal.feasible()).isTrue();
    }

    @Test
    void theOriginalAssignmentsOfSetAAreFeasibleWithTheirPublishedObjective() {
        for (String instance : RoadefInstances.SET_A) {
            RoadefModel model = RoadefInstances.model(instance);
            int[] original = RoadefInstances.assignment(instance, model);

            RoadefEvaluation evaluation = RoadefEvaluator.evaluate(model, original, original);

            assertThat(evaluation.violations()).as(instance).isEmpty();
            assertThat(evaluation.feasible()).as(instance).isTrue();
            assertThat(evaluation.total()).as(instance).isEqualTo(RoadefInstances.originalObjective(instance));
        }
    }
}
