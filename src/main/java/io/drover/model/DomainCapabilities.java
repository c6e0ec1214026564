package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@code virsh domcapabilities} says a guest may use on a host: the emulator and machine it was asked about,
 * whether host-passthrough is offered, the host-model CPU definition, and the named CPU models.
 */
public record DomainCapabilities(String emulator, String domainType, String machine, String arch,
        Optional<Integer> maxVcpus, boolean hostPassthroughSupported, Optional<GuestCpu> hostModel,
        List<CpuModel> cpuModels) {

    public DomainCapabilities {
        cpuModels = List.copyOf(cpuModels);
    }
}
