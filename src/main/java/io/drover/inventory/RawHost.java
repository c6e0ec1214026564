package io.drover.inventory;

import io.drover.model.HostCapacity;
import io.drover.model.HostVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from one host, still as libvirt printed it. Live hosts and {@code virsh} dumps both produce this,
 * so that one assembler turns either into the same facts.
 *
 * @param versions    libvirt and QEMU versions (the kernel comes from the operator's settings)
 * @param domainCapabilitiesXml {@code virsh domcapabilities} once per domain type the host offers
 * @param capacity    what the daemon reported in node info; a dump has none and it is derived from capabilities
 * @param domainStats by domain name, its statistics as {@code virsh domstats --block --balloon} names them (disk
 *                    sizes, the memory its guest uses); empty where the host reports none
 */
public record RawHost(String hostname, HostVersions versions, String capabilitiesXml,
        List<String> domainCapabilitiesXml, Optional<String> sysinfoXml, Optional<HostCapacity> capacity,
        List<RawDomain> domains, Map<String, Map<String, String>> domainStats) {

    public RawHost {
        domains = List.copyOf(domains);
        domainStats = Map.copyOf(domainStats);
    }
}
