package io.drover.plan;

import io.drover.model.ByteSize;
import io.drover.model.Guest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What guests sent the last time Drover migrated them, by guest UUID. A guest's memory is a poor predictor of what
 * its migration sends: QEMU skips pages never written (a quiet 256 MiB lab guest sends 95 MiB) and resends the pages
 * dirtied meanwhile. Its own last migration, at a similar load, is a better one.
 */
public record TransferHistory(Map<UUID, Observed> lastTransfers) {

    public static final TransferHistory NONE = new TransferHistory(Map.of());

    /**
     * One verified migration's completed job statistics.
     *
     * @param memorySent  the memory it sent, dirtied pages resent included ({@code memory_processed})
     * @param memoryTotal the guest's RAM as QEMU counted it then ({@code memory_total})
     * @param runId       the apply run it was part of
     */
    public record Observed(ByteSize memorySent, ByteSize memoryTotal, Instant at, long runId) {
    }

    public TransferHistory {
        lastTransfers = Map.copyOf(lastTransfers);
    }

    /**
     * What the guest's last migration sent, unless the guest has grown since (its memory is now more than QEMU
     * counted then), when that figure no longer stands for it.
     */
    public Optional<Observed> lastTransfer(Guest guest) {
        return Optional.ofNullable(lastTransfers.get(guest.uuid()))
                .filter(observed -> guest.memory().compareTo(observed.memoryTotal()) <= 0);
    }
}
