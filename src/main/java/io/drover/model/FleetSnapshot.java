package io.drover.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, complete inventory of a fleet at one time: what planning works from.
 *
 * @param problems host declarations that were rejected and so are missing from {@link #hosts}
 */
public record FleetSnapshot(long id, String source, Instant startedAt, Instant completedAt, List<String> problems,
        List<SnapshotHost> hosts) {

    public FleetSnapshot {
        problems = List.copyOf(problems);
        hosts = List.copyOf(hosts);
    }

    public Optional<SnapshotHost> host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst();
    }
}
