package io.drover.model;

import java.util.Optional;

/**
 * How much of a running guest's memory holds anything, as its host last reported it (libvirt's balloon statistics).
 * QEMU skips the pages a guest never wrote, so a migration sends about this, not the guest's whole memory.
 *
 * @param inUse    what the guest itself reports not free ({@code balloon.current} − {@code balloon.unused}); only a
 *                 guest with a balloon driver and a statistics period reports it
 * @param resident what the guest's QEMU process holds in host memory ({@code balloon.rss}): every guest page written
 *                 at least once, plus QEMU's own memory. Pages the host swapped out are not counted.
 */
public record MemoryUse(Optional<ByteSize> inUse, Optional<ByteSize> resident) {

    public static final MemoryUse UNKNOWN = new MemoryUse(Optional.empty(), Optional.empty());

    public MemoryUse {
        // snapshots stored before a figure existed read it as absent
        inUse = inUse == null ? Optional.empty() : inUse;
        resident = resident == null ? Optional.empty() : resident;
    }
}
