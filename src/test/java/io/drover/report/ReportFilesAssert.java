package io.drover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** For tests outside this package: a written report parses as XML and has its Gantt chart. */
public final class ReportFilesAssert {

    private ReportFilesAssert() {
    }

    public static void assertWellFormedHtml(Path report) throws Exception {
        var page = ReportFixtures.parse(Files.readString(report));
        assertThat(ReportFixtures.nodes(page, "//*[local-name()='svg'][@class='gantt']").getLength())
                .as("Gantt chart in %s", report).isEqualTo(1);
    }
}
