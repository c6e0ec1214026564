package io.drover.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hypervisor host as inventoried: how Drover reaches it, how operators label it, and the facts libvirt reported.
 *
 * @param name         the fleet's name for the host, unique in a fleet
 * @param uri          the libvirt URI it was collected from (for a dump directory, {@code dump:<path>})
 * @param sharedMounts directories of this host that every host of the fleet sees with the same content
 * @param hostname     the hostname libvirt reported
 * @param domainCapabilities one per domain type the host offers (kvm, qemu); empty where the driver has none
 */
public record Host(String name, String uri, Map<String, String> labels, List<String> sharedMounts, String hostname,
        HostVersions versions, HostCapabilities capabilities, List<DomainCapabilities> domainCapabilities,
        HostCapacity capacity, Optional<Sysinfo> sysinfo) {

    public Host {
        labels = Map.copyOf(labels);
        sharedMounts = List.copyOf(sharedMounts);
        domainCapabilities = List.copyOf(domainCapabilities);
    }

    public Host withVersions(HostVersions upgraded) {
        return new Host(name, uri, labels, sharedMounts, hostname, upgraded, capabilities, domainCapabilities,
                capacity, sysinfo);
    }

    /**
     * What a guest of the given domain type ({@code kvm} or {@code qemu}) may use here: the CPU models QEMU can run
     * under KVM and under TCG differ, so domain capabilities are collected per type.
     */
    public Optional<DomainCapabilities> domainCapabilitiesFor(String domainType) {
        return domainCapabilities.stream().filter(caps -> caps.domainType().equals(domainType)).findFirst();
    }
}
