package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * The host CPU as libvirt reports it in {@code virsh capabilities}: the closest named model plus the features it has
 * beyond that model. (libvirt's test driver reports no model at all, hence the optionals.)
 */
public record HostCpu(String arch, Optional<String> vendor, Optional<String> model, List<String> features,
        Optional<CpuTopology> topology) {

    public HostCpu {
        features = List.copyOf(features);
    }
}
