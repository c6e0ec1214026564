package io.drover.compat;

import io.drover.model.HostFlag;
import io.drover.model.SnapshotHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code host-identity}: libvirt refuses a migration between two hosts with the same host UUID ("Attempt to migrate
 * guest to the same host"), so both must have a UUID, neither may be all-zero or shared with another host, and
 * they must differ.
 */
public final class HostIdentityRule extends FleetRule {

    public static final String ID = "host-identity";
    private static final UUID ALL_ZERO = new UUID(0, 0);

    private final boolean[] bad;
    private final int[] uuidId;

    public HostIdentityRule(FleetIndex fleet) {
        super(ID, fleet);
        Interner uuids = new Interner();
        bad = new boolean[fleet.hostCount()];
        uuidId = new int[fleet.hostCount()];
        for (int h = 0; h < fleet.hostCount(); h++) {
            Optional<UUID> uuid = uuidOf(h);
            bad[h] = !problems(h).isEmpty();
            uuidId[h] = uuid.map(u -> uuids.intern(u.toString())).orElse(-1 - h);
        }
    }

    @Override
    public boolean allows(int guest, int destination) {
        int source = fleet.source(guest);
        if (!fleet.hasFacts(destination) || source == destination) {
            return true;
        }
        return !bad[source] && !bad[destination] && uuidId[source] != uuidId[destination];
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        int source = fleet.source(guest);
        if (!fleet.hasFacts(destination) || source == destination) {
            return; // same host: the same-host rule says it
        }
        for (String problem : problems(source)) {
            findings.violation(ID, "source " + problem, fix(source));
        }
        for (String problem : problems(destination)) {
            findings.violation(ID, "destination " + problem, fix(destination));
        }
        if (!bad[source] && !bad[destination] && uuidId[source] == uuidId[destination]) {
            findings.violation(ID, fleet.hostName(source) + " and " + fleet.hostName(destination)
                    + " have the same host UUID " + uuidOf(source).orElseThrow()
                    + ": libvirt refuses this as a migration to the same host", fix(destination));
        }
    }

    private Optional<UUID> uuidOf(int host) {
        return fleet.hasFacts(host) ? fleet.host(host).capabilities().hostUuid() : Optional.empty();
    }

    private List<String> problems(int host) {
        List<String> problems = new ArrayList<>();
        SnapshotHost entry = fleet.entry(host);
        Optional<UUID> uuid = uuidOf(host);
        if (uuid.isEmpty() || entry.flags().contains(HostFlag.NO_UUID)) {
            problems.add(entry.name() + " reported no host UUID");
        } else if (uuid.get().equals(ALL_ZERO) || entry.flags().contains(HostFlag.ALL_ZERO_UUID)) {
            problems.add(entry.name() + " has the all-zero host UUID");
        }
        if (entry.flags().contains(HostFlag.DUPLICATE_UUID)) {
            problems.add(entry.name() + " shares its host UUID " + uuid.map(UUID::toString).orElse("")
                    + " with another host of the fleet");
        }
        return problems;
    }

    private String fix(int host) {
        return "set a unique host_uuid in " + fleet.hostName(host) + "'s /etc/libvirt/libvirtd.conf and restart "
                + "libvirtd";
    }
}
