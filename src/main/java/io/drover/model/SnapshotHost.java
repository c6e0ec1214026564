package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * One host of a snapshot. A host that could not be collected keeps its error, and its last good facts and guests
 * when an earlier snapshot had them ({@link HostStatus#STALE}); it is never shown as a host without guests.
 *
 * @param dataSnapshotId the snapshot the facts were collected in (this one, unless stale)
 */
public record SnapshotHost(String name, String uri, HostStatus status, Optional<String> error, Optional<Host> host,
        List<Guest> guests, List<HostFlag> flags, Optional<Long> dataSnapshotId) {

    public SnapshotHost {
        guests = List.copyOf(guests);
        flags = List.copyOf(flags);
    }
}
