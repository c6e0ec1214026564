package io.drover.plan.job;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CpuMap;
import io.drover.metrics.DroverMetrics;
import io.drover.model.FleetSnapshot;
import io.drover.model.HostSelector;
import io.drover.model.SnapshotHost;
import io.drover.plan.AntiAffinity;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanRequest;
import io.drover.plan.TransferHistory;
import io.drover.plan.campaign.CampaignPlanner;
import io.drover.plan.drain.DrainPlanner;
import io.drover.plan.rebalance.RebalancePlanner;
import io.drover.plan.solver.PlacementSolver;
import io.drover.plan.solver.PlacementSolver.SolverSettings;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import io.drover.store.TransferHistoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The plan job: from a stored snapshot and a {@link PlanRequest}, make a plan, write it to its file and record it.
 * One step: planning is one computation, and a failed plan is simply made again.
 *
 * <p>Job parameter: {@value #REQUEST_ID}, the id of the recorded {@link PlanRequest}.
 */
@Configuration(proxyBeanMethods = false)
public class PlanJobConfiguration {

    public static final String JOB_NAME = "plan";
    public static final String REQUEST_ID = "requestId";
    public static final String PLAN_FILE = "planFile";

    static final String MAKE_PLAN = "makePlan";

    @Bean
    @StepScope
    Tasklet makePlanTasklet(SnapshotStore snapshots, PlanStore plans, TransferHistoryStore transfers,
            DroverMetrics metrics, @Value("${drover.cpu-map}") Path cpuMapDirectory,
            @Value("#{jobParameters['" + REQUEST_ID + "']}") Long requestId) {
        return (contribution, chunkContext) -> {
            PlanRequest request = plans.request(requestId);
            FleetSnapshot snapshot = snapshots.load(request.snapshotId()).orElseThrow(() ->
                    new IllegalArgumentException("no complete snapshot with id " + request.snapshotId()));
            long started = System.nanoTime();
            Plan plan = plan(request, snapshot, CpuMap.load(cpuMapDirectory), transfers.lastTransfers());
            metrics.planMade(request.kind().name(), Duration.ofNanos(System.nanoTime() - started),
                    plan.migrations().count(), plan.blocked().size());
            Path file = Path.of(request.outputDirectory()).resolve(plan.id() + ".plan.json");
            String hash = new PlanFile().write(plan, file);
            var job = contribution.getStepExecution().getJobExecution();
            plans.save(plan, hash, file, job.getId());
            job.getExecutionContext().putString(PLAN_FILE, file.toAbsolutePath().toString());
            contribution.incrementWriteCount((int) plan.migrations().count());
            return RepeatStatus.FINISHED;
        };
    }

    private static Plan plan(PlanRequest request, FleetSnapshot snapshot, CpuMap cpuMap, TransferHistory history) {
        AntiAffinity antiAffinity = new AntiAffinity(request.antiAffinity());
        PlacementSolver solver = solver(request.timeLimit());
        if (request.kind() == PlanKind.DRAIN) {
            return new DrainPlanner(new CompatibilityEngine(snapshot, request.policy(), cpuMap), request.limits(),
                    solver, history, Clock.systemUTC())
                    .plan(HostSelector.select(snapshot, request.hosts()), antiAffinity);
        }
        if (request.kind() == PlanKind.UPGRADE_CAMPAIGN) {
            PlanRequest.Campaign campaign = request.campaign().orElseThrow();
            return new CampaignPlanner(cpuMap, request.limits(), solver, history, Clock.systemUTC()).plan(snapshot,
                    request.policy(), HostSelector.select(snapshot, request.hosts()), campaign.upgradeTo(),
                    campaign.batchSize(), campaign.headroom(), antiAffinity);
        }
        PlanRequest.Rebalancing rebalancing = request.rebalance().orElseThrow();
        // No selector: the whole fleet.
        List<String> hosts = request.hosts().isEmpty() ? snapshot.hosts().stream().map(SnapshotHost::name).toList()
                : HostSelector.select(snapshot, request.hosts());
        return new RebalancePlanner(new CompatibilityEngine(snapshot, request.policy(), cpuMap), request.limits(),
                solver, history, Clock.systemUTC()).plan(hosts, rebalancing.maxLoad(), rebalancing.maxMigrations(),
                antiAffinity);
    }

    /** Stops early once the solver stops finding better plans: after a tenth of its budget, at least a second. */
    private static PlacementSolver solver(Duration timeLimit) {
        Duration unimproved = timeLimit.dividedBy(10).compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : timeLimit.dividedBy(10);
        return new PlacementSolver(new SolverSettings(timeLimit, unimproved, 0L, EnvironmentMode.REPRODUCIBLE));
    }

    @Bean
    Step makePlanStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet makePlanTasklet) {
        return new StepBuilder(MAKE_PLAN, jobRepository).tasklet(makePlanTasklet, tx).build();
    }

    @Bean
    Job planJob(JobRepository jobRepository, Step makePlanStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(makePlanStep).build();
    }
}
