package io.drover.execute;

import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the apply job does, step by step: check the plan file and its record, open (or resume) the run, reconcile
 * moves an interrupted run left behind, pre-flight the whole plan on fresh facts, then run the waves in order.
 */
public class Applier {

    private static final Logger log = LoggerFactory.getLogger(Applier.class);

    private final PlanStore plans;
    private final SnapshotStore snapshots;
    private final ApplyStore store;
    private final FleetRefresher refresher;
    private final PlanPreflight preflight;
    private final MoveExecutor executor;
    private final ApplyProperties properties;
    private final ExecutorService movePool;
    private final ApplyProgress progress;
    private final HostUpgrader upgrader;
    private final SourceDiskCleaner cleaner;
    /** The last plan snapshot loaded: a complete snapshot never changes, and prepare, execute and dry run all need it. */
    private final AtomicReference<FleetSnapshot> lastPlanSnapshot = new AtomicReference<>();
    /**
     * The fresh snapshot a run's pre-flight (prepare) just took, until its execute step picks it up: nothing moved
     * in between, so the first wave is checked on it instead of inventorying the same hosts again.
     */
    private final Map<Long, FleetSnapshot> preflightSnapshots = new ConcurrentHashMap<>();

    public Applier(PlanStore plans, SnapshotStore snapshots, ApplyStore store, FleetRefresher refresher,
            PlanPreflight preflight, MoveExecutor executor, ApplyProperties properties, ExecutorService movePool,
            ApplyProgress progress, SourceDiskCleaner cleaner) {
        this.progress = progress;
        this.cleaner = cleaner;
        this.upgrader = new HostUpgrader(store, refresher, properties);
        this.plans = plans;
        this.snapshots = snapshots;
        this.store = store;
        this.refresher = refresher;
        this.preflight = preflight;
        this.executor = executor;
        this.properties = properties;
        this.movePool = movePool;
    }

    /** A plan file whose content matches its hash and the hash Drover recorded when it wrote the plan. */
    public record CheckedPlan(Path file, Plan plan, String contentHash) {
    }

    /** What a dry run found: the problems that would refuse the plan, and what each move would do. */
    public record DryRun(CheckedPlan plan, long freshSnapshotId, List<String> problems, List<String> actions) {
    }

    /** @throws io.drover.plan.PlanFileException when the file was edited or cannot be read */
    public CheckedPlan readPlan(Path file) {
        PlanFile planFile = new PlanFile();
        Plan plan = planFile.read(file);
        String hash = planFile.contentHash(plan);
        Optional<String> recorded = plans.contentHash(plan.id());
        if (recorded.isEmpty()) {
            throw new PlanRefusedException(file + ": plan " + plan.id() + " was not made by this Drover (no record "
                    + "of it in the database); plan again", List.of());
        }
        if (!recorded.get().equals(hash)) {
            throw new PlanRefusedException(file + ": plan " + plan.id() + " has content hash " + hash + ", Drover "
                    + "recorded " + recorded.get() + " when it wrote it; plan again", List.of());
        }
        return new CheckedPlan(file, plan, hash);
    }

    /** Every pre-flight check, nothing started, no run recorded (only the fresh inventory is stored). */
    public DryRun dryRun(Path file) {
        CheckedPlan checked = readPlan(file);
        Plan plan = checked.plan();
        List<MoveRecord> moves = store.run(plan.id(), checked.contentHash()).map(run -> store.moves(run.id()))
                .orElseGet(() -> pendingMoves(plan));
        FleetSnapshot planSnapshot = planSnapshot(plan);
        FleetSnapshot fresh = refresh(plan, planSnapshot, "apply --dry-run " + plan.id(), null);
        Set<String> upgraded = store.run(plan.id(), checked.contentHash()).map(run -> store.upgradedHosts(run.id()))
                .orElse(Set.of());
        PlanPreflight.Result result = preflight.check(plan, planSnapshot, fresh, moves, upgraded,
                move -> executor.findElsewhere(move.guest(), otherHosts(plan, planSnapshot)));
        List<PlannedMigration> planned = plan.migrations().toList();
        long bandwidth = properties.bandwidthMibs(plan.limits().bandwidthMiBs());
        List<String> actions = new ArrayList<>();
        for (MoveRecord move : moves) {
            PlannedMigration planMove = planned.get(move.seq());
            String what = move.state().isFinal() ? "nothing (" + move.state() + ")"
                    : result.moveProblems().containsKey(move.seq()) ? "refused: " + result.moveProblems().get(move.seq())
                    : "migrate " + planMove.mode().label() + (planMove.copyDisks().isEmpty() ? ""
                            : " copying " + planMove.copyDisks()) + " at up to " + bandwidth + " MiB/s, max downtime "
                            + properties.initialDowntime().toMillis() + " ms";
            actions.add("phase " + move.phase() + " wave " + move.wave() + ": " + move.label() + ": " + what);
        }
        return new DryRun(checked, fresh.id(), result.problems(), actions);
    }

    /**
     * Step one: opens or resumes the run, reconciles what an interrupted run left, and pre-flights the plan.
     *
     * @throws PlanRefusedException (run REFUSED) when the fleet is no longer as the plan expects
     */
    public ApplyRun prepare(Path file, String expectedHash, Long jobExecutionId) {
        CheckedPlan checked = readPlan(file);
        if (!checked.contentHash().equals(expectedHash)) {
            throw new PlanRefusedException(file + " now has content hash " + checked.contentHash() + ", this run "
                    + "was started for " + expectedHash, List.of());
        }
        Plan plan = checked.plan();
        ApplyRun run = store.openRun(plan, checked.contentHash(), file.toAbsolutePath().toString(), jobExecutionId);
        if (run.status() == ApplyRun.Status.COMPLETED) {
            return run;
        }
        FleetSnapshot planSnapshot = planSnapshot(plan);
        Map<String, String> uris = uris(planSnapshot, PlanPreflight.hostsInvolved(plan));
        for (MoveRecord move : store.moves(run.id())) {
            switch (move.state()) {
                case MIGRATING:
                    MoveRecord reconciled = executor.reconcile(move, new MoveExecutor.MoveContext(uris,
                            guest(planSnapshot, move.guestUuid()), null, List.of(), 0));
                    log.info("Run {}: move {} ({}) left MIGRATING, reconciled to {}", run.id(), move.seq(),
                            move.label(), reconciled.state());
                    break;
                case PREFLIGHT_OK:
                    store.transition(move, MoveState.PENDING, "resumed: pre-flight again");
                    break;
                case FAILED:
                    store.transition(move, MoveState.PENDING, "resumed: retry (was: "
                            + move.error().orElse("failed") + ")");
                    break;
                default:
                    break;
            }
        }
        FleetSnapshot fresh = refresh(plan, planSnapshot, "apply " + plan.id() + " pre-flight", jobExecutionId);
        PlanPreflight.Result result = preflight.check(plan, planSnapshot, fresh, store.moves(run.id()),
                store.upgradedHosts(run.id()), move -> executor.findElsewhere(move.guest(), otherHosts(plan, planSnapshot)));
        if (!result.ok()) {
            PlanRefusedException refusal = new PlanRefusedException("plan " + plan.id() + " refused: the fleet "
                    + "changed since snapshot " + plan.snapshotId() + " (fresh inventory: snapshot " + fresh.id()
                    + "); plan again", result.problems());
            store.finishRun(run.id(), ApplyRun.Status.REFUSED, refusal.getMessage());
            throw refusal;
        }
        preflightSnapshots.put(run.id(), fresh);
        return run;
    }

    /**
     * Step two: runs the waves in order, each pre-flighted on facts collected just before it. Stops starting moves
     * once the error budget is spent or an operator aborts the run; starts none while an operator pauses it. In an
     * upgrade campaign, once a phase's moves are all done its hosts are upgraded (and checked) before the next phase.
     *
     * @param deleteSourceDisks delete the images verified block copies left on their sources (also when the property
     *                          {@code drover.apply.delete-source-disks} says so), after each wave and for moves an
     *                          earlier run verified
     * @return the run's final status
     */
    public ApplyRun.Status execute(long runId, Long jobExecutionId, boolean deleteSourceDisks) {
        ApplyRun run = store.run(runId).orElseThrow();
        Optional<FleetSnapshot> unchangedSincePreflight = Optional.ofNullable(preflightSnapshots.remove(runId));
        if (run.status() == ApplyRun.Status.COMPLETED) {
            return run.status();
        }
        Plan plan = readPlan(Path.of(run.planFile())).plan();
        FleetSnapshot planSnapshot = planSnapshot(plan);
        List<PlannedMigration> planned = plan.migrations().toList();
        AtomicInteger failures = new AtomicInteger();
        Admissions admissions = new Admissions(runId, failures);
        WaveRunner runner = new WaveRunner(movePool, properties.pollInterval());
        Map<String, List<MoveRecord>> waves = store.moves(runId).stream().collect(Collectors.groupingBy(
                move -> move.phase() + "/" + move.wave(), LinkedHashMap::new, Collectors.toList()));
        // Moves an earlier run verified first, then each wave's own once it is done: each move is looked at once.
        Map<String, String> sourceUris = uris(planSnapshot, PlanPreflight.hostsInvolved(plan));
        Consumer<List<MoveRecord>> cleanUpSources = deleteSourceDisks || properties.deleteSourceDisks()
                ? moves -> cleanUpSources(moves, planned, planSnapshot, sourceUris) : moves -> { };
        cleanUpSources.accept(store.moves(runId));
        Optional<String> upgradeFailure = Optional.empty();
        phases:
        for (PlanPhase phase : plan.phases()) {
            for (Map.Entry<String, List<MoveRecord>> wave : waves.entrySet()) {
                List<MoveRecord> pending = wave.getValue().stream()
                        .filter(m -> m.phase() == phase.number() && m.state() == MoveState.PENDING).toList();
                if (pending.isEmpty()) {
                    continue;
                }
                if (!admissions.awaitStart()) {
                    break phases;
                }
                FleetSnapshot fresh = unchangedSincePreflight.isPresent() ? unchangedSincePreflight.get()
                        : refresh(plan, planSnapshot, "apply " + plan.id() + " wave " + wave.getKey(), jobExecutionId);
                unchangedSincePreflight = Optional.empty();
                PlanPreflight.Result result = preflight.check(plan, planSnapshot, fresh, pending,
                        store.upgradedHosts(runId));
                if (result.problems().size() > result.moveProblems().size()) {
                    PlanRefusedException refusal = new PlanRefusedException("plan " + plan.id() + " stopped before "
                            + "wave " + wave.getKey() + ": the fleet changed (snapshot " + fresh.id() + ")",
                            result.problems());
                    store.finishRun(runId, ApplyRun.Status.REFUSED, refusal.getMessage());
                    throw refusal;
                }
                Map<String, String> uris = uris(fresh, PlanPreflight.hostsInvolved(plan));
                progress.waveStarted(runId, phase.number(), pending.get(0).wave(), pending);
                List<MoveRecord> ready = new ArrayList<>();
                for (MoveRecord move : pending) {
                    String problem = result.moveProblems().get(move.seq());
                    if (problem != null) {
                        store.transition(move, MoveState.FAILED, "pre-flight: " + problem);
                        failures.incrementAndGet();
                    } else {
                        ready.add(store.transition(move, MoveState.PREFLIGHT_OK, "pre-flight on snapshot "
                                + fresh.id()));
                    }
                }
                long bandwidth = properties.bandwidthMibs(plan.limits().bandwidthMiBs());
                List<MoveRecord> done = runner.run(ready, plan.limits(), move -> {
                    PlannedMigration planMove = planned.get(move.seq());
                    return executor.migrate(move, new MoveExecutor.MoveContext(uris, guest(fresh, move.guestUuid()),
                            planMove.mode(), planMove.copyDisks(), bandwidth));
                }, admissions::now);
                notStarted(runId, ready, done);
                for (MoveRecord move : done) {
                    log.info("Run {}: move {} ({}) {}{}", runId, move.seq(), move.label(), move.state(),
                            move.error().map(error -> ": " + error).orElse(""));
                    if (move.state() == MoveState.FAILED) {
                        failures.incrementAndGet();
                    }
                }
                cleanUpSources.accept(done);
            }
            if (!phase.hostsToUpgrade().isEmpty() && plan.upgradeTo().isPresent()) {
                // a host is upgraded only once its phase emptied it, and later phases need it upgraded
                boolean emptied = store.moves(runId).stream().filter(m -> m.phase() == phase.number())
                        .allMatch(m -> m.state().isFinal());
                if (!emptied || !admissions.awaitStart()) {
                    break;
                }
                unchangedSincePreflight = Optional.empty();
                HostUpgrader.UpgradeContext context = new HostUpgrader.UpgradeContext(runId, plan.id(),
                        phase.number(), planSnapshot, plan.upgradeTo().get(), jobExecutionId);
                for (String host : phase.hostsToUpgrade()) {
                    upgradeFailure = upgrader.upgrade(context, host, admissions::awaitStart);
                    if (upgradeFailure.isPresent()) {
                        break phases;
                    }
                }
            }
        }
        List<MoveRecord> moves = store.moves(runId);
        List<MoveRecord> failed = moves.stream().filter(m -> m.state() == MoveState.FAILED).toList();
        boolean aborted = store.control(runId) == ApplyRun.Control.ABORT;
        boolean allDone = moves.stream().allMatch(m -> m.state().isFinal()) && upgradeFailure.isEmpty() && !aborted;
        ApplyRun.Status status = allDone ? ApplyRun.Status.COMPLETED
                : aborted ? ApplyRun.Status.ABORTED : ApplyRun.Status.FAILED;
        String error = allDone ? null : aborted ? abortSummary(moves) : upgradeFailure.orElseGet(() ->
                failed.size() + " move(s) failed"
                + (failures.get() >= properties.errorBudget() ? " (error budget " + properties.errorBudget()
                        + " spent, later moves not started)" : "") + ": "
                + failed.stream().map(m -> m.label() + ": " + m.error().orElse("?")).collect(Collectors.joining("; ")));
        store.finishRun(runId, status, error);
        progress.runEnded(store.run(runId).orElseThrow(), moves);
        return status;
    }

    /** The source disks of these moves' verified block copies that no run has dealt with yet. */
    private void cleanUpSources(List<MoveRecord> moves, List<PlannedMigration> planned, FleetSnapshot planSnapshot,
            Map<String, String> uris) {
        for (MoveRecord move : moves) {
            PlannedMigration planMove = planned.get(move.seq());
            if (move.state() == MoveState.VERIFIED && planMove.mode().copiesStorage()) {
                cleaner.cleanUp(move, guest(planSnapshot, move.guestUuid()), planMove.copyDisks(),
                        uris.get(move.source()));
            }
        }
    }

    private static String abortSummary(List<MoveRecord> moves) {
        long cancelled = moves.stream().filter(m -> m.state() == MoveState.FAILED
                && m.error().orElse("").startsWith(MoveExecutor.ABORTED)).count();
        long left = moves.stream().filter(m -> m.state() == MoveState.PENDING).count();
        return MoveExecutor.ABORTED + ": " + cancelled + " migration(s) cancelled, " + left + " move(s) not started "
                + "(apply the plan again to resume)";
    }

    /** Moves that passed the wave's pre-flight but never started (run stopped) wait as PENDING for a later run. */
    private void notStarted(long runId, List<MoveRecord> ready, List<MoveRecord> done) {
        List<Integer> started = done.stream().map(MoveRecord::seq).toList();
        String why = store.control(runId) == ApplyRun.Control.ABORT ? MoveExecutor.ABORTED : "error budget spent";
        for (MoveRecord move : ready) {
            if (!started.contains(move.seq())) {
                store.transition(move, MoveState.PENDING, why + ": not started");
            }
        }
    }

    /**
     * Whether moves may start: not once the error budget is spent or an operator aborted the run, not while an
     * operator pauses it (each pause and resume is reported once).
     */
    private final class Admissions {
        private final long runId;
        private final AtomicInteger failures;
        private boolean paused;

        Admissions(long runId, AtomicInteger failures) {
            this.runId = runId;
            this.failures = failures;
        }

        synchronized WaveRunner.Admission now() {
            ApplyRun.Control control = store.control(runId);
            if (control == ApplyRun.Control.ABORT || failures.get() >= properties.errorBudget()) {
                return WaveRunner.Admission.STOP;
            }
            boolean pause = control == ApplyRun.Control.PAUSE;
            if (pause != paused) {
                paused = pause;
                log.info("Run {}: {}", runId, pause ? "paused by operator: no new move starts" : "resumed");
                progress.runPaused(runId, pause);
            }
            return pause ? WaveRunner.Admission.HOLD : WaveRunner.Admission.START;
        }

        /** Waits while paused; false when no move may start any more. */
        boolean awaitStart() {
            WaveRunner.Admission admission = now();
            while (admission == WaveRunner.Admission.HOLD) {
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                admission = now();
            }
            return admission == WaveRunner.Admission.START;
        }
    }

    private List<MoveRecord> pendingMoves(Plan plan) {
        List<MoveRecord> moves = new ArrayList<>();
        int[] seq = {0};
        plan.phases().forEach(phase -> phase.waves().forEach(wave -> wave.migrations().forEach(move -> moves.add(
                new MoveRecord(0, seq[0]++, phase.number(), wave.number(), move.guest(), move.uuid(), move.source(),
                        move.destination(), move.mode().name(), MoveState.PENDING, 0, Optional.empty(),
                        Optional.empty(), java.time.Instant.now())))));
        return moves;
    }

    private FleetSnapshot planSnapshot(Plan plan) {
        FleetSnapshot loaded = lastPlanSnapshot.get();
        if (loaded != null && loaded.id() == plan.snapshotId()) {
            return loaded;
        }
        loaded = snapshots.load(plan.snapshotId()).orElseThrow(() -> new PlanRefusedException("snapshot "
                + plan.snapshotId() + " that plan " + plan.id() + " was made from is not in the database",
                List.of()));
        lastPlanSnapshot.set(loaded);
        return loaded;
    }

    private FleetSnapshot refresh(Plan plan, FleetSnapshot planSnapshot, String source, Long jobExecutionId) {
        return refresher.refresh(FleetRefresher.sources(planSnapshot, PlanPreflight.hostsInvolved(plan),
                "plan " + plan.id()), source, jobExecutionId);
    }

    /** The plan snapshot's hosts the plan does not involve, by URI: asked only where a guest went missing. */
    private static Map<String, String> otherHosts(Plan plan, FleetSnapshot planSnapshot) {
        List<String> involved = PlanPreflight.hostsInvolved(plan);
        Map<String, String> others = new LinkedHashMap<>();
        planSnapshot.hosts().stream().filter(host -> !involved.contains(host.name()))
                .filter(host -> !host.uri().startsWith("dump:")).forEach(host -> others.put(host.name(), host.uri()));
        return others;
    }

    private static Map<String, String> uris(FleetSnapshot snapshot, List<String> hosts) {
        Map<String, String> uris = new LinkedHashMap<>();
        for (String host : hosts) {
            uris.put(host, snapshot.host(host).map(SnapshotHost::uri).orElseThrow());
        }
        return uris;
    }

    private static Guest guest(FleetSnapshot snapshot, UUID uuid) {
        return snapshot.hosts().stream().flatMap(host -> host.guests().stream())
                .filter(guest -> guest.uuid().equals(uuid))
                .sorted((a, b) -> Boolean.compare(b.state().isActive(), a.state().isActive())).findFirst()
                .orElseThrow(() -> new IllegalStateException("snapshot " + snapshot.id() + " has no guest " + uuid));
    }
}
