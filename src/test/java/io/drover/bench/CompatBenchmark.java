package io.drover.bench;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.FleetIndex;
import io.drover.model.ByteSize;
import io.drover.model.CacheMode;
import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
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
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import io.drover.model.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The benchmark: every guest × host pair of a synthetic 1,000-host × 30-guest fleet (30 million checks),
 * single-threaded, after a warm-up; then one {@code explain}; then, as the baseline in the same run, full
 * {@code Verdict}s built by the rule objects for a random sample of pairs, extrapolated to 30 million.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.mainClass=io.drover.bench.CompatBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="HOSTS GUESTS_PER_HOST"]} (see bench/compat/README.md).
 */
public final class CompatBenchmark {

    /** CPU generations from the real cpu_map, oldest first, with the QEMU each generation's hosts run. */
    private static final String[] GENERATIONS = {"SandyBridge", "IvyBridge", "Haswell-noTSX", "Broadwell-noTSX",
            "Skylake-Client-noTSX-IBRS", "Cascadelake-Server-noTSX", "Icelake-Server-noTSX"};
    private static final String[][] QEMU = {{"8.0.0", "6.2.0"}, {"9.0.0", "7.2.0"}, {"10.0.0", "8.2.0"}};

    private CompatBenchmark() {
    }

    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CpuMap cpuMap = CpuMap.load(Path.of(System.getProperty("drover.cpuMap", CpuMap.DEFAULT_DIRECTORY.toString())));
        FleetSnapshot snapshot = fleet(hosts, perHost, new Random(42));

        long t0 = System.nanoTime();
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(), cpuMap);
        long precompute = System.nanoTime() - t0;
        FleetIndex fleet = engine.fleet();
        int guests = fleet.guestCount();
        long pairs = (long) guests * hosts;
        System.out.printf("fleet: %d hosts × %d guests = %,d pairs; precomputation %.2f s%n", hosts, guests / hosts,
                pairs, precompute / 1e9);

        long allowed = 0;
        for (int round = 0; round < 2; round++) { // warm-up
            allowed = allPairs(engine, guests, hosts);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            allowed = allPairs(engine, guests, hosts);
            best = Math.min(best, System.nanoTime() - start);
        }
        double fastRate = pairs / (best / 1e9);
        System.out.printf("fast path: %,d pairs in %.3f s (best of 3) = %,.0f checks/s on one thread; %,d allowed%n",
                pairs, best / 1e9, fastRate, allowed);

        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            engine.explain(random.nextInt(guests)); // warm-up
        }
        int explains = 20;
        long start = System.nanoTime();
        long verdicts = 0;
        for (int i = 0; i < explains; i++) {
            verdicts += engine.explain(random.nextInt(guests)).size();
        }
        double explainMs = (System.nanoTime() - start) / 1e6 / explains;
        System.out.printf("explain: %.2f ms per guest (%d verdicts each, mean of %d)%n", explainMs,
                verdicts / explains, explains);

        int sample = 300_000;
        for (int i = 0; i < sample / 3; i++) {
            engine.check(random.nextInt(guests), random.nextInt(hosts)); // warm-up
        }
        start = System.nanoTime();
        long naiveAllowed = 0;
        for (int i = 0; i < sample; i++) {
            naiveAllowed += engine.check(random.nextInt(guests), random.nextInt(hosts)).allowed() ? 1 : 0;
        }
        double naiveSeconds = (System.nanoTime() - start) / 1e9;
        double naiveRate = sample / naiveSeconds;
        System.out.printf("baseline (full Verdicts from the rule objects): %,d sampled pairs in %.2f s = %,.0f checks/s"
                + " (%.1f%% allowed); all %,d pairs would take %.0f s%n", sample, naiveSeconds, naiveRate,
                100.0 * naiveAllowed / sample, pairs, pairs / naiveRate);
        System.out.printf("ratio fast/baseline: %.0f×%n", fastRate / naiveRate);
    }

    private static long allPairs(CompatibilityEngine engine, int guests, int hosts) {
        long allowed = 0;
        for (int g = 0; g < guests; g++) {
            for (int h = 0; h < hosts; h++) {
                if (engine.allowed(g, h)) {
                    allowed++;
                }
            }
        }
        return allowed;
    }

    static FleetSnapshot fleet(int hosts, int perHost, Random random) {
        CpuMap map = CpuMap.loadDefault();
        List<SnapshotHost> entries = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            int generation = random.nextInt(GENERATIONS.length);
            int qemu = Math.min(2, generation / 3 + random.nextInt(2));
            String name = String.format("kvm-%04d", h);
            List<Guest> guests = new ArrayList<>();
            for (int i = 0; i < perHost; i++) {
                guests.add(guest(name + "-vm" + i, generation, qemu, random));
            }
            Host host = host(name, generation, qemu, map, random);
            entries.add(new SnapshotHost(name, host.uri(), HostStatus.OK, Optional.empty(), Optional.of(host), guests,
                    List.of(), Optional.of(1L)));
        }
        return new FleetSnapshot(1, "synthetic", Instant.EPOCH, Instant.EPOCH, List.of(), entries);
    }

    private static Host host(String name, int generation, int qemu, CpuMap map, Random random) {
        String model = GENERATIONS[generation];
        List<String> extras = random.nextInt(10) == 0 ? List.of("vme", "hypervisor") : List.of("vme", "hypervisor",
                "arat", "xsaveopt", "abm", "f16c", "rdrand");
        List<CpuFeature> hostModelFeatures = extras.stream()
                .map(f -> new CpuFeature(f, FeaturePolicy.REQUIRE)).toList();
        GuestCpu hostModel = new GuestCpu(CpuMode.HOST_MODEL, Optional.of(model), Optional.of("Intel"),
                Optional.empty(), Optional.empty(), hostModelFeatures);
        DomainCapabilities domcaps = new DomainCapabilities("/usr/bin/qemu-system-x86_64", "kvm",
                "pc-q35-" + qemuMachine(qemu), "x86_64", Optional.of(255), true, Optional.of(hostModel),
                models(map, generation));
        HostCpu cpu = new HostCpu("x86_64", Optional.of("Intel"), Optional.of(model), extras,
                Optional.of(new CpuTopology(2, 1, 16, 2)));
        HostCapabilities capabilities = new HostCapabilities(Optional.of(UUID.nameUUIDFromBytes(name.getBytes())),
                cpu, List.of(), List.of("qemu", "kvm"), machines(qemu));
        return new Host(name, "qemu+tcp://" + name + "/system", Map.of("pool", "gen" + generation),
                List.of("/srv/shared"), name, new HostVersions(Version.parse(QEMU[qemu][0]),
                        Version.parse(QEMU[qemu][1]), Optional.empty()),
                capabilities, List.of(domcaps), new HostCapacity(64, ByteSize.ofGiB(768)), Optional.empty());
    }

    private static List<io.drover.model.CpuModel> models(CpuMap map, int generation) {
        List<io.drover.model.CpuModel> models = new ArrayList<>();
        for (int g = 0; g < GENERATIONS.length; g++) {
            models.add(new io.drover.model.CpuModel(GENERATIONS[g], g <= generation, Optional.of("Intel"),
                    List.of()));
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

    private static Guest guest(String name, int hostGeneration, int qemu, Random random) {
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
                    CacheMode.NONE, DiskSharing.LOCAL, List.of(new io.drover.model.BackingStore(
                            new DiskSource.File("/srv/shared/base/debian-12.qcow2"), Optional.of("qcow2")))));
        }
        if (random.nextInt(4) == 0) {
            disks.add(disk("vdb", new DiskSource.File("/var/lib/libvirt/images/" + name + "-data.raw"), "raw",
                    CacheMode.NONE, DiskSharing.LOCAL, List.of()));
        }
        int gib = 2 << random.nextInt(4);
        return new Guest(name, UUID.nameUUIDFromBytes(name.getBytes()),
                random.nextInt(10) == 0 ? PowerState.SHUTOFF : PowerState.RUNNING, "kvm", "x86_64", machine,
                ByteSize.ofGiB(gib), ByteSize.ofGiB(gib), 2 << random.nextInt(3), cpu, disks, List.of(),
                Optional.empty(), false);
    }

    private static Disk disk(String target, DiskSource source, String format, CacheMode cache, DiskSharing sharing,
            List<io.drover.model.BackingStore> chain) {
        DiskDriver driver = new DiskDriver(Optional.of("qemu"), Optional.of(format), cache, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new Disk(target, "disk", "virtio", source, driver, chain, false, false, sharing);
    }
}
