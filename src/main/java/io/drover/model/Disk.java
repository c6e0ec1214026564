package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * A guest disk: its device and bus, where its data lives, its backing chain (top first) and its driver policies.
 *
 * @param target  the guest-side device name ({@code vda}), unique within a guest
 * @param device  {@code disk}, {@code cdrom}, {@code lun} or {@code floppy}
 * @param sharing whether other hosts see the same data; {@link DiskSharing#UNCLASSIFIED} until inventory judges it
 * @param size    the image's size where the host reported it (a live host's block statistics, a dump's domstats)
 */
public record Disk(String target, String device, String bus, DiskSource source, DiskDriver driver,
        List<BackingStore> backingChain, boolean readOnly, boolean shareable, DiskSharing sharing,
        Optional<DiskSize> size) {

    public Disk {
        backingChain = List.copyOf(backingChain);
    }

    public Disk withSharing(DiskSharing newSharing) {
        return new Disk(target, device, bus, source, driver, backingChain, readOnly, shareable, newSharing, size);
    }

    public Disk withSize(Optional<DiskSize> newSize) {
        return new Disk(target, device, bus, source, driver, backingChain, readOnly, shareable, sharing, newSize);
    }
}
