package io.drover.lab;

import static io.drover.inventory.job.InventoryTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.inventory.job.InventoryLauncher;
import io.drover.model.ByteSize;
import io.drover.model.CacheMode;
import io.drover.model.CpuMode;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostStatus;
import io.drover.model.MachineType;
import io.drover.model.SnapshotHost;
import io.drover.model.Version;
import io.drover.store.SnapshotStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Inventory of the real lab fleet: three libvirtd + QEMU 7.2 hosts and their TCG guests. */
@Tag(LabFleet.TAG)
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabInventoryTest {

    @Autowired
    InventoryLauncher launcher;

    @Autowired
    SnapshotStore store;

    private FleetSnapshot snapshot;
    /** A Linux guest whose balloon had reported its statistics before the inventory. */
    private String reportingGuest;

    @BeforeAll
    void inventoryTheLab() throws Exception {
        // right after lab.sh up, the Linux guests have not yet reported what memory they use
        reportingGuest = LabGuests.awaitBalloonStatistics(List.of("lab-shared", "lab-local", "lab-overlay",
                "lab-writeback"));
        snapshot = inventory(launcher, store, LabFleet.fleetFile());
    }

    @Test
    void everyHostIsCollectedWithItsVersionsAndDistinctIdentity() {
        assertThat(snapshot.hosts()).extracting(SnapshotHost::name)
                .containsExactly("lab-host1", "lab-host2", "lab-host3");
        assertThat(snapshot.hosts()).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(HostStatus.OK);
            assertThat(entry.flags()).isEmpty();
            Host host = entry.host().orElseThrow();
            assertThat(host.versions().libvirt()).isEqualTo(new Version(9, 0, 0));
            assertThat(host.versions().qemu().major()).isEqualTo(7);
            assertThat(host.versions().qemu().minor()).isEqualTo(2);
            assertThat(host.labels()).containsEntry("pool", "lab");
            assertThat(host.capacity().logicalCpus()).isPositive();
        });
        assertThat(snapshot.hosts()).extracting(entry -> entry.host().orElseThrow().capabilities().hostUuid())
                .doesNotHaveDuplicates()
                .allSatisfy(uuid -> assertThat(uuid).isPresent().isNotEqualTo(Optional.of(new UUID(0, 0))));
    }

    @Test
    void machineTypesCpuAndDomainCapabilitiesComeFromQemu() {
        Host host = snapshot.host("lab-host1").orElseThrow().host().orElseThrow();
        assertThat(host.capabilities().machineTypes()).extracting(MachineType::name)
                .contains("pc-i440fx-7.2", "pc-q35-7.2", "pc", "q35");
        assertThat(host.capabilities().machineTypes()).filteredOn(machine -> machine.name().equals("pc"))
                .singleElement().satisfies(pc -> assertThat(pc.canonical()).contains("pc-i440fx-7.2"));
        assertThat(host.capabilities().cpu().arch()).isEqualTo("x86_64");
        assertThat(host.capabilities().cpu().model()).isPresent();
        // Measured here: under KVM (which cannot run Linux guests on this machine) qemu64 is not usable; under TCG,
        // which the lab guests use, it is. Domain capabilities are therefore collected per domain type.
        assertThat(host.domainCapabilitiesFor("qemu")).hasValueSatisfying(caps ->
                assertThat(caps.cpuModels()).filteredOn(model -> model.name().equals("qemu64")).singleElement()
                        .satisfies(model -> assertThat(model.usable()).isTrue()));
        assertThat(host.domainCapabilitiesFor("kvm")).hasValueSatisfying(caps ->
                assertThat(caps.hostPassthroughSupported()).isTrue());
    }

    @Test
    void everyLabGuestIsFoundExactlyOnceWithItsDefinitionAndStorage() {
        List<Guest> guests = snapshot.hosts().stream().flatMap(host -> host.guests().stream()).toList();
        assertThat(guests).extracting(Guest::name).containsExactlyInAnyOrder(
                "lab-shared", "lab-local", "lab-overlay", "lab-writeback", "lab-firmware");
        assertThat(guests).allSatisfy(guest -> {
            assertThat(guest.state().isActive()).isTrue();
            assertThat(guest.domainType()).isEqualTo("qemu");
            assertThat(guest.machineType()).isIn("pc-i440fx-7.2", "pc-q35-7.2");
            assertThat(guest.cpu().mode()).isEqualTo(CpuMode.CUSTOM);
            assertThat(guest.cpu().model()).contains("qemu64");
        });
        assertThat(disk(guests, "lab-shared").sharing()).isEqualTo(DiskSharing.SHARED);
        assertThat(disk(guests, "lab-shared").driver().cache()).isEqualTo(CacheMode.NONE);
        assertThat(disk(guests, "lab-local").sharing()).isEqualTo(DiskSharing.LOCAL);
        assertThat(disk(guests, "lab-overlay").sharing()).isEqualTo(DiskSharing.LOCAL);
        assertThat(disk(guests, "lab-overlay").backingChain()).isNotEmpty();
        assertThat(disk(guests, "lab-writeback").driver().cache()).isEqualTo(CacheMode.WRITEBACK);
    }

    @Test
    void diskSizesComeFromQemusBlockStatistics() {
        List<Guest> guests = snapshot.hosts().stream().flatMap(host -> host.guests().stream()).toList();
        // lab.sh creates every guest disk as a 16 MiB qcow2 (virtual size); the image holds far less.
        assertThat(disk(guests, "lab-local").size()).hasValueSatisfying(size -> {
            assertThat(size.capacity()).isEqualTo(ByteSize.ofMiB(16));
            assertThat(size.allocation().bytes()).isPositive().isLessThan(ByteSize.ofMiB(16).bytes());
        });
        assertThat(disk(guests, "lab-overlay").size()).isPresent();
    }

    @Test
    void runningGuestsReportTheirResidentMemoryAndLinuxGuestsTheMemoryTheyUse() {
        List<Guest> guests = snapshot.hosts().stream().flatMap(host -> host.guests().stream()).toList();
        // lab/guests/linux.xml has a virtio balloon with a 5 s statistics period; the firmware guest has none.
        Guest linux = guest(guests, reportingGuest);
        assertThat(linux.memoryUse().inUse()).hasValueSatisfying(inUse -> assertThat(inUse)
                .isGreaterThan(ByteSize.ofMiB(8)).isLessThan(linux.memory()));
        assertThat(linux.memoryUse().resident()).hasValueSatisfying(resident -> assertThat(resident)
                .isGreaterThan(linux.memoryUse().inUse().orElseThrow()));
        Guest firmware = guest(guests, "lab-firmware");
        assertThat(firmware.memoryUse().inUse()).isEmpty();
        assertThat(firmware.memoryUse().resident()).hasValueSatisfying(resident -> assertThat(resident.bytes()).isPositive());
    }

    private static Guest guest(List<Guest> guests, String name) {
        return guests.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static Disk disk(List<Guest> guests, String name) {
        return guest(guests, name).disks().stream().filter(d -> d.device().equals("disk")).findFirst().orElseThrow();
    }
}
