package io.drover.inventory.job;

import io.drover.inventory.DumpHostReader;
import io.drover.inventory.Fleet;
import io.drover.inventory.HostCollector;
import io.drover.inventory.HostInventoryAssembler;
import io.drover.inventory.HostSource;
import io.drover.inventory.InventoryProgress;
import io.drover.inventory.LiveHostReader;
import io.drover.libvirt.LibvirtConnector;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.metrics.DroverMetrics;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inventory job: open a snapshot, collect every host in parallel (one partition per host, a bounded number at
 * once), then seal the snapshot. A host that fails is recorded with its error and does not fail the job; the job
 * fails only when the fleet definition cannot be read or the database refuses, and then the snapshot is marked
 * FAILED and never read.
 *
 * <p>Job parameters: {@value #FLEET} (a fleet file or dump directory) and {@value #REQUESTED_AT} (makes each run a
 * new job instance).
 */
@Configuration(proxyBeanMethods = false)
public class InventoryJobConfiguration {

    public static final String JOB_NAME = "inventory";
    public static final String FLEET = "fleet";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String SNAPSHOT_ID = "snapshotId";

    static final String OPEN_SNAPSHOT = "openSnapshot";
    static final String COLLECT_HOSTS = "collectHosts";
    static final String COLLECT_HOST = "collectHost";
    static final String CLOSE_SNAPSHOT = "closeSnapshot";
    static final String HOST_SOURCE = "hostSource";

    // Readers and writers, in the order the job runs them.

    /** How far the running inventory is, for the CLI's progress line. */
    @Bean
    InventoryProgress inventoryProgress() {
        return new InventoryProgress();
    }

    @Bean
    @StepScope
    Tasklet openSnapshotTasklet(SnapshotStore store, @Value("#{jobParameters['" + FLEET + "']}") String fleetPath) {
        return (contribution, chunkContext) -> {
            Fleet fleet = Fleet.load(Path.of(fleetPath));
            JobExecution job = contribution.getStepExecution().getJobExecution();
            long snapshotId = store.open(fleet.source(), fleet.problems(), job.getId());
            job.getExecutionContext().putLong(SNAPSHOT_ID, snapshotId);
            return RepeatStatus.FINISHED;
        };
    }

    /** One partition per host, named after it; the host's declaration travels in the partition's context. */
    @Bean
    @StepScope
    Partitioner hostPartitioner(@Value("#{jobParameters['" + FLEET + "']}") String fleetPath,
            InventoryProgress progress) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (HostSource host : Fleet.load(Path.of(fleetPath)).hosts()) {
                ExecutionContext context = new ExecutionContext();
                context.putString(HOST_SOURCE, ModelJson.mapper().writeValueAsString(host));
                partitions.put("host:" + host.name(), context);
            }
            progress.started(partitions.size());
            return partitions;
        };
    }

    @Bean
    @StepScope
    Tasklet closeSnapshotTasklet(SnapshotStore store,
            @Value("#{jobExecutionContext['" + SNAPSHOT_ID + "']}") Long snapshotId) {
        return (contribution, chunkContext) -> {
            store.complete(snapshotId);
            return RepeatStatus.FINISHED;
        };
    }

    // Steps and the job.

    @Bean
    Step openSnapshotStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet openSnapshotTasklet) {
        return new StepBuilder(OPEN_SNAPSHOT, jobRepository).tasklet(openSnapshotTasklet, tx).build();
    }

    @Bean
    Step collectHostStep(JobRepository jobRepository, HostCollector collector, SnapshotStore store,
            DroverMetrics metrics, InventoryProgress progress) {
        return new CollectHostStep(jobRepository, collector, store, metrics, progress);
    }

    @Bean
    Step collectHostsStep(JobRepository jobRepository, Partitioner hostPartitioner, Step collectHostStep,
            TaskExecutor inventoryTaskExecutor) {
        return new StepBuilder(COLLECT_HOSTS, jobRepository)
                .partitioner(COLLECT_HOST, hostPartitioner)
                .partitionHandler(new HostPartitionHandler(hostPartitioner, collectHostStep, inventoryTaskExecutor,
                        jobRepository))
                .build();
    }

    @Bean
    Step closeSnapshotStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet closeSnapshotTasklet) {
        return new StepBuilder(CLOSE_SNAPSHOT, jobRepository).tasklet(closeSnapshotTasklet, tx).build();
    }

    @Bean
    Job inventoryJob(JobRepository jobRepository, Step openSnapshotStep, Step collectHostsStep,
            Step closeSnapshotStep, SnapshotStore store) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(markSnapshotFailedUnlessCompleted(store))
                .start(openSnapshotStep)
                .next(collectHostsStep)
                .next(closeSnapshotStep)
                .build();
    }

    private static JobExecutionListener markSnapshotFailedUnlessCompleted(SnapshotStore store) {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution job) {
                if (!job.getStatus().isUnsuccessful() || !job.getExecutionContext().containsKey(SNAPSHOT_ID)) {
                    return;
                }
                store.markFailed(job.getExecutionContext().getLong(SNAPSHOT_ID));
            }
        };
    }

    // Infrastructure beans.

    @Bean
    TaskExecutor inventoryTaskExecutor(@Value("${drover.inventory.concurrency}") int concurrency) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setThreadNamePrefix("inventory-");
        executor.initialize();
        return executor;
    }

    @Bean
    LibvirtConnector libvirtConnector() {
        return new LibvirtJavaConnector();
    }

    @Bean
    HostCollector hostCollector(LibvirtConnector libvirtConnector,
            @Value("${drover.inventory.host-timeout}") Duration hostTimeout) {
        return new HostCollector(new LiveHostReader(libvirtConnector), new DumpHostReader(),
                new HostInventoryAssembler(), hostTimeout);
    }

}
