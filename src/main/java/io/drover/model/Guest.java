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
 */
public record Guest(String name, UUID uuid, PowerState state, String domainType, String arch, String machineType,
        ByteSize memory, ByteSize currentMemory, int vcpus, GuestCpu cpu, List<Disk> disks,
        List<NetInterface> interfaces, Optional<Sysinfo> sysinfo, boolean smbiosFromSysinfo,
        MemoryUse memoryUse) {

    public Guest {
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
        // snapshots stored before the field existed read it as unknown
        memoryUse = memoryUse == null ? MemoryUse.UNKNOWN : memoryUse;
    }

    public Guest withState(PowerState newState) {
        return new Guest(name, uuid, newState, domainType, arch, machineType, memory, currentMemory, vcpus, cpu,
                disks, interfaces, sysinfo, smbiosFromSysinfo, memoryUse);
    }

    public Guest withDisks(List<Disk> newDisks) {
        return new Guest(name, uuid, state, domainType, arch, machineType, memory, currentMemory, vcpus, cpu,
                newDisks, interfaces, sysinfo, smbiosFromSysinfo, memoryUse);
    }

    public Guest withMemoryUse(MemoryUse reported) {
        return new Guest(name, uuid, state, domainType, arch, machineType, memory, currentMemory, vcpus, cpu, disks,
                interfaces, sysinfo, smbiosFromSysinfo, reported);
    }
}
