package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.ApplyProgressBroadcast;
import io.drover.execute.job.ApplyLauncher;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.inventory.job.InventoryLauncher.InventoryRun;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtConnector;
import io.drover.model.FleetSnapshot;
import io.drover.model.HostStatus;
import io.drover.model.SnapshotHost;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.job.PlanLauncher;
import io.drover.report.Durations;
import io.drover.report.ReportFiles;
import io.drover.report.ReportWriter;
import io.drover.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows Drover end to end: inventory, CPU baselines per pool, a drain plan, (online: applying "
                + "it), an upgrade campaign plan, and their HTML reports. Online (as root) it installs what is "
                + "missing and runs on the lab fleet of real libvirtd + QEMU hosts (lab/lab.sh), torn down at the "
                + "end; --offline plans the bundled dump directory plans/examples/lab-fleet without root or libvirt.")
public class DemoCommand extends BaseCommand {

    /** Where the bundled sample fleet is, relative to the repository. */
    static final String SAMPLE_FLEET = "plans/examples/lab-fleet";

    @Option(names = "--offline", description = "Plan the bundled dump directory; no root, no libvirt daemons.")
    boolean offline;

    @Option(names = "--repo", paramLabel = "DIR", description = "Drover's repository, for lab/ and plans/examples "
            + "(default: $DROVER_REPO, which bin/drover sets, else the current directory).")
    Path repository;

    @Option(names = "--drain", defaultValue = "lab-host1", paramLabel = "HOST", description = "The host to drain.")
    String drainHost;

    @Option(names = "--qemu", defaultValue = "8.2.0", paramLabel = "VERSION",
            description = "The QEMU version of the upgrade campaign.")
    String qemu;

    @Option(names = "--time-limit", defaultValue = "10s", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "Solver time per plan.")
    Duration timeLimit;

    @Option(names = "--plans-dir", defaultValue = "plans", paramLabel = "DIR", description = "Where plans go.")
    Path plansDirectory;

    @Option(names = "--report-dir", defaultValue = ReportFiles.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Where reports go.")
    Path reportDirectory;

    @Mixin
    CpuMapOption cpuMap;

    private final List<Path> reports = new ArrayList<>();

    DemoCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        Path repo = repository();
        return offline ? offline(repo) : online(new ScriptedLab(repo, System.getenv()));
    }

    int offline(Path repo) throws Exception {
        Path fleet = repo.resolve(SAMPLE_FLEET);
        out().printf("Drover demo, offline: the bundled dump of the lab fleet (%s)%n%n", fleet);
        FleetSnapshot snapshot = inventory(fleet);
        baselines(snapshot);
        plan(PlanKind.DRAIN, snapshot.id(), List.of(drainHost), Optional.empty());
        plan(PlanKind.UPGRADE_CAMPAIGN, snapshot.id(), hostNames(snapshot), Optional.of(campaign()));
        printReports();
        return ExitCodes.OK;
    }

    /**
     * Installs, brings the lab up, then inventory → baselines → drain plan → apply → a fresh inventory (the fleet
     * moved) → campaign plan → reports; the lab goes down whatever happens.
     */
    int online(DemoLab lab) throws Exception {
        out().println("Drover demo on the lab fleet (lab/lab.sh; needs root)");
        out().flush();
        lab.installDependencies();
        try {
            Path fleet = lab.up();
            out().printf("Lab fleet up: %s%n%n", fleet);
            FleetSnapshot snapshot = inventory(fleet);
            baselines(snapshot);
            boolean applied = apply(plan(PlanKind.DRAIN, snapshot.id(), List.of(drainHost), Optional.empty()));
            FleetSnapshot after = inventory(fleet);
            plan(PlanKind.UPGRADE_CAMPAIGN, after.id(), hostNames(after), Optional.of(campaign()));
            printReports();
            return applied ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            out().println("Tearing the lab down (lab/lab.sh down)");
            out().flush();
            lab.down();
        }
    }

    private Path repository() {
        Path repo = repository != null ? repository
                : Path.of(Optional.ofNullable(System.getenv("DROVER_REPO")).orElse("."));
        if (!Files.isDirectory(repo.resolve(SAMPLE_FLEET))) {
            throw CommandFailure.invalidInput(repo.toAbsolutePath().normalize() + " is not Drover's repository (no "
                    + SAMPLE_FLEET + "): pass --repo DIR or run bin/drover demo");
        }
        return repo;
    }

    private FleetSnapshot inventory(Path fleet) throws Exception {
        InventoryRun run = bean(InventoryLauncher.class).run(fleet);
        long id = run.snapshotId().orElseThrow(() -> new CommandFailure(ExitCodes.FAILURE,
                "inventory " + run.status() + ": " + run.failure()));
        FleetSnapshot snapshot = bean(SnapshotStore.class).load(id).orElseThrow();
        long ok = snapshot.hosts().stream().filter(host -> host.status() == HostStatus.OK).count();
        int guests = snapshot.hosts().stream().mapToInt(host -> host.guests().size()).sum();
        out().printf("Inventory: snapshot %d, %d hosts (%d ok), %d guests%n", id, snapshot.hosts().size(), ok,
                guests);
        return snapshot;
    }

    /** One CPU baseline per {@code pool} label (all hosts when no host has one). */
    private void baselines(FleetSnapshot snapshot) {
        TreeSet<String> pools = new TreeSet<>();
        snapshot.hosts().forEach(host -> host.host().map(h -> h.labels().get("pool")).ifPresent(pools::add));
        List<Map<String, String>> selectors = pools.isEmpty() ? List.of(Map.of())
                : pools.stream().map(pool -> Map.of("pool", pool)).toList();
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(),
                cpuMap.load());
        try (HypervisorConnection connection = bean(LibvirtConnector.class).open("test:///default")) {
            for (Map<String, String> selector : selectors) {
                PoolBaseline.Report report = PoolBaseline.compute(engine, selector, engine.fleet().cpuMap(),
                        connection);
                out().printf("Baseline of pool %s: %d hosts, %d CPU features%s; running guests that cannot move "
                        + "to every host of the pool: %d%n", selector.isEmpty() ? "(all hosts)" : selector,
                        report.hosts().size(), report.features().size(), report.holdBacks().isEmpty() ? ""
                                : ", held back by " + report.holdBacks().stream().map(PoolBaseline.HoldBack::host)
                                        .toList(), report.stuckGuests().size());
            }
        }
    }

    /** Makes a plan, writes its report and says what it does in one line; returns the plan file. */
    private Path plan(PlanKind kind, long snapshotId, List<String> hosts, Optional<PlanRequest.Campaign> campaign)
            throws Exception {
        PlanRequest request = new PlanRequest(kind, snapshotId, hosts, PlanLimits.DEFAULTS,
                CompatibilityPolicy.defaults(), timeLimit, plansDirectory.toString(), campaign, Optional.empty(), List.of());
        Path file = MakePlanCommand.makePlan(bean(PlanLauncher.class), request);
        PlanFile planFile = new PlanFile();
        Plan plan = planFile.read(file);
        reports.add(bean(ReportWriter.class).writePlanReport(plan, planFile.contentHash(plan), reportDirectory));
        out().printf("%s of %s: %d migrations in %d waves%s, est. %s, %d blocked%s -> %s%n",
                kind == PlanKind.DRAIN ? "Drain plan" : "Upgrade campaign to QEMU " + qemu,
                String.join(", ", hosts), plan.migrations().count(), plan.waveCount(),
                kind == PlanKind.DRAIN ? "" : " and " + plan.phases().size() + " phases",
                Durations.human(plan.estimatedDuration()), plan.blocked().size(), plan.blocked().isEmpty() ? ""
                        : " (" + String.join(", ", plan.blocked().stream().map(b -> b.guest() + ": "
                                + b.reasons().get(0).ruleId()).toList()) + ")", file);
        return file;
    }

    /** Applies the drain plan; false when a move failed or the run was refused (the demo goes on to show it). */
    private boolean apply(Path file) throws Exception {
        ApplyOutcome outcome = ApplyProgressDisplay.showing(spec.commandLine().getErr(),
                bean(ApplyProgressBroadcast.class), () -> bean(ApplyLauncher.class).apply(file));
        long verified = outcome.moves().stream().filter(move -> move.state() == MoveState.VERIFIED).count();
        List<MoveRecord> failed = outcome.moves().stream().filter(move -> move.state() == MoveState.FAILED)
                .toList();
        out().printf("Apply %s: %s, %d of %d moves verified%s%n", file, outcome.status(), verified,
                outcome.moves().size(), outcome.refusal().map(refusal -> "; refused: " + refusal).orElse(""));
        failed.forEach(move -> out().printf("  failed: %s: %s%n", move.label(), move.error().orElse("")));
        outcome.run().flatMap(run -> bean(ReportWriter.class).writeRunReport(run.id(), reportDirectory))
                .ifPresent(reports::add);
        return failed.isEmpty() && outcome.refusal().isEmpty() && outcome.failure().isEmpty();
    }

    private PlanRequest.Campaign campaign() {
        return new PlanRequest.Campaign(new UpgradeTarget(Optional.empty(), Optional.of(Version.parse(qemu)),
                Optional.empty()), 1, 0.10);
    }

    private static List<String> hostNames(FleetSnapshot snapshot) {
        return snapshot.hosts().stream().filter(host -> host.host().isPresent()).map(SnapshotHost::name).toList();
    }

    private void printReports() {
        out().printf("%nReports:%n");
        reports.forEach(report -> out().printf("  %s%n", report.toAbsolutePath().normalize()));
    }
}
