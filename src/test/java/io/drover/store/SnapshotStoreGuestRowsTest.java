package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.inventory.HostInventory;
import io.drover.inventory.HostInventoryAssembler;
import io.drover.inventory.HostSource;
import io.drover.inventory.RawDomain;
import io.drover.inventory.RawHost;
import io.drover.model.ByteSize;
import io.drover.model.HostCapacity;
import io.drover.model.HostVersions;
import io.drover.model.PowerState;
import io.drover.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Every guest row must hold exactly what was collected, whatever characters its name and XML contain. */
@SpringBootTest
@ActiveProfiles("test")
class SnapshotStoreGuestRowsTest {

    /** What SQL or array literals would have to quote: quotes, backslashes, braces, commas, NULL, newlines, non-ASCII. */
    private static final String AWKWARD_TITLE = "\"quoted\" \\back\\slash\\ {braces}, commas, NULL, \n\t Zürich ✓";

    @Autowired
    SnapshotStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyGuestIsStoredWithItsXmlFactsAndDiskCountsAsCollected() throws IOException {
        String template = resource("domain-test-driver-running.xml");
        String awkward = template.replace("<name>test</name>", "<name>awkward, \"one\"</name><title>"
                + AWKWARD_TITLE.replace("&", "&amp;").replace("<", "&lt;") + "</title>");
        String plain = template.replace("<name>test</name>", "<name>plain</name>")
                .replace("6695eb01-f6a4-8304-79aa-97f2502e193f", "6695eb01-f6a4-8304-79aa-97f2502e1940");
        HostSource source = new HostSource("kvm-arrays", "test:///arrays.xml", Map.of(), List.of("/guest"),
                List.of(), Optional.empty(), "test");
        HostInventory inventory = new HostInventoryAssembler().assemble(source, new RawHost("kvm-arrays",
                new HostVersions(Version.parse("9.0.0"), Version.parse("0.0.2"), Optional.empty()),
                resource("capabilities-test-driver.xml"), List.of(), Optional.empty(),
                Optional.of(new HostCapacity(16, ByteSize.ofKiB(8 << 20))),
                List.of(new RawDomain("awkward", Optional.of(PowerState.RUNNING), awkward),
                        new RawDomain("plain", Optional.of(PowerState.SHUTOFF), plain)), Map.of()));
        long snapshotId = store.open("arrays", List.of(), null);

        store.saveCollected(snapshotId, source, inventory);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select uuid::text, name, state, facts::text, domain_xml, shared_disks, local_disks
                from snapshot_guest where snapshot_id = ? order by name""", snapshotId);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("uuid", "6695eb01-f6a4-8304-79aa-97f2502e193f")
                .containsEntry("name", "awkward, \"one\"").containsEntry("state", "RUNNING")
                .containsEntry("domain_xml", awkward)
                .containsEntry("shared_disks", 1).containsEntry("local_disks", 0);
        assertThat(rows.get(1)).containsEntry("uuid", "6695eb01-f6a4-8304-79aa-97f2502e1940")
                .containsEntry("name", "plain").containsEntry("state", "SHUTOFF").containsEntry("domain_xml", plain);
        assertThat(rows.get(0).get("facts")).isEqualTo(ModelJson.mapper()
                .writeValueAsString(inventory.guests().get(0).guest()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SnapshotStoreGuestRowsTest.class.getResourceAsStream("/libvirt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
