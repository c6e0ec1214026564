package io.drover.execute;

import io.drover.inventory.HostCollector;
import io.drover.inventory.HostOutcome;
import io.drover.inventory.HostSource;
import io.drover.model.FleetSnapshot;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.store.SnapshotStore;
import io.drover.store.SnapshotWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-inventories the hosts a plan involves, with the inventory's own collector, into a new stored snapshot: the
 * fresh facts pre-flight compares with the plan's, and the audit trail of what the executor saw.
 */
public class FleetRefresher {

    private final HostCollector collector;
    private final SnapshotStore snapshots;
    private final SnapshotWriters writers;

    public FleetRefresher(HostCollector collector, SnapshotStore snapshots, SnapshotWriters writers) {
        this.collector = collector;
        this.snapshots = snapshots;
        this.writers = writers;
    }

    /** The plan snapshot's declaration of each host (URI, labels, shared mounts, kernel), to collect again. */
    public static List<HostSource> sources(FleetSnapshot planSnapshot, List<String> hostNames, String origin) {
        List<HostSource> sources = new ArrayList<>();
        for (String name : hostNames) {
            SnapshotHost host = planSnapshot.host(name).orElseThrow(() -> new IllegalStateException(
                    "snapshot " + planSnapshot.id() + " has no host " + name));
            Host facts = host.host().orElseThrow(() -> new IllegalStateException(
                    "snapshot " + planSnapshot.id() + " has no facts of host " + name));
            sources.add(new HostSource(name, host.uri(), facts.labels(), facts.sharedMounts(), List.of(),
                    facts.versions().kernel(), origin));
        }
        return sources;
    }

    public FleetSnapshot refresh(List<HostSource> hosts, String source, Long jobExecutionId) {
        try (SnapshotWriters.Lease lease = writers.enter()) {
            return collect(hosts, source, jobExecutionId);
        }
    }

    private FleetSnapshot collect(List<HostSource> hosts, String source, Long jobExecutionId) {
        long snapshotId = snapshots.open(source, List.of(), jobExecutionId);
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(hosts.size(), 8)));
        try {
            List<CompletableFuture<HostOutcome>> outcomes = hosts.stream()
                    .map(host -> CompletableFuture.supplyAsync(() -> collector.collect(host), readers)).toList();
            for (CompletableFuture<HostOutcome> future : outcomes) {
                HostOutcome outcome = future.join();
                if (outcome instanceof HostOutcome.Collected collected) {
                    snapshots.saveCollected(snapshotId, collected.source(), collected.inventory());
                } else if (outcome instanceof HostOutcome.Failed failed) {
                    snapshots.saveFailed(snapshotId, failed.source(), failed.error());
                }
            }
            snapshots.complete(snapshotId);
        } catch (RuntimeException e) {
            snapshots.markFailed(snapshotId);
            throw e;
        } finally {
            readers.shutdown();
        }
        return snapshots.load(snapshotId).orElseThrow();
    }
}
