package io.drover.compat;

import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.Guest;
import io.drover.model.Host;
import java.util.Optional;

/**
 * Disk sizes and free space, which inventory does not collect yet. {@link #UNKNOWN} makes the storage rule report
 * the space check as an {@link UnknownCheck}; an implementation backed by a later inventory turns it into a real
 * check without touching the rule.
 */
public interface StorageFacts {

    StorageFacts UNKNOWN = new StorageFacts() {
        @Override
        public Optional<ByteSize> diskSize(Guest guest, Disk disk) {
            return Optional.empty();
        }

        @Override
        public Optional<ByteSize> freeSpace(Host host, String directory) {
            return Optional.empty();
        }
    };

    /** The space a block copy of the disk needs on the destination. */
    Optional<ByteSize> diskSize(Guest guest, Disk disk);

    /** Free space on the destination's filesystem holding the directory. */
    Optional<ByteSize> freeSpace(Host host, String directory);
}
