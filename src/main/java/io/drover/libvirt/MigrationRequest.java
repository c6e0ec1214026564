package io.drover.libvirt;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A migration to start on the source host.
 *
 * @param destinationUri the destination libvirtd as the SOURCE daemon reaches it (peer-to-peer)
 * @param bandwidthMiBs  cap on the migration stream, MiB/s; empty leaves libvirt's default
 * @param migrateDisks   with a copy-storage flag, exactly the disk targets to copy ({@code --migrate-disks});
 *                       empty lets libvirt copy every disk it does not consider shared
 */
public record MigrationRequest(String destinationUri, Set<MigrationFlag> flags, OptionalLong bandwidthMiBs,
        List<String> migrateDisks) {

    public MigrationRequest {
        flags = Set.copyOf(flags);
        migrateDisks = List.copyOf(migrateDisks);
    }

    public MigrationRequest(String destinationUri, Set<MigrationFlag> flags, OptionalLong bandwidthMiBs) {
        this(destinationUri, flags, bandwidthMiBs, List.of());
    }
}
