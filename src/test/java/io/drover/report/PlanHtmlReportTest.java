package io.drover.report;

import static io.drover.report.ReportFixtures.HOSTILE_NAME;
import static io.drover.report.ReportFixtures.nodes;
import static io.drover.report.ReportFixtures.parse;
import static io.drover.report.ReportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.Plan;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlanHtmlReportTest {

    private static final long MIB = 1L << 20;
    private static final List<HostLoad> LOADS = List.of(
            new HostLoad("kvm-1", 16384 * MIB, 1024 * MIB, 3072 * MIB, 2560 * MIB, 32, 2, 4, 3),
            new HostLoad("kvm-2", 8192 * MIB, 6144 * MIB, 12288 * MIB, 12288 * MIB, 32, 6, 12, 12));

    private final Plan plan = ReportFixtures.campaign();

    @Test
    void theReportIsWellFormedAndNeedsNothingFromOutside() throws Exception {
        String html = PlanHtmlReport.render(plan, "sha256:abc", Optional.of(LOADS));
        Document page = parse(html);

        assertThat(text(page, "/*[local-name()='html']/*[local-name()='head']/*[local-name()='title']"))
                .isEqualTo("Drover plan campaign-4-20261126-010000");
        assertThat(nodes(page, "//*[local-name()='script' or local-name()='link' or local-name()='img']")
                .getLength()).isZero();
        assertThat(html).doesNotContain("http://cdn", "https://", "src=\"");
    }

    @Test
    void theGanttChartHasOneBarPerMigrationPlacedWaveAfterWave() throws Exception {
        Document page = parse(PlanHtmlReport.render(plan, "sha256:abc", Optional.empty()));

        NodeList bars = nodes(page, "//*[local-name()='svg']/*[local-name()='rect'][contains(@class,'bar')]");
        assertThat(bars.getLength()).isEqualTo(4);
        Element first = (Element) bars.item(0);
        assertThat(x((Element) bars.item(1))).isEqualTo(x(first));
        assertThat(((Element) bars.item(2)).getAttribute("class")).isEqualTo("bar wave-1");
        // wave 1 lasts as long as db-1 (2 s + 4096 ms): wave 2 starts at 6.096 s; wave 2 lasts 2 s + 2048 ms, so
        // wave 3 starts at 10.144 s
        double secondWave = x((Element) bars.item(2)) - x(first);
        double thirdWave = x((Element) bars.item(3)) - x(first);
        assertThat(secondWave).isPositive();
        assertThat(thirdWave / secondWave).isCloseTo(10.144 / 6.096, Offset.offset(0.01));
        assertThat(nodes(page, "//*[local-name()='rect'][contains(@class,'band ')]").getLength()).isEqualTo(3);
        assertThat(text(page, "//*[local-name()='text'][@class='band-label'][1]")).isEqualTo("P1 W1");
    }

    @Test
    void guestNamesAreTextNeverMarkup() throws Exception {
        String html = PlanHtmlReport.render(plan, "sha256:abc", Optional.empty());
        Document page = parse(html);

        assertThat(html).doesNotContain("<script>");
        assertThat(text(page, "//*[local-name()='text'][@class='row-label'][1]"))
                .isEqualTo(HOSTILE_NAME + "  kvm-3 → kvm-1");
        String firstMove = "//*[local-name()='table'][@class='moves']//*[local-name()='tbody']/*[local-name()='tr'][1]";
        assertThat(text(page, firstMove + "/*[2]"))
                .isEqualTo(HOSTILE_NAME);
    }

    @Test
    void blockedGuestsShowEveryReasonAndItsFix() throws Exception {
        Document page = parse(PlanHtmlReport.render(plan, "sha256:abc", Optional.empty()));

        String row = "//*[local-name()='table'][@class='blocked']//*[local-name()='tbody']/*[local-name()='tr']";
        assertThat(nodes(page, row).getLength()).isEqualTo(1);
        assertThat(text(page, row + "/*[1]")).isEqualTo("legacy <1>");
        assertThat(text(page, row + "/*[3]")).isEqualTo("disk-cache");
        assertThat(text(page, row + "/*[5]")).isEqualTo("set cache='none' on vda and restart the guest");
    }

    @Test
    void campaignsListTheirPhasesAndWhatEachUpgrades() throws Exception {
        Document page = parse(PlanHtmlReport.render(plan, "sha256:abc", Optional.empty()));

        String rows = "//*[local-name()='table'][@class='phases']//*[local-name()='tbody']/*[local-name()='tr']";
        assertThat(nodes(page, rows).getLength()).isEqualTo(2);
        assertThat(text(page, rows + "[1]/*[3]")).isEqualTo("kvm-3");
        assertThat(text(page, rows + "[2]/*[3]")).isEqualTo("nothing (a guest could not leave)");
    }

    @Test
    void hostCapacityShowsBeforePeakAndAfterAgainstCapacityAndFlagsOvercommit() throws Exception {
        Document page = parse(PlanHtmlReport.render(plan, "sha256:abc", Optional.of(LOADS)));

        String meters = "//*[local-name()='table'][@class='capacity']//*[local-name()='span'][@class='pct']";
        // per host: before, peak, after rows; memory then vCPU meters
        assertThat(nodes(page, meters).getLength()).isEqualTo(12);
        assertThat(text(page, "(" + meters + ")[1]")).isEqualTo("6%");
        assertThat(text(page, "(" + meters + ")[9]")).isEqualTo("150%");
        assertThat(nodes(page, "//*[local-name()='span'][@class='over']").getLength()).isEqualTo(2);
    }

    @Test
    void withoutItsSnapshotTheReportSaysWhyCapacityIsMissing() throws Exception {
        String html = PlanHtmlReport.render(plan, "sha256:abc", Optional.empty());

        assertThat(html).contains("Snapshot 4 is not in this database");
    }

    private static double x(Element rect) {
        return Double.parseDouble(rect.getAttribute("x"));
    }
}
