package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.drover.model.HostVersions;
import io.drover.model.Version;

class VirshVersionParserTest {

    /** Captured on this machine: Debian 12's libvirt 9.0 with its QEMU 7.2 (Debian's 7.2.22 stable build). */
    @Test
    void realQemuHost() {
        HostVersions versions = VirshVersionParser.parse(Golden.read("virsh-version-qemu-7.2.txt"));

        assertThat(versions).isEqualTo(new HostVersions(new Version(9, 0, 0), new Version(7, 2, 22),
                Optional.empty()));
    }

    @Test
    void libraryInUseWinsOverTheOneCompiledAgainst() {
        HostVersions versions = VirshVersionParser.parse("""
                Compiled against library: libvirt 8.0.0
                Using library: libvirt 9.0.0
                Using API: QEMU 9.0.0
                Running hypervisor: QEMU 7.2.0
                """);

        assertThat(versions.libvirt()).isEqualTo(new Version(9, 0, 0));
        assertThat(versions.qemu()).isEqualTo(new Version(7, 2, 0));
        assertThat(versions.kernel()).isEmpty();
    }

    @Test
    void windowsLineEndingsAndTwoPartVersions() {
        HostVersions versions = VirshVersionParser.parse(
                "Using library: libvirt 10.0\r\nRunning hypervisor: QEMU 8.2\r\n");

        assertThat(versions.libvirt()).isEqualTo(new Version(10, 0, 0));
        assertThat(versions.qemu()).isEqualTo(new Version(8, 2, 0));
    }

    @Test
    void testDriverIsNotAQemuHost() {
        assertThatThrownBy(() -> VirshVersionParser.parse(Golden.read("virsh-version-test-driver.txt")))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("virsh version output line 4: hypervisor is 'TEST 0.0.2', expected"
                        + " 'Running hypervisor: QEMU <version>'");
    }

    @Test
    void missingLinesAreNamed() {
        assertThatThrownBy(() -> VirshVersionParser.parse("Running hypervisor: QEMU 7.2.0\n"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("virsh version output: no 'Using library: libvirt <version>' line");
        assertThatThrownBy(() -> VirshVersionParser.parse("""
                Compiled against library: libvirt 9.0.0
                Using library: libvirt 9.0.0
                Using API: QEMU 9.0.0
                """))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("virsh version output: no 'Running hypervisor: QEMU <version>' line");
        assertThatThrownBy(() -> VirshVersionParser.parse(""))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("virsh version output: no 'Using library: libvirt <version>' line");
    }

    @Test
    void unreadableVersion() {
        assertThatThrownBy(() -> VirshVersionParser.parse("Using library: libvirt nine\nRunning hypervisor: QEMU 7.2.0"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("virsh version output line 1: unreadable libvirt version 'nine'");
    }
}
