package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.FleetIndex;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.PlacementSolution;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds the placement problem for emptying some hosts: one slot per host with facts, one placement per guest on a
 * host being emptied, whose candidates are the kept hosts every compatibility rule but capacity allows (capacity is
 * the solver's to track). Then places greedily, largest guest first onto the candidate with the most free memory,
 * so the solver starts from a good, usually complete, solution even for thousands of guests.
 */
public final class PlacementProblem {

    private static final long MIB = 1024L * 1024;

    private PlacementProblem() {
    }

    /**
     * @param upgradePending hosts a later campaign step empties: allowed, but a guest put there moves again
     */
    public static PlacementSolution emptying(CompatibilityEngine engine, Set<Integer> emptiedHosts,
            Set<Integer> upgradePending) {
        FleetIndex fleet = engine.fleet();
        CompatibilityPolicy policy = fleet.policy();
        List<HostSlot> slots = new ArrayList<>();
        Map<Integer, HostSlot> slotByHost = new HashMap<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hasFacts(h)) {
                boolean emptied = emptiedHosts.contains(h);
                HostSlot slot = slot(fleet, h, policy, emptied, upgradePending.contains(h));
                slots.add(slot);
                slotByHost.put(h, slot);
            }
        }
        List<Integer> kept = slotByHost.keySet().stream()
                .filter(h -> !emptiedHosts.contains(h) && fleet.isOk(h)).sorted().toList();
        List<Integer> movable = IntStream.range(0, fleet.guestCount())
                .filter(g -> emptiedHosts.contains(fleet.source(g)) && slotByHost.containsKey(fleet.source(g)))
                .boxed().toList();
        // Millions of rule checks (every movable guest × every kept host): the engine is thread-safe, so on all
        // cores. Guests of one kind (same CPU, machine type, versions, storage) then share one candidate list:
        // thousands of guests times thousands of hosts would not fit in memory as separate lists.
        List<BitSet> allowedHosts = movable.parallelStream().map(g -> allowedHosts(engine, g, kept)).toList();
        Map<BitSet, List<HostSlot>> sharedCandidates = new HashMap<>();
        List<GuestPlacement> placements = new ArrayList<>();
        for (int i = 0; i < movable.size(); i++) {
            int g = movable.get(i);
            List<HostSlot> candidates = sharedCandidates.computeIfAbsent(allowedHosts.get(i),
                    hosts -> hosts.stream().mapToObj(slotByHost::get).toList());
            Guest facts = fleet.guest(g);
            int source = fleet.source(g);
            placements.add(new GuestPlacement(facts.name() + "@" + fleet.hostName(source), g,
                    demandMiB(facts, policy), facts.vcpus(), slotByHost.get(source), candidates));
        }
        placeGreedily(placements, slots);
        return new PlacementSolution(slots, placements);
    }

    private static BitSet allowedHosts(CompatibilityEngine engine, int guest, List<Integer> kept) {
        BitSet allowed = new BitSet(engine.fleet().hostCount());
        for (int host : kept) {
            if (engine.allowedIgnoringLoad(guest, host)) {
                allowed.set(host);
            }
        }
        return allowed;
    }

    /** Memory a guest needs on a host: its maximum memory plus QEMU's overhead, in whole MiB. */
    static long demandMiB(Guest guest, CompatibilityPolicy policy) {
        long bytes = guest.memory().bytes() + policy.guestOverhead().bytes();
        return (bytes + MIB - 1) / MIB;
    }

    private static HostSlot slot(FleetIndex fleet, int h, CompatibilityPolicy policy, boolean emptied,
            boolean upgradePending) {
        Host host = fleet.host(h);
        long capacityMiB = (long) Math.floor(host.capacity().memory().bytes() * policy.memoryOvercommit()) / MIB;
        int vcpuCapacity = (int) Math.floor(host.capacity().logicalCpus() * policy.cpuOvercommit());
        // What an emptied host holds leaves with the plan; a kept host's active guests all stay.
        long baseMiB = emptied ? 0 : (fleet.load().usedMemory(h) + MIB - 1) / MIB;
        int baseVcpus = emptied ? 0 : fleet.load().usedVcpus(h);
        return new HostSlot(host.name(), capacityMiB, baseMiB, vcpuCapacity, baseVcpus, emptied, upgradePending);
    }

    /**
     * Largest guests first, each onto the candidate that still fits it: a host that will not be upgraded later
     * before one that will, then the one with the most free memory.
     */
    private static boolean better(HostSlot candidate, long candidateFree, HostSlot best, long bestFree) {
        if (candidate.isUpgradePending() != best.isUpgradePending()) {
            return !candidate.isUpgradePending();
        }
        return candidateFree > bestFree;
    }

    private static void placeGreedily(List<GuestPlacement> placements, List<HostSlot> slots) {
        Map<HostSlot, long[]> free = new HashMap<>();
        slots.forEach(slot -> free.put(slot, new long[] {slot.getMemoryCapacityMiB() - slot.getBaseMemoryMiB(),
                slot.getVcpuCapacity() - slot.getBaseVcpus()}));
        List<GuestPlacement> largestFirst = new ArrayList<>(placements);
        largestFirst.sort(Comparator.comparingLong(GuestPlacement::getMemoryMiB).reversed()
                .thenComparing(GuestPlacement::getId));
        for (GuestPlacement placement : largestFirst) {
            HostSlot best = null;
            for (HostSlot candidate : placement.getCandidates()) {
                long[] room = free.get(candidate);
                boolean fits = room[0] >= placement.getMemoryMiB() && room[1] >= placement.getVcpus();
                if (fits && (best == null || better(candidate, room[0], best, free.get(best)[0]))) {
                    best = candidate;
                }
            }
            if (best != null) {
                free.get(best)[0] -= placement.getMemoryMiB();
                free.get(best)[1] -= placement.getVcpus();
                placement.setTarget(best);
            }
        }
    }
}
