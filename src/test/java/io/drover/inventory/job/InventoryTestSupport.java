package io.drover.inventory.job;

import io.drover.model.FleetSnapshot;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;

/** Runs the inventory job and reads back the whole snapshot it sealed, for tests that inspect every fact. */
public final class InventoryTestSupport {

    private InventoryTestSupport() {
    }

    public static FleetSnapshot inventory(InventoryLauncher launcher, SnapshotStore store, Path fleet)
            throws Exception {
        long id = launcher.run(fleet).snapshotId()
                .orElseThrow(() -> new AssertionError("inventory of " + fleet + " did not complete"));
        return store.load(id).orElseThrow();
    }
}
