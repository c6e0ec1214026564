package io.drover.bench;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.model.FleetSnapshot;
import io.drover.model.SnapshotHost;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.Plan;
import io.drover.plan.PlanLimits;
import io.drover.plan.TransferHistory;
import io.drover.plan.campaign.CampaignPlanner;
import io.drover.plan.check.PlanChecker;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.solver.PlacementSolver.SolverSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The upgrade-campaign scale benchmark: every host of the generated 5,000-host × 50,000-VM fleet upgraded to a QEMU
 * newer than any it runs, in batches, then the plan checked independently. Target: under 5 minutes to plan.
 *
 * <p>Run with bench/campaign/run.sh; system properties: campaign.hosts, campaign.guests, campaign.batch (hosts per
 * batch), campaign.spent and campaign.unimproved (solver seconds per batch), campaign.headroom (share, e.g. 0.05).
 */
public final class CampaignBenchmark {

    private CampaignBenchmark() {
    }

    public static void main(String[] args) {
        int hosts = Integer.getInteger("campaign.hosts", 5_000);
        int guests = Integer.getInteger("campaign.guests", 50_000);
        int batch = Integer.getInteger("campaign.batch", 500);
        double headroom = Double.parseDouble(System.getProperty("campaign.headroom", "0"));
        SolverSettings settings = new SolverSettings(Duration.ofSeconds(Long.getLong("campaign.spent", 5)),
                Duration.ofSeconds(Long.getLong("campaign.unimproved", 1)), 0L, EnvironmentMode.REPRODUCIBLE);

        FleetSnapshot snapshot = SyntheticFleet.loaded(hosts, guests, 42);
        List<String> all = snapshot.hosts().stream().map(SnapshotHost::name).toList();
        UpgradeTarget target = new UpgradeTarget(Optional.of(Version.parse("10.0.0")),
                Optional.of(Version.parse("9.9.0")), Optional.empty());
        CampaignPlanner planner = new CampaignPlanner(CpuMap.loadDefault(), PlanLimits.DEFAULTS,
                new PlacementSolver(settings), TransferHistory.NONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        long start = System.nanoTime();
        Plan plan = planner.plan(snapshot, CompatibilityPolicy.defaults(), all, target, batch, headroom);
        double planSeconds = (System.nanoTime() - start) / 1e9;
        long upgraded = plan.phases().stream().mapToLong(phase -> phase.hostsToUpgrade().size()).sum();
        long movedTwice = plan.migrations().map(move -> move.uuid()).distinct().count();

        start = System.nanoTime();
        List<String> problems = PlanChecker.check(plan, snapshot, CpuMap.loadDefault());
        double checkSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("instance   %d hosts x %d VMs, all hosts upgraded in batches of %d, headroom %.0f%%, "
                + "solver %s/%s per batch%n", hosts, guests, batch, headroom * 100, settings.timeLimit(),
                settings.unimprovedTimeLimit());
        System.out.printf("plan       %.1f s: %d phases, %d waves, %d migrations of %d distinct guests, "
                + "%d hosts upgraded, %d guests blocked, estimated %s%n", planSeconds, plan.phases().size(),
                plan.waveCount(), plan.migrations().count(), movedTwice, upgraded, plan.blocked().size(),
                plan.estimatedDuration());
        System.out.printf("check      %.1f s: %s%n", checkSeconds,
                problems.isEmpty() ? "sound" : problems.size() + " problems, first: " + problems.get(0));
        System.out.printf("target     plan under 5 min: %s%n", planSeconds < 300 ? "met" : "MISSED");
    }
}
