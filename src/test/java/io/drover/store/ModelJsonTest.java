package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.DiskSize;
import io.drover.model.Guest;
import io.drover.model.HostVersions;
import io.drover.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ModelJsonTest {

    private final JsonMapper json = ModelJson.mapper();

    private static String resource(String name) throws IOException {
        try (InputStream in = ModelJsonTest.class.getResourceAsStream("/libvirt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aParsedGuestSurvivesTheRoundTripExactly() throws IOException {
        Guest guest = DomainXmlParser.parse(resource("domain-nova-rbd-running.xml"));

        assertThat(json.readValue(json.writeValueAsString(guest), Guest.class)).isEqualTo(guest);
    }

    @Test
    void versionsAndSizesAreWrittenCompactly() {
        HostVersions versions = new HostVersions(new Version(9, 0, 0), new Version(7, 2, 22), Optional.empty());

        assertThat(json.writeValueAsString(versions)).isEqualTo("{\"libvirt\":\"9.0.0\",\"qemu\":\"7.2.22\",\"kernel\":null}");
        assertThat(json.writeValueAsString(ByteSize.ofMiB(1))).isEqualTo("1048576");
        assertThat(json.readValue("\"6.1.0\"", Version.class)).isEqualTo(new Version(6, 1, 0));
    }

    @Test
    void aDiskStoredBeforeSizesWereCollectedReadsWithoutASize() throws IOException {
        Disk sized = DomainXmlParser.parse(resource("domain-nova-rbd-running.xml")).disks().get(0)
                .withSize(Optional.of(new DiskSize(ByteSize.ofGiB(20), ByteSize.ofMiB(1536))));
        String stored = json.writeValueAsString(sized);
        String before = stored.replaceFirst(",\\s*\"size\"\\s*:\\s*\\{[^}]*\\}", "");

        assertThat(json.readValue(stored, Disk.class)).isEqualTo(sized);
        assertThat(before).doesNotContain("\"size\"");
        assertThat(json.readValue(before, Disk.class).size()).isEmpty();
    }

    @Test
    void unknownFieldsAreRejectedSoFormatDriftIsLoud() {
        assertThatThrownBy(() -> json.readValue("{\"libvirt\":\"9.0.0\",\"qemu\":\"7.2.0\",\"kernel\":null,\"x\":1}",
                HostVersions.class)).hasMessageContaining("\"x\"");
    }
}
