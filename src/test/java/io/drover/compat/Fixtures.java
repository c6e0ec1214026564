package io.drover.compat;

import io.drover.libvirt.xml.CapabilitiesParser;
import io.drover.libvirt.xml.DomainCapabilitiesParser;
import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostCapacity;
import io.drover.model.HostFlag;
import io.drover.model.HostStatus;
import io.drover.model.HostVersions;
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import io.drover.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Hosts and guests for the rule tests, built from the real golden XML of {@code src/test/resources/libvirt/} with
 * small, named variations (another host CPU, another host-model, a machine type removed...).
 */
public final class Fixtures {

    public static final CpuMap CPU_MAP = CpuMap.loadDefault();

    public static final String CAPS = "capabilities-qemu-7.2-x86_64.xml";
    public static final String DOMCAPS = "domcapabilities-qemu-7.2-kvm.xml";
    public static final String DOMCAPS_BLOCKERS = "domcapabilities-qemu-8.2-q35-blockers.xml";
    /** The lab host's TCG domain capabilities: host-model EPYC = what QEMU 7.2's TCG emulates on that machine. */
    public static final String DOMCAPS_TCG = "domcapabilities-qemu-7.2-tcg.xml";
    /** The same with the lab's {@code --cpu-feature-off sse4.2}: host-model Opteron_G3 + extras, no sse4.2. */
    public static final String DOMCAPS_TCG_NO_SSE42 = "domcapabilities-qemu-7.2-tcg-no-sse4.2.xml";
    /** A running lab guest: TCG, custom qemu64 + ssse3 sse4.1 sse4.2 popcnt (+ hypervisor lahf_lm from libvirt). */
    public static final String LAB_TCG_GUEST = "domain-lab-tcg-running.xml";
    public static final String RBD_GUEST = "domain-nova-rbd-running.xml";
    public static final String LOCAL_CHAIN_GUEST = "domain-local-chain-running.xml";
    public static final String PASSTHROUGH_GUEST = "domain-nova-host-passthrough.xml";
    public static final String HOST_MODEL_GUEST = "domain-defined-mixed-disks.xml";

    private Fixtures() {
    }

    public static String golden(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/libvirt/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden guest, running, with every disk classified as inventory would with {@code sharing}. */
    public static Guest guest(String file, DiskSharing sharing) {
        return guest(file, sharing, UnaryOperator.identity());
    }

    public static Guest guest(String file, DiskSharing sharing, UnaryOperator<String> edit) {
        Guest guest = DomainXmlParser.parse(edit.apply(golden(file)));
        return guest.withState(PowerState.RUNNING)
                .withDisks(guest.disks().stream().map(disk -> classify(disk, sharing)).collect(Collectors.toList()));
    }

    private static Disk classify(Disk disk, DiskSharing sharing) {
        // Inventory's DiskClassifier: network and empty sources are always shared.
        boolean alwaysShared = disk.source() instanceof io.drover.model.DiskSource.Network
                || disk.source() instanceof io.drover.model.DiskSource.Empty;
        return disk.withSharing(alwaysShared ? DiskSharing.SHARED : sharing);
    }

    /** The golden capabilities with the host {@code <cpu>} replaced by a model, vendor and extra features. */
    public static String capabilitiesWithCpu(String model, String vendor, String... features) {
        String caps = golden(CAPS);
        int start = caps.indexOf("<cpu>");
        int end = caps.indexOf("</cpu>") + "</cpu>".length();
        return caps.substring(0, start) + hostCpuXml(model, vendor, features) + caps.substring(end);
    }

    public static String hostCpuXml(String model, String vendor, String... features) {
        StringBuilder cpu = new StringBuilder("<cpu><arch>x86_64</arch><model>" + model + "</model><vendor>" + vendor
                + "</vendor><topology sockets='1' dies='1' cores='8' threads='2'/>");
        for (String feature : features) {
            cpu.append("<feature name='").append(feature).append("'/>");
        }
        return cpu.append("</cpu>").toString();
    }

    /** The golden 7.2 domain capabilities with the host-model definition replaced. */
    public static String domcapsWithHostModel(String model, String vendor, String... features) {
        String domcaps = golden(DOMCAPS);
        int start = domcaps.indexOf("<mode name='host-model'");
        int end = domcaps.indexOf("</mode>", start) + "</mode>".length();
        StringBuilder mode = new StringBuilder("<mode name='host-model' supported='yes'><model fallback='forbid'>"
                + model + "</model><vendor>" + vendor + "</vendor>");
        for (String feature : features) {
            String policy = feature.startsWith("-") ? "disable" : "require";
            mode.append("<feature policy='").append(policy).append("' name='").append(feature.replace("-", ""))
                    .append("'/>");
        }
        return domcaps.substring(0, start) + mode.append("</mode>") + domcaps.substring(end);
    }

    public static HostBuilder host(String name) {
        return new HostBuilder(name);
    }

    public static FleetSnapshot snapshot(SnapshotHost... hosts) {
        return new FleetSnapshot(1, "test", Instant.EPOCH, Instant.EPOCH, List.of(), Arrays.asList(hosts));
    }

    public static CompatibilityEngine engine(SnapshotHost... hosts) {
        return new CompatibilityEngine(snapshot(hosts), CompatibilityPolicy.defaults(), CPU_MAP);
    }

    /** A mutable builder of one snapshot host; every default is the golden Debian 12 host. */
    public static final class HostBuilder {
        private final String name;
        private String caps = golden(CAPS);
        private Optional<String> domcaps = Optional.of(golden(DOMCAPS));
        private Optional<String> tcgDomcaps = Optional.empty();
        private Version libvirt = Version.parse("9.0.0");
        private Version qemu = Version.parse("7.2.0");
        private Optional<Version> kernel = Optional.empty();
        private Optional<UUID> uuid;
        private List<String> sharedMounts = List.of("/srv/shared");
        private HostCapacity capacity = new HostCapacity(16, ByteSize.ofGiB(64));
        private Map<String, String> labels = new HashMap<>();
        private HostStatus status = HostStatus.OK;
        private final List<HostFlag> flags = new ArrayList<>();
        private final List<Guest> guests = new ArrayList<>();

        HostBuilder(String name) {
            this.name = name;
            this.uuid = Optional.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        }

        public HostBuilder caps(String xml) {
            caps = xml;
            return this;
        }

        public HostBuilder editCaps(UnaryOperator<String> edit) {
            caps = edit.apply(caps);
            return this;
        }

        public HostBuilder domcaps(String xml) {
            domcaps = Optional.ofNullable(xml);
            return this;
        }

        /** The host's {@code qemu} (TCG) domain capabilities, next to the kvm ones; none by default. */
        public HostBuilder tcgDomcaps(String xml) {
            tcgDomcaps = Optional.ofNullable(xml);
            return this;
        }

        public HostBuilder cpu(String model, String vendor, String... features) {
            caps = capabilitiesWithCpu(model, vendor, features);
            return this;
        }

        public HostBuilder hostModel(String model, String vendor, String... features) {
            domcaps = Optional.of(domcapsWithHostModel(model, vendor, features));
            return this;
        }

        public HostBuilder versions(String libvirtVersion, String qemuVersion) {
            libvirt = Version.parse(libvirtVersion);
            qemu = Version.parse(qemuVersion);
            return this;
        }

        public HostBuilder kernel(String version) {
            kernel = Optional.ofNullable(version).map(Version::parse);
            return this;
        }

        public HostBuilder uuid(UUID value) {
            uuid = Optional.ofNullable(value);
            return this;
        }

        public HostBuilder sharedMounts(String... mounts) {
            sharedMounts = List.of(mounts);
            return this;
        }

        public HostBuilder capacity(int cpus, ByteSize memory) {
            capacity = new HostCapacity(cpus, memory);
            return this;
        }

        public HostBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public HostBuilder status(HostStatus value) {
            status = value;
            return this;
        }

        public HostBuilder flag(HostFlag flag) {
            flags.add(flag);
            return this;
        }

        public HostBuilder guest(Guest guest) {
            guests.add(guest);
            return this;
        }

        public SnapshotHost build() {
            var parsedCaps = CapabilitiesParser.parse(caps);
            parsedCaps = new io.drover.model.HostCapabilities(uuid, parsedCaps.cpu(), parsedCaps.numaCells(),
                    parsedCaps.domainTypes(), parsedCaps.machineTypes());
            Host host = new Host(name, "qemu+tcp://" + name + "/system", labels, sharedMounts, name,
                    new HostVersions(libvirt, qemu, kernel), parsedCaps,
                    java.util.stream.Stream.concat(domcaps.stream(), tcgDomcaps.stream())
                            .map(DomainCapabilitiesParser::parse).toList(),
                    capacity, Optional.empty());
            if (status == HostStatus.FAILED) {
                return new SnapshotHost(name, host.uri(), status, Optional.of("Connection refused"), Optional.empty(),
                        List.of(), flags, Optional.empty());
            }
            return new SnapshotHost(name, host.uri(), status,
                    status == HostStatus.STALE ? Optional.of("No route to host") : Optional.empty(),
                    Optional.of(host), guests, flags, Optional.of(status == HostStatus.STALE ? 0L : 1L));
        }
    }
}
