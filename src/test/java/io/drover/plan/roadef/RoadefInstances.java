package io.drover.plan.roadef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ten set-A instances (copied into test resources) and their original objectives from the challenge. */
public final class RoadefInstances {

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
