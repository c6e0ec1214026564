package io.drover.model;

import java.util.List;
import java.util.Optional;

/** One host of a snapshot in a line: what an operator scans first. Empty optionals: the host has no facts. */
public record HostSummary(String name, HostStatus status, Optional<String> error, Optional<Long> dataSnapshotId,
        List<HostFlag> flags, Optional<String> libvirt, Optional<String> qemu, Optional<String> cpu,
        int machineTypes, int guests, int activeGuests, int sharedDisks, int localDisks) {

    public HostSummary {
        flags = List.copyOf(flags);
    }
}
