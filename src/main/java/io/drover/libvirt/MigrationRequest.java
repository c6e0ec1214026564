package io.drover.libvirt;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A migration to start on the source host.
 *
 * @param destinationUri the destination libvirtd as the SOURCE daemon reaches it (peer-to-peer)
 * @param bandwidthMiBs  cap on the migration stream, MiB/s; empty leaves libvirt's default
 */
public record MigrationRequest(String destinationUri, Set<MigrationFlag> flags, OptionalLong bandwidthMiBs) {

    public MigrationRequest {
        flags = Set.copyOf(flags);
    }
}
