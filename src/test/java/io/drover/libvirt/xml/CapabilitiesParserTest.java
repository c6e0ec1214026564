package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.drover.model.ByteSize;
import io.drover.model.CpuTopology;
import io.drover.model.HostCapabilities;
import io.drover.model.MachineType;
import io.drover.model.NumaCell;

class CapabilitiesParserTest {

    @Test
    void realQemu72Host() {
        HostCapabilities caps = CapabilitiesParser.parse(Golden.read("capabilities-qemu-7.2-x86_64.xml"));

        assertThat(caps.hostUuid()).contains(UUID.fromString("5f0c3e2a-7d41-4b8e-a6c2-19e07d3b8f64"));
        assertThat(caps.cpu().arch()).isEqualTo("x86_64");
        assertThat(caps.cpu().vendor()).contains("AMD");
        assertThat(caps.cpu().model()).contains("kvm64");
        assertThat(caps.cpu().topology()).contains(new CpuTopology(1, 1, 2, 1));
        assertThat(caps.cpu().features()).hasSize(59).startsWith("vme", "ht", "pclmuldq")
                .contains("avx2", "sse4.2").endsWith("clzero", "xsaveerptr");
        assertThat(caps.numaCells()).containsExactly(new NumaCell(0, ByteSize.ofKiB(5073112), 2));
        assertThat(caps.domainTypes()).containsExactly("qemu", "kvm");
    }

    @Test
    void machineTypesOfTheHostArchWithAliasesAndDeprecation() {
        HostCapabilities caps = CapabilitiesParser.parse(Golden.read("capabilities-qemu-7.2-x86_64.xml"));

        // 60 machines for x86_64; the i686 guest lists the same names but is not the host arch.
        assertThat(caps.machineTypes()).hasSize(60);
        assertThat(caps.machineTypes()).extracting(MachineType::name).doesNotHaveDuplicates();
        assertThat(caps.machineTypes()).contains(
                new MachineType("pc", Optional.of("pc-i440fx-7.2"), Optional.of(255), false),
                new MachineType("q35", Optional.of("pc-q35-7.2"), Optional.of(288), false),
                new MachineType("pc-i440fx-7.2", Optional.empty(), Optional.of(255), false),
                new MachineType("pc-q35-7.2", Optional.empty(), Optional.of(288), false),
                new MachineType("pc-i440fx-1.4", Optional.empty(), Optional.of(255), true),
                new MachineType("isapc", Optional.empty(), Optional.of(1), false));
        assertThat(caps.machineTypes()).filteredOn(MachineType::isAlias).extracting(MachineType::name)
                .containsExactly("pc", "q35");
        assertThat(caps.machineTypes()).filteredOn(MachineType::deprecated).extracting(MachineType::name)
                .containsExactlyInAnyOrder("pc-i440fx-1.4", "pc-i440fx-1.5", "pc-i440fx-1.6", "pc-i440fx-1.7");
    }

    @Test
    void testDriverHostIsAnI686WithoutModelOrUuid() {
        HostCapabilities caps = CapabilitiesParser.parse(Golden.read("capabilities-test-driver.xml"));

        assertThat(caps.hostUuid()).isEmpty();
        assertThat(caps.cpu().arch()).isEqualTo("i686");
        assertThat(caps.cpu().model()).isEmpty();
        assertThat(caps.cpu().vendor()).isEmpty();
        assertThat(caps.cpu().features()).isEmpty(); // <features><pae/><nonpae/></features> is not read
        assertThat(caps.cpu().topology()).isEmpty();
        assertThat(caps.numaCells()).containsExactly(
                new NumaCell(0, ByteSize.ofGiB(2), 8),
                new NumaCell(1, ByteSize.ofGiB(4), 8));
        // Only the hvm guest counts; the xen guest of the same arch is skipped. It offers no machine types.
        assertThat(caps.domainTypes()).containsExactly("test");
        assertThat(caps.machineTypes()).isEmpty();
    }

    @Test
    void allZeroHostUuidIsKept() {
        String xml = Golden.read("capabilities-qemu-7.2-x86_64.xml")
                .replace("5f0c3e2a-7d41-4b8e-a6c2-19e07d3b8f64", "00000000-0000-0000-0000-000000000000");

        assertThat(CapabilitiesParser.parse(xml).hostUuid()).contains(new UUID(0, 0));
    }

    @Test
    void machinesListedOnlyUnderADomainAreUnitedWithTheArchList() {
        HostCapabilities caps = CapabilitiesParser.parse("""
                <capabilities>
                  <host><cpu><arch>x86_64</arch><topology sockets='2' cores='8' threads='2'/></cpu></host>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='x86_64'>
                      <machine maxCpus='255'>pc-0.11</machine>
                      <machine canonical='pc-0.11' maxCpus='255'>pc</machine>
                      <domain type='qemu'/>
                      <domain type='kvm'>
                        <machine maxCpus='255'>pc-0.11</machine>
                        <machine maxCpus='240'>pc-i440fx-rhel7.6.0</machine>
                      </domain>
                    </arch>
                  </guest>
                </capabilities>""");

        assertThat(caps.cpu().topology()).contains(new CpuTopology(2, 1, 8, 2)); // no dies: one per socket
        assertThat(caps.numaCells()).isEmpty();
        assertThat(caps.domainTypes()).containsExactly("qemu", "kvm");
        assertThat(caps.machineTypes()).extracting(MachineType::name)
                .containsExactly("pc-0.11", "pc", "pc-i440fx-rhel7.6.0");
    }

    @Test
    void libvirtSchemaSampleWithNumaCellsWithoutMemory() {
        // From libvirt's tests/capabilityschemadata/caps-qemu-kvm.xml: cells list CPUs only.
        HostCapabilities caps = CapabilitiesParser.parse("""
                <capabilities>
                  <host>
                    <cpu>
                      <arch>x86_64</arch>
                    </cpu>
                    <topology>
                      <cells num='1'>
                        <cell id='0'>
                          <cpus num='4'>
                            <cpu id='0'/>
                            <cpu id='1'/>
                            <cpu id='2'/>
                            <cpu id='3'/>
                          </cpus>
                        </cell>
                      </cells>
                    </topology>
                  </host>
                </capabilities>""");

        assertThat(caps.numaCells()).containsExactly(new NumaCell(0, ByteSize.ZERO, 4));
        assertThat(caps.domainTypes()).isEmpty();
        assertThat(caps.machineTypes()).isEmpty();
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> CapabilitiesParser.parse("<capabilities>\n  <host>\n    <cpu/>\n  </host>\n</capabilities>"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("capabilities XML line 3: <cpu> has no <arch>");
        assertThatThrownBy(() -> CapabilitiesParser.parse(Golden.read("domain-test-driver-running.xml")))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("capabilities XML line 1: root element is <domain>, expected <capabilities>");
        assertThatThrownBy(() -> CapabilitiesParser.parse(
                "<capabilities><host><cpu><arch>x86_64</arch><topology sockets='two' cores='1' threads='1'/></cpu></host></capabilities>"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("capabilities XML line 1: not a number: 'two' in 'sockets' of <topology>");
    }
}
