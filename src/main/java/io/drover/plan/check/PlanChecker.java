package io.drover.plan.check;

import io.drover.compat.CapacityRule;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.FleetLoad;
import io.drover.compat.Verdict;
import io.drover.compat.Violation;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import io.drover.model.UpgradeTarget;
import io.drover.plan.AntiAffinity;
import io.drover.plan.BlockedGuest;
import io.drover.plan.HostLoad;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.Rebalance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Verifies a plan against the snapshot it was made from, trusting nothing the planner computed: it replays the
 * waves on the snapshot's hosts and checks every limit, every host's memory and vCPUs while guests are in flight
 * (a migrating guest counts on both hosts), every compatibility rule for every move, and, for drains, that every
 * guest of a drained host either leaves it or is listed as blocked, and that nothing else moves. For campaigns,
 * each phase is judged on the fleet as the earlier phases leave it (guests moved, hosts upgraded), and a host may
 * only be upgraded once no guest runs on it. For rebalances, guests move only among the plan's hosts, and the hosts
 * over the threshold before and after are the ones the plan says. No guest ever arrives on a host where a guest of
 * one of its anti-affinity groups is, leaves or arrives in the same wave.
 *
 * <p>Needs only a plan file and a snapshot export. Capacity uses the plan's own policy, with the same arithmetic
 * as the rules: a guest takes its memory plus the per-guest overhead, a host offers its memory times the memory
 * overcommit and its logical CPUs times the CPU overcommit. One checker checks one plan.
 */
public final class PlanChecker {

    private final Plan plan;
    private final CompatibilityPolicy policy;
    private final CpuMap cpuMap;
    private final Map<UUID, Guest> guests = new HashMap<>();
    private final Map<UUID, String> location = new HashMap<>();
    private final Map<String, long[]> used = new HashMap<>();
    private final Map<String, long[]> capacity = new HashMap<>();
    private final Map<String, List<UUID>> guestsByName = new HashMap<>();
    private final AntiAffinity antiAffinity;
    private final Set<UUID> moved = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    private PlanChecker(Plan plan, FleetSnapshot snapshot, CpuMap cpuMap) {
        this.plan = plan;
        this.policy = plan.policy();
        this.cpuMap = cpuMap;
        this.antiAffinity = new AntiAffinity(plan.antiAffinity());
        for (SnapshotHost entry : snapshot.hosts()) {
            entry.host().ifPresent(host -> capacity.put(host.name(), capacityOf(host)));
            long[] load = used.computeIfAbsent(entry.name(), name -> new long[2]);
            for (Guest guest : entry.guests()) {
                guests.put(guest.uuid(), guest);
                guestsByName.computeIfAbsent(guest.name(), name -> new ArrayList<>()).add(guest.uuid());
                if (guest.state().isActive()) {
                    location.put(guest.uuid(), entry.name());
                    load[0] += demand(guest);
                    load[1] += guest.vcpus();
                }
            }
        }
    }

    /** Every problem of {@code plan} against {@code snapshot}; empty when the plan is sound. */
    public static List<String> check(Plan plan, FleetSnapshot snapshot, CpuMap cpuMap) {
        if (plan.snapshotId() != snapshot.id()) {
            return List.of("the plan was made from snapshot " + plan.snapshotId() + ", not " + snapshot.id());
        }
        return new PlanChecker(plan, snapshot, cpuMap).check(snapshot);
    }

    private List<String> check(FleetSnapshot snapshot) {
        plan.rebalance().ifPresent(rebalance -> checkOverThreshold(rebalance, rebalance.overBefore(), "before"));
        FleetSnapshot fleet = snapshot;
        for (PlanPhase phase : plan.phases()) {
            CompatibilityEngine engine = new CompatibilityEngine(fleet, policy, cpuMap);
            Map<UUID, String> phaseMoves = new HashMap<>();
            for (MigrationWave wave : phase.waves()) {
                checkWave(engine, phase, wave, phaseMoves);
            }
            checkUpgradedHostsAreEmpty(phase);
            fleet = fleet.after(phaseMoves, upgrades(phase));
        }
        if (plan.kind() == PlanKind.DRAIN) {
            checkDrainIsComplete(snapshot);
        }
        plan.rebalance().ifPresent(rebalance -> {
            checkOverThreshold(rebalance, rebalance.overAfter(), "after");
            plan.migrations().filter(move -> !plan.hosts().contains(move.source())
                    || !plan.hosts().contains(move.destination())).forEach(move -> problems.add(move.guest()
                    + " moves from " + move.source() + " to " + move.destination() + ", not both rebalanced hosts"));
        });
        return problems;
    }

    private void checkWave(CompatibilityEngine engine, PlanPhase phase, MigrationWave wave,
            Map<UUID, String> phaseMoves) {
        String where = "wave " + wave.number();
        checkLimits(plan.limits(), wave, where);
        List<PlannedMigration> valid = new ArrayList<>();
        Map<String, List<String>> arriving = new HashMap<>();
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
            if (phase.hostsEmptied().contains(move.destination())) {
                problems.add(guestWhere + ": moves onto " + move.destination() + ", a host this phase empties");
            }
            checkRules(engine, move, guestWhere);
            checkSpread(move, arriving.getOrDefault(move.destination(), List.of()), guestWhere);
            arriving.computeIfAbsent(move.destination(), host -> new ArrayList<>()).add(move.guest());
            add(move.destination(), guests.get(move.uuid()), 1);
            valid.add(move);
        }
        // While the wave runs, sources still hold their leaving guests and destinations already hold them.
        capacity.forEach((host, limit) -> {
            long[] load = used.getOrDefault(host, new long[2]);
            if (load[0] > limit[0] || load[1] > limit[1]) {
                problems.add(where + ": " + host + " would hold %d MiB and %d vCPUs, over its %d MiB and %d vCPUs"
                        .formatted(load[0] >> 20, load[1], limit[0] >> 20, limit[1]));
            }
        });
        for (PlannedMigration move : valid) {
            add(move.source(), guests.get(move.uuid()), -1);
            location.put(move.uuid(), move.destination());
            phaseMoves.put(move.uuid(), move.destination());
            moved.add(move.uuid());
        }
    }

    /**
     * The guest arrives where no guest of its groups is at the wave's start (those leaving are still there) nor
     * arrives in the same wave.
     */
    private void checkSpread(PlannedMigration move, List<String> arrivingBefore, String where) {
        List<String> groups = antiAffinity.groupsOf(move.guest());
        for (AntiAffinityGroupMember member : members(groups, move.guest())) {
            boolean there = guestsByName.getOrDefault(member.guest(), List.of()).stream()
                    .anyMatch(uuid -> move.destination().equals(location.get(uuid)))
                    || arrivingBefore.contains(member.guest());
            if (there) {
                problems.add(where + ": arrives on " + move.destination() + " where " + member.guest()
                        + " of anti-affinity group '" + member.group() + "' is during the wave");
            }
        }
    }

    private record AntiAffinityGroupMember(String group, String guest) {
    }

    private List<AntiAffinityGroupMember> members(List<String> groups, String except) {
        return plan.antiAffinity().stream().filter(group -> groups.contains(group.name()))
                .flatMap(group -> group.guests().stream().filter(guest -> !guest.equals(except))
                        .map(guest -> new AntiAffinityGroupMember(group.name(), guest)))
                .toList();
    }

    /** The hosts of the plan over its threshold, by the current replayed load, are exactly {@code claimed}. */
    private void checkOverThreshold(Rebalance rebalance, List<HostLoad> claimed, String when) {
        Set<String> actual = new HashSet<>();
        for (String host : plan.hosts()) {
            long[] limit = capacity.get(host);
            long[] load = used.getOrDefault(host, new long[2]);
            if (limit != null && (load[0] > rebalance.maxLoad() * limit[0] || load[1] > rebalance.maxLoad() * limit[1])) {
                actual.add(host);
            }
        }
        Set<String> said = claimed.stream().map(HostLoad::host).collect(Collectors.toSet());
        if (!actual.equals(said)) {
            problems.add("hosts over the " + Math.round(rebalance.maxLoad() * 100) + " % threshold " + when
                    + " the plan: " + actual.stream().sorted().toList() + ", but the plan says "
                    + said.stream().sorted().toList());
        }
    }

    private void add(String host, Guest guest, int sign) {
        long[] load = used.computeIfAbsent(host, name -> new long[2]);
        load[0] += sign * demand(guest);
        load[1] += sign * guest.vcpus();
    }

    private void checkLimits(PlanLimits limits, MigrationWave wave, String where) {
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

    /** Every rule but static capacity (which the wave replay checks with the plan's own moves) must allow it. */
    private void checkRules(CompatibilityEngine engine, PlannedMigration move, String where) {
        int guest = engine.guestId(move.guest(), Optional.of(move.source()));
        Verdict verdict = engine.check(guest, engine.hostId(move.destination()));
        List<Violation> violations = verdict.violations().stream()
                .filter(violation -> !violation.ruleId().equals(CapacityRule.ID)).toList();
        violations.forEach(violation -> problems.add(where + " → " + move.destination() + ": "
                + violation.ruleId() + ": " + violation.reason()));
        if (!violations.isEmpty() || !verdict.allowed()) {
            return; // a pair refused only for static capacity has no verdict mode to compare
        }
        verdict.mode().filter(mode -> mode != move.mode()).ifPresent(mode -> problems.add(where + ": planned as "
                + move.mode() + " but the rules give " + mode));
        if (!verdict.copyDisks().equals(move.copyDisks())) {
            problems.add(where + ": copies disks " + move.copyDisks() + " but the rules say " + verdict.copyDisks());
        }
    }

    private void checkUpgradedHostsAreEmpty(PlanPhase phase) {
        Map<String, List<String>> left = location.entrySet().stream()
                .filter(entry -> phase.hostsToUpgrade().contains(entry.getValue()))
                .collect(Collectors.groupingBy(Map.Entry::getValue,
                        Collectors.mapping(entry -> guests.get(entry.getKey()).name(), Collectors.toList())));
        left.forEach((host, names) -> problems.add("phase " + phase.number() + " upgrades " + host
                + " while " + String.join(", ", names.stream().sorted().toList()) + " still run there"));
    }

    private Map<String, UpgradeTarget> upgrades(PlanPhase phase) {
        return plan.upgradeTo().map(target -> phase.hostsToUpgrade().stream()
                .collect(Collectors.toMap(host -> host, host -> target))).orElse(Map.of());
    }

    private void checkDrainIsComplete(FleetSnapshot snapshot) {
        Set<UUID> blocked = plan.blocked().stream().map(BlockedGuest::uuid).collect(Collectors.toSet());
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

    private long demand(Guest guest) {
        return FleetLoad.demandMemory(guest, policy);
    }

    private long[] capacityOf(Host host) {
        return new long[] {policy.memoryCapacity(host), policy.vcpuCapacity(host)};
    }
}
