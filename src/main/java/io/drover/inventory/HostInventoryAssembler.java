package io.drover.inventory;

import io.drover.libvirt.xml.CapabilitiesParser;
import io.drover.libvirt.xml.DomainCapabilitiesParser;
import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.libvirt.xml.SysinfoParser;
import io.drover.model.ByteSize;
import io.drover.model.DomainCapabilities;
import io.drover.model.DiskSize;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostCapabilities;
import io.drover.model.HostCapacity;
import io.drover.model.HostVersions;
import io.drover.model.NumaCell;
import io.drover.model.Sysinfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one host's raw libvirt output into facts: parses every document, classifies every disk, and refuses the
 * whole host on the first document it cannot read, since a host with some of its guests missing would be planned as
 * if it had room it does not have.
 */
public final class HostInventoryAssembler {

    public HostInventory assemble(HostSource source, RawHost raw) {
        HostCapabilities capabilities = parse(source.name() + " capabilities", raw.capabilitiesXml(),
                CapabilitiesParser::parse);
        // A dump may hold virsh's default domain type twice (domcapabilities.xml and domcapabilities-kvm.xml).
        List<DomainCapabilities> domainCapabilities = List.copyOf(raw.domainCapabilitiesXml().stream()
                .map(xml -> parse(source.name() + " domain capabilities", xml, DomainCapabilitiesParser::parse))
                .collect(Collectors.toMap(DomainCapabilities::domainType, caps -> caps, (first, same) -> first,
                        LinkedHashMap::new))
                .values());
        Optional<Sysinfo> sysinfo = raw.sysinfoXml().map(xml -> parse(source.name() + " sysinfo", xml,
                SysinfoParser::parse));
        HostVersions versions = new HostVersions(raw.versions().libvirt(), raw.versions().qemu(), source.kernel());
        HostCapacity capacity = raw.capacity().orElseGet(() -> capacityFrom(source, capabilities));
        Host host = new Host(source.name(), source.uri(), source.labels(), source.sharedMounts(), raw.hostname(),
                versions, capabilities, domainCapabilities, capacity, sysinfo);
        return new HostInventory(host, guests(source, raw.domains(), raw.domainStats()));
    }

    private static List<InventoriedGuest> guests(HostSource source, List<RawDomain> domains,
            Map<String, Map<String, String>> domainStats) {
        DiskClassifier classifier = new DiskClassifier(source);
        List<InventoriedGuest> guests = new ArrayList<>(domains.size());
        Map<UUID, String> originByUuid = new HashMap<>();
        for (RawDomain domain : domains) {
            Guest parsed = parse(domain.origin(), domain.xml(), DomainXmlParser::parse);
            DomainStats stats = new DomainStats(domainStats.getOrDefault(parsed.name(), Map.of()),
                    domain.origin() + " statistics");
            Map<String, DiskSize> sizes = stats.diskSizes();
            Guest guest = parsed.withState(domain.liveState().orElse(parsed.state()))
                    .withDisks(parsed.disks().stream().map(classifier::classify)
                            .map(disk -> disk.withSize(Optional.ofNullable(sizes.get(disk.target())))).toList())
                    .withMemoryUse(stats.memoryUse());
            String earlier = originByUuid.putIfAbsent(guest.uuid(), domain.origin());
            if (earlier != null) {
                throw new InventoryException(domain.origin() + ": UUID " + guest.uuid() + " is also used by "
                        + earlier + " on the same host");
            }
            guests.add(new InventoriedGuest(guest, domain.xml()));
        }
        return guests;
    }

    /** A dump has no node info: the NUMA cells of its capabilities hold the host's memory and CPUs. */
    private static HostCapacity capacityFrom(HostSource source, HostCapabilities capabilities) {
        List<NumaCell> cells = capabilities.numaCells();
        if (cells.isEmpty()) {
            throw new InventoryException(source.name() + " capabilities: no NUMA cells, so the host's memory and "
                    + "CPU count are unknown");
        }
        ByteSize memory = cells.stream().map(NumaCell::memory).reduce(ByteSize.ZERO, ByteSize::plus);
        return new HostCapacity(cells.stream().mapToInt(NumaCell::cpus).sum(), memory);
    }

    private static <T> T parse(String origin, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new InventoryException(origin + ": " + e.getMessage(), e);
        }
    }
}
