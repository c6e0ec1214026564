package io.drover.plan.check;

import io.drover.compat.CapacityRule;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.Verdict;
import io.drover.compat.Violation;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies a plan against the snapshot it was made from, trusting nothing the planner computed: it replays the
 * waves on the snapshot's hosts and checks every limit, every host's memory and vCPUs while guests are in flight
 * (a migrating guest counts on both hosts), every compatibility rule for every move, and, for drains, that every
 * guest of a drained host either leaves it or is listed as blocked, and that nothing else moves.
 *
 * <p>Needs only a plan file and a snapshot export. Capacity uses the plan's own policy, with the same arithmetic
 * as the rules: a guest takes its memory plus the per-guest overhead, a host offers its memory times the memory
 * overcommit and its logical CPUs times the CPU overcommit. One checker checks one plan.
 */
public final class PlanChecker {

    private final FleetSnapshot snapshot;
    private final CompatibilityPolicy policy;
    private final CompatibilityEngine engine;
    private final Map<UUID, Guest> guests = new HashMap<>();
    private final Map<UUID, String> snapshotHostOf = new HashMap<>();

    private PlanChecker(FleetSnapshot snapshot, CompatibilityPolicy policy, CpuMap cpuMap) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.engine = new CompatibilityEngine(snapshot, policy, cpuMap);
        snapshot.hosts().forEach(host -> host.guests().forEach(guest -> {
            guests.put(guest.uuid(), guest);
            snapshotHostOf.put(guest.uuid(), host.name());
        }));
    }

    /** Every problem of {@code plan} against {@code snapshot}; empty when the plan is sound. */
    public static List<String> check(Plan plan, FleetSnapshot snapshot, CpuMap cpuMap) {
        if (plan.snapshotId() != snapshot.id()) {
            return List.of("the plan was made from snapshot " + plan.snapshotId() + ", not " + snapshot.id());
        }
        return new PlanChecker(snapshot, plan.policy(), cpuMap).check(plan);
    }

    private List<String> check(Plan plan) {
        List<String> problems = new ArrayList<>();
        Map<UUID, String> location = new HashMap<>();
        Map<String, long[]> used = new HashMap<>();
        Map<String, long[]> capacity = new HashMap<>();
        for (SnapshotHost entry : snapshot.hosts()) {
            entry.host().ifPresent(host -> capacity.put(host.name(), capacityOf(host)));
            long[] load = used.computeIfAbsent(entry.name(), name -> new long[2]);
            for (Guest guest : entry.guests()) {
                if (guest.state().isActive()) {
                    location.put(guest.uuid(), entry.name());
                    load[0] += demand(guest);
                    load[1] += guest.vcpus();
                }
            }
        }
        Set<UUID> moved = new HashSet<>();
        plan.phases().forEach(phase -> phase.waves().forEach(wave ->
                checkWave(plan, wave, location, used, capacity, moved, problems)));
        if (plan.kind() == PlanKind.DRAIN) {
            checkDrainIsComplete(plan, moved, problems);
        }
        return problems;
    }

    private void checkWave(Plan plan, MigrationWave wave, Map<UUID, String> location, Map<String, long[]> used,
            Map<String, long[]> capacity, Set<UUID> moved, List<String> problems) {
        String where = "wave " + wave.number();
        checkLimits(plan.limits(), wave, where, problems);
        for (PlannedMigration move : wave.migrations()) {
            String guestWhere = where + ", " + move.guest();
            if (!guests.containsKey(move.uuid())) {
                problems.add(guestWhere + ": the snapshot has no guest with UUID " + move.uuid());
                continue;
            }
            if (!move.source().equals(location.get(move.uuid()))) {
                problems.add(guestWhere + ": planned from " + move.source() + " but it runs on "
                        + location.getOrDefault(move.uuid(), "no host") + " at that point");
                continue;
            }
            if (plan.kind() == PlanKind.DRAIN && plan.hosts().contains(move.destination())) {
                problems.add(guestWhere + ": moves onto " + move.destination() + ", a host the plan empties");
            }
            checkRules(move, guestWhere, problems);
            long[] load = used.computeIfAbsent(move.destination(), name -> new long[2]);
            Guest guest = guestOf(move);
            load[0] += demand(guest);
            load[1] += guest.vcpus();
            moved.add(move.uuid());
        }
        // While the wave runs, sources still hold their leaving guests and destinations already hold them.
        capacity.forEach((host, limit) -> {
            long[] load = used.getOrDefault(host, new long[2]);
            if (load[0] > limit[0] || load[1] > limit[1]) {
                problems.add(where + ": " + host + " would hold %d MiB and %d vCPUs, over its %d MiB and %d vCPUs"
                        .formatted(load[0] >> 20, load[1], limit[0] >> 20, limit[1]));
            }
        });
        for (PlannedMigration move : wave.migrations()) {
            if (move.source().equals(location.get(move.uuid()))) {
                Guest guest = guestOf(move);
                long[] load = used.get(move.source());
                load[0] -= demand(guest);
                load[1] -= guest.vcpus();
                location.put(move.uuid(), move.destination());
            }
        }
    }

    private static void checkLimits(PlanLimits limits, MigrationWave wave, String where, List<String> problems) {
        if (wave.migrations().size() > limits.maxConcurrent()) {
            problems.add(where + ": " + wave.migrations().size() + " migrations at once, over the fleet limit of "
                    + limits.maxConcurrent());
        }
        Map<String, Integer> outbound = new HashMap<>();
        Map<String, Integer> inbound = new HashMap<>();
        wave.migrations().forEach(move -> {
            outbound.merge(move.source(), 1, Integer::sum);
            inbound.merge(move.destination(), 1, Integer::sum);
        });
        outbound.forEach((host, count) -> {
            if (count > limits.maxOutboundPerHost()) {
                problems.add(where + ": " + count + " migrations leave " + host + ", over the limit of "
                        + limits.maxOutboundPerHost());
            }
        });
        inbound.forEach((host, count) -> {
            if (count > limits.maxInboundPerHost()) {
                problems.add(where + ": " + count + " migrations arrive at " + host + ", over the limit of "
                        + limits.maxInboundPerHost());
            }
        });
    }

    /**
     * Every rule but static capacity (which the wave replay checks with the plan's own moves) must allow it. The
     * rules judge the guest from the host it had in the snapshot: exact for drains, where each guest moves once.
     */
    private void checkRules(PlannedMigration move, String where, List<String> problems) {
        int guest = engine.guestId(move.guest(), Optional.of(snapshotHostOf.get(move.uuid())));
        Verdict verdict = engine.check(guest, engine.hostId(move.destination()));
        for (Violation violation : verdict.violations()) {
            if (!violation.ruleId().equals(CapacityRule.ID)) {
                problems.add(where + " → " + move.destination() + ": " + violation.ruleId() + ": "
                        + violation.reason());
            }
        }
        boolean onlyCapacity = verdict.violations().stream().allMatch(v -> v.ruleId().equals(CapacityRule.ID));
        if (onlyCapacity && !verdict.violations().isEmpty()) {
            return; // the mode of a pair refused only for static capacity is still the storage rule's
        }
        verdict.mode().filter(mode -> mode != move.mode()).ifPresent(mode -> problems.add(where + ": planned as "
                + move.mode() + " but the rules give " + mode));
        if (verdict.allowed() && !verdict.copyDisks().equals(move.copyDisks())) {
            problems.add(where + ": copies disks " + move.copyDisks() + " but the rules say " + verdict.copyDisks());
        }
    }

    private void checkDrainIsComplete(Plan plan, Set<UUID> moved, List<String> problems) {
        Set<UUID> blocked = new HashSet<>();
        plan.blocked().stream().map(BlockedGuest::uuid).forEach(blocked::add);
        for (String hostName : plan.hosts()) {
            snapshot.host(hostName).ifPresentOrElse(entry -> entry.guests().stream()
                    .filter(guest -> !moved.contains(guest.uuid()) && !blocked.contains(guest.uuid()))
                    .forEach(guest -> problems.add(guest.name() + " stays on drained host " + hostName
                            + " and is not listed as blocked")),
                    () -> problems.add("the plan drains " + hostName + ", which the snapshot does not have"));
        }
        plan.migrations().filter(move -> !plan.hosts().contains(move.source())).forEach(move -> problems.add(
                move.guest() + " moves from " + move.source() + ", which the drain does not empty"));
    }

    private Guest guestOf(PlannedMigration move) {
        return guests.get(move.uuid());
    }

    private long demand(Guest guest) {
        return guest.memory().bytes() + policy.guestOverhead().bytes();
    }

    private long[] capacityOf(Host host) {
        return new long[] {(long) Math.floor(host.capacity().memory().bytes() * policy.memoryOvercommit()),
                (long) Math.floor(host.capacity().logicalCpus() * policy.cpuOvercommit())};
    }
}
