package io.drover.compat;

import io.drover.model.HostStatus;
import io.drover.model.SnapshotHost;

/**
 * {@code destination-status}: only a host collected in this snapshot ({@code OK}) has live facts. A {@code STALE}
 * host's facts are copied from an older snapshot and a {@code FAILED} host has none: both are refused. Also
 * reports, as a risk, a guest whose source host is stale (it may not be there any more).
 */
public final class DestinationStatusRule extends FleetRule {

    public static final String ID = "destination-status";

    public DestinationStatusRule(FleetIndex fleet) {
        super(ID, fleet);
    }

    @Override
    public boolean allows(int guest, int destination) {
        return fleet.isOk(destination);
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        SnapshotHost entry = fleet.entry(destination);
        if (entry.status() == HostStatus.STALE) {
            findings.violation(ID, entry.name() + " is STALE: it was not reachable for this snapshot and its facts "
                    + "come from snapshot #" + entry.dataSnapshotId().map(String::valueOf).orElse("?")
                    + entry.error().map(error -> " (" + error + ")").orElse(""),
                    "make " + entry.name() + " reachable and run 'drover inventory' again");
        } else if (entry.status() == HostStatus.FAILED || !fleet.hasFacts(destination)) {
            findings.violation(ID, entry.name() + " could not be collected, nothing is known of it"
                    + entry.error().map(error -> " (" + error + ")").orElse(""),
                    "make " + entry.name() + " reachable and run 'drover inventory' again");
        }
        SnapshotHost source = fleet.entry(fleet.source(guest));
        if (source.status() == HostStatus.STALE) {
            findings.risk(ID, "the source " + source.name() + " is STALE: the guest may no longer run there");
        }
    }
}
