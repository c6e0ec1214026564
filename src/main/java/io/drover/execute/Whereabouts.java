package io.drover.execute;

import io.drover.libvirt.DomainState;
import io.drover.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a guest of a move is, as every host involved answered ({@code domstate --reason} plus the source's job),
 * reduced to what crash recovery and post-flight decide on. A pure function of the answers, so every case is
 * tested without libvirt.
 *
 * @param hosts the host(s) the guest is active on (several only for {@link Place#RUNNING_TWICE})
 */
public record Whereabouts(Place place, List<String> hosts, String detail) {

    public enum Place {
        /** Running on the move's destination, nowhere else, no migration in progress. */
        ON_DESTINATION,
        /** Active on the move's source only, and the source runs no job for it. */
        ON_SOURCE,
        /** A migration job still runs (source job active, or a host holds it paused for migration). */
        IN_FLIGHT,
        /** Active on exactly one host that is neither source nor destination. */
        ELSEWHERE,
        /** Active on more than one host: never act, alarm. */
        RUNNING_TWICE,
        /** Active nowhere (shut off or undefined everywhere asked). */
        NOWHERE,
        /** A host that might hold the guest did not answer: nothing can be decided. */
        UNKNOWN
    }

    /**
     * @param states          every host that answered, with the guest's state there (empty when it has no such domain)
     * @param sourceJobActive whether the source reports a job on the domain (a migration still running)
     * @param unreachable     the hosts that did not answer, with why
     */
    public static Whereabouts of(String source, String destination, Map<String, Optional<DomainState>> states,
            boolean sourceJobActive, Map<String, String> unreachable) {
        List<String> active = states.entrySet().stream()
                .filter(entry -> entry.getValue().map(state -> state.state().isActive()).orElse(false))
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
        String detail = states.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ": " + entry.getValue().map(Whereabouts::describe).orElse("undefined"))
                .collect(Collectors.joining(", ")) + (sourceJobActive ? "; job running on " + source : "")
                + unreachable.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(entry -> "; " + entry.getKey() + " did not answer: " + entry.getValue())
                        .collect(Collectors.joining());
        boolean migrating = sourceJobActive
                || states.values().stream().anyMatch(state -> state.map(DomainState::isMigrating).orElse(false));
        if (unreachable.containsKey(source)) {
            return new Whereabouts(Place.UNKNOWN, active, detail);
        }
        if (migrating) {
            return new Whereabouts(Place.IN_FLIGHT, active, detail);
        }
        if (!unreachable.isEmpty()) {
            // The source's QEMU runs the guest only while the guest has not switched over to a destination, so a
            // source running it without a job settles it even when another host cannot be asked; nothing else does.
            boolean runningOnSource = active.equals(List.of(source))
                    && states.get(source).orElseThrow().state() == PowerState.RUNNING;
            return new Whereabouts(runningOnSource ? Place.ON_SOURCE : Place.UNKNOWN, active, detail);
        }
        if (active.size() > 1) {
            return new Whereabouts(Place.RUNNING_TWICE, active, detail);
        }
        if (active.isEmpty()) {
            return new Whereabouts(Place.NOWHERE, active, detail);
        }
        String host = active.get(0);
        if (host.equals(destination) && states.get(host).orElseThrow().state() == PowerState.RUNNING) {
            return new Whereabouts(Place.ON_DESTINATION, active, detail);
        }
        if (host.equals(source)) {
            return new Whereabouts(Place.ON_SOURCE, active, detail);
        }
        // Active on the destination but not running (paused by a user, crashed into pause): not verified.
        return new Whereabouts(host.equals(destination) ? Place.NOWHERE : Place.ELSEWHERE, active, detail);
    }

    private static String describe(DomainState state) {
        String name = state.state().name().toLowerCase(java.util.Locale.ROOT);
        if (state.isMigrating()) {
            return name + " (migrating)";
        }
        if (state.state() == PowerState.RUNNING && state.reason() == DomainState.RUNNING_MIGRATED) {
            return name + " (migrated)";
        }
        return name + " (reason " + state.reason() + ")";
    }
}
