package io.drover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.MigrationMode;
import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSize;
import io.drover.model.Guest;
import io.drover.model.MemoryUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MigrationEstimateTest {

    /** web-01: vda a qcow2 over a backing chain, vdb a raw data disk; both local, with sizes from block stats. */
    private static Guest web01() throws IOException {
        try (InputStream xml = MigrationEstimateTest.class.getResourceAsStream(
                "/libvirt/domain-local-chain-running.xml")) {
            Guest parsed = DomainXmlParser.parse(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
            return parsed.withDisks(List.of(
                    parsed.disks().get(0).withSharing(DiskSharing.LOCAL).withSize(Optional.of(
                            new DiskSize(ByteSize.ofGiB(20), ByteSize.ofMiB(300)))),
                    parsed.disks().get(1).withSharing(DiskSharing.LOCAL).withSize(Optional.of(
                            new DiskSize(ByteSize.ofGiB(10), ByteSize.ofMiB(2048))))));
        }
    }

    @Test
    void anIncrementalCopyMovesTheTopImagesAFullCopyOfAChainUpToItsCapacity() throws IOException {
        Guest guest = web01();

        assertThat(MigrationEstimate.diskCopy(guest, MigrationMode.LIVE_BLOCK_INC, List.of("vda", "vdb")))
                .isEqualTo(ByteSize.ofMiB(300 + 2048));
        assertThat(MigrationEstimate.diskCopy(guest, MigrationMode.LIVE_BLOCK_ALL, List.of("vda", "vdb")))
                .isEqualTo(ByteSize.ofMiB(20 * 1024 + 2048));
        assertThat(MigrationEstimate.diskCopy(guest, MigrationMode.LIVE_BLOCK_ALL, List.of("vdb")))
                .isEqualTo(ByteSize.ofMiB(2048));
        assertThat(MigrationEstimate.diskCopy(guest, MigrationMode.LIVE, List.of())).isEqualTo(ByteSize.ZERO);
        assertThat(MigrationEstimate.leastDiskCopy(guest)).isEqualTo(ByteSize.ofMiB(300 + 2048));
    }

    @Test
    void theEstimateAddsTheDiskCopyToTheMemorySent() {
        // 2 s setup + (512 MiB of disk + 1,228.8 MiB of memory) at 256 MiB/s = 2 s + 6.8 s
        assertThat(MigrationEstimate.of(new ByteSize(ByteSize.ofMiB(1024).bytes() * 6 / 5), ByteSize.ofMiB(512), 256))
                .isEqualTo(Duration.ofMillis(8_800));
    }

    @Test
    void aGuestNeverMigratedIsExpectedToSendAllItsMemoryPlusAFifth() throws IOException {
        Guest guest = web01(); // 64 MiB

        assertThat(MigrationEstimate.memorySent(guest, TransferHistory.NONE))
                .isEqualTo(new ByteSize(ByteSize.ofMiB(64).bytes() + ByteSize.ofMiB(64).bytes() / 5));
    }

    @Test
    void aGuestNeverMigratedIsExpectedToSendTheLeastItsHostReportsPlusAFifth() throws IOException {
        Guest guest = web01(); // 64 MiB
        Guest reportsInUse = guest.withMemoryUse(new MemoryUse(Optional.of(ByteSize.ofMiB(20)),
                Optional.of(ByteSize.ofMiB(50))));
        Guest residentOnly = guest.withMemoryUse(new MemoryUse(Optional.empty(), Optional.of(ByteSize.ofMiB(40))));
        Guest residentAboveItsMemory = guest.withMemoryUse(new MemoryUse(Optional.empty(),
                Optional.of(ByteSize.ofMiB(90)))); // QEMU's own memory on top of a guest that wrote every page

        assertThat(MigrationEstimate.memorySent(reportsInUse, TransferHistory.NONE)).isEqualTo(ByteSize.ofMiB(24));
        assertThat(MigrationEstimate.memorySent(residentOnly, TransferHistory.NONE)).isEqualTo(ByteSize.ofMiB(48));
        assertThat(MigrationEstimate.memorySent(residentAboveItsMemory, TransferHistory.NONE))
                .isEqualTo(new ByteSize(ByteSize.ofMiB(64).bytes() + ByteSize.ofMiB(64).bytes() / 5));
        TransferHistory.Observed last = new TransferHistory.Observed(ByteSize.ofMiB(30), ByteSize.ofMiB(64 + 8),
                Instant.parse("2026-11-26T05:00:00Z"), 7);
        assertThat(MigrationEstimate.memorySent(reportsInUse, new TransferHistory(Map.of(guest.uuid(), last))))
                .as("its last migration still tells better").isEqualTo(ByteSize.ofMiB(30));
    }

    @Test
    void aGuestIsExpectedToSendWhatItsLastMigrationSentUnlessItHasGrownSince() throws IOException {
        Guest guest = web01(); // 64 MiB
        TransferHistory.Observed quiet = new TransferHistory.Observed(ByteSize.ofMiB(30),
                ByteSize.ofMiB(64 + 8), Instant.parse("2026-11-26T05:00:00Z"), 7);
        TransferHistory.Observed whenSmaller = new TransferHistory.Observed(ByteSize.ofMiB(30),
                ByteSize.ofMiB(32 + 8), Instant.parse("2026-11-26T05:00:00Z"), 7);

        assertThat(MigrationEstimate.memorySent(guest, new TransferHistory(Map.of(guest.uuid(), quiet))))
                .isEqualTo(ByteSize.ofMiB(30));
        assertThat(MigrationEstimate.memorySent(guest, new TransferHistory(Map.of(guest.uuid(), whenSmaller))))
                .isEqualTo(new ByteSize(ByteSize.ofMiB(64).bytes() + ByteSize.ofMiB(64).bytes() / 5));
        assertThat(MigrationEstimate.memorySent(guest, new TransferHistory(Map.of(UUID.randomUUID(), quiet))))
                .isEqualTo(new ByteSize(ByteSize.ofMiB(64).bytes() + ByteSize.ofMiB(64).bytes() / 5));
    }
}
