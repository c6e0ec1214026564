package io.drover.model;

import java.time.Instant;
import java.util.List;

/** A snapshot's overview without its guests' facts: cheap to read even for a fleet of thousands of hosts. */
public record SnapshotSummary(long id, String source, Instant startedAt, Instant completedAt, List<String> problems,
        List<HostSummary> hosts) {

    public SnapshotSummary {
        problems = List.copyOf(problems);
        hosts = List.copyOf(hosts);
    }
}
