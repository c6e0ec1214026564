package io.drover.plan.roadef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ten set-A instances (copied into test resources) and their original objectives from the challenge. */
public final class RoadefInstances {

    /** The worked example of the problem statement (problem_definition_v1.pdf): 4 processes, 2 machines. */
    public static final String STATEMENT_EXAMPLE = """
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

    public static final List<String> SET_A = List.of("a1_1", "a1_2", "a1_3", "a1_4", "a1_5",
            "a2_1", "a2_2", "a2_3", "a2_4", "a2_5");

    private RoadefInstances() {
    }

    public static RoadefModel model(String instance) {
        return RoadefParser.parseModel("model_" + instance + ".txt", resource("model_" + instance + ".txt"));
    }

    public static int[] assignment(String instance, RoadefModel model) {
        return RoadefParser.parseAssignment("assignment_" + instance + ".txt",
                resource("assignment_" + instance + ".txt"), model);
    }

    /** The original objective values published with the challenge (bench-data README). */
    public static long originalObjective(String instance) {
        switch (instance) {
            case "a1_1": return 49_528_750L;
            case "a1_2": return 1_061_649_570L;
            case "a1_3": return 583_662_270L;
            case "a1_4": return 632_499_600L;
            case "a1_5": return 782_189_690L;
            case "a2_1": return 391_189_190L;
            case "a2_2": return 1_876_768_120L;
            case "a2_3": return 2_272_487_840L;
            case "a2_4": return 3_223_516_130L;
            case "a2_5": return 787_355_300L;
            default: throw new IllegalArgumentException(instance);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RoadefInstances.class.getResourceAsStream("/roadef/a/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /roadef/a/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
