package io.drover.plan.rebalance;

import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.PlacementSolution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rebalance's starting solution: each host over its threshold, most over first, sheds guests until it is under.
 * Fewest and smallest migrations first: the smallest guest that alone brings the host under, or failing one, the
 * largest, and again. Each goes to the allowed host left with the most room under its own threshold (never over
 * it, never next to a guest of one of its anti-affinity groups). The solver then improves on it.
 */
final class RelievingStart {

    private final Map<HostSlot, long[]> used = new HashMap<>();
    private final Map<HostSlot, Map<String, Integer>> groups = new HashMap<>();
    private final Map<HostSlot, List<GuestPlacement>> onHost = new HashMap<>();

    private RelievingStart(PlacementSolution problem) {
        for (HostSlot slot : problem.getHosts()) {
            used.put(slot, new long[] {slot.getBaseMemoryMiB(), slot.getBaseVcpus()});
            Map<String, Integer> counts = new HashMap<>();
            slot.getBaseGroups().forEach(group -> counts.merge(group, 1, Integer::sum));
            groups.put(slot, counts);
            onHost.put(slot, new ArrayList<>());
        }
        for (GuestPlacement placement : problem.getGuests()) {
            add(placement.getOrigin(), placement, 1);
            onHost.get(placement.getOrigin()).add(placement);
        }
    }

    static void place(PlacementSolution problem, Optional<Integer> maxMigrations) {
        RelievingStart start = new RelievingStart(problem);
        int budget = maxMigrations.orElse(Integer.MAX_VALUE);
        List<HostSlot> hot = problem.getHosts().stream().filter(start::isOver)
                .sorted(Comparator.comparingDouble(start::overShare).reversed().thenComparing(HostSlot::getName))
                .toList();
        int migrations = 0;
        for (HostSlot host : hot) {
            while (migrations < budget && start.isOver(host) && start.shedOne(host)) {
                migrations++;
            }
        }
    }

    private boolean shedOne(HostSlot host) {
        long[] load = used.get(host);
        long memoryExcess = load[0] - host.getMemoryThresholdMiB();
        long vcpuExcess = load[1] - host.getVcpuThreshold();
        List<GuestPlacement> staying = onHost.get(host).stream().filter(guest -> !guest.isMoved()).toList();
        List<GuestPlacement> enough = staying.stream()
                .filter(guest -> guest.getMemoryMiB() >= memoryExcess && guest.getVcpus() >= vcpuExcess)
                .sorted(Comparator.comparingLong(GuestPlacement::getMemoryMiB).thenComparingInt(GuestPlacement::getVcpus)
                        .thenComparing(GuestPlacement::getId))
                .toList();
        List<GuestPlacement> largestFirst = staying.stream()
                .sorted(Comparator.comparingDouble((GuestPlacement guest) -> share(guest, host)).reversed()
                        .thenComparing(GuestPlacement::getId))
                .toList();
        for (List<GuestPlacement> order : List.of(enough, largestFirst)) {
            for (GuestPlacement guest : order) {
                Optional<HostSlot> destination = roomiest(guest);
                if (destination.isPresent()) {
                    add(host, guest, -1);
                    add(destination.get(), guest, 1);
                    guest.setTarget(destination.get());
                    return true;
                }
            }
        }
        return false;
    }

    /** The candidate that stays under its threshold with the guest and keeps the most room, as a share. */
    private Optional<HostSlot> roomiest(GuestPlacement guest) {
        HostSlot best = null;
        double bestRoom = -1;
        for (HostSlot candidate : guest.getCandidates()) {
            long[] load = used.get(candidate);
            long memoryLeft = candidate.getMemoryThresholdMiB() - load[0] - guest.getMemoryMiB();
            long vcpusLeft = candidate.getVcpuThreshold() - load[1] - guest.getVcpus();
            if (memoryLeft < 0 || vcpusLeft < 0 || sharesGroup(candidate, guest)) {
                continue;
            }
            double room = Math.min(memoryLeft / (double) Math.max(1, candidate.getMemoryCapacityMiB()),
                    vcpusLeft / (double) Math.max(1, candidate.getVcpuCapacity()));
            if (room > bestRoom) {
                best = candidate;
                bestRoom = room;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean sharesGroup(HostSlot host, GuestPlacement guest) {
        Map<String, Integer> counts = groups.get(host);
        return guest.getGroups().stream().anyMatch(group -> counts.getOrDefault(group, 0) > 0);
    }

    private boolean isOver(HostSlot host) {
        long[] load = used.get(host);
        return load[0] > host.getMemoryThresholdMiB() || load[1] > host.getVcpuThreshold();
    }

    private double overShare(HostSlot host) {
        long[] load = used.get(host);
        return Math.max((load[0] - host.getMemoryThresholdMiB()) / (double) Math.max(1, host.getMemoryCapacityMiB()),
                (load[1] - host.getVcpuThreshold()) / (double) Math.max(1, host.getVcpuCapacity()));
    }

    /** How much of the host's capacity the guest takes: its memory and vCPU shares added up. */
    private static double share(GuestPlacement guest, HostSlot host) {
        return guest.getMemoryMiB() / (double) Math.max(1, host.getMemoryCapacityMiB())
                + guest.getVcpus() / (double) Math.max(1, host.getVcpuCapacity());
    }

    private void add(HostSlot host, GuestPlacement guest, int sign) {
        long[] load = used.get(host);
        load[0] += sign * guest.getMemoryMiB();
        load[1] += sign * guest.getVcpus();
        guest.getGroups().forEach(group -> groups.get(host).merge(group, sign, Integer::sum));
    }
}
