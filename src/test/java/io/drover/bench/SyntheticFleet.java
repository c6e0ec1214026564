package io.drover.bench;

import io.drover.compat.CpuMap;
import io.drover.model.BackingStore;
import io.drover.model.ByteSize;
import io.drover.model.CacheMode;
import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
import io.drover.model.CpuModel;
import io.drover.model.CpuTopology;
import io.drover.model.Disk;
import io.drover.model.DiskDriver;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.DomainCapabilities;
import io.drover.model.FeaturePolicy;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.GuestCpu;
import io.drover.model.Host;
import io.drover.model.HostCapabilities;
import io.drover.model.HostCapacity;
import io.drover.model.HostCpu;
import io.drover.model.HostStatus;
import io.drover.model.HostVersions;
import io.drover.model.MachineType;
import io.drover.model.MemoryUse;
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import io.drover.model.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded synthetic fleets for the benchmarks, built in memory as a {@link FleetSnapshot}: 7 Intel CPU generations
 * from the real libvirt cpu_map (host-model definitions with a few extra features, one host in ten lacking some),
 * QEMU 6.2/7.2/8.2 with libvirt 8/9/10 and the matching i440fx/q35 machine lists, guests with a custom CPU of their
 * host's generation or older and a versioned machine up to their host's QEMU, on rbd (60 %), shared qcow2 (25 %, one
 * in five of them with cache='writeback', which the disk-cache rule refuses everywhere) or a local qcow2 overlay on a
 * shared base image (15 %), plus a local raw data disk for one in four.
 *
 * <p>Two shapes: {@link #uniform} (the compatibility benchmark's: every host 768 GiB / 64 threads, 2-16 GiB guests,
 * one in ten shut off) and {@link #loaded} (the drain benchmark's: hosts of 256-768 GiB filled to 60-75 % of their
 * memory with running guests of 1-32 GiB).
 */
final class SyntheticFleet {

    /** CPU generations from the real cpu_map, oldest first. */
    static final String[] GENERATIONS = {"SandyBridge", "IvyBridge", "Haswell-noTSX", "Broadwell-noTSX",
            "Skylake-Client-noTSX-IBRS", "Cascadelake-Server-noTSX", "Icelake-Server-noTSX"};
    /** QEMU and libvirt versions a host may run. */
    static final String[][] QEMU = {{"8.0.0", "6.2.0"}, {"9.0.0", "7.2.0"}, {"10.0.0", "8.2.0"}};

    private static final int[] HOST_GIB = {256, 384, 512, 768};
    private static final int[] HOST_GIB_WEIGHT = {35, 35, 20, 10};
    private static final int[] GUEST_GIB = {1, 2, 4, 8, 12, 16, 24, 32};
    private static final long OVERHEAD_MIB = 256;

    private SyntheticFleet() {
    }

    /**
     * The compatibility benchmark's fleet: {@code hosts} hosts of 768 GiB and 64 threads with {@code perHost} guests
     * each, 2-16 GiB and 2-8 vCPUs, one guest in ten shut off. Draws from {@code random} in the same order as the
     * generator this replaced, so the same seed gives the same fleet.
     */
    static FleetSnapshot uniform(int hosts, int perHost, Random random) {
        CpuMap map = CpuMap.loadDefault();
        List<SnapshotHost> entries = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            int generation = random.nextInt(GENERATIONS.length);
            int qemu = Math.min(2, generation / 3 + random.nextInt(2));
            String name = String.format("kvm-%04d", h);
            List<Guest> guests = new ArrayList<>();
            for (int i = 0; i < perHost; i++) {
                guests.add(guest(name + "-vm" + i, generation, qemu, random, -1));
            }
            Host host = host(name, generation, qemu, map, random, new HostCapacity(64, ByteSize.ofGiB(768)));
            entries.add(entry(host, guests));
        }
        return new FleetSnapshot(1, "synthetic", Instant.EPOCH, Instant.EPOCH, List.of(), entries);
    }

    /**
     * The drain benchmark's fleet: {@code hosts} hosts of 256, 384, 512 or 768 GiB (35/35/20/10 %, one logical CPU
     * per 4 GiB) and exactly {@code guests} running guests, dealt out in proportion to host memory; each host is
     * filled to a target drawn in 60-75 % of its memory (guest memory plus the default 256 MiB overhead), guests of
     * 1-32 GiB and 1-16 vCPUs.
     */
    static FleetSnapshot loaded(int hosts, int guests, long seed) {
        Random random = new Random(seed);
        CpuMap map = CpuMap.loadDefault();
        int[] hostGib = new int[hosts];
        long totalGib = 0;
        for (int h = 0; h < hosts; h++) {
            hostGib[h] = weighted(HOST_GIB, HOST_GIB_WEIGHT, random);
            totalGib += hostGib[h];
        }
        int[] count = new int[hosts];
        int dealt = 0;
        for (int h = 0; h < hosts; h++) {
            count[h] = (int) (guests * (long) hostGib[h] / totalGib);
            dealt += count[h];
        }
        for (int h = 0; dealt < guests; h = (h + 7) % hosts) { // the remainder, spread deterministically
            count[h]++;
            dealt++;
        }
        List<SnapshotHost> entries = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            int generation = random.nextInt(GENERATIONS.length);
            int qemu = Math.min(2, generation / 3 + random.nextInt(2));
            String name = String.format("kvm-%05d", h);
            double fill = 0.60 + 0.15 * random.nextDouble();
            long budgetMiB = (long) (hostGib[h] * 1024L * fill);
            List<Guest> onHost = new ArrayList<>();
            for (int i = 0; i < count[h]; i++) {
                int left = count[h] - i;
                long meanMiB = budgetMiB / left - OVERHEAD_MIB;
                int gib = size(meanMiB / 1024.0 * (0.3 + 1.4 * random.nextDouble()));
                budgetMiB -= gib * 1024L + OVERHEAD_MIB;
                onHost.add(guest(name + "-vm" + i, generation, qemu, random, gib));
            }
            Host host = host(name, generation, qemu, map, random,
                    new HostCapacity(hostGib[h] / 4, ByteSize.ofGiB(hostGib[h])));
            entries.add(entry(host, onHost));
        }
        return new FleetSnapshot(1, "synthetic-" + hosts + "x" + guests, Instant.EPOCH, Instant.EPOCH, List.of(),
                entries);
    }

    /** The guest size nearest to what is wanted. */
    private static int size(double wantedGib) {
        int best = GUEST_GIB[0];
        for (int gib : GUEST_GIB) {
            if (Math.abs(gib - wantedGib) < Math.abs(best - wantedGib)) {
                best = gib;
            }
        }
        return best;
    }

    private static int weighted(int[] values, int[] weights, Random random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static SnapshotHost entry(Host host, List<Guest> guests) {
        return new SnapshotHost(host.name(), host.uri(), HostStatus.OK, Optional.empty(), Optional.of(host), guests,
                List.of(), Optional.of(1L));
    }

    private static Host host(String name, int generation, int qemu, CpuMap map, Random random,
            HostCapacity capacity) {
        String model = GENERATIONS[generation];
        List<String> extras = random.nextInt(10) == 0 ? List.of("vme", "hypervisor") : List.of("vme", "hypervisor",
                "arat", "xsaveopt", "abm", "f16c", "rdrand");
        List<CpuFeature> hostModelFeatures = extras.stream()
                .map(f -> new CpuFeature(f, FeaturePolicy.REQUIRE)).toList();
        GuestCpu hostModel = new GuestCpu(CpuMode.HOST_MODEL, Optional.of(model), Optional.of("Intel"),
                Optional.empty(), Optional.empty(), hostModelFeatures);
        DomainCapabilities domcaps = new DomainCapabilities("/usr/bin/qemu-system-x86_64", "kvm",
                "pc-q35-" + qemuMachine(qemu), "x86_64", Optional.of(255), true, Optional.of(hostModel),
                models(generation));
        HostCpu cpu = new HostCpu("x86_64", Optional.of("Intel"), Optional.of(model), extras,
                Optional.of(new CpuTopology(2, 1, capacity.logicalCpus() / 4, 2)));
        HostCapabilities capabilities = new HostCapabilities(Optional.of(UUID.nameUUIDFromBytes(name.getBytes())),
                cpu, List.of(), List.of("qemu", "kvm"), machines(qemu));
        return new Host(name, "qemu+tcp://" + name + "/system", Map.of("pool", "gen" + generation),
                List.of("/srv/shared"), name, new HostVersions(Version.parse(QEMU[qemu][0]),
                        Version.parse(QEMU[qemu][1]), Optional.empty()),
                capabilities, List.of(domcaps), capacity, Optional.empty());
    }

    private static List<CpuModel> models(int generation) {
        List<CpuModel> models = new ArrayList<>();
        for (int g = 0; g < GENERATIONS.length; g++) {
            models.add(new CpuModel(GENERATIONS[g], g <= generation, Optional.of("Intel"), List.of()));
        }
        return models;
    }

    private static String qemuMachine(int qemu) {
        return QEMU[qemu][1].substring(0, 3);
    }

    /** The i440fx and q35 machines of every QEMU up to this one, plus the pc/q35 aliases. */
    private static List<MachineType> machines(int qemu) {
        List<MachineType> machines = new ArrayList<>();
        String[] versions = {"5.2", "6.0", "6.1", "6.2", "7.0", "7.1", "7.2", "8.0", "8.1", "8.2"};
        String newest = qemuMachine(qemu);
        for (String version : versions) {
            machines.add(new MachineType("pc-i440fx-" + version, Optional.empty(), Optional.of(255), false));
            machines.add(new MachineType("pc-q35-" + version, Optional.empty(), Optional.of(288), false));
            if (version.equals(newest)) {
                break;
            }
        }
        machines.add(new MachineType("pc", Optional.of("pc-i440fx-" + newest), Optional.of(255), false));
        machines.add(new MachineType("q35", Optional.of("pc-q35-" + newest), Optional.of(288), false));
        return machines;
    }

    /**
     * One guest. {@code gib < 0}: the uniform shape (2-16 GiB, 2-8 vCPUs, one in ten shut off); otherwise that much
     * memory, running, with vCPUs growing with memory (1-16).
     */
    private static Guest guest(String name, int hostGeneration, int qemu, Random random, int gib) {
        String model = GENERATIONS[random.nextInt(hostGeneration + 1)];
        GuestCpu cpu = new GuestCpu(CpuMode.CUSTOM, Optional.of(model), Optional.empty(), Optional.of("exact"),
                Optional.of("full"), List.of(new CpuFeature("vme", FeaturePolicy.REQUIRE),
                        new CpuFeature("hypervisor", FeaturePolicy.REQUIRE),
                        new CpuFeature(random.nextBoolean() ? "f16c" : "rdrand", FeaturePolicy.REQUIRE)));
        String machine = (random.nextBoolean() ? "pc-q35-" : "pc-i440fx-")
                + new String[] {"6.2", "7.2", "8.2"}[random.nextInt(qemu + 1)];
        List<Disk> disks = new ArrayList<>();
        int kind = random.nextInt(20);
        if (kind < 12) {
            disks.add(disk("vda", new DiskSource.Network("rbd", "vms/" + name, List.of()), "raw",
                    CacheMode.WRITEBACK, DiskSharing.SHARED, List.of()));
        } else if (kind < 17) {
            disks.add(disk("vda", new DiskSource.File("/srv/shared/" + name + ".qcow2"), "qcow2",
                    kind == 16 ? CacheMode.WRITEBACK : CacheMode.NONE, DiskSharing.SHARED, List.of()));
        } else {
            disks.add(disk("vda", new DiskSource.File("/var/lib/libvirt/images/" + name + ".qcow2"), "qcow2",
                    CacheMode.NONE, DiskSharing.LOCAL, List.of(new BackingStore(
                            new DiskSource.File("/srv/shared/base/debian-12.qcow2"), Optional.of("qcow2")))));
        }
        if (random.nextInt(4) == 0) {
            disks.add(disk("vdb", new DiskSource.File("/var/lib/libvirt/images/" + name + "-data.raw"), "raw",
                    CacheMode.NONE, DiskSharing.LOCAL, List.of()));
        }
        int memory;
        PowerState state;
        int vcpus;
        if (gib < 0) {
            memory = 2 << random.nextInt(4);
            state = random.nextInt(10) == 0 ? PowerState.SHUTOFF : PowerState.RUNNING;
            vcpus = 2 << random.nextInt(3);
        } else {
            memory = gib;
            state = PowerState.RUNNING;
            vcpus = Math.max(1, Math.min(16, (gib / 2) << random.nextInt(2)));
        }
        return new Guest(name, UUID.nameUUIDFromBytes(name.getBytes()), state, "kvm", "x86_64", machine,
                ByteSize.ofGiB(memory), ByteSize.ofGiB(memory), vcpus, cpu, disks, List.of(), Optional.empty(),
                false, MemoryUse.UNKNOWN, Optional.empty());
    }

    private static Disk disk(String target, DiskSource source, String format, CacheMode cache, DiskSharing sharing,
            List<BackingStore> chain) {
        DiskDriver driver = new DiskDriver(Optional.of("qemu"), Optional.of(format), cache, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new Disk(target, "disk", "virtio", source, driver, chain, false, false, sharing, Optional.empty());
    }
}
