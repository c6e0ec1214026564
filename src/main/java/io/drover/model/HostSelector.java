package io.drover.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Picks hosts of a snapshot by name or by label selector. A selector is {@code key=value[,key=value…]}; a host
 * matches when every pair matches its labels. Anything else is a list of host names.
 */
public final class HostSelector {

    private HostSelector() {
    }

    /** @throws IllegalArgumentException naming what matched nothing */
    public static List<String> select(FleetSnapshot snapshot, List<String> namesOrSelectors) {
        List<String> selected = namesOrSelectors.stream()
                .flatMap(item -> item.contains("=") ? bySelector(snapshot, item).stream() : byName(snapshot, item))
                .distinct()
                .toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no host selected by " + namesOrSelectors);
        }
        return selected;
    }

    private static Stream<String> byName(FleetSnapshot snapshot, String name) {
        if (snapshot.host(name).isEmpty()) {
            throw new IllegalArgumentException("snapshot " + snapshot.id() + " has no host '" + name + "'");
        }
        return Stream.of(name);
    }

    private static List<String> bySelector(FleetSnapshot snapshot, String selector) {
        Map<String, String> wanted = parse(selector);
        List<String> matching = snapshot.hosts().stream()
                .filter(entry -> entry.host().map(host -> host.labels().entrySet().containsAll(wanted.entrySet()))
                        .orElse(false))
                .map(SnapshotHost::name)
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("selector '" + selector + "' matches no host of snapshot "
                    + snapshot.id());
        }
        return matching;
    }

    static Map<String, String> parse(String selector) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Arrays.stream(selector.split(",")).map(String::trim).forEach(pair -> {
            String[] keyValue = pair.split("=", 2);
            if (keyValue.length != 2 || keyValue[0].isBlank()) {
                throw new IllegalArgumentException("bad label selector '" + selector + "': expected key=value[,...]");
            }
            pairs.put(keyValue[0].trim(), keyValue[1].trim());
        });
        return pairs;
    }
}
