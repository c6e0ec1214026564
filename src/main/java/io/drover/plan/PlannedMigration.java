package io.drover.plan;

import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One guest moving from one host to another, as the executor will carry it out.
 *
 * @param copyDisks the disk targets to block-copy (exactly these, never a disk on shared storage)
 * @param memory    what the guest occupies on both hosts while it migrates, QEMU's overhead included
 * @param diskCopy  what the block copy of {@code copyDisks} moves, as far as the snapshot knows the disks' sizes
 *                  (zero for a memory-only migration)
 * @param vcpus     what the guest occupies on both hosts, like {@code memory}
 * @param memorySent what its memory passes are expected to send ({@link MigrationEstimate#memorySent}): what the
 *                   guest's last migration sent when known, else its memory plus a fifth
 * @param risks     what the compatibility rules flagged without blocking ({@code rule-id: reason})
 */
public record PlannedMigration(String guest, UUID uuid, String source, String destination, MigrationMode mode,
        List<String> copyDisks, ByteSize memory, ByteSize diskCopy, int vcpus, ByteSize memorySent,
        Duration estimatedDuration,
        List<String> risks) {

    public PlannedMigration {
        copyDisks = List.copyOf(copyDisks);
        risks = List.copyOf(risks);
    }
}
