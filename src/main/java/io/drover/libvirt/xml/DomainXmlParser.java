package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.drover.model.BackingStore;
import io.drover.model.ByteSize;
import io.drover.model.CacheMode;
import io.drover.model.CpuMode;
import io.drover.model.Disk;
import io.drover.model.DiskDriver;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.Guest;
import io.drover.model.GuestCpu;
import io.drover.model.MemoryUse;
import io.drover.model.NetInterface;
import io.drover.model.PowerState;
import io.drover.model.Sysinfo;

/**
 * Reads a libvirt domain XML ({@code virsh dumpxml}, live or {@code --inactive}) into a {@link Guest}.
 *
 * <p>What it decides beyond a plain mapping:
 * <ul>
 *   <li>State: an {@code id} attribute on {@code <domain>} means the XML came from a running domain, so
 *       {@link PowerState#RUNNING}; otherwise {@link PowerState#SHUTOFF}. The live collector overrides this with the
 *       domain's real state.</li>
 *   <li>Machine type: the {@code machine} attribute as written, or {@code ""} when absent (libvirt's test driver
 *       writes none).</li>
 *   <li>{@code <currentMemory>} defaults to {@code <memory>}, and {@code <vcpu>} (the maximum) to 1, as in
 *       libvirt.</li>
 *   <li>CPU: no {@code <cpu>} element, or one with neither a {@code mode} nor a {@code <model>} (Nova writes
 *       {@code <cpu><topology .../></cpu>}), is {@link CpuMode#DEFAULT}: QEMU picks its default model.</li>
 *   <li>Disks: {@code type} defaults to {@code file} and {@code device} to {@code disk}, as in libvirt. A missing
 *       {@code bus} is derived from the target's prefix like libvirt does ({@code vd}→virtio, {@code sd}→scsi,
 *       {@code hd}→ide, {@code fd}→fdc, {@code xvd}→xen), else {@code ""}. A disk without {@code <source>} (or
 *       without its path) is {@link DiskSource.Empty}. The backing chain is flattened top first; an empty
 *       {@code <backingStore/>} ends it, and inactive XML, which has no chain, gives an empty list. Every disk is
 *       {@link DiskSharing#UNCLASSIFIED}.</li>
 *   <li>Interfaces: the source is the {@code bridge}, {@code network} or {@code dev} attribute, whichever is set.</li>
 *   <li>Sysinfo: the first {@code <sysinfo type='smbios'>}; other types (fwcfg) are ignored.</li>
 *   <li>Flavor: the {@code name} of {@code <metadata><nova:instance><nova:flavor>}, by the {@code nova} prefix that
 *       Nova always writes.</li>
 * </ul>
 */
public final class DomainXmlParser {

    static final String KIND = "domain XML";

    private DomainXmlParser() {
    }

    /**
     * @throws LibvirtXmlException when the XML is malformed, lacks a name, UUID, type, arch or memory, or holds a
     *                             value Drover does not know (disk cache mode, CPU mode, feature policy, size unit)
     */
    public static Guest parse(String xml) {
        XmlElement domain = XmlDocument.parse(xml, KIND, "domain").root();
        String name = domain.requiredChildText("name");
        var uuid = LibvirtValues.uuid(domain.requiredChild("uuid"));
        String domainType = domain.requiredAttribute("type");
        PowerState state = domain.attribute("id").isPresent() ? PowerState.RUNNING : PowerState.SHUTOFF;

        XmlElement os = domain.requiredChild("os");
        XmlElement osType = os.requiredChild("type");
        String arch = osType.requiredAttribute("arch");
        String machine = osType.attribute("machine").orElse("");
        boolean smbiosFromSysinfo = os.child("smbios").map(s -> s.hasAttribute("mode", "sysinfo")).orElse(false);

        ByteSize memory = LibvirtValues.size(domain.requiredChild("memory"));
        ByteSize currentMemory = domain.child("currentMemory").map(LibvirtValues::size).orElse(memory);
        int vcpus = domain.child("vcpu").map(v -> v.parseInt(v.text(), "<vcpu>")).orElse(1);

        GuestCpu cpu = domain.child("cpu").map(DomainXmlParser::cpu).orElse(GuestCpu.unspecified());

        List<Disk> disks = new ArrayList<>();
        List<NetInterface> interfaces = new ArrayList<>();
        Optional<XmlElement> devices = domain.child("devices");
        if (devices.isPresent()) {
            for (XmlElement disk : devices.get().children("disk")) {
                disks.add(disk(disk));
            }
            for (XmlElement nic : devices.get().children("interface")) {
                interfaces.add(netInterface(nic));
            }
        }

        Optional<Sysinfo> sysinfo = domain.children("sysinfo").stream()
                .filter(s -> s.attribute("type").orElse("smbios").equals("smbios"))
                .findFirst()
                .map(SysinfoEntries::read);

        Optional<String> flavor = domain.child("metadata").flatMap(metadata -> metadata.child("nova:instance"))
                .flatMap(instance -> instance.child("nova:flavor")).flatMap(f -> f.attribute("name"));

        return new Guest(name, uuid, state, domainType, arch, machine, memory, currentMemory, vcpus, cpu, disks,
                interfaces, sysinfo, smbiosFromSysinfo, MemoryUse.UNKNOWN, flavor);
    }

    private static GuestCpu cpu(XmlElement cpu) {
        Optional<String> modeName = cpu.attribute("mode");
        CpuMode mode;
        if (modeName.isEmpty() && cpu.childText("model").isEmpty()) {
            mode = CpuMode.DEFAULT;
        } else {
            try {
                mode = CpuMode.fromLibvirt(modeName.orElse(null));
            } catch (IllegalArgumentException e) {
                throw cpu.error(e.getMessage());
            }
        }
        return GuestCpuReader.read(cpu, mode);
    }

    private static Disk disk(XmlElement disk) {
        String type = disk.attribute("type").orElse("file");
        String device = disk.attribute("device").orElse("disk");
        XmlElement target = disk.child("target").orElseThrow(() -> disk.error("<disk> has no <target dev>"));
        String dev = target.attribute("dev").orElseThrow(() -> disk.error("<disk> has no <target dev>"));
        String bus = target.attribute("bus").orElseGet(() -> busFromTarget(dev));
        DiskSource source = source(disk, type);
        DiskDriver driver = disk.child("driver").map(DomainXmlParser::driver).orElse(DiskDriver.unspecified());
        return new Disk(dev, device, bus, source, driver, backingChain(disk), disk.child("readonly").isPresent(),
                disk.child("shareable").isPresent(), DiskSharing.UNCLASSIFIED, Optional.empty());
    }

    /** libvirt's own rule for a target without a bus (virDomainDiskDefParseXML). */
    private static String busFromTarget(String dev) {
        if (dev.startsWith("vd")) {
            return "virtio";
        } else if (dev.startsWith("sd")) {
            return "scsi";
        } else if (dev.startsWith("hd")) {
            return "ide";
        } else if (dev.startsWith("fd")) {
            return "fdc";
        } else if (dev.startsWith("xvd")) {
            return "xen";
        } else if (dev.startsWith("ubd")) {
            return "uml";
        }
        return "";
    }

    /** The {@code <source>} of a disk or a backing store, read according to {@code type}. */
    private static DiskSource source(XmlElement owner, String type) {
        Optional<XmlElement> maybeSource = owner.child("source");
        if (maybeSource.isEmpty()) {
            return new DiskSource.Empty();
        }
        XmlElement source = maybeSource.get();
        return switch (type) {
            case "file" -> source.attribute("file").<DiskSource>map(DiskSource.File::new)
                    .orElseGet(DiskSource.Empty::new);
            case "block" -> source.attribute("dev").<DiskSource>map(DiskSource.Block::new)
                    .orElseGet(DiskSource.Empty::new);
            case "network" -> new DiskSource.Network(source.requiredAttribute("protocol"),
                    source.attribute("name").orElse(""), networkHosts(source));
            case "volume" -> new DiskSource.Volume(source.requiredAttribute("pool"),
                    source.requiredAttribute("volume"));
            default -> new DiskSource.Other(type);
        };
    }

    private static List<DiskSource.NetworkHost> networkHosts(XmlElement source) {
        List<DiskSource.NetworkHost> hosts = new ArrayList<>();
        for (XmlElement host : source.children("host")) {
            // A unix-socket host (transport='unix') has a socket instead of a name.
            String name = host.attribute("name").or(() -> host.attribute("socket")).orElse("");
            hosts.add(new DiskSource.NetworkHost(name, host.intAttribute("port")));
        }
        return hosts;
    }

    private static DiskDriver driver(XmlElement driver) {
        CacheMode cache;
        try {
            cache = CacheMode.fromLibvirt(driver.attribute("cache").orElse(null));
        } catch (IllegalArgumentException e) {
            throw driver.error(e.getMessage());
        }
        return new DiskDriver(driver.attribute("name"), driver.attribute("type"), cache, driver.attribute("discard"),
                driver.attribute("error_policy"), driver.attribute("io"));
    }

    private static List<BackingStore> backingChain(XmlElement disk) {
        List<BackingStore> chain = new ArrayList<>();
        Optional<XmlElement> layer = disk.child("backingStore");
        while (layer.isPresent() && layer.get().attribute("type").isPresent()) {
            XmlElement store = layer.get();
            Optional<String> format = store.child("format").flatMap(f -> f.attribute("type"));
            chain.add(new BackingStore(source(store, store.requiredAttribute("type")), format));
            layer = store.child("backingStore");
        }
        return chain;
    }

    private static NetInterface netInterface(XmlElement nic) {
        String type = nic.requiredAttribute("type");
        Optional<String> mac = nic.child("mac").flatMap(m -> m.attribute("address"));
        Optional<String> source = nic.child("source")
                .flatMap(s -> s.attribute("bridge").or(() -> s.attribute("network")).or(() -> s.attribute("dev")));
        Optional<String> model = nic.child("model").flatMap(m -> m.attribute("type"));
        return new NetInterface(type, mac, source, model);
    }
}
