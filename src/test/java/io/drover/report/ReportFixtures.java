package io.drover.report;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A campaign plan of three phases with a hostile guest name, and XPath over rendered reports. */
final class ReportFixtures {

    /** Guest names come from libvirt XML: a report must show this one as text, never as markup. */
    static final String HOSTILE_NAME = "<script>alert('x')</script> & \"web\"";

    private ReportFixtures() {
    }

    static PlannedMigration move(String guest, String source, String destination, long mib, int vcpus) {
        return new PlannedMigration(guest, UUID.nameUUIDFromBytes(guest.getBytes(StandardCharsets.UTF_8)), source,
                destination, MigrationMode.LIVE, List.of(), ByteSize.ofMiB(mib), ByteSize.ZERO, vcpus,
                ByteSize.ZERO, Duration.ofMillis(2000 + mib), List.of());
    }

    /** Phase 1 empties kvm-3 (two waves), phase 2 empties kvm-1 (one wave); one guest is blocked. */
    static Plan campaign() {
        List<PlanPhase> phases = new ArrayList<>();
        phases.add(new PlanPhase(1, List.of("kvm-3"), List.of("kvm-3"), List.of(
                new MigrationWave(1, List.of(move(HOSTILE_NAME, "kvm-3", "kvm-1", 1024, 2),
                        move("db-1", "kvm-3", "kvm-2", 4096, 4))),
                new MigrationWave(2, List.of(move("cache-1", "kvm-3", "kvm-2", 2048, 2))))));
        phases.add(new PlanPhase(2, List.of("kvm-1"), List.of(), List.of(
                new MigrationWave(3, List.of(move("app-1", "kvm-1", "kvm-3", 512, 1))))));
        return new Plan("campaign-4-20261126-010000", PlanKind.UPGRADE_CAMPAIGN, 4,
                Instant.parse("2026-11-26T01:00:00Z"), List.of("kvm-3", "kvm-1"), PlanLimits.DEFAULTS,
                CompatibilityPolicy.defaults(), Optional.of(new UpgradeTarget(Optional.empty(),
                        Optional.of(Version.parse("8.2.0")), Optional.empty())), phases,
                List.of(new BlockedGuest("legacy <1>", UUID.randomUUID(), "kvm-1", List.of(new BlockReason(
                        "disk-cache", "vda is on shared storage with cache='writeback'",
                        "set cache='none' on vda and restart the guest")))), Optional.empty(), List.of());
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList nodes(Document document, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    }

    static String text(Document document, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
    }
}
