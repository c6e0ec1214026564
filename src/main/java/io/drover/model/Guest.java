package io.drover.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A libvirt domain as inventoried: its identity, state and the parts of its definition that decide where it may
 * migrate. The authoritative definition stays libvirt's own XML, which inventory keeps beside this record.
 *
 * @param domainType          {@code kvm} or {@code qemu} (TCG)
 * @param machineType         the {@code <os><type machine=...>} value exactly as defined, alias or versioned
 * @param smbiosFromSysinfo   {@code <os><smbios mode='sysinfo'/>}: the guest sees {@link #sysinfo} as its SMBIOS
 * @param memoryUse           how much of its memory holds anything, where the host reports it
 * @param flavor              the OpenStack flavor Nova gave it ({@code <metadata><nova:instance><nova:flavor name>});
 *                            empty for a domain Nova does not manage
 */
public record Guest(String name, UUID uuid, PowerState state, String domainType, String arch, String machineType,
        ByteSize memory, ByteSize currentMemory, int vcpus, GuestCpu cpu, List<Disk> disks,
        List<NetInterface> interfaces, Optional<Sysinfo> sysinfo, boolean smbiosFromSysinfo,
        MemoryUse memoryUse, Optional<String> flavor) {

    public Guest {
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
        // snapshots stored before these fields existed read them as unknown
        memoryUse = memoryUse == null ? MemoryUse.UNKNOWN : memoryUse;
        flavor = flavor == null ? Optional.empty() : flavor;
    }

    public Guest withState(PowerState newState) {
        return new Guest(name, uuid, newState, domainType, arch, machineType, memory, currentMemory, vcpus, cpu,
                disks, interfaces, sysinfo, smbiosFromSysinfo, memoryUse, flavor);
    }

    public Guest withDisks(List<Disk> newDisks) {
        return new Guest(name, uuid, state, domainType, arch, machineType, memory, currentMemory, vcpus, cpu,
                newDisks, interfaces, sysinfo, smbiosFromSysinfo, memoryUse, flavor);
    }

    public Guest withMemoryUse(MemoryUse reported) {
        return new Guest(name, uuid, state, domainType, arch, machineType, memory, currentMemory, vcpus, cpu, disks,
                interfaces, sysinfo, smbiosFromSysinfo, reported, flavor);
    }
}
