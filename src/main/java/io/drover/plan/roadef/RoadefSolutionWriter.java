package io.drover.plan.roadef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a solution in the challenge format: one machine index per process, space-separated, on one line. */
public final class RoadefSolutionWriter {

    private RoadefSolutionWriter() {
    }

    public static String format(int[] assignment) {
        StringBuilder text = new StringBuilder(assignment.length * 4);
        for (int p = 0; p < assignment.length; p++) {
            if (p > 0) {
                text.append(' ');
            }
            text.append(assignment[p]);
        }
        return text.append('\n').toString();
    }

    public static void write(Path file, int[] assignment) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, format(assignment), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
