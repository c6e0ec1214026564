package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
import io.drover.model.CpuModel;
import io.drover.model.DomainCapabilities;
import io.drover.model.FeaturePolicy;

class DomainCapabilitiesParserTest {

    /** Captured on this machine: libvirt 9.0, QEMU 7.2, KVM nested in an AMD guest (no blockers before 9.x). */
    @Test
    void realQemu72Kvm() {
        DomainCapabilities caps = DomainCapabilitiesParser.parse(Golden.read("domcapabilities-qemu-7.2-kvm.xml"));

        assertThat(caps.emulator()).isEqualTo("/usr/bin/qemu-system-x86_64");
        assertThat(caps.domainType()).isEqualTo("kvm");
        assertThat(caps.machine()).isEqualTo("pc-i440fx-7.2");
        assertThat(caps.arch()).isEqualTo("x86_64");
        assertThat(caps.maxVcpus()).contains(255);
        assertThat(caps.hostPassthroughSupported()).isTrue();
        assertThat(caps.hostModel()).hasValueSatisfying(cpu -> {
            assertThat(cpu.mode()).isEqualTo(CpuMode.HOST_MODEL);
            assertThat(cpu.model()).contains("EPYC-Milan");
            assertThat(cpu.vendor()).contains("AMD");
            assertThat(cpu.features()).hasSize(57)
                    .startsWith(new CpuFeature("x2apic", FeaturePolicy.REQUIRE))
                    .contains(new CpuFeature("pschange-mc-no", FeaturePolicy.REQUIRE),
                            new CpuFeature("pni", FeaturePolicy.DISABLE))
                    .endsWith(new CpuFeature("svme-addr-chk", FeaturePolicy.DISABLE));
            assertThat(cpu.features()).filteredOn(f -> f.policy() == FeaturePolicy.REQUIRE).hasSize(11);
        });
        assertThat(caps.cpuModels()).hasSize(53).extracting(CpuModel::name).doesNotHaveDuplicates();
        assertThat(caps.cpuModels()).contains(
                new CpuModel("pentium3", true, Optional.empty(), List.of()), // vendor='unknown'
                new CpuModel("qemu64", false, Optional.empty(), List.of()),
                new CpuModel("SandyBridge", false, Optional.of("Intel"), List.of()),
                new CpuModel("Opteron_G2", false, Optional.of("AMD"), List.of()));
        assertThat(caps.cpuModels()).filteredOn(CpuModel::usable).extracting(CpuModel::name)
                .containsExactlyInAnyOrder("pentium3", "pentium2", "pentium", "486");
    }

    /** libvirt's own test data for QEMU 8.2 (trimmed): canonical names and {@code <blockers>}. */
    @Test
    void blockersAttachToTheirModel() {
        DomainCapabilities caps = DomainCapabilitiesParser.parse(
                Golden.read("domcapabilities-qemu-8.2-q35-blockers.xml"));

        assertThat(caps.machine()).isEqualTo("pc-q35-8.2");
        assertThat(caps.maxVcpus()).contains(1024);
        assertThat(caps.hostModel().orElseThrow().model()).contains("EPYC-Rome");
        assertThat(caps.hostModel().orElseThrow().features()).contains(
                new CpuFeature("gds-no", FeaturePolicy.REQUIRE), new CpuFeature("xsaves", FeaturePolicy.DISABLE));
        assertThat(caps.cpuModels()).containsExactly(
                new CpuModel("486", true, Optional.empty(), List.of()),
                new CpuModel("Broadwell", false, Optional.of("Intel"),
                        List.of("erms", "hle", "invpcid", "pcid", "rtm")),
                new CpuModel("Broadwell-noTSX", false, Optional.of("Intel"), List.of("erms", "invpcid", "pcid")),
                new CpuModel("Conroe", true, Optional.of("Intel"), List.of()),
                new CpuModel("Dhyana-v2", false, Optional.of("Hygon"), List.of("xsaves")),
                new CpuModel("EPYC", true, Optional.of("AMD"), List.of()),
                new CpuModel("EPYC-Milan", false, Optional.of("AMD"),
                        List.of("erms", "fsrm", "ibrs", "invpcid", "pcid", "pku", "xsaves")));
    }

    @Test
    void unsupportedModesAndUnknownUsability() {
        DomainCapabilities caps = DomainCapabilitiesParser.parse("""
                <domainCapabilities>
                  <path>/usr/bin/qemu-system-x86_64</path>
                  <domain>qemu</domain>
                  <arch>x86_64</arch>
                  <cpu>
                    <mode name='host-passthrough' supported='no'/>
                    <mode name='host-model' supported='no'/>
                    <mode name='custom' supported='yes'>
                      <model usable='unknown' vendor='Intel'>Haswell</model>
                      <blockers model='NotListed'><feature name='avx'/></blockers>
                    </mode>
                  </cpu>
                </domainCapabilities>""");

        assertThat(caps.machine()).isEmpty();
        assertThat(caps.maxVcpus()).isEmpty();
        assertThat(caps.hostPassthroughSupported()).isFalse();
        assertThat(caps.hostModel()).isEmpty();
        assertThat(caps.cpuModels()).containsExactly(new CpuModel("Haswell", false, Optional.of("Intel"), List.of()));
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> DomainCapabilitiesParser.parse("<domainCapabilities>\n  <domain>kvm</domain>\n</domainCapabilities>"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("domain capabilities XML line 1: <domainCapabilities> has no <path>");
        assertThatThrownBy(() -> DomainCapabilitiesParser.parse("""
                <domainCapabilities><path>/q</path><domain>kvm</domain><arch>x86_64</arch>
                <cpu><mode name='host-model' supported='yes'>
                <feature policy='sometimes' name='avx'/></mode></cpu></domainCapabilities>"""))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("domain capabilities XML line 3: unknown CPU feature policy 'sometimes' for feature 'avx'");
    }
}
