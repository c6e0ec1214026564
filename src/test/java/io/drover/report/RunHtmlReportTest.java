package io.drover.report;

import static io.drover.report.ReportFixtures.nodes;
import static io.drover.report.ReportFixtures.parse;
import static io.drover.report.ReportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.MigrationStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RunHtmlReportTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    static RunHistory run() {
        return new RunHistory(7, "drain-4-x", "sha256:abc", "plans/drain-4-x.plan.json", "FAILED",
                Optional.of("1 move failed"), T0.minusSeconds(20), Optional.of(T0.plusSeconds(40)), List.of(
                        new RunHistory.Move(0, 1, 1, "web-1", "kvm-1", "kvm-2", "LIVE", "VERIFIED", 1,
                                Optional.empty(), Optional.of(T0), Optional.of(T0.plusSeconds(12)),
                                Optional.of(MigrationStats.of(Map.of("downtime", "41", "data_processed", "1073741824", "type", "3"))),
                                List.of("PENDING→PREFLIGHT_OK", "PREFLIGHT_OK→MIGRATING", "MIGRATING→VERIFIED")),
                        new RunHistory.Move(1, 1, 2, "db <1>", "kvm-1", "kvm-3", "LIVE_BLOCK_ALL", "FAILED", 1,
                                Optional.of("operation failed: migration aborted"), Optional.of(T0.plusSeconds(12)),
                                Optional.of(T0.plusSeconds(30)), Optional.empty(), List.of("MIGRATING→FAILED")),
                        new RunHistory.Move(2, 1, 3, "old", "kvm-1", "kvm-3", "LIVE", "SKIPPED", 0,
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
    }

    @Test
    void migrationsAreDrawnWhenTheyRanColouredByOutcome() throws Exception {
        Document page = parse(RunHtmlReport.render(run(), T0.plusSeconds(60)));

        NodeList bars = nodes(page, "//*[local-name()='svg']/*[local-name()='rect'][contains(@class,'bar')]");
        assertThat(bars.getLength()).isEqualTo(2);
        assertThat(((Element) bars.item(0)).getAttribute("class")).isEqualTo("bar state-VERIFIED");
        assertThat(((Element) bars.item(1)).getAttribute("class")).isEqualTo("bar state-FAILED");
        double firstWidth = Double.parseDouble(((Element) bars.item(0)).getAttribute("width"));
        double secondWidth = Double.parseDouble(((Element) bars.item(1)).getAttribute("width"));
        assertThat(secondWidth / firstWidth).isCloseTo(18.0 / 12, org.assertj.core.data.Offset.offset(0.01));
        assertThat(text(page, "//*[local-name()='p'][@class='note']")).startsWith("1 moves never started");
    }

    @Test
    void movesShowResultDowntimeDataAndErrors() throws Exception {
        Document page = parse(RunHtmlReport.render(run(), T0.plusSeconds(60)));

        String rows = "//*[local-name()='table'][@class='moves']//*[local-name()='tbody']/*[local-name()='tr']";
        assertThat(text(page, rows + "[1]/*[7]")).isEqualTo("VERIFIED");
        assertThat(text(page, rows + "[1]/*[9]")).isEqualTo("12 s");
        assertThat(text(page, rows + "[1]/*[10]")).isEqualTo("41 ms");
        assertThat(text(page, rows + "[1]/*[11]")).isEqualTo("1024.0 MiB");
        assertThat(text(page, rows + "[2]/*[3]")).isEqualTo("db <1>");
        assertThat(text(page, rows + "[2]/*[12]")).isEqualTo("operation failed: migration aborted");
        assertThat(text(page, "//*[local-name()='div'][@class='card ']/*[local-name()='b']"))
                .isEqualTo("3");
        assertThat(RunHtmlReport.render(run(), T0)).contains("longest downtime", "data transferred");
    }
}
