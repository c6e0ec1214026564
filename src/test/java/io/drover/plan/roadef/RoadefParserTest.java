package io.drover.plan.roadef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadefParserTest {

    /** The example of section 2.1 of the problem statement. */
    @Test
    void readsTheExampleOfTheProblemStatement() {
        RoadefModel model = RoadefParser.parseModel("example", RoadefInstances.STATEMENT_EXAMPLE);

        assertThat(model.resourceCount()).isEqualTo(2);
        assertThat(model.resources().get(0).transientUsage()).isTrue();
        assertThat(model.resources().get(1).loadCostWeight()).isEqualTo(10);
        assertThat(model.machineCount()).isEqualTo(4);
        assertThat(model.machines().get(2).moveCosts()).containsExactly(4, 3, 0, 2);
        assertThat(model.machines().get(3).location()).isEqualTo(2);
        assertThat(model.neighborhoodCount()).isEqualTo(2);
        assertThat(model.locationCount()).isEqualTo(3);
        assertThat(model.services().get(1).dependsOn()).containsExactly(0);
        assertThat(model.services().get(0).spreadMin()).isEqualTo(2);
        assertThat(model.processes().get(2).requirements()).containsExactly(6, 200);
        assertThat(model.processes().get(0).moveCost()).isEqualTo(1000);
        assertThat(model.balances()).containsExactly(new RoadefModel.Balance(0, 1, 20, 10));
        assertThat(model.weights()).isEqualTo(new RoadefModel.Weights(1, 10, 100));
        assertThat(RoadefParser.parseAssignment("example.sol", "0 3 0", model)).containsExactly(0, 3, 0);
    }

    @Test
    void readsAllOfSetA() {
        for (String instance : RoadefInstances.SET_A) {
            RoadefModel model = RoadefInstances.model(instance);
            assertThat(RoadefInstances.assignment(instance, model)).hasSize(model.processCount());
        }
    }

    @Test
    void namesFileLineAndTokenOfANonNumber() {
        String broken = RoadefInstances.STATEMENT_EXAMPLE.replace("0 0 10 240 8 160", "0 0 10 x40 8 160");

        assertThatThrownBy(() -> RoadefParser.parseModel("model_x.txt", broken))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessage("model_x.txt line 6 (token 'x40'): expected an integer for capacity of resource 1 of "
                        + "machine 1, got 'x40'");
    }

    @Test
    void namesWhatIsMissingAtTheEndOfFile() {
        String truncated = RoadefInstances.STATEMENT_EXAMPLE.substring(0, RoadefInstances.STATEMENT_EXAMPLE.indexOf("1\n10\n100"));

        assertThatThrownBy(() -> RoadefParser.parseModel("model_x.txt", truncated))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessage("model_x.txt line 18: unexpected end of file, expected weight of the process move cost");
    }

    @Test
    void rejectsABadBooleanAnOutOfRangeIndexAndTrailingTokens() {
        assertThatThrownBy(() -> RoadefParser.parseModel("m", RoadefInstances.STATEMENT_EXAMPLE.replace("1 100\n", "2 100\n")))
                .hasMessage("m line 2 (token '2'): expected 0 or 1 for transient flag of resource 0, got '2'");
        assertThatThrownBy(() -> RoadefParser.parseModel("m", RoadefInstances.STATEMENT_EXAMPLE.replace("1 1 0\n", "1 1 7\n")))
                .hasMessage("m line 11 (token '7'): dependency 0 of service 1 is 7, above the maximum 1");
        assertThatThrownBy(() -> RoadefParser.parseModel("m", RoadefInstances.STATEMENT_EXAMPLE + "42\n"))
                .hasMessage("m line 21 (token '42'): unexpected trailing token '42' after the last expected value");
        assertThatThrownBy(() -> RoadefParser.parseModel("m", RoadefInstances.STATEMENT_EXAMPLE.replace("0 0 30 400 16 80 0 1 4 5",
                "0 0 30 400 16 80 3 1 4 5")))
                .hasMessage("m line 5 (token '5'): move cost from machine 0 to itself must be 0, got 3");
        assertThatThrownBy(() -> RoadefParser.parseModel("m", RoadefInstances.STATEMENT_EXAMPLE.replace("0 12 10 1000", "0 12 -10 1000")))
                .hasMessage("m line 13 (token '-10'): expected a non-negative integer for requirement of resource 1 "
                        + "of process 0, got '-10'");
    }

    @Test
    void rejectsAssignmentsOfTheWrongLengthOrMachine() {
        RoadefModel model = RoadefParser.parseModel("example", RoadefInstances.STATEMENT_EXAMPLE);

        assertThatThrownBy(() -> RoadefParser.parseAssignment("a.txt", "0 3", model))
                .hasMessage("a.txt line 1: unexpected end of file, expected machine of process 2");
        assertThatThrownBy(() -> RoadefParser.parseAssignment("a.txt", "0 3\n4", model))
                .hasMessage("a.txt line 2 (token '4'): machine of process 2 is 4, above the maximum 3");
        assertThatThrownBy(() -> RoadefParser.parseAssignment("a.txt", "0 3 0 1", model))
                .hasMessage("a.txt line 1 (token '1'): unexpected trailing token '1' after the last expected value");
    }

    @Test
    void writesASolutionThatReadsBack(@TempDir Path dir) throws Exception {
        RoadefModel model = RoadefParser.parseModel("example", RoadefInstances.STATEMENT_EXAMPLE);
        Path file = dir.resolve("out/solution.txt");

        RoadefSolutionWriter.write(file, new int[] {0, 2, 1});

        assertThat(Files.readString(file)).isEqualTo("0 2 1\n");
        assertThat(RoadefParser.readAssignment(file, model)).containsExactly(0, 2, 1);
    }
}
