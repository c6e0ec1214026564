package io.drover.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileReaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("fleet.yaml"), yaml);
    }

    @Test
    void readsHostsWithDefaultsMergedUnderEachHost() throws IOException {
        Fleet fleet = FleetFileReader.forLiveFleet().read(write("""
                defaults:
                  labels: {zone: a, pool: gen9}
                  shared_mounts: [/var/lib/nova/instances/]
                  kernel: 6.1.0-18-amd64
                hosts:
                  - name: kvm-01
                    uri: qemu+ssh://root@kvm-01/system
                    labels: {rack: r1, pool: gen10}
                    mounts: [{path: /mnt/nfs, type: nfs4}]
                  - name: kvm-02
                    uri: qemu+tls://kvm-02/system
                    kernel: 6.1.0-21
                """));

        assertThat(fleet.problems()).isEmpty();
        assertThat(fleet.hosts()).hasSize(2);
        HostSource first = fleet.hosts().get(0);
        assertThat(first.name()).isEqualTo("kvm-01");
        assertThat(first.uri()).isEqualTo("qemu+ssh://root@kvm-01/system");
        assertThat(first.labels()).containsEntry("zone", "a").containsEntry("pool", "gen10").containsEntry("rack", "r1");
        assertThat(first.sharedMounts()).containsExactly("/var/lib/nova/instances");
        assertThat(first.mounts()).containsExactly(new MountPoint("/mnt/nfs", "nfs4"));
        assertThat(first.kernel()).contains(new Version(6, 1, 0));
        assertThat(first.origin()).endsWith("fleet.yaml:6");
        assertThat(fleet.hosts().get(1).kernel()).contains(new Version(6, 1, 0));
    }

    @Test
    void badHostEntriesAreReportedByLineAndTheRestIsKept() throws IOException {
        Fleet fleet = FleetFileReader.forLiveFleet().read(write("""
                hosts:
                  - name: good
                    uri: qemu+tcp://169.254.77.1/system
                  - name: bad-scheme
                    uri: vmware://esx/system
                  - uri: qemu:///system
                  - name: typo
                    uri: qemu:///system
                    shared_mount: [/x]
                  - name: good
                    uri: qemu+tcp://169.254.77.2/system
                  - name: relative
                    uri: test:///default
                    shared_mounts: [images]
                """));

        assertThat(fleet.hosts()).extracting(HostSource::name).containsExactly("good");
        assertThat(fleet.problems()).hasSize(5);
        assertThat(fleet.problems().get(0)).endsWith(
                "fleet.yaml:4: host 'bad-scheme' has URI 'vmware://esx/system' with an unknown scheme (expected one "
                        + "of [qemu, qemu+ext, qemu+libssh, qemu+libssh2, qemu+ssh, qemu+tcp, qemu+tls, qemu+unix, "
                        + "test])");
        assertThat(fleet.problems().get(1)).endsWith("fleet.yaml:6: host has no name");
        assertThat(fleet.problems().get(2)).contains("fleet.yaml:9: unknown key 'shared_mount'");
        assertThat(fleet.problems().get(3)).endsWith(
                "fleet.yaml:10: host 'good' is declared twice (first at line 2); the second is ignored");
        assertThat(fleet.problems().get(4)).contains("fleet.yaml:14: 'shared_mounts' entries must be absolute paths");
    }

    @Test
    void invalidYamlRejectsTheWholeFileNamingIt() throws IOException {
        Path file = write("hosts:\n  - name: a\n    uri: [unclosed\n");

        assertThatThrownBy(() -> FleetFileReader.forLiveFleet().read(file))
                .isInstanceOf(FleetDefinitionException.class)
                .hasMessageStartingWith(file + ": not valid YAML")
                .hasMessageContaining("line 4");
    }

    @Test
    void anEmptyFleetIsAProblemNotASilentNoOp() throws IOException {
        Fleet fleet = FleetFileReader.forLiveFleet().read(write("hosts: []\n"));

        assertThat(fleet.hosts()).isEmpty();
        assertThat(fleet.problems()).singleElement().asString().endsWith("no hosts declared under 'hosts:'");
    }

    @Test
    void invalidDefaultsRejectTheFileBecauseTheyApplyToEveryHost() throws IOException {
        Path file = write("defaults:\n  shared_mounts: relative\nhosts:\n  - {name: a, uri: 'qemu:///system'}\n");

        assertThatThrownBy(() -> FleetFileReader.forLiveFleet().read(file))
                .isInstanceOf(FleetDefinitionException.class)
                .hasMessageContaining("fleet.yaml:2: 'shared_mounts' must be a list");
    }
}
