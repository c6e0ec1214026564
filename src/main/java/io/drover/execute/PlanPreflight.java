package io.drover.execute;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CpuMap;
import io.drover.compat.UnknownNameException;
import io.drover.compat.Verdict;
import io.drover.compat.Violation;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostStatus;
import io.drover.model.HostVersions;
import io.drover.model.SnapshotHost;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlannedMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a plan with fresh facts of the hosts it involves: every move still to do must find its guest running on
 * its planned source, every host must have been collected and run the versions the plan was made with, and the
 * compatibility engine on the fresh facts (with earlier waves' moves applied, as the planner saw them) must still
 * allow each move in the planned mode. Pure: no libvirt, no database.
 */
public final class PlanPreflight {

    private final CpuMap cpuMap;

    public PlanPreflight(CpuMap cpuMap) {
        this.cpuMap = cpuMap;
    }

    /** What pre-flight found: problems (empty when the plan may run) and the verdict of each move checked. */
    public record Result(List<String> problems, Map<Integer, String> moveProblems, Map<Integer, Verdict> verdicts) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Hosts the plan touches, in first-seen order: the hosts it empties, then every source and destination. A
     * rebalance's hosts are where guests may go (by default the whole fleet): only its sources and destinations
     * count.
     */
    public static List<String> hostsInvolved(Plan plan) {
        List<String> hosts = new ArrayList<>(plan.kind() == PlanKind.REBALANCE ? List.of() : plan.hosts());
        plan.migrations().forEach(move -> {
            if (!hosts.contains(move.source())) {
                hosts.add(move.source());
            }
            if (!hosts.contains(move.destination())) {
                hosts.add(move.destination());
            }
        });
        return hosts;
    }

    /**
     * @param moves    the plan's moves by seq with their checkpoint; only those not final are checked
     * @param upgraded hosts this run upgraded (campaigns): their versions changed on purpose
     */
    public Result check(Plan plan, FleetSnapshot planSnapshot, FleetSnapshot fresh, List<MoveRecord> moves,
            Set<String> upgraded) {
        return check(plan, planSnapshot, fresh, moves, upgraded, move -> Optional.empty());
    }

    /**
     * @param elsewhere where a guest runs that none of the hosts involved has (asked of the fleet's other hosts),
     *                  so that the refusal says where it went
     */
    public Result check(Plan plan, FleetSnapshot planSnapshot, FleetSnapshot fresh, List<MoveRecord> moves,
            Set<String> upgraded, Function<MoveRecord, Optional<String>> elsewhere) {
        List<String> problems = new ArrayList<>();
        for (String name : hostsInvolved(plan)) {
            checkHost(name, planSnapshot, fresh, upgraded.contains(name), problems);
        }
        List<PlannedMigration> planned = plan.migrations().toList();
        Map<UUID, String> earlierMoves = new HashMap<>();
        Map<Integer, Verdict> verdicts = new LinkedHashMap<>();
        Map<Integer, String> moveProblems = new LinkedHashMap<>();
        Map<String, List<MoveRecord>> byWave = moves.stream().collect(Collectors.groupingBy(
                move -> move.phase() + "/" + move.wave(), LinkedHashMap::new, Collectors.toList()));
        for (List<MoveRecord> wave : byWave.values()) {
            CompatibilityEngine engine = null;
            // Only guests found on their source move in this wave; later waves are checked on the fleet after them.
            Map<UUID, String> waveMoves = new HashMap<>();
            for (MoveRecord move : wave) {
                if (move.state().isFinal()) {
                    continue;
                }
                Optional<String> where = whereActive(fresh, move.guestUuid()).or(() -> elsewhere.apply(move));
                if (where.isEmpty()) {
                    report(problems, moveProblems, move, move.guest() + " (" + move.guestUuid() + ") runs on none of the hosts involved ("
                            + String.join(", ", hostsInvolved(plan)) + "); the plan moves it from " + move.source());
                    continue;
                }
                if (!where.get().equals(move.source())) {
                    report(problems, moveProblems, move, move.guest() + " runs on " + where.get() + ", the plan moves it from "
                            + move.source() + " to " + move.destination());
                    continue;
                }
                waveMoves.put(move.guestUuid(), move.destination());
                if (engine == null) {
                    engine = new CompatibilityEngine(earlierMoves.isEmpty() ? fresh
                            : fresh.after(earlierMoves, Map.of()), plan.policy(), cpuMap);
                }
                Verdict verdict = verdict(engine, fresh, move, problems, moveProblems);
                if (verdict == null) {
                    continue;
                }
                verdicts.put(move.seq(), verdict);
                PlannedMigration planMove = planned.get(move.seq());
                if (!verdict.allowed()) {
                    report(problems, moveProblems, move, move.label() + " is now refused by the compatibility rules: "
                            + verdict.violations().stream().map(PlanPreflight::describe)
                                    .collect(Collectors.joining("; ")));
                } else if (verdict.mode().orElseThrow() != planMove.mode()) {
                    report(problems, moveProblems, move, move.label() + " now needs " + verdict.mode().orElseThrow().label()
                            + ", the plan says " + planMove.mode().label());
                } else if (!verdict.copyDisks().equals(planMove.copyDisks())) {
                    report(problems, moveProblems, move, move.label() + " now copies disks " + verdict.copyDisks() + ", the plan copies "
                            + planMove.copyDisks());
                }
            }
            earlierMoves.putAll(waveMoves);
        }
        return new Result(problems, moveProblems, verdicts);
    }

    private static void report(List<String> problems, Map<Integer, String> moveProblems, MoveRecord move,
            String problem) {
        problems.add(problem);
        moveProblems.put(move.seq(), problem);
    }

    private static Verdict verdict(CompatibilityEngine engine, FleetSnapshot fresh, MoveRecord move,
            List<String> problems, Map<Integer, String> moveProblems) {
        Guest guest = fresh.host(move.source()).orElseThrow().guests().stream()
                .filter(g -> g.uuid().equals(move.guestUuid())).findFirst().orElseThrow();
        try {
            return engine.check(guest, move.source(), move.destination());
        } catch (UnknownNameException e) {
            report(problems, moveProblems, move, move.label() + ": " + e.getMessage());
            return null;
        }
    }

    private static void checkHost(String name, FleetSnapshot planSnapshot, FleetSnapshot fresh, boolean upgraded,
            List<String> problems) {
        Optional<SnapshotHost> now = fresh.host(name);
        if (now.isEmpty() || now.get().status() != HostStatus.OK || now.get().host().isEmpty()) {
            problems.add(name + " could not be inventoried now"
                    + now.flatMap(SnapshotHost::error).map(error -> ": " + error).orElse(""));
            return;
        }
        Optional<HostVersions> then = planSnapshot.host(name).flatMap(SnapshotHost::host).map(Host::versions);
        HostVersions current = now.get().host().get().versions();
        if (then.isPresent() && !upgraded) {
            if (!then.get().libvirt().equals(current.libvirt())) {
                problems.add(name + ": libvirt " + then.get().libvirt() + " when planned (snapshot "
                        + planSnapshot.id() + "), now " + current.libvirt());
            }
            if (!then.get().qemu().equals(current.qemu())) {
                problems.add(name + ": QEMU " + then.get().qemu() + " when planned (snapshot " + planSnapshot.id()
                        + "), now " + current.qemu());
            }
        }
        if (!now.get().flags().isEmpty()) {
            problems.add(name + " is flagged " + now.get().flags());
        }
    }

    /** The host a guest is active on in the snapshot; several hosts are reported as the first (flags say the rest). */
    static Optional<String> whereActive(FleetSnapshot snapshot, UUID uuid) {
        for (SnapshotHost host : snapshot.hosts()) {
            for (Guest guest : host.guests()) {
                if (guest.uuid().equals(uuid) && guest.state().isActive()) {
                    return Optional.of(host.name());
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Violation violation) {
        return violation.ruleId() + ": " + violation.reason()
                + (violation.fix() == null || violation.fix().isBlank() ? "" : " (fix: " + violation.fix() + ")");
    }
}
