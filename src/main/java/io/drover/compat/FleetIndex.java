package io.drover.compat;

import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostStatus;
import io.drover.model.SnapshotHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot numbered for the rules: hosts {@code 0..hostCount-1} in snapshot order, guests {@code 0..guestCount-1}
 * host by host, each with the number of the host it is on. Also carries the policy, CPU map, storage facts and
 * {@link FleetLoad} every rule shares.
 */
public final class FleetIndex {

    private final FleetSnapshot snapshot;
    private final CompatibilityPolicy policy;
    private final CpuMap cpuMap;
    private final StorageFacts storageFacts;
    private final SnapshotHost[] hosts;
    private final Host[] facts;
    private final Guest[] guests;
    private final int[] guestSource;
    private final Map<String, Integer> hostIds = new HashMap<>();
    private final Map<String, List<Integer>> guestIdsByName = new HashMap<>();
    private final FleetLoad load;

    public FleetIndex(FleetSnapshot snapshot, CompatibilityPolicy policy, CpuMap cpuMap, StorageFacts storageFacts) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.cpuMap = cpuMap;
        this.storageFacts = storageFacts;
        List<SnapshotHost> hostList = snapshot.hosts();
        hosts = hostList.toArray(SnapshotHost[]::new);
        facts = new Host[hosts.length];
        List<Guest> guestList = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int h = 0; h < hosts.length; h++) {
            SnapshotHost entry = hosts[h];
            if (hostIds.putIfAbsent(entry.name(), h) != null) {
                throw new IllegalArgumentException("snapshot " + snapshot.id() + " has two hosts named " + entry.name());
            }
            facts[h] = entry.status().hasData() ? entry.host().orElse(null) : null;
            for (Guest guest : entry.guests()) {
                guestIdsByName.computeIfAbsent(guest.name(), name -> new ArrayList<>()).add(guestList.size());
                guestList.add(guest);
                sources.add(h);
            }
        }
        guests = guestList.toArray(Guest[]::new);
        guestSource = sources.stream().mapToInt(Integer::intValue).toArray();
        load = new FleetLoad(hostList, policy);
    }

    public FleetSnapshot snapshot() {
        return snapshot;
    }

    public CompatibilityPolicy policy() {
        return policy;
    }

    public CpuMap cpuMap() {
        return cpuMap;
    }

    public StorageFacts storageFacts() {
        return storageFacts;
    }

    public FleetLoad load() {
        return load;
    }

    public int hostCount() {
        return hosts.length;
    }

    public int guestCount() {
        return guests.length;
    }

    public SnapshotHost entry(int host) {
        return hosts[host];
    }

    public String hostName(int host) {
        return hosts[host].name();
    }

    /** Whether the host has facts to judge by (OK, or STALE with copied facts). */
    public boolean hasFacts(int host) {
        return facts[host] != null;
    }

    public boolean isOk(int host) {
        return hosts[host].status() == HostStatus.OK && facts[host] != null;
    }

    /** The host's facts; only call when {@link #hasFacts}. */
    public Host host(int host) {
        Host found = facts[host];
        if (found == null) {
            throw new IllegalStateException("host " + hosts[host].name() + " has no facts in this snapshot");
        }
        return found;
    }

    public Guest guest(int guest) {
        return guests[guest];
    }

    public int source(int guest) {
        return guestSource[guest];
    }

    public Optional<Integer> hostId(String name) {
        return Optional.ofNullable(hostIds.get(name));
    }

    /** Every guest of that name (one per host that has a domain so named). */
    public List<Integer> guestIds(String name) {
        return guestIdsByName.getOrDefault(name, List.of());
    }
}
