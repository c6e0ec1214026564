package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.drover.model.ByteSize;
import io.drover.model.CpuTopology;
import io.drover.model.HostCapabilities;
import io.drover.model.HostCpu;
import io.drover.model.MachineType;
import io.drover.model.NumaCell;

/**
 * Reads {@code virsh capabilities} into {@link HostCapabilities}.
 *
 * <ul>
 *   <li>The host UUID is kept as reported, the all-zero UUID of hosts without SMBIOS included; libvirt's test driver
 *       reports none.</li>
 *   <li>Host CPU: arch is required; vendor, model and topology are optional (the test driver reports an i686 with
 *       neither). Features are the {@code <feature name>} elements; the old {@code <features><pae/>…} flag list is
 *       ignored. A topology without {@code dies} (libvirt before 6.0) has one die per socket.</li>
 *   <li>NUMA cells: memory with its unit ({@link ByteSize#ZERO} when not reported) and the {@code num} of
 *       {@code <cpus>}, or the count of its {@code <cpu>} children.</li>
 *   <li>Domain types and machine types come only from {@code <guest>} entries with {@code os_type} hvm for the host
 *       arch: the union over the arch-level {@code <machine>} list and each {@code <domain>}'s own list, first
 *       occurrence wins for a name. Other arches (qemu-system-arm on an x86 host) are not migration targets.</li>
 * </ul>
 */
public final class CapabilitiesParser {

    static final String KIND = "capabilities XML";

    private CapabilitiesParser() {
    }

    /** @throws LibvirtXmlException when the XML is malformed or lacks {@code <host><cpu><arch>} */
    public static HostCapabilities parse(String xml) {
        XmlElement capabilities = XmlDocument.parse(xml, KIND, "capabilities").root();
        XmlElement host = capabilities.requiredChild("host");
        Optional<UUID> hostUuid = host.child("uuid").map(LibvirtValues::uuid);
        HostCpu cpu = hostCpu(host.requiredChild("cpu"));
        List<NumaCell> cells = numaCells(host);

        Set<String> domainTypes = new LinkedHashSet<>();
        Map<String, MachineType> machines = new LinkedHashMap<>();
        for (XmlElement guest : capabilities.children("guest")) {
            if (!guest.childText("os_type").orElse("").equals("hvm")) {
                continue;
            }
            for (XmlElement arch : guest.children("arch")) {
                if (!arch.hasAttribute("name", cpu.arch())) {
                    continue;
                }
                addMachines(arch, machines);
                for (XmlElement domain : arch.children("domain")) {
                    domainTypes.add(domain.requiredAttribute("type"));
                    addMachines(domain, machines);
                }
            }
        }
        return new HostCapabilities(hostUuid, cpu, cells, List.copyOf(domainTypes), List.copyOf(machines.values()));
    }

    private static HostCpu hostCpu(XmlElement cpu) {
        String arch = cpu.requiredChildText("arch");
        List<String> features = new ArrayList<>();
        for (XmlElement feature : cpu.children("feature")) {
            features.add(feature.requiredAttribute("name"));
        }
        Optional<CpuTopology> topology = cpu.child("topology").map(t -> new CpuTopology(
                requiredInt(t, "sockets"), t.intAttribute("dies").orElse(1), requiredInt(t, "cores"),
                requiredInt(t, "threads")));
        return new HostCpu(arch, cpu.childText("vendor"), cpu.childText("model"), features, topology);
    }

    private static List<NumaCell> numaCells(XmlElement host) {
        List<NumaCell> cells = new ArrayList<>();
        Optional<XmlElement> cellList = host.child("topology").flatMap(t -> t.child("cells"));
        if (cellList.isEmpty()) {
            return cells;
        }
        for (XmlElement cell : cellList.get().children("cell")) {
            int id = requiredInt(cell, "id");
            ByteSize memory = cell.child("memory").map(LibvirtValues::size).orElse(ByteSize.ZERO);
            int cpus = cell.child("cpus")
                    .map(c -> c.intAttribute("num").orElseGet(() -> c.children("cpu").size()))
                    .orElse(0);
            cells.add(new NumaCell(id, memory, cpus));
        }
        return cells;
    }

    private static void addMachines(XmlElement parent, Map<String, MachineType> machines) {
        for (XmlElement machine : parent.children("machine")) {
            String name = machine.text();
            if (name.isEmpty()) {
                throw machine.error("<machine> is empty");
            }
            machines.putIfAbsent(name, new MachineType(name, machine.attribute("canonical"),
                    machine.intAttribute("maxCpus"), machine.hasAttribute("deprecated", "yes")));
        }
    }

    private static int requiredInt(XmlElement element, String attribute) {
        return element.parseInt(element.requiredAttribute(attribute), "'" + attribute + "' of <" + element.name() + ">");
    }
}
