package io.drover.plan.wave;

import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import io.drover.plan.AntiAffinity;
import io.drover.plan.PlannedMigration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many guests of each anti-affinity group each host holds as the waves run. A migrating guest is on both its
 * hosts until its wave ends, so a guest may only arrive where no guest of its groups is, nor leaving, nor arriving in
 * the same wave.
 */
public final class GroupPresence {

    private final AntiAffinity antiAffinity;
    private final Map<String, Map<String, Integer>> countsByHost = new HashMap<>();

    private GroupPresence(AntiAffinity antiAffinity) {
        this.antiAffinity = antiAffinity;
    }

    public static GroupPresence none() {
        return new GroupPresence(AntiAffinity.NONE);
    }

    /** Where the active guests of {@code antiAffinity}'s groups run in {@code snapshot}. */
    public static GroupPresence of(FleetSnapshot snapshot, AntiAffinity antiAffinity) {
        Map<String, String> hostByGuest = new HashMap<>();
        if (!antiAffinity.groups().isEmpty()) {
            for (SnapshotHost host : snapshot.hosts()) {
                for (Guest guest : host.guests()) {
                    if (guest.state().isActive() && !antiAffinity.groupsOf(guest.name()).isEmpty()) {
                        hostByGuest.put(guest.name(), host.name());
                    }
                }
            }
        }
        return of(hostByGuest, antiAffinity);
    }

    /** @param hostByGuest where each running guest of a group is, by guest name */
    public static GroupPresence of(Map<String, String> hostByGuest, AntiAffinity antiAffinity) {
        GroupPresence presence = new GroupPresence(antiAffinity);
        hostByGuest.forEach((guest, host) -> presence.add(host, antiAffinity.groupsOf(guest), 1));
        return presence;
    }

    /** Whether {@code move}'s destination holds no guest of its groups right now. */
    boolean admits(PlannedMigration move) {
        Map<String, Integer> counts = countsByHost.getOrDefault(move.destination(), Map.of());
        return antiAffinity.groupsOf(move.guest()).stream().noneMatch(group -> counts.getOrDefault(group, 0) > 0);
    }

    /** The guest starts arriving: from now on it is on its destination too. */
    void arriving(PlannedMigration move) {
        add(move.destination(), antiAffinity.groupsOf(move.guest()), 1);
    }

    /** The wave is over: the guest has left its source. */
    void left(PlannedMigration move) {
        add(move.source(), antiAffinity.groupsOf(move.guest()), -1);
    }

    private void add(String host, List<String> groups, int delta) {
        for (String group : groups) {
            countsByHost.computeIfAbsent(host, key -> new HashMap<>()).merge(group, delta, Integer::sum);
        }
    }
}
