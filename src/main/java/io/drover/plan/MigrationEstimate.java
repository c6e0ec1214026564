package io.drover.plan;

import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSize;
import io.drover.model.Guest;
import io.drover.model.MemoryUse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a migration moves and how long it is expected to take: libvirt starting the destination QEMU and
 * handshaking (about 1.5 s measured in the lab, rounded up to 2 s), then the block copy of its local disks, then
 * the memory it is expected to send, at the expected bandwidth. Disks whose size the snapshot does not know count
 * nothing.
 */
public final class MigrationEstimate {

    static final Duration SETUP = Duration.ofSeconds(2);

    private MigrationEstimate() {
    }

    public static Duration of(ByteSize memorySent, ByteSize diskCopy, long bandwidthMiBs) {
        double seconds = (double) (diskCopy.bytes() + memorySent.bytes()) / ByteSize.ofMiB(bandwidthMiBs).bytes();
        return SETUP.plusMillis(Math.round(seconds * 1000));
    }

    /**
     * The memory a migration of the guest is expected to send: what its last migration sent when known; else the
     * least of its memory, the memory it reports in use and what its QEMU process holds (QEMU skips the pages never
     * written), plus a fifth for pages dirtied while the first pass runs (the dirty rate is not known before a
     * migration starts).
     */
    public static ByteSize memorySent(Guest guest, TransferHistory history) {
        return history.lastTransfer(guest).map(TransferHistory.Observed::memorySent).orElseGet(() -> {
            MemoryUse use = guest.memoryUse();
            ByteSize firstPass = Stream.of(Optional.of(guest.memory()), use.inUse(), use.resident())
                    .flatMap(Optional::stream).min(Comparator.naturalOrder()).orElseThrow();
            return firstPass.plus(new ByteSize(firstPass.bytes() / 5));
        });
    }

    /**
     * What the block copy of {@code copyDisks} moves: each disk's top image for copy-storage-inc; for
     * copy-storage-all the same when the disk has no backing chain, else up to its capacity, since the copy reads
     * through the chain and flattens it.
     */
    public static ByteSize diskCopy(Guest guest, MigrationMode mode, List<String> copyDisks) {
        ByteSize total = ByteSize.ZERO;
        for (Disk disk : guest.disks()) {
            if (mode.copiesStorage() && copyDisks.contains(disk.target()) && disk.size().isPresent()) {
                DiskSize size = disk.size().get();
                boolean flattens = mode == MigrationMode.LIVE_BLOCK_ALL && !disk.backingChain().isEmpty();
                total = total.plus(flattens ? size.capacity() : size.allocation());
            }
        }
        return total;
    }

    /** The least any block migration of the guest moves: the top images of its local disks. */
    public static ByteSize leastDiskCopy(Guest guest) {
        return guest.disks().stream().filter(disk -> disk.sharing() == DiskSharing.LOCAL)
                .flatMap(disk -> disk.size().stream()).map(DiskSize::allocation)
                .reduce(ByteSize.ZERO, ByteSize::plus);
    }
}
