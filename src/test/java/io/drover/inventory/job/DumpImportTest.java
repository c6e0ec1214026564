package io.drover.inventory.job;

import static io.drover.inventory.job.InventoryTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSize;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.MemoryUse;
import io.drover.model.HostStatus;
import io.drover.model.SnapshotHost;
import io.drover.model.Version;
import io.drover.store.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/** Offline inventory from the bundled dump of the real lab fleet (plans/examples/lab-fleet), and broken copies. */
@SpringBootTest
@ActiveProfiles("test")
class DumpImportTest {

    private static final Path LAB_DUMP = Path.of("plans/examples/lab-fleet");

    @Autowired
    InventoryLauncher launcher;

    @Autowired
    SnapshotStore store;

    @TempDir
    Path dir;

    private Path copyOfLabDump() throws IOException {
        Path copy = dir.resolve("dump");
        FileSystemUtils.copyRecursively(LAB_DUMP, copy);
        return copy;
    }

    @Test
    void importsEveryHostWithSettingsFromFleetYaml() throws Exception {
        FleetSnapshot snapshot = inventory(launcher, store, LAB_DUMP);

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.hosts()).extracting(SnapshotHost::status).containsOnly(HostStatus.OK);
        SnapshotHost host1 = snapshot.host("lab-host1").orElseThrow();
        assertThat(host1.host().orElseThrow().labels()).containsEntry("pool", "lab").containsEntry("rack", "r1");
        assertThat(host1.host().orElseThrow().versions().kernel()).contains(new Version(6, 1, 0));
        assertThat(host1.host().orElseThrow().domainCapabilities()).extracting(caps -> caps.domainType())
                .containsExactly("kvm", "qemu");
        Guest shared = snapshot.hosts().stream().flatMap(host -> host.guests().stream())
                .filter(guest -> guest.name().equals("lab-shared")).findFirst().orElseThrow();
        assertThat(shared.disks().get(0).sharing()).isEqualTo(DiskSharing.SHARED);
        assertThat(snapshot.hosts().stream().mapToInt(host -> host.guests().size()).sum()).isEqualTo(5);
    }

    @Test
    void brokenHostsFailNamingTheFileAndTheRestIsImported() throws Exception {
        Path dump = copyOfLabDump();
        Path domain = firstDomain(dump.resolve("lab-host2/domains"));
        Files.writeString(domain, Files.readString(domain).replace("</devices>", "</device>"));
        Files.delete(dump.resolve("lab-host3/version.txt"));

        FleetSnapshot snapshot = inventory(launcher, store, dump);

        assertThat(snapshot.host("lab-host1").orElseThrow().status()).isEqualTo(HostStatus.OK);
        assertThat(snapshot.host("lab-host2").orElseThrow().error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith(domain + ": domain XML line 71, column 12: malformed XML"));
        assertThat(snapshot.host("lab-host3").orElseThrow().error())
                .contains(dump.resolve("lab-host3/version.txt") + ": missing");
        // Whether an earlier test inventoried hosts of these names decides FAILED or STALE; never OK, never empty.
        assertThat(snapshot.host("lab-host2").orElseThrow().status()).isIn(HostStatus.FAILED, HostStatus.STALE);
        assertThat(snapshot.host("lab-host2").orElseThrow().guests().isEmpty())
                .isEqualTo(snapshot.host("lab-host2").orElseThrow().status() == HostStatus.FAILED);
    }

    @Test
    void diskSizesAndMemoryUseComeFromTheOptionalDomstatsAndABrokenOneFailsItsHostNamingTheLine()
            throws Exception {
        Path dump = copyOfLabDump();
        Files.writeString(dump.resolve("lab-host1/domstats.txt"), """
                Domain: 'lab-local'
                  block.count=1
                  block.0.name=vda
                  block.0.allocation=17039360
                  block.0.capacity=67108864
                  balloon.current=262144
                  balloon.maximum=262144
                  balloon.unused=192632
                  balloon.available=223744
                """);
        Files.writeString(dump.resolve("lab-host3/domstats.txt"), "  block.count=1\n");

        FleetSnapshot snapshot = inventory(launcher, store, dump);

        Guest local = snapshot.host("lab-host1").orElseThrow().guests().stream()
                .filter(guest -> guest.name().equals("lab-local")).findFirst().orElseThrow();
        assertThat(local.disks().get(0).size())
                .contains(new DiskSize(ByteSize.ofMiB(64), new ByteSize(17_039_360)));
        assertThat(local.memoryUse().inUse()).contains(ByteSize.ofKiB(262_144 - 192_632));
        // lab-host2's domstats.txt is the one captured from the lab (virsh domstats --block).
        assertThat(snapshot.host("lab-host2").orElseThrow().guests()).allSatisfy(guest -> assertThat(
                guest.disks().get(0).size()).contains(new DiskSize(ByteSize.ofMiB(16), new ByteSize(1_507_328))));
        assertThat(snapshot.host("lab-host2").orElseThrow().guests())
                .allSatisfy(guest -> assertThat(guest.memoryUse()).isEqualTo(MemoryUse.UNKNOWN));
        assertThat(snapshot.host("lab-host3").orElseThrow().error()).hasValueSatisfying(error -> assertThat(error)
                .contains(dump.resolve("lab-host3/domstats.txt").toString(), "line 1"));
    }

    @Test
    void aHostYamlWithAnErrorRejectsThatHostOnly() throws Exception {
        Path dump = copyOfLabDump();
        Files.writeString(dump.resolve("lab-host2/host.yaml"), "shared_mounts: [relative/path]\n");

        FleetSnapshot snapshot = inventory(launcher, store, dump);

        assertThat(snapshot.problems()).singleElement().asString()
                .contains("host 'lab-host2'", "host.yaml:1", "'shared_mounts' entries must be absolute paths");
        assertThat(snapshot.hosts()).extracting(SnapshotHost::name).containsExactly("lab-host1", "lab-host3");
    }

    private static Path firstDomain(Path domains) throws IOException {
        try (Stream<Path> files = Files.list(domains)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }
}
