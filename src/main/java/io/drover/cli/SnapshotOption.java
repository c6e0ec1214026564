package io.drover.cli;

import io.drover.model.FleetSnapshot;
import io.drover.model.SnapshotSummary;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Option;

/** {@code --snapshot ID}, defaulting to the newest complete snapshot. */
public class SnapshotOption {

    @Option(names = {"-s", "--snapshot"}, paramLabel = "ID",
            description = "Snapshot id (default: the newest complete snapshot).")
    Long snapshotId;

    /** The chosen complete snapshot. */
    FleetSnapshot load(SnapshotStore store) {
        long id = resolve(store);
        return store.load(id).orElseThrow(() -> CommandFailure.invalidInput("no complete snapshot with id " + id));
    }

    /** The chosen snapshot's overview. */
    SnapshotSummary summary(SnapshotStore store) {
        long id = resolve(store);
        return store.summary(id).orElseThrow(() -> CommandFailure.invalidInput("no complete snapshot with id " + id));
    }

    long resolve(SnapshotStore store) {
        if (snapshotId != null) {
            return snapshotId;
        }
        return store.latestId().orElseThrow(() -> CommandFailure.invalidInput(
                "there is no complete snapshot yet: run 'drover inventory FLEET' first"));
    }
}
