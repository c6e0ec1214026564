package io.drover.compat;

import static io.drover.compat.Fixtures.HOST_MODEL_GUEST;
import static io.drover.compat.Fixtures.LOCAL_CHAIN_GUEST;
import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import io.drover.model.Host;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageRuleTest {

    private static final String IMAGES = "/var/lib/libvirt/images/web-01";

    /** The local-chain guest (vda qcow2 → qcow2 → raw, vdb raw, empty hdc) without its vdb data disk. */
    private static Guest overlayOnly(DiskSharing sharing) {
        Guest guest = guest(LOCAL_CHAIN_GUEST, sharing);
        return guest.withDisks(guest.disks().stream().filter(d -> !d.target().equals("vdb"))
                .collect(Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}, destination shares {1}: {2}")
    @CsvSource({
            "rbd,          /srv/shared, LIVE,           ''",
            "chain-shared, /srv/shared, LIVE,           ''",
            "chain-local,  /srv/shared, LIVE_BLOCK_ALL, 'vda,vdb'",
            // vdb has no backing chain: incremental copy is not chosen while it is copied
            "chain-local,  " + IMAGES + ", LIVE_BLOCK_ALL, 'vda,vdb'",
            "overlay,      /srv/shared, LIVE_BLOCK_ALL, vda",
            // the overlay's whole backing chain is at the same path on the destination
            "overlay,      " + IMAGES + ", LIVE_BLOCK_INC, vda",
            "overlay,      /var/lib/libvirt, LIVE_BLOCK_INC, vda",
            // a prefix that is not a directory boundary does not count
            "overlay,      /var/lib/libvirt/images/web, LIVE_BLOCK_ALL, vda"})
    void theModeFollowsWhereTheDisksAre(String guestKind, String destinationShares, MigrationMode mode,
            String copied) {
        Guest guest = switch (guestKind) {
            case "rbd" -> guest(RBD_GUEST, DiskSharing.SHARED);
            case "chain-shared" -> guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED);
            case "chain-local" -> guest(LOCAL_CHAIN_GUEST, DiskSharing.LOCAL);
            default -> overlayOnly(DiskSharing.LOCAL);
        };
        RuleHarness harness = new RuleHarness(StorageRule::new, host("src").guest(guest).build(),
                host("dst").sharedMounts(destinationShares).build());
        StorageRule rule = (StorageRule) harness.rule;

        assertThat(harness.explain("dst").violations()).isEmpty();
        assertThat(rule.mode(0, 1)).isEqualTo(mode);
        assertThat(String.join(",", rule.copyDisks(0))).isEqualTo(copied);
    }

    @Test
    void copiedDisksLeaveSpaceAndPreCreationAsUnknownChecksAndIncIsARisk() {
        RuleHarness harness = new RuleHarness(StorageRule::new,
                host("src").guest(overlayOnly(DiskSharing.LOCAL)).build(), host("dst").sharedMounts(IMAGES).build());

        Findings findings = harness.explain("dst");

        assertThat(findings.unknowns()).extracting(UnknownCheck::reason).containsExactly(
                "vda (" + IMAGES + "/top.qcow2) is copied: dst needs a storage pool on its directory or a pre-created"
                        + " image of the same size (libvirt pre-creates copied disks only through a pool)",
                "free space on dst for the copied disks: the snapshot has no disk sizes or free space yet");
        assertThat(findings.risks()).extracting(Risk::reason).singleElement().asString()
                .startsWith("copy-storage-inc relies on the backing files");
    }

    @Test
    void aGuestMixingSharedAndLocalDisksCopiesOnlyTheLocalOnes() {
        Guest mixed = guest(HOST_MODEL_GUEST, DiskSharing.LOCAL);
        // vda block device and vdb pool volume local, the iSCSI LUN shared (network), the CD-ROM empty
        RuleHarness harness = new RuleHarness(StorageRule::new, host("src").guest(mixed).build(),
                host("dst").build());

        Findings findings = harness.explain("dst");

        assertThat(((StorageRule) harness.rule).copyDisks(0)).containsExactly("vda", "vdb");
        assertThat(findings.risks()).extracting(Risk::reason).anySatisfy(reason -> assertThat(reason)
                .contains("only vda, vdb are copied").contains("--migrate-disks"));
    }

    @Test
    void aLocalReadOnlyImageMustExistOnTheDestination() {
        Guest withIso = guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED, xml -> xml.replace(
                "<driver name='qemu'/>\n      <target dev='hdc'",
                "<driver name='qemu'/><source file='/var/lib/libvirt/iso/debian.iso'/>\n      <target dev='hdc'"));
        Guest cdromLocal = withIso.withDisks(withIso.disks().stream()
                .map(d -> d.target().equals("hdc") ? d.withSharing(DiskSharing.LOCAL) : d)
                .collect(Collectors.toList()));
        RuleHarness harness = new RuleHarness(StorageRule::new, host("src").guest(cdromLocal).build(),
                host("dst").build(), host("isos").sharedMounts("/var/lib/libvirt/iso").build());

        assertThat(harness.explain("dst").unknowns()).extracting(UnknownCheck::reason).singleElement().asString()
                .contains("hdc (read-only cdrom) uses the local image /var/lib/libvirt/iso/debian.iso");
        assertThat(harness.explain("isos").unknowns()).isEmpty();
        assertThat(((StorageRule) harness.rule).mode(0, 1)).isEqualTo(MigrationMode.LIVE);
    }

    @Test
    void knownSizesAndFreeSpaceTurnTheUnknownIntoARealCheck() {
        StorageFacts facts = new StorageFacts() {
            @Override
            public Optional<ByteSize> diskSize(Guest guest, Disk disk) {
                return Optional.of(ByteSize.ofGiB(disk.target().equals("vda") ? 20 : 30));
            }

            @Override
            public Optional<ByteSize> freeSpace(Host host, String directory) {
                return Optional.of(ByteSize.ofGiB(host.name().equals("roomy") ? 100 : 40));
            }
        };
        var fleet = new FleetIndex(Fixtures.snapshot(host("src").guest(guest(LOCAL_CHAIN_GUEST, DiskSharing.LOCAL))
                .build(), host("tight").build(), host("roomy").build()), CompatibilityPolicy.defaults(),
                Fixtures.CPU_MAP, facts);
        StorageRule rule = new StorageRule(fleet);

        Findings tight = new Findings();
        rule.explain(0, 1, tight);
        Findings roomy = new Findings();
        rule.explain(0, 2, roomy);

        assertThat(rule.allows(0, 1)).isFalse();
        assertThat(tight.violations()).extracting(Violation::reason).containsExactly(
                "tight has 40960 MiB free under " + IMAGES + ", the copied disks need 51200 MiB");
        assertThat(rule.allows(0, 2)).isTrue();
        assertThat(roomy.unknowns()).extracting(UnknownCheck::reason).noneMatch(r -> r.startsWith("free space"));
    }

    @Test
    void aShareableDiskOnLocalStorageBlocks() {
        Guest shareable = guest(LOCAL_CHAIN_GUEST, DiskSharing.LOCAL,
                xml -> xml.replace("<target dev='vdb' bus='virtio'/>", "<target dev='vdb' bus='virtio'/><shareable/>"));
        RuleHarness harness = new RuleHarness(StorageRule::new, host("src").guest(shareable).build(),
                host("dst").build());

        assertThat(RuleHarness.reasons(harness.explain("dst"))).containsExactly(
                "vdb is a shareable disk on local storage: copying it would split it from its other writers");
        assertThat(((StorageRule) harness.rule).copyDisks(0)).isEqualTo(List.of("vda"));
    }
}
