package io.drover.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plan's anti-affinity groups, looked up by guest: the groups a guest belongs to (a guest may be in several). */
public final class AntiAffinity {

    public static final AntiAffinity NONE = new AntiAffinity(List.of());

    private final List<AntiAffinityGroup> groups;
    private final Map<String, List<String>> groupsByGuest = new HashMap<>();

    public AntiAffinity(List<AntiAffinityGroup> groups) {
        this.groups = List.copyOf(groups);
        for (AntiAffinityGroup group : this.groups) {
            if (this.groups.stream().filter(other -> other.name().equals(group.name())).count() > 1) {
                throw new IllegalArgumentException("two anti-affinity groups are named '" + group.name() + "'");
            }
            group.guests().forEach(guest -> groupsByGuest.computeIfAbsent(guest, key -> new ArrayList<>())
                    .add(group.name()));
        }
    }

    public List<AntiAffinityGroup> groups() {
        return groups;
    }

    /** The names of the groups {@code guest} belongs to; empty for most guests. */
    public List<String> groupsOf(String guest) {
        return groupsByGuest.getOrDefault(guest, List.of());
    }

    /** Whether {@code a} and {@code b} share a group. */
    public static boolean share(List<String> a, List<String> b) {
        for (String group : a) {
            if (b.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
