package io.drover.execute;

import io.drover.libvirt.BlockingCalls;
import io.drover.libvirt.DomainDescription;
import io.drover.libvirt.DomainState;
import io.drover.libvirt.EventSubscription;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtConnector;
import io.drover.libvirt.LibvirtFailure;
import io.drover.libvirt.MigrationFlag;
import io.drover.libvirt.MigrationRequest;
import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.compat.MigrationMode;
import io.drover.model.Disk;
import io.drover.model.DiskSource;
import io.drover.model.Guest;
import io.drover.model.PowerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one move that passed pre-flight: checkpoint MIGRATING, start a peer-to-peer live migration on the
 * source (the source libvirtd drives it to its end even if Drover dies), watch its job statistics on a second
 * connection (a connection is used by one thread at a time), raise the max downtime in steps while it stalls,
 * abort it on timeout (the guest then stays on its source), and verify where the guest runs afterwards.
 */
public class MoveExecutor {

    private static final Logger log = LoggerFactory.getLogger(MoveExecutor.class);
    private static final Set<MigrationFlag> LIVE_P2P = EnumSet.of(MigrationFlag.LIVE, MigrationFlag.PEER_TO_PEER,
            MigrationFlag.PERSIST_DEST, MigrationFlag.UNDEFINE_SOURCE);
    /** {@code VIR_DOMAIN_JOB_NONE}: the domain runs no job. */
    private static final String JOB_NONE = "0";
    /** The reason every move an operator's abort stops carries. */
    public static final String ABORTED = "aborted by operator";
    /** How a move's notes record that Drover paused its guest: whoever finds the note runs the guest again. */
    static final String PAUSED_NOTE = "paused by Drover to finish its migration";

    private final LibvirtConnector connector;
    private final ApplyStore store;
    private final ApplyProperties properties;
    private final HostCallLimiter limiter;
    private final ApplyHooks hooks;
    private final ExecutorService migrateCalls = BlockingCalls.newDaemonPool("migrate-call");

    public MoveExecutor(LibvirtConnector connector, ApplyStore store, ApplyProperties properties,
            HostCallLimiter limiter, ApplyHooks hooks) {
        this.connector = connector;
        this.store = store;
        this.properties = properties;
        this.limiter = limiter;
        this.hooks = hooks;
    }

    /**
     * What a move needs to know about the fleet.
     *
     * @param uris      every host involved, name to libvirt URI (the source daemon reaches the destination by it)
     * @param guest     the guest's facts on its source, from the pre-flight inventory
     * @param copyDisks the disk targets to block-copy (empty for shared storage)
     */
    public record MoveContext(Map<String, String> uris, Guest guest, MigrationMode mode, List<String> copyDisks,
            long bandwidthMibs) {
    }

    /** Runs a PREFLIGHT_OK move to VERIFIED or FAILED; the returned record is the final checkpoint. */
    public MoveRecord migrate(MoveRecord move, MoveContext context) {
        try {
            prepareDestinationStorage(move, context);
        } catch (LibvirtFailure e) {
            return store.transition(move, MoveState.FAILED, "preparing " + move.destination() + "'s storage: "
                    + e.getMessage());
        }
        if (store.control(move.runId()) == ApplyRun.Control.ABORT) {
            return store.transition(move, MoveState.PENDING, ABORTED + ": not started");
        }
        EscalationPolicy policy = properties.policyFor(move.guest(), context.guest().flavor());
        MoveRecord migrating = store.transition(move, MoveState.MIGRATING, "migration started (class "
                + policy.migrationClass() + ")");
        List<String> escalations = new ArrayList<>();
        Optional<String> failure = runMigration(migrating, context, policy, escalations);
        Whereabouts where = resumeIfPausedByDrover(migrating, context, whereabouts(migrating, context.uris()));
        if (failure.isPresent()) {
            if (where.place() == Whereabouts.Place.ON_SOURCE) {
                return store.transition(migrating, MoveState.FAILED, failure.get() + "; " + move.guest()
                        + " still runs on " + move.source());
            }
            if (where.place() != Whereabouts.Place.ON_DESTINATION) {
                return store.transition(migrating, MoveState.FAILED, failure.get() + "; where it is now: "
                        + where.detail());
            }
            log.warn("Move {} ({}) reported {}, but the guest runs on its destination: verifying", move.seq(),
                    move.label(), failure.get());
        }
        return verify(migrating, where, context, escalations);
    }

    /**
     * Recovery of a move left MIGRATING by an earlier run: waits for a migration still in flight, then VERIFIED if
     * the guest runs on its destination, PENDING if it runs on its source with no job, FAILED otherwise. Never
     * starts, undefines or migrates anything.
     */
    public MoveRecord reconcile(MoveRecord move, MoveContext context) {
        Instant deadline = Instant.now().plus(properties.settleTimeout());
        Whereabouts where = whereabouts(move, context.uris());
        while ((where.place() == Whereabouts.Place.IN_FLIGHT || where.place() == Whereabouts.Place.UNKNOWN)
                && Instant.now().isBefore(deadline)) {
            log.info("Move {} ({}) still in flight after a restart ({}); waiting", move.seq(), move.label(),
                    where.detail());
            pause();
            where = whereabouts(move, context.uris());
        }
        if (where.place() != Whereabouts.Place.IN_FLIGHT && where.place() != Whereabouts.Place.UNKNOWN) {
            where = resumeIfPausedByDrover(move, context, where);
        }
        switch (where.place()) {
            case ON_DESTINATION:
                return verify(move, where, context, List.of());
            case ON_SOURCE:
                return store.transition(move, MoveState.PENDING, "recovered: still on " + move.source()
                        + " and no migration job (" + where.detail() + ")");
            default:
                return store.transition(move, MoveState.FAILED, "recovered: " + where.place() + " (" + where.detail()
                        + "); an operator must look before anything moves it");
        }
    }

    /** Post-flight: running (migrated) on the destination, active nowhere else, same machine type. */
    private MoveRecord verify(MoveRecord move, Whereabouts where, MoveContext context, List<String> escalations) {
        if (where.place() != Whereabouts.Place.ON_DESTINATION) {
            return store.transition(move, MoveState.FAILED, "post-flight: not running on " + move.destination()
                    + " only (" + where.detail() + ")");
        }
        String machine = limiter.call(move.destination(), () -> {
            try (HypervisorConnection destination = connector.open(context.uris().get(move.destination()))) {
                saveCompletedJobStats(move, destination);
                return destination.domains().stream().filter(domain -> domain.name().equals(move.guest()))
                        .map(DomainDescription::xml).findFirst().map(xml -> DomainXmlParser.parse(xml).machineType())
                        .orElse("(not defined)");
            }
        });
        if (!machine.equals(context.guest().machineType())) {
            return store.transition(move, MoveState.FAILED, "post-flight: machine type on " + move.destination()
                    + " is " + machine + ", was " + context.guest().machineType());
        }
        return store.transition(move, MoveState.VERIFIED, "running on " + move.destination() + " only ("
                + where.detail() + "), machine " + machine
                + (escalations.isEmpty() ? "" : "; " + String.join("; ", escalations)));
    }

    /**
     * The destination keeps the finished migration's statistics, with the guest's actual downtime: they replace the
     * last statistics polled during the migration, for the report.
     */
    private void saveCompletedJobStats(MoveRecord move, HypervisorConnection destination) {
        try {
            Map<String, String> completed = destination.completedJobStats(move.guest());
            if (completed.containsKey("downtime")) {
                store.saveJobStats(move, completed);
            }
        } catch (LibvirtFailure e) {
            log.debug("Move {}: no completed job statistics on {}: {}", move.seq(), move.destination(),
                    e.getMessage());
        }
    }

    /** Asks every host involved where the guest is, and the source whether it still runs a job for it. */
    public Whereabouts whereabouts(MoveRecord move, Map<String, String> uris) {
        Map<String, Optional<DomainState>> states = new LinkedHashMap<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        boolean[] sourceJob = {false};
        uris.forEach((host, uri) -> {
            try {
                limiter.run(host, () -> {
                    try (HypervisorConnection connection = connector.open(uri)) {
                        Optional<DomainState> state = connection.domainState(move.guest());
                        states.put(host, state);
                        if (host.equals(move.source()) && state.map(s -> s.state().isActive()).orElse(false)) {
                            sourceJob[0] = !JOB_NONE.equals(jobStats(connection, move.guest())
                                    .getOrDefault("type", JOB_NONE));
                        }
                    }
                });
            } catch (LibvirtFailure e) {
                unreachable.put(host, e.getMessage());
            }
        });
        return Whereabouts.of(move.source(), move.destination(), states, sourceJob[0], unreachable);
    }

    /** The first of the given hosts (name to URI) where the guest is active; hosts that do not answer are skipped. */
    public Optional<String> findElsewhere(String guest, Map<String, String> hosts) {
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            try {
                boolean active = limiter.call(host.getKey(), () -> {
                    try (HypervisorConnection connection = connector.open(host.getValue())) {
                        return connection.domainState(guest).map(state -> state.state().isActive()).orElse(false);
                    }
                });
                if (active) {
                    return Optional.of(host.getKey());
                }
            } catch (LibvirtFailure e) {
                log.debug("{} not asked where {} is: {}", host.getKey(), guest, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> jobStats(HypervisorConnection connection, String guest) {
        try {
            return connection.jobStats(guest);
        } catch (LibvirtFailure e) {
            return Map.of(); // the domain left between the two calls
        }
    }

    /**
     * Block copies need their destination disks ready. copy-storage-all: libvirt pre-creates each disk through the
     * pool of its directory, whose volume list is cached, so those pools are refreshed. copy-storage-inc: libvirt
     * creates nothing, so each copied disk gets an empty overlay of the source's size on the same backing file (which
     * must already be on the destination), through the destination's storage API.
     */
    private void prepareDestinationStorage(MoveRecord move, MoveContext context) {
        if (!context.mode().copiesStorage()) {
            return;
        }
        List<Disk> copied = context.guest().disks().stream()
                .filter(disk -> context.copyDisks().contains(disk.target()))
                .filter(disk -> disk.source() instanceof DiskSource.File).toList();
        if (context.mode() == MigrationMode.LIVE_BLOCK_INC) {
            for (Disk disk : copied) {
                createOverlay(move, context, disk);
            }
            return;
        }
        Set<String> directories = new TreeSet<>();
        for (Disk disk : copied) {
            directories.add(((DiskSource.File) disk.source()).directory());
        }
        limiter.run(move.destination(), () -> {
            try (HypervisorConnection destination = connector.open(context.uris().get(move.destination()))) {
                for (String directory : directories) {
                    if (destination.refreshStoragePoolsAt(directory) == 0) {
                        log.warn("Move {} ({}): {} has no storage pool on {}; libvirt needs one (or the file) to "
                                + "copy the disk", move.seq(), move.label(), move.destination(), directory);
                    }
                }
            }
        });
    }

    private void createOverlay(MoveRecord move, MoveContext context, Disk disk) {
        DiskSource.File file = (DiskSource.File) disk.source();
        String path = file.path();
        if (disk.backingChain().isEmpty() || !(disk.backingChain().get(0).source() instanceof DiskSource.File)) {
            throw new LibvirtFailure(context.uris().get(move.destination()), "prepare " + path, -1, disk.target()
                    + " has no backing file: copy-storage-inc would leave the destination without its base data",
                    null);
        }
        String backing = ((DiskSource.File) disk.backingChain().get(0).source()).path();
        String backingFormat = disk.backingChain().get(0).format().orElse("qcow2");
        long capacity = limiter.call(move.source(), () -> {
            try (HypervisorConnection source = connector.open(context.uris().get(move.source()))) {
                source.refreshStoragePoolsAt(file.directory());
                return source.volumeCapacity(path);
            }
        });
        limiter.run(move.destination(), () -> {
            try (HypervisorConnection destination = connector.open(context.uris().get(move.destination()))) {
                destination.createOverlay(path, capacity, disk.driver().format().orElse("qcow2"), backing,
                        backingFormat);
            }
        });
        log.info("Move {} ({}): created {} on {} over {} ({} bytes)", move.seq(), move.label(), path,
                move.destination(), backing, capacity);
    }

    /**
     * Peer-to-peer live migration, plus the block copy the plan's mode asks for, auto-converge when the policy
     * allows it, and the post-copy capability (needed at start to switch later) for memory-only moves when the
     * policy allows it: a block copy must finish before the guest may run on the destination.
     */
    private Set<MigrationFlag> flags(MigrationMode mode, EscalationPolicy policy) {
        Set<MigrationFlag> flags = EnumSet.copyOf(LIVE_P2P);
        if (mode == MigrationMode.LIVE_BLOCK_ALL) {
            flags.add(MigrationFlag.COPY_STORAGE_ALL);
        } else if (mode == MigrationMode.LIVE_BLOCK_INC) {
            flags.add(MigrationFlag.COPY_STORAGE_INC);
        }
        if (properties.autoConverge()) {
            flags.add(MigrationFlag.AUTO_CONVERGE);
        }
        if (policy.timeoutAction() == TimeoutAction.POST_COPY && mode == MigrationMode.LIVE) {
            flags.add(MigrationFlag.POSTCOPY);
        }
        return flags;
    }

    /**
     * Runs the migration to its end; empty when libvirt reports success, else why it failed or was aborted.
     *
     * @param escalations gets a note for each escalation beyond max downtime (post-copy, pause)
     */
    private Optional<String> runMigration(MoveRecord move, MoveContext context, EscalationPolicy policy,
            List<String> escalations) {
        String sourceUri = context.uris().get(move.source());
        MigrationRequest request = new MigrationRequest(context.uris().get(move.destination()),
                flags(context.mode(), policy),
                OptionalLong.of(context.bandwidthMibs()),
                context.mode().copiesStorage() ? context.copyDisks() : List.of());
        Optional<String> abortReason;
        MigrationPasses passes = new MigrationPasses();
        CompletableFuture<Void> call;
        // Watched before it starts, so that no memory pass goes unseen.
        try (HypervisorConnection monitor = limiter.call(move.source(), () -> connector.open(sourceUri));
                EventSubscription events = subscribe(move, monitor, passes)) {
            call = CompletableFuture.runAsync(() -> limiter.run(move.source(), () -> {
                try (HypervisorConnection source = connector.open(sourceUri)) {
                    source.migrate(move.guest(), request);
                }
            }), migrateCalls);
            abortReason = watch(move, monitor, call, passes, context.guest().memory().bytes(), policy,
                    request.flags().contains(MigrationFlag.POSTCOPY), escalations);
            if (abortReason.isPresent()) {
                log.warn("Move {} ({}): aborting: {}", move.seq(), move.label(), abortReason.get());
                try {
                    limiter.run(move.source(), () -> monitor.abortJob(move.guest()));
                } catch (LibvirtFailure e) {
                    log.warn("Move {} ({}): abort failed: {}", move.seq(), move.label(), e.getMessage());
                }
            }
        }
        try {
            call.get();
            // Checkpointed at once: the end state is on record even if post-flight cannot reach the destination.
            passes.completed().ifPresent(stats -> store.saveJobStats(move, stats));
            return Optional.empty();
        } catch (ExecutionException e) {
            String message = e.getCause().getMessage();
            return Optional.of(abortReason.map(reason -> reason + " (" + message + ")").orElse(message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the migration");
        }
    }

    /**
     * Polls job statistics until the migration call returns; returns why to abort it, if it must be. Where the
     * migration may switch to post-copy and the guest dirties memory at least at {@code post-copy-min-dirty-rate},
     * it switches instead of being aborted (and after {@code post-copy-after}, when set); from then on the guest runs
     * on the destination and the migration can no longer be aborted. Where the policy pauses instead, the guest is
     * paused once; from then on nothing is dirtied and the rest goes at the bandwidth, so only a stall (no progress
     * for {@code stall-timeout}, counted from the pause) aborts it.
     */
    private Optional<String> watch(MoveRecord move, HypervisorConnection monitor, CompletableFuture<Void> call,
            MigrationPasses passes, long memoryBytes, EscalationPolicy policy, boolean postCopyCapable,
            List<String> escalations) {
        boolean postCopy = false;
        boolean paused = false;
        Instant started = Instant.now();
        Instant lastProgress = started;
        Instant lastRaise = started;
        long lowestRemaining = Long.MAX_VALUE;
        long downtime = properties.initialDowntime().toMillis();
        boolean downtimeSet = false;
        boolean announced = false;
        Duration timeout = properties.completionTimeout(memoryBytes);
        int loggedPass = 1;
        while (!done(call)) {
            loggedPass = logNewPass(move, passes, loggedPass);
            Map<String, String> stats = limiter.call(move.source(), () -> jobStats(monitor, move.guest()));
            Instant now = Instant.now();
            if (stats.isEmpty() || JOB_NONE.equals(stats.getOrDefault("type", JOB_NONE))) {
                continue;
            }
            store.saveJobStats(move, stats);
            if (!announced) {
                announced = true;
                hooks.migrationStarted(move);
            }
            if (postCopy) {
                continue; // the guest runs on the destination already: only the end remains
            }
            if (!downtimeSet) {
                long initial = downtime;
                downtimeSet = trySetDowntime(move, monitor, initial);
            }
            long total = number(stats, "data_total");
            if (total > 0) {
                timeout = properties.completionTimeout(total);
            }
            long remaining = number(stats, "data_remaining");
            if (remaining >= 0 && remaining < lowestRemaining) {
                lowestRemaining = remaining;
                lastProgress = now;
            }
            if (store.control(move.runId()) == ApplyRun.Control.ABORT) {
                return Optional.of(ABORTED);
            }
            Duration stalled = Duration.between(lastProgress, now);
            Duration elapsed = Duration.between(started, now);
            Optional<String> tooSlow = stalled.compareTo(properties.stallTimeout()) >= 0
                    ? Optional.of("no progress for " + stalled.toSeconds() + " s (data remaining " + remaining
                            + " bytes, lowest " + lowestRemaining + ", memory pass " + passes.pass() + ")")
                    : !paused && elapsed.compareTo(timeout) >= 0 ? Optional.of("not complete after "
                            + timeout.toSeconds() + " s (completion timeout for "
                            + (total > 0 ? total + " bytes" : "its memory") + ")")
                    : Optional.empty();
            boolean postCopyDue = tooSlow.isPresent() || !properties.postCopyAfter().isZero()
                    && elapsed.compareTo(properties.postCopyAfter()) >= 0;
            if (postCopyCapable && postCopyDue && dirtyBytesPerSecond(stats) >= properties.postCopyMinDirtyRateMibs()
                    * 1024 * 1024 && tryStartPostCopy(move, monitor)) {
                postCopy = true;
                escalations.add("switched to post-copy after " + elapsed.toSeconds() + " s ("
                        + tooSlow.orElse("post-copy-after " + properties.postCopyAfter().toSeconds() + " s")
                        + ", dirtying " + dirtyBytesPerSecond(stats) / 1024 + " KiB/s)");
                log.info("Move {} ({}): {}", move.seq(), move.label(), escalations.get(escalations.size() - 1));
                continue;
            }
            if (tooSlow.isPresent() && policy.timeoutAction() == TimeoutAction.PAUSE && !paused
                    && tryPause(move, monitor, tooSlow.get())) {
                paused = true;
                lastProgress = now;
                escalations.add("paused on " + move.source() + " after " + elapsed.toSeconds() + " s ("
                        + tooSlow.get() + ") to finish the migration");
                continue;
            }
            if (tooSlow.isPresent()) {
                return tooSlow;
            }
            if (stalled.compareTo(properties.downtimeStepAfter()) >= 0
                    && Duration.between(lastRaise, now).compareTo(properties.downtimeStepAfter()) >= 0
                    && downtime < policy.maxDowntime().toMillis()) {
                downtime = Math.min(downtime + properties.downtimeStep().toMillis(), policy.maxDowntime().toMillis());
                lastRaise = now;
                long raised = downtime;
                if (trySetDowntime(move, monitor, raised)) {
                    log.info("Move {} ({}): no progress for {} s, max downtime raised to {} ms", move.seq(),
                            move.label(), stalled.toSeconds(), raised);
                }
            }
        }
        return Optional.empty();
    }

    /** Events only add to what job statistics tell: a host that cannot send them is watched by polling alone. */
    private EventSubscription subscribe(MoveRecord move, HypervisorConnection monitor, MigrationPasses passes) {
        try {
            return limiter.call(move.source(), () -> monitor.watchMigration(move.guest(), passes));
        } catch (LibvirtFailure e) {
            log.warn("Move {} ({}): no migration events from {}: {}", move.seq(), move.label(), move.source(),
                    e.getMessage());
            return () -> { };
        }
    }

    /** Logs each memory pass after the first: the guest dirtied memory faster than the first copy could finish. */
    private static int logNewPass(MoveRecord move, MigrationPasses passes, int loggedPass) {
        int pass = passes.pass();
        if (pass > loggedPass) {
            log.info("Move {} ({}): memory pass {}, re-sending what the guest dirtied", move.seq(), move.label(),
                    pass);
        }
        return Math.max(pass, loggedPass);
    }

    /** The guest's memory dirty rate as QEMU measures it ({@code memory_dirty_rate} pages/s × page size). */
    private static long dirtyBytesPerSecond(Map<String, String> stats) {
        long pageSize = number(stats, "memory_page_size");
        return Math.max(0, number(stats, "memory_dirty_rate")) * (pageSize > 0 ? pageSize : 4096);
    }

    /**
     * Pauses the guest on its source, the checkpoint first: a run killed right after still knows to run it again.
     */
    private boolean tryPause(MoveRecord move, HypervisorConnection monitor, String why) {
        store.note(move, PAUSED_NOTE + " (" + why + ")");
        try {
            limiter.run(move.source(), () -> monitor.suspend(move.guest()));
            log.info("Move {} ({}): guest paused on {} to finish the migration ({})", move.seq(), move.label(),
                    move.source(), why);
            return true;
        } catch (LibvirtFailure e) {
            log.warn("Move {} ({}): guest not paused: {}", move.seq(), move.label(), e.getMessage());
            return false;
        }
    }

    /**
     * Once its migration job has ended, runs a guest Drover paused again where it sits paused: the destination when
     * the migration completed, the source when it failed. Only a guest active on exactly one host, paused but not for
     * a migration: never one paused by anyone else, never while an incoming copy waits.
     *
     * @param where where the guest is now, after its migration job
     * @return where it is afterwards: {@code where} itself unless the guest was resumed
     */
    private Whereabouts resumeIfPausedByDrover(MoveRecord move, MoveContext context, Whereabouts where) {
        if (where.hosts().size() != 1
                || store.notes(move.runId(), move.seq()).stream().noneMatch(note -> note.startsWith(PAUSED_NOTE))) {
            return where;
        }
        String host = where.hosts().get(0);
        try {
            boolean resumed = limiter.call(host, () -> {
                try (HypervisorConnection connection = connector.open(context.uris().get(host))) {
                    Optional<DomainState> state = connection.domainState(move.guest());
                    if (state.isEmpty() || state.get().state() != PowerState.PAUSED || state.get().isMigrating()) {
                        return false;
                    }
                    connection.resume(move.guest());
                    return true;
                }
            });
            if (!resumed) {
                return where;
            }
            store.note(move, "resumed on " + host + " after Drover paused it");
            return whereabouts(move, context.uris());
        } catch (LibvirtFailure e) {
            log.warn("Move {} ({}): could not resume the guest Drover paused, on {}: {}", move.seq(), move.label(),
                    host, e.getMessage());
            return where;
        }
    }

    private boolean tryStartPostCopy(MoveRecord move, HypervisorConnection monitor) {
        try {
            limiter.run(move.source(), () -> monitor.startPostCopy(move.guest()));
            return true;
        } catch (LibvirtFailure e) {
            log.warn("Move {} ({}): post-copy not started: {}", move.seq(), move.label(), e.getMessage());
            return false;
        }
    }

    private boolean trySetDowntime(MoveRecord move, HypervisorConnection monitor, long milliseconds) {
        try {
            limiter.run(move.source(), () -> monitor.setMigrationMaxDowntime(move.guest(), milliseconds));
            return true;
        } catch (LibvirtFailure e) {
            log.debug("Move {}: max downtime not set: {}", move.seq(), e.getMessage());
            return false;
        }
    }

    private boolean done(CompletableFuture<Void> call) {
        try {
            call.get(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static long number(Map<String, String> stats, String key) {
        try {
            return Long.parseLong(stats.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
