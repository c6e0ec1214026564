package io.drover.plan;

import java.util.List;

/**
 * Guests that must never share a host, named by their domain names: a plan never brings two of them onto one host,
 * neither at the end nor while a wave runs (a migrating guest is on its source and its destination at once). A
 * continuous rule, recorded in the plan file by this name.
 */
public record AntiAffinityGroup(String name, List<String> guests) {

    public AntiAffinityGroup {
        guests = List.copyOf(guests);
        if (guests.size() < 2) {
            throw new IllegalArgumentException("anti-affinity group '" + name + "' needs at least two guests, has "
                    + guests);
        }
        if (guests.stream().distinct().count() != guests.size()) {
            throw new IllegalArgumentException("anti-affinity group '" + name + "' names a guest twice: " + guests);
        }
    }
}
