package io.drover.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@code virsh capabilities} says of a host: its identity, CPU, NUMA layout, and the machine types its QEMU
 * offers for the host architecture.
 */
public record HostCapabilities(Optional<UUID> hostUuid, HostCpu cpu, List<NumaCell> numaCells,
        List<String> domainTypes, List<MachineType> machineTypes) {

    public HostCapabilities {
        numaCells = List.copyOf(numaCells);
        domainTypes = List.copyOf(domainTypes);
        machineTypes = List.copyOf(machineTypes);
    }
}
