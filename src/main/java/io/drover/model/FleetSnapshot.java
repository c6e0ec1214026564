package io.drover.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /**
     * The fleet as it will be once the given guests have moved (guest UUID to destination host name) and the given
     * hosts run the upgraded versions: what a later step of a plan works from. One pass, whatever the number of
     * moves.
     */
    public FleetSnapshot after(Map<UUID, String> moves, Map<String, UpgradeTarget> upgrades) {
        Map<String, List<Guest>> arriving = new HashMap<>();
        Map<UUID, Guest> byUuid = new HashMap<>();
        hosts.forEach(host -> host.guests().forEach(guest -> byUuid.put(guest.uuid(), guest)));
        moves.forEach((uuid, destination) -> arriving.computeIfAbsent(destination, name -> new ArrayList<>())
                .add(byUuid.get(uuid)));
        List<SnapshotHost> next = new ArrayList<>(hosts.size());
        for (SnapshotHost host : hosts) {
            List<Guest> guests = new ArrayList<>();
            host.guests().stream().filter(guest -> !moves.containsKey(guest.uuid())).forEach(guests::add);
            guests.addAll(arriving.getOrDefault(host.name(), List.of()));
            UpgradeTarget upgrade = upgrades.get(host.name());
            Optional<Host> facts = upgrade == null ? host.host() : host.host().map(h -> h.withVersions(
                    upgrade.applyTo(h.versions())));
            next.add(new SnapshotHost(host.name(), host.uri(), host.status(), host.error(), facts, guests,
                    host.flags(), host.dataSnapshotId()));
        }
        return new FleetSnapshot(id, source, startedAt, completedAt, problems, next);
    }
}
