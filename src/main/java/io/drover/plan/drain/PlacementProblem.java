package io.drover.plan.drain;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.FleetIndex;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.plan.AntiAffinity;
import io.drover.plan.MigrationEstimate;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.MigrationBudget;
import io.drover.plan.model.PlacementSolution;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Builds placement problems: one slot per host with facts, one placement per guest the plan may move, whose
 * candidates are the destination hosts every compatibility rule but capacity allows (capacity is the solver's to
 * track). What does not move is each slot's base load, and the anti-affinity groups of what stays there its base
 * groups. For emptying hosts, then places greedily, largest guest first onto the candidate with the most free
 * memory, so the solver starts from a good, usually complete, solution even for thousands of guests.
 */
public final class PlacementProblem {

    private static final long MIB = 1024L * 1024;

    private PlacementProblem() {
    }

    /**
     * Which guests may move and where to, and what each host should end under.
     *
     * @param emptied        hosts whose every guest must leave
     * @param upgradePending hosts a later campaign step empties: allowed, but a guest put there moves again
     * @param destination    hosts that may receive guests
     * @param movable        guests (index numbers) the plan may move
     * @param maxLoad        the share of a destination's capacity it should end under (1: no threshold)
     */
    public record Scope(IntPredicate emptied, IntPredicate upgradePending, IntPredicate destination,
            IntPredicate movable, double maxLoad) {
    }

    /**
     * @param upgradePending hosts a later campaign step empties: allowed, but a guest put there moves again
     */
    public static PlacementSolution emptying(CompatibilityEngine engine, Set<Integer> emptiedHosts,
            Set<Integer> upgradePending, AntiAffinity antiAffinity) {
        FleetIndex fleet = engine.fleet();
        PlacementSolution problem = unplaced(engine, new Scope(emptiedHosts::contains, upgradePending::contains,
                h -> !emptiedHosts.contains(h) && fleet.isOk(h), g -> emptiedHosts.contains(fleet.source(g)), 1),
                antiAffinity, Optional.empty());
        placeGreedily(problem.getGuests(), problem.getHosts());
        return problem;
    }

    /** The problem with every placement still unassigned (every guest where it is). */
    public static PlacementSolution unplaced(CompatibilityEngine engine, Scope scope, AntiAffinity antiAffinity,
            Optional<MigrationBudget> budget) {
        FleetIndex fleet = engine.fleet();
        CompatibilityPolicy policy = fleet.policy();
        List<Integer> movable = IntStream.range(0, fleet.guestCount())
                .filter(g -> fleet.hasFacts(fleet.source(g)) && scope.movable().test(g)).boxed().toList();
        Map<Integer, long[]> movingOut = new HashMap<>();
        Set<Integer> movableSet = Set.copyOf(movable);
        for (int g : movable) {
            if (fleet.guest(g).state().isActive()) {
                long[] out = movingOut.computeIfAbsent(fleet.source(g), h -> new long[2]);
                out[0] += demandMiB(fleet.guest(g), policy);
                out[1] += fleet.guest(g).vcpus();
            }
        }
        Map<Integer, List<String>> stayingGroups = stayingGroups(fleet, movableSet, antiAffinity);
        List<HostSlot> slots = new ArrayList<>();
        Map<Integer, HostSlot> slotByHost = new HashMap<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hasFacts(h)) {
                HostSlot slot = slot(fleet, h, scope, movingOut.getOrDefault(h, new long[2]),
                        stayingGroups.getOrDefault(h, List.of()));
                slots.add(slot);
                slotByHost.put(h, slot);
            }
        }
        List<Integer> destinations = slotByHost.keySet().stream().filter(h -> scope.destination().test(h))
                .sorted().toList();
        // Millions of rule checks (every movable guest × every destination): the engine is thread-safe, so on all
        // cores. Guests of one kind (same CPU, machine type, versions, storage) then share one candidate list:
        // thousands of guests times thousands of hosts would not fit in memory as separate lists.
        List<BitSet> allowedHosts = movable.parallelStream().map(g -> allowedHosts(engine, g, destinations))
                .toList();
        Map<BitSet, List<HostSlot>> sharedCandidates = new HashMap<>();
        List<GuestPlacement> placements = new ArrayList<>();
        for (int i = 0; i < movable.size(); i++) {
            int g = movable.get(i);
            List<HostSlot> candidates = sharedCandidates.computeIfAbsent(allowedHosts.get(i),
                    hosts -> hosts.stream().mapToObj(slotByHost::get).toList());
            Guest facts = fleet.guest(g);
            int source = fleet.source(g);
            placements.add(new GuestPlacement(facts.name() + "@" + fleet.hostName(source), g,
                    demandMiB(facts, policy), MigrationEstimate.leastDiskCopy(facts).toMiB(), facts.vcpus(),
                    slotByHost.get(source), candidates, antiAffinity.groupsOf(facts.name())));
        }
        return new PlacementSolution(slots, placements, budget.orElse(null));
    }

    private static BitSet allowedHosts(CompatibilityEngine engine, int guest, List<Integer> destinations) {
        BitSet allowed = new BitSet(engine.fleet().hostCount());
        for (int host : destinations) {
            if (engine.allowedIgnoringLoad(guest, host)) {
                allowed.set(host);
            }
        }
        return allowed;
    }

    /** Memory a guest needs on a host: its maximum memory plus QEMU's overhead, in whole MiB. */
    public static long demandMiB(Guest guest, CompatibilityPolicy policy) {
        long bytes = guest.memory().bytes() + policy.guestOverhead().bytes();
        return (bytes + MIB - 1) / MIB;
    }

    /** Per host, the groups of its active guests that stay whatever the plan does. */
    private static Map<Integer, List<String>> stayingGroups(FleetIndex fleet, Set<Integer> movable,
            AntiAffinity antiAffinity) {
        Map<Integer, List<String>> groups = new HashMap<>();
        for (int g = 0; g < fleet.guestCount(); g++) {
            List<String> guestGroups = antiAffinity.groupsOf(fleet.guest(g).name());
            if (!guestGroups.isEmpty() && !movable.contains(g) && fleet.guest(g).state().isActive()) {
                groups.computeIfAbsent(fleet.source(g), h -> new ArrayList<>()).addAll(guestGroups);
            }
        }
        return groups;
    }

    /** @param movingOut the MiB and vCPUs of the host's active guests that are placements, not base load */
    private static HostSlot slot(FleetIndex fleet, int h, Scope scope, long[] movingOut, List<String> baseGroups) {
        CompatibilityPolicy policy = fleet.policy();
        Host host = fleet.host(h);
        long capacityMiB = policy.memoryCapacity(host) / MIB;
        int vcpuCapacity = (int) policy.vcpuCapacity(host);
        boolean emptied = scope.emptied().test(h);
        // What an emptied host holds leaves with the plan; a kept host keeps every active guest that is not movable.
        long baseMiB = emptied ? 0 : (fleet.load().usedMemory(h) + MIB - 1) / MIB - movingOut[0];
        int baseVcpus = emptied ? 0 : fleet.load().usedVcpus(h) - (int) movingOut[1];
        boolean rebalanced = scope.maxLoad() < 1 && scope.destination().test(h);
        return new HostSlot(host.name(), capacityMiB, baseMiB, vcpuCapacity, baseVcpus, emptied,
                scope.upgradePending().test(h),
                rebalanced ? (long) Math.floor(capacityMiB * scope.maxLoad()) : capacityMiB,
                rebalanced ? (int) Math.floor(vcpuCapacity * scope.maxLoad()) : vcpuCapacity, baseGroups);
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
        Map<HostSlot, List<String>> groups = new HashMap<>();
        slots.forEach(slot -> {
            free.put(slot, new long[] {slot.getMemoryCapacityMiB() - slot.getBaseMemoryMiB(),
                    slot.getVcpuCapacity() - slot.getBaseVcpus()});
            groups.put(slot, new ArrayList<>(slot.getBaseGroups()));
        });
        List<GuestPlacement> largestFirst = new ArrayList<>(placements);
        largestFirst.sort(Comparator.comparingLong(GuestPlacement::getMemoryMiB).reversed()
                .thenComparing(GuestPlacement::getId));
        for (GuestPlacement placement : largestFirst) {
            HostSlot best = null;
            for (HostSlot candidate : placement.getCandidates()) {
                long[] room = free.get(candidate);
                boolean fits = room[0] >= placement.getMemoryMiB() && room[1] >= placement.getVcpus()
                        && !AntiAffinity.share(placement.getGroups(), groups.get(candidate));
                if (fits && (best == null || better(candidate, room[0], best, free.get(best)[0]))) {
                    best = candidate;
                }
            }
            if (best != null) {
                free.get(best)[0] -= placement.getMemoryMiB();
                free.get(best)[1] -= placement.getVcpus();
                groups.get(best).addAll(placement.getGroups());
                placement.setTarget(best);
            }
        }
    }
}
