package io.drover.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where reports go ({@code reports/} by default) and how: written whole, then moved into place. */
public final class ReportFiles {

    public static final String DEFAULT_DIRECTORY = "reports";

    private ReportFiles() {
    }

    /** {@code DIR/<plan id>.html}. */
    public static Path planReport(Path directory, String planId) {
        return directory.resolve(planId + ".html");
    }

    /** {@code DIR/run-<run id>-<plan id>.html}. */
    public static Path runReport(Path directory, long runId, String planId) {
        return directory.resolve("run-" + runId + "-" + planId + ".html");
    }

    /** Writes {@code html} to {@code file} through a temporary file, so a reader never sees half a report. */
    public static Path write(Path file, String html) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".report", ".tmp");
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }
}
