package io.drover.execute.job;

import io.drover.compat.CpuMap;
import io.drover.execute.Applier;
import io.drover.execute.ApplyHooks;
import io.drover.execute.ApplyProgressBroadcast;
import io.drover.execute.ApplyProperties;
import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import io.drover.execute.FleetRefresher;
import io.drover.execute.HostCallLimiter;
import io.drover.execute.MoveExecutor;
import io.drover.execute.PlanPreflight;
import io.drover.execute.SourceDiskCleaner;
import io.drover.inventory.HostCollector;
import io.drover.libvirt.LibvirtConnector;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import io.drover.store.SnapshotWriters;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The apply job: carry out a plan. Two steps, both re-run on every restart: {@value #PREPARE} (check the plan and
 * its record, open or resume the run, reconcile moves an interrupted run left MIGRATING, pre-flight the plan on a
 * fresh inventory) and {@value #EXECUTE} (waves in order, moves in parallel within the plan's limits). The
 * checkpoints are the {@code apply_*} tables, committed at every state change, so both steps run outside a Batch
 * transaction.
 *
 * <p>Identifying job parameters: {@value #PLAN_ID} and {@value #PLAN_HASH}, so running the same plan again (or
 * restarting the job) resumes the same run; {@value #PLAN_FILE} is where the plan is read from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApplyProperties.class)
public class ApplyJobConfiguration {

    public static final String JOB_NAME = "apply";
    public static final String PLAN_ID = "planId";
    public static final String PLAN_HASH = "planHash";
    public static final String PLAN_FILE = "planFile";
    public static final String RUN_ID = "applyRunId";
    public static final String RUN_STATUS = "applyRunStatus";

    /** Non-identifying: a resumed run may turn the cleanup of source disks on or off. */
    public static final String DELETE_SOURCE_DISKS = "deleteSourceDisks";

    static final String PREPARE = "applyPrepare";
    static final String EXECUTE = "applyExecute";

    @Bean
    @StepScope
    Tasklet applyPrepareTasklet(Applier applier, @Value("#{jobParameters['" + PLAN_FILE + "']}") String planFile,
            @Value("#{jobParameters['" + PLAN_HASH + "']}") String planHash) {
        return (contribution, chunkContext) -> {
            var job = contribution.getStepExecution().getJobExecution();
            ApplyRun run = applier.prepare(Path.of(planFile), planHash, job.getId());
            job.getExecutionContext().putLong(RUN_ID, run.id());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    Tasklet applyExecuteTasklet(Applier applier, @Value("#{jobExecutionContext['" + RUN_ID + "']}") Long runId,
            @Value("#{jobParameters['" + DELETE_SOURCE_DISKS + "']}") String deleteSourceDisks) {
        return (contribution, chunkContext) -> {
            var job = contribution.getStepExecution().getJobExecution();
            ApplyRun.Status status = applier.execute(runId, job.getId(), Boolean.parseBoolean(deleteSourceDisks));
            job.getExecutionContext().putString(RUN_STATUS, status.name());
            if (status != ApplyRun.Status.COMPLETED) {
                contribution.setExitStatus(new ExitStatus("MOVES_FAILED"));
                throw new IllegalStateException("run " + runId + " ended " + status + ": see drover apply's report");
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step applyPrepareStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet applyPrepareTasklet) {
        return checkpointingStep(PREPARE, jobRepository, tx, applyPrepareTasklet);
    }

    @Bean
    Step applyExecuteStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet applyExecuteTasklet) {
        return checkpointingStep(EXECUTE, jobRepository, tx, applyExecuteTasklet);
    }

    /**
     * Both steps commit their own checkpoints; a Batch transaction around minutes of migrations would hold them.
     * Both run again on every restart: the checkpoints, not Batch, say what is left to do.
     */
    private static Step checkpointingStep(String name, JobRepository jobRepository, PlatformTransactionManager tx,
            Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, tx)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Job applyJob(JobRepository jobRepository, Step applyPrepareStep, Step applyExecuteStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(applyPrepareStep).next(applyExecuteStep).build();
    }

    // Infrastructure beans.

    @Bean
    ApplyProgressBroadcast applyProgress() {
        return new ApplyProgressBroadcast();
    }

    @Bean
    ApplyStore applyStore(JdbcTemplate jdbc, TransactionTemplate transaction, ApplyProgressBroadcast applyProgress) {
        return new ApplyStore(jdbc, transaction, applyProgress);
    }

    @Bean
    HostCallLimiter hostCallLimiter(ApplyProperties properties) {
        return new HostCallLimiter(properties.maxCallsPerHost());
    }

    @Bean
    MoveExecutor moveExecutor(LibvirtConnector libvirtConnector, ApplyStore applyStore, ApplyProperties properties,
            HostCallLimiter hostCallLimiter, ObjectProvider<ApplyHooks> hooks) {
        return new MoveExecutor(libvirtConnector, applyStore, properties, hostCallLimiter,
                hooks.getIfAvailable(() -> ApplyHooks.NONE));
    }

    /** Moves of a wave run on this pool; the plan's limits decide how many at once, this only bounds the threads. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService applyMovePool(@Value("${drover.apply.max-threads}") int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "apply-move");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    Applier applier(PlanStore plans, SnapshotStore snapshots, SnapshotWriters writers, ApplyStore applyStore,
            HostCollector hostCollector, @Value("${drover.cpu-map}") Path cpuMapDirectory, MoveExecutor moveExecutor,
            ApplyProperties properties, ExecutorService applyMovePool, ApplyProgressBroadcast applyProgress,
            LibvirtConnector libvirtConnector, HostCallLimiter hostCallLimiter) {
        return new Applier(plans, snapshots, applyStore, new FleetRefresher(hostCollector, snapshots, writers),
                new PlanPreflight(CpuMap.load(cpuMapDirectory)), moveExecutor, properties, applyMovePool,
                applyProgress, new SourceDiskCleaner(libvirtConnector, applyStore, hostCallLimiter));
    }
}
