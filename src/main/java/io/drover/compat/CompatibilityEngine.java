package io.drover.compat;

import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers, for any guest of a snapshot and any destination host: can it migrate there, how, and if not, every
 * reason and fix. Built once per snapshot (every rule precomputes its per-host and per-guest facts), then
 * {@link #allowed(int, int)} is allocation-free for planners that test millions of pairs, and {@link #check} and
 * {@link #explain} build full {@link Verdict}s. Immutable and thread-safe once built.
 */
public final class CompatibilityEngine {

    private final FleetIndex fleet;
    private final SameHostRule sameHost;
    private final DestinationStatusRule destinationStatus;
    private final GuestStateRule guestState;
    private final HostIdentityRule hostIdentity;
    private final MachineTypeRule machineType;
    private final VersionsRule versions;
    private final DiskCacheRule diskCache;
    private final StorageRule storage;
    private final CpuRule cpu;
    private final CapacityRule capacity;
    private final NameClashRule nameClash;
    private final List<CompatibilityRule> rules;

    public CompatibilityEngine(FleetSnapshot snapshot, CompatibilityPolicy policy, CpuMap cpuMap) {
        this(snapshot, policy, cpuMap, StorageFacts.UNKNOWN);
    }

    public CompatibilityEngine(FleetSnapshot snapshot, CompatibilityPolicy policy, CpuMap cpuMap,
            StorageFacts storageFacts) {
        fleet = new FleetIndex(snapshot, policy, cpuMap, storageFacts);
        sameHost = new SameHostRule(fleet);
        destinationStatus = new DestinationStatusRule(fleet);
        guestState = new GuestStateRule(fleet);
        hostIdentity = new HostIdentityRule(fleet);
        machineType = new MachineTypeRule(fleet);
        versions = new VersionsRule(fleet);
        diskCache = new DiskCacheRule(fleet);
        storage = new StorageRule(fleet);
        cpu = new CpuRule(fleet);
        capacity = new CapacityRule(fleet);
        nameClash = new NameClashRule(fleet);
        rules = List.of(sameHost, destinationStatus, guestState, hostIdentity, machineType, versions, diskCache,
                storage, cpu, capacity, nameClash, new MemoryTransferRule(fleet), new SysinfoRule(fleet));
    }

    public FleetIndex fleet() {
        return fleet;
    }

    /** Every rule, in evaluation order, for planners that weigh them one by one. */
    public List<CompatibilityRule> rules() {
        return rules;
    }

    public Optional<CompatibilityRule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /**
     * Whether guest {@code guest} may migrate to host {@code destination} (the index's numbers). Allocation-free:
     * each rule's precomputed arrays and bit sets, cheapest and most selective first.
     */
    public boolean allowed(int guest, int destination) {
        return allowedIgnoringLoad(guest, destination) && capacity.allows(guest, destination);
    }

    /**
     * Whether every rule but {@code capacity} allows the pair: for planners, which track how full each host gets
     * as they place guests, where the snapshot's static load would be wrong after the first move.
     */
    public boolean allowedIgnoringLoad(int guest, int destination) {
        return sameHost.allows(guest, destination)
                && destinationStatus.allows(guest, destination)
                && guestState.allows(guest, destination)
                && diskCache.allows(guest, destination)
                && versions.allows(guest, destination)
                && machineType.allows(guest, destination)
                && hostIdentity.allows(guest, destination)
                && cpu.allows(guest, destination)
                && storage.allows(guest, destination)
                && nameClash.allows(guest, destination);
    }

    /** The mode an allowed pair would use. */
    public MigrationMode mode(int guest, int destination) {
        return storage.mode(guest, destination);
    }

    /** The full verdict for guest {@code guest} (index number) to {@code destination}. */
    public Verdict check(int guest, int destination) {
        Findings findings = new Findings();
        for (CompatibilityRule rule : rules) {
            rule.explain(guest, destination, findings);
        }
        boolean allowed = findings.violations().isEmpty();
        if (allowed != allowed(guest, destination)) {
            throw new IllegalStateException("rules disagree for " + fleet.guest(guest).name() + " → "
                    + fleet.hostName(destination) + ": fast path " + !allowed + ", reasons "
                    + findings.violations());
        }
        Optional<MigrationMode> mode = allowed ? Optional.of(mode(guest, destination)) : Optional.empty();
        return new Verdict(fleet.guest(guest).name(), fleet.hostName(fleet.source(guest)),
                fleet.hostName(destination), allowed, mode,
                mode.filter(MigrationMode::copiesStorage).map(m -> storage.copyDisks(guest)).orElse(List.of()),
                findings.violations(), findings.risks(), findings.unknowns());
    }

    /**
     * The verdict for a guest, named with the host it is on, to a destination.
     *
     * @throws UnknownNameException if the snapshot has no such guest on that host, or no such destination
     */
    public Verdict check(String guestName, String sourceHost, String destinationHost) {
        return check(guestId(guestName, Optional.of(sourceHost)), hostId(destinationHost));
    }

    /** The verdict for a guest found by name (see {@link #guestId}) to a destination. */
    public Verdict check(String guestName, String destinationHost) {
        return check(guestId(guestName, Optional.empty()), hostId(destinationHost));
    }

    /** The verdict for a guest record of this snapshot (matched by UUID and name) on its source. */
    public Verdict check(Guest guest, String sourceHost, String destinationHost) {
        int source = hostId(sourceHost);
        for (int g : fleet.guestIds(guest.name())) {
            if (fleet.source(g) == source && fleet.guest(g).uuid().equals(guest.uuid())) {
                return check(g, hostId(destinationHost));
            }
        }
        throw new UnknownNameException("snapshot " + fleet.snapshot().id() + " has no guest " + guest.name()
                + " (" + guest.uuid() + ") on " + sourceHost);
    }

    /** Verdicts for every other host of the snapshot, in snapshot order. */
    public List<Verdict> explain(int guest) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (h != fleet.source(guest)) {
                verdicts.add(check(guest, h));
            }
        }
        return verdicts;
    }

    public List<Verdict> explain(String guestName) {
        return explain(guestId(guestName, Optional.empty()));
    }

    public List<Verdict> explain(String guestName, String sourceHost) {
        return explain(guestId(guestName, Optional.of(sourceHost)));
    }

    public int hostId(String name) {
        return fleet.hostId(name).orElseThrow(() -> new UnknownNameException(
                "snapshot " + fleet.snapshot().id() + " has no host named " + name));
    }

    /**
     * A guest's number. Without a source host the name must designate one guest: the only one so named, or the
     * only active one among several definitions.
     */
    public int guestId(String name, Optional<String> sourceHost) {
        List<Integer> candidates = fleet.guestIds(name);
        if (sourceHost.isPresent()) {
            int source = hostId(sourceHost.get());
            candidates = candidates.stream().filter(g -> fleet.source(g) == source).collect(Collectors.toList());
        }
        if (candidates.size() > 1) {
            List<Integer> active = candidates.stream().filter(g -> fleet.guest(g).state().isActive())
                    .collect(Collectors.toList());
            if (active.size() == 1) {
                return active.get(0);
            }
            throw new UnknownNameException("guest " + name + " is defined on several hosts ("
                    + candidates.stream().map(g -> fleet.hostName(fleet.source(g))).collect(Collectors.joining(", "))
                    + "): name its source host");
        }
        if (candidates.isEmpty()) {
            throw new UnknownNameException("snapshot " + fleet.snapshot().id() + " has no guest named " + name
                    + sourceHost.map(host -> " on " + host).orElse(""));
        }
        return candidates.get(0);
    }
}
