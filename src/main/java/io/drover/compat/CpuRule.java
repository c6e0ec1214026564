package io.drover.compat;

import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
import io.drover.model.CpuModel;
import io.drover.model.DomainCapabilities;
import io.drover.model.FeaturePolicy;
import io.drover.model.Guest;
import io.drover.model.GuestCpu;
import io.drover.model.Host;
import io.drover.model.HostCpu;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code cpu}: the guest's CPU must be runnable on the destination.
 *
 * <ul>
 *   <li>A named model (custom, or host-model with its expanded definition; the source host's host-model definition
 *       when the guest XML has none) stands for its CPU-map features plus the features it requires or forces, minus
 *       those it disables or forbids. That set must be contained in what the destination offers: the expansion of
 *       its domain-capabilities host-model (model + required − disabled) when inventory has it, else of its
 *       capabilities host CPU (model + features). A guest that names a vendor needs that vendor.</li>
 *   <li>If the destination's domain capabilities list the guest's model as {@code usable='no'}, its blockers that
 *       the guest does not disable are violations too. {@code usable='no'} without a blocker list (older libvirt)
 *       is only a risk: the feature comparison above already decided.</li>
 *   <li>host-passthrough (and maximum) guests see the source host's real CPU: the destination needs the same vendor
 *       and model and a superset of the source host's flags. Always also a risk.</li>
 *   <li>A guest without {@code <cpu>} runs QEMU's default model, {@code qemu64} on x86_64.</li>
 *   <li>A TCG guest ({@code domain type='qemu'}) gets its CPU from QEMU's emulator, not from the host CPU: it is
 *       judged like a KVM guest but against the destination's {@code qemu} domain capabilities, whose host-model
 *       definition is what that host's QEMU can emulate (what it offers per host AND domain type). Without them (older
 *       inventory) it is not compared and reported as a risk. TCG emulates any vendor, so a named vendor is not
 *       checked; host-passthrough and maximum under TCG give QEMU's own maximum CPU and are only a risk.</li>
 *   <li>Other domain types (xen, hvf, test...) are not compared, reported as a risk.</li>
 *   <li>A model the CPU map does not know cannot be judged and blocks, naming the map's path.</li>
 * </ul>
 */
public final class CpuRule extends FleetRule {

    public static final String ID = "cpu";

    private static final byte FEATURES = 0;
    private static final byte PASSTHROUGH = 1;
    private static final byte EMULATED = 2;
    private static final byte UNRESOLVED = 3;

    /** Domain types judged by features, indexes of the per-type tables: what a host offers depends on both. */
    private static final int KVM = 0;
    private static final int TCG = 1;
    private static final String[] DOMAIN_TYPES = {"kvm", "qemu"};

    private final Interner features = new Interner();
    private final Interner models = new Interner();
    private final Interner vendors = new Interner();
    private final int width;
    /** Per domain type: the features a guest CPU of that type can have on each host (hosts × width). */
    private final long[][] hostOffers = new long[DOMAIN_TYPES.length][];
    /** Per domain type and host: whether the snapshot says what the host offers (else not compared). */
    private final boolean[][] hostJudged = new boolean[DOMAIN_TYPES.length][];
    /** Per domain type and host: blockers of unusable models (models × width), or null. */
    private final long[][][] hostBlockers = new long[DOMAIN_TYPES.length][][];
    private final String[][] hostOffersFrom = new String[DOMAIN_TYPES.length][];
    private final long[] hostFlags;
    private final int[] hostVendor;
    private final int[] hostModel;
    private final boolean[] hostPassthrough;
    private final byte[] kind;
    private final byte[] guestType;
    private final long[] guestRequired;
    private final long[] guestDisabled;
    private final int[] guestModel;
    private final int[] guestVendor;
    private final String[] unresolved;

    public CpuRule(FleetIndex fleet) {
        super(ID, fleet);
        int hosts = fleet.hostCount();
        int guests = fleet.guestCount();
        CpuMap map = fleet.cpuMap();
        for (String arch : List.of("x86_64")) {
            map.features(arch).forEach(features::intern);
        }
        List<List<Set<String>>> offers = new ArrayList<>();
        List<List<Map<String, List<String>>>> blockers = new ArrayList<>();
        List<Set<String>> flags = new ArrayList<>();
        hostVendor = new int[hosts];
        hostModel = new int[hosts];
        hostPassthrough = new boolean[hosts];
        for (int t = 0; t < DOMAIN_TYPES.length; t++) {
            hostJudged[t] = new boolean[hosts];
            hostOffersFrom[t] = new String[hosts];
            offers.add(new ArrayList<>());
            blockers.add(new ArrayList<>());
        }
        for (int h = 0; h < hosts; h++) {
            Set<String> raw = new TreeSet<>();
            String rawFrom = null;
            if (fleet.hasFacts(h)) {
                Host host = fleet.host(h);
                HostCpu cpu = host.capabilities().cpu();
                rawFrom = hostCpuFeatures(map, cpu, raw);
                hostPassthrough[h] = host.domainCapabilitiesFor("kvm")
                        .map(DomainCapabilities::hostPassthroughSupported).orElse(true);
                hostVendor[h] = vendors.intern(cpu.vendor().orElse(""));
                hostModel[h] = models.intern(cpu.model().orElse(""));
            }
            raw.forEach(features::intern);
            flags.add(raw);
            for (int t = 0; t < DOMAIN_TYPES.length; t++) {
                Set<String> offered = new TreeSet<>();
                Map<String, List<String>> blocked = new HashMap<>();
                if (fleet.hasFacts(h)) {
                    Host host = fleet.host(h);
                    Optional<DomainCapabilities> domcaps = host.domainCapabilitiesFor(DOMAIN_TYPES[t]);
                    Optional<GuestCpu> hostModelDef = domcaps.flatMap(DomainCapabilities::hostModel)
                            .filter(def -> def.model().isPresent());
                    String prefix = t == TCG ? "TCG host-model" : "host-model";
                    if (hostModelDef.isPresent()) {
                        hostJudged[t][h] = true;
                        hostOffersFrom[t][h] = definitionFeatures(map, host.capabilities().cpu().arch(),
                                hostModelDef.get(), offered, null)
                                .map(error -> prefix + " (" + error + ")")
                                .orElse(prefix + " " + hostModelDef.get().model().get());
                    } else if (t == KVM) {
                        // KVM guests run on the host CPU: without domain capabilities, capabilities' host CPU.
                        hostJudged[t][h] = true;
                        hostOffersFrom[t][h] = rawFrom;
                        offered.addAll(raw);
                    }
                    domcaps.ifPresent(d -> d.cpuModels().stream().filter(m -> !m.usable())
                            .forEach(m -> blocked.put(m.name(), m.blockers())));
                }
                offered.forEach(features::intern);
                blocked.values().forEach(list -> list.forEach(features::intern));
                offers.get(t).add(offered);
                blockers.get(t).add(blocked);
            }
        }
        kind = new byte[guests];
        guestType = new byte[guests];
        guestModel = new int[guests];
        guestVendor = new int[guests];
        unresolved = new String[guests];
        List<Set<String>> required = new ArrayList<>();
        List<Set<String>> disabled = new ArrayList<>();
        for (int g = 0; g < guests; g++) {
            Set<String> need = new TreeSet<>();
            Set<String> off = new TreeSet<>();
            classifyGuest(g, need, off);
            need.forEach(features::intern);
            off.forEach(features::intern);
            required.add(need);
            disabled.add(off);
        }
        width = features.words();
        hostFlags = new long[hosts * width];
        for (int h = 0; h < hosts; h++) {
            Bits.setAll(hostFlags, h, width, flags.get(h), features);
        }
        for (int t = 0; t < DOMAIN_TYPES.length; t++) {
            hostOffers[t] = new long[hosts * width];
            hostBlockers[t] = new long[hosts][];
            for (int h = 0; h < hosts; h++) {
                Bits.setAll(hostOffers[t], h, width, offers.get(t).get(h), features);
                Map<String, List<String>> blocked = blockers.get(t).get(h);
                if (!blocked.isEmpty()) {
                    long[] rows = new long[models.size() * width];
                    for (Map.Entry<String, List<String>> entry : blocked.entrySet()) {
                        int model = models.find(entry.getKey());
                        if (model >= 0) {
                            Bits.setAll(rows, model, width, entry.getValue(), features);
                        }
                    }
                    hostBlockers[t][h] = rows;
                }
            }
        }
        guestRequired = new long[guests * width];
        guestDisabled = new long[guests * width];
        for (int g = 0; g < guests; g++) {
            Bits.setAll(guestRequired, g, width, required.get(g), features);
            Bits.setAll(guestDisabled, g, width, disabled.get(g), features);
        }
    }

    private void classifyGuest(int g, Set<String> need, Set<String> off) {
        Guest guest = fleet.guest(g);
        GuestCpu cpu = guest.cpu();
        guestModel[g] = -1;
        guestVendor[g] = -1;
        boolean passthrough = cpu.mode() == CpuMode.HOST_PASSTHROUGH || cpu.mode() == CpuMode.MAXIMUM;
        if (guest.domainType().equals("kvm")) {
            guestType[g] = KVM;
            guestVendor[g] = cpu.vendor().map(vendors::intern).orElse(-1);
            if (passthrough) {
                kind[g] = PASSTHROUGH;
                return;
            }
        } else if (guest.domainType().equals("qemu") && !passthrough) {
            // TCG emulates any vendor: a named vendor is not a host requirement.
            guestType[g] = TCG;
        } else {
            kind[g] = EMULATED;
            return;
        }
        String type = DOMAIN_TYPES[guestType[g]];
        GuestCpu definition = cpu;
        if (cpu.mode() == CpuMode.DEFAULT) {
            // Without <cpu> libvirt asks for no check and QEMU silently filters what the host lacks from its
            // default model; of qemu64 that is svm on every Intel host, so svm is not demanded.
            definition = new GuestCpu(CpuMode.CUSTOM, Optional.of(defaultModel(guest.arch())), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(new CpuFeature("svm", FeaturePolicy.DISABLE)));
        } else if (cpu.mode() == CpuMode.HOST_MODEL && cpu.model().isEmpty()) {
            Host source = fleet.host(fleet.source(g));
            Optional<GuestCpu> sourceDef = source.domainCapabilitiesFor(type).flatMap(DomainCapabilities::hostModel)
                    .filter(def -> def.model().isPresent());
            if (sourceDef.isEmpty()) {
                kind[g] = UNRESOLVED;
                unresolved[g] = "the guest uses host-model and its source " + source.name()
                        + " has no host-model definition in the snapshot (no '" + type + "' domain capabilities)";
                return;
            }
            definition = withExtraFeatures(sourceDef.get(), cpu.features());
        }
        if (definition.model().isEmpty()) {
            kind[g] = FEATURES;
            definition.features().stream().filter(f -> f.policy().demandsFeature())
                    .forEach(f -> need.add(canonical(guest.arch(), f.name())));
            return;
        }
        Optional<String> error = definitionFeatures(fleet.cpuMap(), guest.arch(), definition, need, off);
        if (error.isPresent()) {
            kind[g] = UNRESOLVED;
            unresolved[g] = error.get();
            return;
        }
        kind[g] = FEATURES;
        guestModel[g] = models.intern(definition.model().get());
    }

    private static String defaultModel(String arch) {
        return arch.equals("x86_64") ? "qemu64" : arch.matches("i[3-6]86") ? "qemu32" : "host-default";
    }

    private static GuestCpu withExtraFeatures(GuestCpu def, List<CpuFeature> extra) {
        List<CpuFeature> all = new ArrayList<>(def.features());
        all.addAll(extra);
        return new GuestCpu(def.mode(), def.model(), def.vendor(), def.match(), def.check(), all);
    }

    private String canonical(String arch, String feature) {
        return fleet.cpuMap().canonicalFeature(arch, feature);
    }

    /** Model features + required − disabled into {@code out}; disabled names into {@code off}. Error if unknown. */
    private static Optional<String> definitionFeatures(CpuMap map, String arch, GuestCpu def, Set<String> out,
            Set<String> off) {
        String model = def.model().orElseThrow();
        if (!map.hasModel(arch, model)) {
            return Optional.of("CPU model '" + model + "' is not in the CPU map at " + map.directory());
        }
        out.addAll(map.expand(arch, model));
        for (CpuFeature feature : def.features()) {
            String name = map.canonicalFeature(arch, feature.name());
            if (feature.policy().demandsFeature()) {
                out.add(name);
            }
        }
        for (CpuFeature feature : def.features()) {
            String name = map.canonicalFeature(arch, feature.name());
            if (feature.policy() == FeaturePolicy.DISABLE || feature.policy() == FeaturePolicy.FORBID) {
                out.remove(name);
                if (off != null) {
                    off.add(name);
                }
            }
        }
        return Optional.empty();
    }

    /** A host CPU's model expansion plus its listed features into {@code out}; says where they came from. */
    private static String hostCpuFeatures(CpuMap map, HostCpu cpu, Set<String> out) {
        cpu.features().forEach(f -> out.add(map.canonicalFeature(cpu.arch(), f)));
        if (cpu.model().isEmpty()) {
            return "host CPU (no model)";
        }
        if (!map.hasModel(cpu.arch(), cpu.model().get())) {
            return "host CPU " + cpu.model().get() + " (not in the CPU map: only its listed features counted)";
        }
        out.addAll(map.expand(cpu.arch(), cpu.model().get()));
        return "host CPU " + cpu.model().get();
    }

    @Override
    public boolean allows(int guest, int destination) {
        switch (kind[guest]) {
            case FEATURES:
                int type = guestType[guest];
                if (!fleet.hasFacts(destination) || !hostJudged[type][destination]) {
                    return true;
                }
                if (guestVendor[guest] >= 0 && guestVendor[guest] != hostVendor[destination]) {
                    return false;
                }
                if (!Bits.subset(guestRequired, guest, hostOffers[type], destination, width)) {
                    return false;
                }
                long[] blocked = hostBlockers[type][destination];
                int model = guestModel[guest];
                if (blocked != null && model >= 0) {
                    int i = model * width;
                    int j = guest * width;
                    for (int w = 0; w < width; w++) {
                        if ((blocked[i + w] & ~guestDisabled[j + w]) != 0) {
                            return false;
                        }
                    }
                }
                return true;
            case PASSTHROUGH:
                if (!fleet.hasFacts(destination)) {
                    return true;
                }
                int source = fleet.source(guest);
                return hostPassthrough[destination]
                        && hostVendor[source] == hostVendor[destination]
                        && hostModel[source] == hostModel[destination]
                        && Bits.subset(hostFlags, source, hostFlags, destination, width);
            case EMULATED:
                return true;
            default:
                return false;
        }
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        String name = fleet.hostName(destination);
        switch (kind[guest]) {
            case EMULATED:
                findings.risk(ID, (g.domainType().equals("qemu") ? "TCG guest with " + g.cpu().mode()
                        + " CPU (QEMU's maximum emulated CPU)" : "guest of domain type '" + g.domainType() + "'")
                        + ": its CPU is not compared with " + name + "; QEMU there checks it at start");
                return;
            case UNRESOLVED:
                findings.violation(ID, "cannot judge the guest CPU: " + unresolved[guest],
                        "install a newer libvirt cpu_map where Drover runs (or point --cpu-map at one)");
                return;
            case PASSTHROUGH:
                explainPassthrough(guest, destination, findings);
                return;
            default:
                break;
        }
        if (!fleet.hasFacts(destination)) {
            return;
        }
        int type = guestType[guest];
        if (!hostJudged[type][destination]) {
            findings.risk(ID, "TCG guest: the snapshot has no '" + DOMAIN_TYPES[type] + "' domain capabilities of "
                    + name + " (what its QEMU can emulate), so its CPU is not compared; QEMU there checks it at start");
            return;
        }
        if (g.cpu().mode() == CpuMode.DEFAULT) {
            findings.risk(ID, "the guest has no <cpu>: QEMU gives it its default model and drops missing features"
                    + " silently, so its CPU may differ after a restart on " + name);
        }
        Host host = fleet.host(destination);
        String model = guestModel[guest] >= 0 ? models.name(guestModel[guest]) : "feature-only";
        if (guestVendor[guest] >= 0 && guestVendor[guest] != hostVendor[destination]) {
            findings.violation(ID, "the guest CPU requires vendor " + vendors.name(guestVendor[guest]) + ", "
                    + name + " is " + host.capabilities().cpu().vendor().orElse("of unknown vendor"),
                    "choose a " + vendors.name(guestVendor[guest]) + " host");
        }
        List<String> missing = Bits.missing(guestRequired, guest, hostOffers[type], destination, width, features);
        if (!missing.isEmpty()) {
            findings.violation(ID, name + " (" + hostOffersFrom[type][destination] + ") cannot give the guest's "
                    + describe(g, model) + ": missing features " + String.join(", ", missing),
                    "choose a host with these features, or give the guest a CPU every target can run "
                            + "('drover baseline --pool ...'), or disable them in its <cpu>: "
                            + disableSnippet(missing));
        }
        long[] blocked = hostBlockers[type][destination];
        if (blocked != null && guestModel[guest] >= 0) {
            List<String> reasons = Bits.missing(blocked, guestModel[guest], guestDisabled, guest, width, features);
            if (!reasons.isEmpty()) {
                findings.violation(ID, "QEMU " + host.versions().qemu() + " on " + name + " reports model " + model
                        + " unusable, blocked by " + String.join(", ", reasons),
                        "disable these features in the guest's <cpu> (" + disableSnippet(reasons)
                                + ") or choose another host");
            }
        }
        Optional<CpuModel> listed = host.domainCapabilitiesFor(DOMAIN_TYPES[type])
                .flatMap(d -> d.cpuModels().stream().filter(m -> m.name().equals(model)).findFirst());
        if (listed.isPresent() && !listed.get().usable() && listed.get().blockers().isEmpty()) {
            findings.risk(ID, "QEMU on " + name + " lists model " + model
                    + " as usable='no' without naming blockers; the feature comparison found none missing");
        }
    }

    private void explainPassthrough(int guest, int destination, Findings findings) {
        int source = fleet.source(guest);
        String src = fleet.hostName(source);
        String dst = fleet.hostName(destination);
        findings.risk(ID, "host-passthrough guest: it sees " + src + "'s exact CPU and can only move to hosts with the"
                + " same CPU model and at least its flags; a custom model ('drover baseline') would free it");
        if (!fleet.hasFacts(destination)) {
            return;
        }
        HostCpu from = fleet.host(source).capabilities().cpu();
        HostCpu to = fleet.host(destination).capabilities().cpu();
        if (!hostPassthrough[destination]) {
            findings.violation(ID, "QEMU on " + dst + " does not offer host-passthrough", "choose another host");
        }
        if (hostVendor[source] != hostVendor[destination] || hostModel[source] != hostModel[destination]) {
            findings.violation(ID, "host-passthrough needs the source's CPU: " + src + " is "
                    + from.vendor().orElse("?") + " " + from.model().orElse("?") + ", " + dst + " is "
                    + to.vendor().orElse("?") + " " + to.model().orElse("?"),
                    "choose a host of the same CPU generation, or switch the guest to a custom CPU model");
        }
        List<String> missing = Bits.missing(hostFlags, source, hostFlags, destination, width, features);
        if (!missing.isEmpty()) {
            findings.violation(ID, dst + " lacks flags of " + src + " that the host-passthrough guest sees: "
                    + String.join(", ", missing),
                    "choose a host with a superset of " + src + "'s flags, or switch the guest to a custom CPU");
        }
    }

    private static String describe(Guest guest, String model) {
        return guest.cpu().mode() == CpuMode.HOST_MODEL ? "host-model CPU (" + model + ")"
                : guest.cpu().mode() == CpuMode.DEFAULT ? "default CPU (" + model + ")" : "CPU " + model;
    }

    private static String disableSnippet(List<String> names) {
        StringBuilder snippet = new StringBuilder();
        for (String name : names) {
            snippet.append("<feature policy='disable' name='").append(name).append("'/>");
        }
        return snippet.toString();
    }

    /** The features the guest's CPU needs (for tests and the baseline report); empty unless judged by features. */
    public Set<String> requiredFeatures(int guest) {
        Set<String> result = new TreeSet<>();
        if (kind[guest] == FEATURES) {
            for (int bit = 0; bit < features.size(); bit++) {
                if (Bits.get(guestRequired, guest, width, bit)) {
                    result.add(features.name(bit));
                }
            }
        }
        return result;
    }

    /** The features a KVM guest CPU can have on the host (host-model expansion, else host CPU expansion). */
    public Set<String> offeredFeatures(int host) {
        return offeredFeatures(host, "kvm");
    }

    /**
     * The features a guest CPU of the domain type ({@code kvm} or {@code qemu}) can have on the host: the expansion
     * of that type's host-model (for kvm, else of the host CPU); empty when the snapshot does not say.
     */
    public Set<String> offeredFeatures(int host, String domainType) {
        int type = List.of(DOMAIN_TYPES).indexOf(domainType);
        if (type < 0) {
            throw new IllegalArgumentException("CPU offers are known for kvm and qemu, not " + domainType);
        }
        Set<String> result = new TreeSet<>();
        for (int bit = 0; bit < features.size(); bit++) {
            if (Bits.get(hostOffers[type], host, width, bit)) {
                result.add(features.name(bit));
            }
        }
        return result;
    }
}
