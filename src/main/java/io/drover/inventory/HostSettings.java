package io.drover.inventory;

import io.drover.model.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator says about a host beyond its URI: labels, shared directories, mounts and kernel version. Fleet
 * defaults, a host's fleet entry and a dump's {@code host.yaml} each give some, merged in that order.
 */
public record HostSettings(Map<String, String> labels, List<String> sharedMounts, List<MountPoint> mounts,
        Optional<Version> kernel) {

    public static final HostSettings NONE = new HostSettings(Map.of(), List.of(), List.of(), Optional.empty());

    public HostSettings {
        labels = Map.copyOf(labels);
        sharedMounts = List.copyOf(sharedMounts);
        mounts = List.copyOf(mounts);
    }

    /** These settings with {@code more} on top: its labels win, its mounts add up, its kernel replaces ours. */
    public HostSettings with(HostSettings more) {
        Map<String, String> mergedLabels = new LinkedHashMap<>(labels);
        mergedLabels.putAll(more.labels);
        return new HostSettings(mergedLabels, concat(sharedMounts, more.sharedMounts), concat(mounts, more.mounts),
                more.kernel.or(() -> kernel));
    }

    public HostSource toSource(String name, String uri, String origin) {
        return new HostSource(name, uri, labels, sharedMounts, mounts, kernel, origin);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
