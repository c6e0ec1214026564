package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.drover.model.BackingStore;
import io.drover.model.ByteSize;
import io.drover.model.CacheMode;
import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
import io.drover.model.Disk;
import io.drover.model.DiskDriver;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.FeaturePolicy;
import io.drover.model.Guest;
import io.drover.model.GuestCpu;
import io.drover.model.NetInterface;
import io.drover.model.PowerState;

class DomainXmlParserTest {

    private static final String IMAGES = "/var/lib/libvirt/images/web-01/";

    /** A running OpenStack Nova guest on Ceph: rbd volumes, custom Broadwell CPU, Nova's SMBIOS identity. */
    @Nested
    class NovaRbdGuest {

        private final Guest guest = DomainXmlParser.parse(Golden.read("domain-nova-rbd-running.xml"));

        @Test
        void identityAndPlacementFacts() {
            assertThat(guest.name()).isEqualTo("instance-000028ae");
            assertThat(guest.uuid()).isEqualTo(UUID.fromString("0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906"));
            assertThat(guest.state()).isEqualTo(PowerState.RUNNING); // <domain id='53'>
            assertThat(guest.domainType()).isEqualTo("kvm");
            assertThat(guest.arch()).isEqualTo("x86_64");
            assertThat(guest.machineType()).isEqualTo("pc-i440fx-rhel7.5.0");
            assertThat(guest.memory()).isEqualTo(ByteSize.ofGiB(1));
            assertThat(guest.currentMemory()).isEqualTo(ByteSize.ofGiB(1));
            assertThat(guest.vcpus()).isEqualTo(1);
        }

        @Test
        void flavorFromNovasMetadata() {
            assertThat(guest.flavor()).contains("1G/1\u6838/1GB"); // <nova:flavor name="1G/1&#x6838;/1GB">
        }

        @Test
        void customCpuModelWithRequiredAndDisabledFeatures() {
            GuestCpu cpu = guest.cpu();

            assertThat(cpu.mode()).isEqualTo(CpuMode.CUSTOM);
            assertThat(cpu.model()).contains("Broadwell");
            assertThat(cpu.vendor()).isEmpty();
            assertThat(cpu.match()).contains("exact");
            assertThat(cpu.check()).contains("full");
            assertThat(cpu.features()).containsExactly(
                    new CpuFeature("vme", FeaturePolicy.REQUIRE),
                    new CpuFeature("f16c", FeaturePolicy.REQUIRE),
                    new CpuFeature("rdrand", FeaturePolicy.REQUIRE),
                    new CpuFeature("hypervisor", FeaturePolicy.REQUIRE),
                    new CpuFeature("arat", FeaturePolicy.REQUIRE),
                    new CpuFeature("xsaveopt", FeaturePolicy.REQUIRE),
                    new CpuFeature("abm", FeaturePolicy.REQUIRE),
                    new CpuFeature("hle", FeaturePolicy.DISABLE),
                    new CpuFeature("rtm", FeaturePolicy.DISABLE));
        }

        @Test
        void rbdDisksWithTheirMonitorsAndCacheModes() {
            List<DiskSource.NetworkHost> monitors = List.of(
                    new DiskSource.NetworkHost("192.0.2.1", Optional.of(6789)),
                    new DiskSource.NetworkHost("192.0.2.2", Optional.of(6789)),
                    new DiskSource.NetworkHost("192.0.2.4", Optional.of(6789)));

            assertThat(guest.disks()).containsExactly(
                    new Disk("vda", "disk", "virtio",
                            new DiskSource.Network("rbd", "volumes/volume-b0db72fd-2440-4aba-bbf9-d768c966571a",
                                    monitors),
                            new DiskDriver(Optional.of("qemu"), Optional.of("raw"), CacheMode.WRITEBACK,
                                    Optional.of("unmap"), Optional.empty(), Optional.empty()),
                            List.of(), false, false, DiskSharing.UNCLASSIFIED, Optional.empty()),
                    new Disk("vdb", "disk", "virtio",
                            new DiskSource.Network("rbd", "volumes/volume-7b7b6f1b-56dc-4502-8e13-9bcfa3a7168b",
                                    monitors),
                            new DiskDriver(Optional.of("qemu"), Optional.of("raw"), CacheMode.NONE,
                                    Optional.of("unmap"), Optional.empty(), Optional.empty()),
                            List.of(), false, false, DiskSharing.UNCLASSIFIED, Optional.empty()));
        }

        @Test
        void bridgedVirtioInterface() {
            assertThat(guest.interfaces()).containsExactly(new NetInterface("bridge",
                    Optional.of("fa:16:3e:3e:b0:96"), Optional.of("qbrb7ddd311-c0"), Optional.of("virtio")));
        }

        @Test
        void novaSmbiosIdentityShownToTheGuest() {
            assertThat(guest.smbiosFromSysinfo()).isTrue();
            assertThat(guest.sysinfo()).hasValueSatisfying(sysinfo -> {
                assertThat(sysinfo.type()).isEqualTo("smbios");
                assertThat(sysinfo.entries()).isEqualTo(Map.of(
                        "system.manufacturer", "OpenStack Foundation",
                        "system.product", "OpenStack Nova",
                        "system.version", "17.0.2",
                        "system.serial", "4c4c4544-0000-1111-8888-b9c04f4c0000",
                        "system.uuid", "0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906",
                        "system.family", "Virtual Machine"));
            });
        }
    }

    @Test
    void hostPassthroughNovaGuestDefinedButNotRunning() {
        Guest guest = DomainXmlParser.parse(Golden.read("domain-nova-host-passthrough.xml"));

        assertThat(guest.state()).isEqualTo(PowerState.SHUTOFF);
        assertThat(guest.cpu()).isEqualTo(new GuestCpu(CpuMode.HOST_PASSTHROUGH, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        assertThat(guest.memory()).isEqualTo(ByteSize.ofMiB(512));
        assertThat(guest.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.source()).isEqualTo(new DiskSource.File(
                    "/var/lib/nova/instances/6d18a67b-6659-4a4b-b1e2-7d8ff19e50e7/disk"));
            assertThat(disk.driver().format()).contains("qcow2");
            assertThat(disk.driver().cache()).isEqualTo(CacheMode.NONE);
        });
        assertThat(guest.interfaces()).extracting(NetInterface::source)
                .containsExactly(Optional.of("qbrf8ae473c-69"), Optional.of("qbr76c36a87-96"));
        assertThat(guest.sysinfo().orElseThrow().entries()).containsEntry("system.product", "OpenStack Nova");
    }

    @Test
    void hostModelGuestWithModelAndDisabledFeature() {
        Guest guest = DomainXmlParser.parse(Golden.read("domain-defined-mixed-disks.xml"));

        assertThat(guest.cpu()).isEqualTo(new GuestCpu(CpuMode.HOST_MODEL, Optional.of("Skylake-Client-IBRS"),
                Optional.empty(), Optional.empty(), Optional.of("partial"),
                List.of(new CpuFeature("hle", FeaturePolicy.DISABLE))));
    }

    /** Captured from a real QEMU 7.2 guest on this machine: a qcow2 overlay on a qcow2 on a raw base. */
    @Nested
    class LocalGuestWithBackingChain {

        private final Guest running = DomainXmlParser.parse(Golden.read("domain-local-chain-running.xml"));

        @Test
        void runningDomainFacts() {
            assertThat(running.state()).isEqualTo(PowerState.RUNNING);
            assertThat(running.domainType()).isEqualTo("qemu");
            assertThat(running.machineType()).isEqualTo("pc-i440fx-7.2");
            assertThat(running.memory()).isEqualTo(ByteSize.ofMiB(64));
            assertThat(running.cpu().mode()).isEqualTo(CpuMode.CUSTOM);
            assertThat(running.cpu().model()).contains("qemu64");
            assertThat(running.sysinfo()).isEmpty();
            assertThat(running.smbiosFromSysinfo()).isFalse();
            assertThat(running.flavor()).as("no Nova metadata").isEmpty();
        }

        @Test
        void twoDeepBackingChainFlattenedTopFirst() {
            Disk vda = running.disks().get(0);

            assertThat(vda.target()).isEqualTo("vda");
            assertThat(vda.source()).isEqualTo(new DiskSource.File(IMAGES + "top.qcow2"));
            assertThat(vda.backingChain()).containsExactly(
                    new BackingStore(new DiskSource.File(IMAGES + "mid.qcow2"), Optional.of("qcow2")),
                    new BackingStore(new DiskSource.File(IMAGES + "base.raw"), Optional.of("raw")));
            assertThat(vda.driver()).isEqualTo(new DiskDriver(Optional.of("qemu"), Optional.of("qcow2"),
                    CacheMode.NONE, Optional.of("unmap"), Optional.empty(), Optional.of("native")));
        }

        @Test
        void writebackDiskWithIgnoredErrorsAndAnEmptyChain() {
            Disk vdb = running.disks().get(1);

            assertThat(vdb.source()).isEqualTo(new DiskSource.File(IMAGES + "data.raw"));
            assertThat(vdb.backingChain()).isEmpty(); // <backingStore/>
            assertThat(vdb.driver().cache()).isEqualTo(CacheMode.WRITEBACK);
            assertThat(vdb.driver().errorPolicy()).contains("ignore");
        }

        @Test
        void cdromWithoutMedium() {
            Disk hdc = running.disks().get(2);

            assertThat(hdc).isEqualTo(new Disk("hdc", "cdrom", "ide", new DiskSource.Empty(),
                    new DiskDriver(Optional.of("qemu"), Optional.empty(), CacheMode.DEFAULT, Optional.empty(),
                            Optional.empty(), Optional.empty()),
                    List.of(), true, false, DiskSharing.UNCLASSIFIED, Optional.empty()));
        }

        @Test
        void userNetworkingHasNoSource() {
            assertThat(running.interfaces()).containsExactly(new NetInterface("user",
                    Optional.of("52:54:00:12:34:56"), Optional.empty(), Optional.of("e1000")));
        }

        @Test
        void inactiveXmlOfTheSameGuestIsShutOffAndHasNoChain() {
            Guest defined = DomainXmlParser.parse(Golden.read("domain-local-chain-defined.xml"));

            assertThat(defined.state()).isEqualTo(PowerState.SHUTOFF);
            assertThat(defined.uuid()).isEqualTo(running.uuid());
            assertThat(defined.disks().get(0).backingChain()).isEmpty();
            assertThat(defined.disks().get(2).driver().format()).contains("raw");
        }
    }

    @Test
    void blockVolumeIscsiAndCdromDisksOfADefinedGuest() {
        Guest guest = DomainXmlParser.parse(Golden.read("domain-defined-mixed-disks.xml"));

        assertThat(guest.state()).isEqualTo(PowerState.SHUTOFF);
        assertThat(guest.memory()).isEqualTo(ByteSize.ofGiB(4)); // written as 4 GiB, dumped as KiB
        assertThat(guest.currentMemory()).isEqualTo(ByteSize.ofMiB(3072));
        assertThat(guest.vcpus()).isEqualTo(4);
        assertThat(guest.disks()).extracting(Disk::target, Disk::device, Disk::bus, Disk::source)
                .containsExactly(
                        tuple("vda", "disk", "virtio",
                                new DiskSource.Block("/dev/mapper/vg0-db02")),
                        tuple("vdb", "disk", "virtio",
                                new DiskSource.Volume("default", "db-02-logs.qcow2")),
                        tuple("sda", "lun", "scsi",
                                new DiskSource.Network("iscsi", "iqn.2013-07.com.example:iscsi-pool/1",
                                        List.of(new DiskSource.NetworkHost("192.0.2.20", Optional.of(3260))))),
                        tuple("sdb", "cdrom", "sata", new DiskSource.Empty()));
        assertThat(guest.disks()).extracting(d -> d.driver().cache())
                .containsExactly(CacheMode.DEFAULT, CacheMode.WRITETHROUGH, CacheMode.NONE, CacheMode.DEFAULT);
        assertThat(guest.disks().get(0).driver().io()).contains("native");
        assertThat(guest.disks()).extracting(Disk::shareable).containsExactly(false, false, true, false);
        assertThat(guest.disks()).extracting(Disk::readOnly).containsExactly(false, false, false, true);
        assertThat(guest.disks()).extracting(Disk::sharing).containsOnly(DiskSharing.UNCLASSIFIED);
        assertThat(guest.interfaces()).containsExactly(
                new NetInterface("bridge", Optional.of("52:54:00:aa:bb:01"), Optional.of("br0"), Optional.of("virtio")),
                new NetInterface("network", Optional.of("52:54:00:aa:bb:02"), Optional.of("default"),
                        Optional.empty()));
    }

    @Test
    void sysinfoWithEveryBlockFlattened() {
        Guest guest = DomainXmlParser.parse(Golden.read("domain-smbios-full.xml"));

        assertThat(guest.smbiosFromSysinfo()).isTrue();
        assertThat(guest.sysinfo().orElseThrow().entries())
                .hasSize(2 + 7 + 6 + 5 + 3)
                .containsEntry("bios.vendor", "LENOVO")
                .containsEntry("bios.version", "6FET82WW (3.12 )")
                .containsEntry("system.serial", "32dfcb37-5af1-552b-357c-be8c3aa38310")
                .containsEntry("system.sku", "1234567890")
                .containsEntry("baseBoard.serial", "CZC1065993")
                .containsEntry("baseBoard.location", "Upside down")
                .containsEntry("chassis.asset", "40000101")
                .containsEntry("oemStrings.0", "Hello")
                .containsEntry("oemStrings.1", "World")
                .containsEntry("oemStrings.2", "This is, more tricky value=escaped");
        // A block disk without <driver> and a machine alias:
        assertThat(guest.machineType()).isEqualTo("pc");
        assertThat(guest.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.source()).isEqualTo(new DiskSource.Block("/dev/HostVG/QEMUGuest1"));
            assertThat(disk.driver()).isEqualTo(DiskDriver.unspecified());
        });
    }

    @Test
    void testDriverDomainWithoutMachineOrCpu() {
        Guest guest = DomainXmlParser.parse(Golden.read("domain-test-driver-running.xml"));

        assertThat(guest.name()).isEqualTo("test");
        assertThat(guest.state()).isEqualTo(PowerState.RUNNING);
        assertThat(guest.domainType()).isEqualTo("test");
        assertThat(guest.arch()).isEqualTo("i686");
        assertThat(guest.machineType()).isEmpty();
        assertThat(guest.memory()).isEqualTo(ByteSize.ofGiB(8));
        assertThat(guest.currentMemory()).isEqualTo(ByteSize.ofGiB(2));
        assertThat(guest.vcpus()).isEqualTo(2);
        assertThat(guest.cpu()).isEqualTo(GuestCpu.unspecified());
        assertThat(guest.disks()).singleElement()
                .extracting(Disk::source).isEqualTo(new DiskSource.File("/guest/diskimage1"));
        assertThat(guest.interfaces()).containsExactly(new NetInterface("network",
                Optional.of("aa:bb:cc:dd:ee:ff"), Optional.of("default"), Optional.empty()));
    }

    @Nested
    class HandWrittenShapes {

        @Test
        void memoryUnits() {
            assertThat(DomainXmlParser.parse(domain("<memory>524288</memory>")).memory())
                    .isEqualTo(ByteSize.ofMiB(512)); // no unit: KiB
            assertThat(DomainXmlParser.parse(domain("<memory unit='KiB'>2048</memory>")).memory())
                    .isEqualTo(ByteSize.ofMiB(2));
            assertThat(DomainXmlParser.parse(domain("<memory unit='MiB'>1536</memory>")).memory())
                    .isEqualTo(ByteSize.ofMiB(1536));
            assertThat(DomainXmlParser.parse(domain("<memory unit='GiB'>16</memory>")).memory())
                    .isEqualTo(ByteSize.ofGiB(16));
            assertThat(DomainXmlParser.parse(domain("<memory unit='G'>2</memory>")).memory())
                    .isEqualTo(ByteSize.ofGiB(2));
            assertThat(DomainXmlParser.parse(domain("<memory unit='MB'>1</memory>")).memory())
                    .isEqualTo(new ByteSize(1_000_000));
        }

        @Test
        void currentMemoryAndVcpuDefaults() {
            Guest guest = DomainXmlParser.parse(domain("<memory unit='MiB'>256</memory>"));

            assertThat(guest.currentMemory()).isEqualTo(ByteSize.ofMiB(256));
            assertThat(guest.vcpus()).isEqualTo(1);
        }

        @Test
        void novaCpuWithOnlyATopologyIsTheDefaultModel() {
            Guest guest = DomainXmlParser.parse(domain(
                    "<memory>65536</memory><cpu><topology sockets='1' cores='1' threads='1'/></cpu>"));

            assertThat(guest.cpu().mode()).isEqualTo(CpuMode.DEFAULT);
            assertThat(guest.cpu().model()).isEmpty();
        }

        @Test
        void hostModelWithAnEmptyModelElement() {
            Guest guest = DomainXmlParser.parse(domain(
                    "<memory>65536</memory><cpu mode='host-model'><model fallback='allow'/></cpu>"));

            assertThat(guest.cpu().mode()).isEqualTo(CpuMode.HOST_MODEL);
            assertThat(guest.cpu().model()).isEmpty();
        }

        @Test
        void customModelWithoutModeAttributeAndFeatureWithoutPolicy() {
            Guest guest = DomainXmlParser.parse(domain("""
                    <memory>65536</memory>
                    <cpu match='exact'><model>SandyBridge</model><vendor>Intel</vendor><feature name='aes'/></cpu>"""));

            assertThat(guest.cpu()).isEqualTo(new GuestCpu(CpuMode.CUSTOM, Optional.of("SandyBridge"),
                    Optional.of("Intel"), Optional.of("exact"), Optional.empty(),
                    List.of(new CpuFeature("aes", FeaturePolicy.REQUIRE))));
        }

        @Test
        void diskDefaultsFollowLibvirt() {
            Guest guest = DomainXmlParser.parse(domain("""
                    <memory>65536</memory>
                    <devices>
                      <disk><source file='/img/a.raw'/><target dev='vdz'/></disk>
                      <disk type='nvme' device='disk'><source type='pci' managed='yes' namespace='1'/><target dev='sdq'/></disk>
                      <disk type='network'><source protocol='nbd'><host transport='unix' socket='/run/nbd.sock'/></source><target dev='hdx'/></disk>
                    </devices>"""));

            assertThat(guest.disks()).extracting(Disk::device, Disk::bus, Disk::source).containsExactly(
                    tuple("disk", "virtio", new DiskSource.File("/img/a.raw")),
                    tuple("disk", "scsi", new DiskSource.Other("nvme")),
                    tuple("disk", "ide", new DiskSource.Network("nbd", "",
                            List.of(new DiskSource.NetworkHost("/run/nbd.sock", Optional.empty())))));
        }

        @Test
        void uuidWithoutDashesIsAcceptedLikeLibvirtDoes() {
            Guest guest = DomainXmlParser.parse("""
                    <domain type='kvm'><name>a</name><uuid>c7a5fdbdedaf9455926ad65c16db1809</uuid>
                    <memory>1024</memory><os><type arch='x86_64'>hvm</type></os></domain>""");

            assertThat(guest.uuid()).isEqualTo(UUID.fromString("c7a5fdbd-edaf-9455-926a-d65c16db1809"));
        }

        private static String domain(String body) {
            return """
                    <domain type='kvm'>
                      <name>hand-written</name>
                      <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                      <os><type arch='x86_64' machine='q35'>hvm</type></os>
                      %s
                    </domain>""".formatted(body);
        }
    }

    /** Every error the parser raises for bad input, with its exact message. */
    @Nested
    class BadInput {

        @Test
        void malformedXmlNamesTheLine() {
            String xml = Golden.read("domain-nova-rbd-running.xml").replace("</vcpu>", "</vcpus>");

            assertThatThrownBy(() -> DomainXmlParser.parse(xml))
                    .isInstanceOf(LibvirtXmlException.class)
                    // the rest is the parser's (Aalto's) text
                    .hasMessageStartingWith("domain XML line 24, column 36: malformed XML: ")
                    .hasMessageContaining("</vcpu>");
        }

        @Test
        void missingName() {
            String xml = Golden.read("domain-nova-rbd-running.xml")
                    .replace("<name>instance-000028ae</name>", "");

            assertThatThrownBy(() -> DomainXmlParser.parse(xml))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 1: <domain> has no <name>");
        }

        @Test
        void unknownCacheModeNamesTheDriverLine() {
            String xml = Golden.read("domain-nova-rbd-running.xml").replace("cache='writeback'", "cache='foo'");

            assertThatThrownBy(() -> DomainXmlParser.parse(xml))
                    .isInstanceOfSatisfying(LibvirtXmlException.class, e -> assertThat(e.line()).isEqualTo(80))
                    .hasMessage("domain XML line 80: unknown disk cache mode 'foo'");
        }

        @Test
        void missingTargetDevNamesTheDiskLine() {
            String xml = Golden.read("domain-nova-rbd-running.xml")
                    .replace("<target dev='vdb' bus='virtio'/>", "<target bus='virtio'/>");

            assertThatThrownBy(() -> DomainXmlParser.parse(xml))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 96: <disk> has no <target dev>");
        }

        @Test
        void missingTargetElement() {
            String xml = Golden.read("domain-local-chain-running.xml")
                    .replace("<target dev='vdb' bus='virtio'/>", "");

            assertThatThrownBy(() -> DomainXmlParser.parse(xml))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 41: <disk> has no <target dev>");
        }

        @Test
        void notADomain() {
            assertThatThrownBy(() -> DomainXmlParser.parse(Golden.read("capabilities-test-driver.xml")))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 1: root element is <capabilities>, expected <domain>");
        }

        @Test
        void invalidUuid() {
            assertThatThrownBy(() -> DomainXmlParser.parse(
                    "<domain type='kvm'><name>a</name><uuid>1-2-3-4-5</uuid></domain>"))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 1: invalid UUID '1-2-3-4-5' in <uuid>");
        }

        @Test
        void unknownMemoryUnit() {
            assertThatThrownBy(() -> DomainXmlParser.parse("""
                    <domain type='kvm'><name>a</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                    <os><type arch='x86_64'>hvm</type></os>
                    <memory unit='parsecs'>3</memory></domain>"""))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 3: bad size in <memory>: unknown libvirt size unit 'parsecs'");
        }

        @Test
        void unknownCpuModeAndFeaturePolicy() {
            String base = """
                    <domain type='kvm'><name>a</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                    <os><type arch='x86_64'>hvm</type></os><memory>1</memory>
                    %s</domain>""";

            assertThatThrownBy(() -> DomainXmlParser.parse(base.formatted("<cpu mode='host-magic'/>")))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 3: unknown CPU mode 'host-magic'");
            assertThatThrownBy(() -> DomainXmlParser.parse(base.formatted(
                    "<cpu><model>Haswell</model>\n<feature policy='maybe' name='avx'/></cpu>")))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 4: unknown CPU feature policy 'maybe' for feature 'avx'");
        }

        @Test
        void missingArch() {
            assertThatThrownBy(() -> DomainXmlParser.parse("""
                    <domain type='kvm'><name>a</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
                    <os>
                      <type>hvm</type>
                    </os></domain>"""))
                    .isInstanceOf(LibvirtXmlException.class)
                    .hasMessage("domain XML line 3: <type> has no 'arch' attribute");
        }
    }
}
