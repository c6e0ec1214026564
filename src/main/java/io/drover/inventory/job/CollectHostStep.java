package io.drover.inventory.job;

import io.drover.inventory.HostCollector;
import io.drover.inventory.HostOutcome;
import io.drover.inventory.HostSource;
import io.drover.inventory.InventoryProgress;
import io.drover.metrics.DroverMetrics;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import java.time.Duration;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * The worker step of the host partitions: collects the host its partition names and writes it to the snapshot. A
 * plain step rather than a tasklet step, because a host is one unit of work: a tasklet step wraps it in a chunk that
 * writes the step execution and its context to Batch's tables once more (pg_stat_statements on 1,000 hosts: 4 updates
 * of each per host instead of 3, 11 transactions instead of 9) and builds a step-scoped tasklet per partition.
 *
 * <p>Collecting a host may wait minutes on a hung libvirtd: it runs outside any transaction, and the store writes the
 * host in its own short one, so that waiting hosts hold no database connection.
 */
final class CollectHostStep extends AbstractStep {

    private final HostCollector collector;
    private final SnapshotStore store;
    private final DroverMetrics metrics;
    private final InventoryProgress progress;

    CollectHostStep(JobRepository jobRepository, HostCollector collector, SnapshotStore store, DroverMetrics metrics,
            InventoryProgress progress) {
        super(jobRepository);
        setName(InventoryJobConfiguration.COLLECT_HOST);
        this.collector = collector;
        this.store = store;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) {
        HostSource source = ModelJson.mapper().readValue(
                stepExecution.getExecutionContext().getString(InventoryJobConfiguration.HOST_SOURCE),
                HostSource.class);
        long snapshotId = stepExecution.getJobExecution().getExecutionContext()
                .getLong(InventoryJobConfiguration.SNAPSHOT_ID);
        long started = System.nanoTime();
        HostOutcome outcome = collector.collect(source);
        metrics.inventoryHost(outcome instanceof HostOutcome.Failed, Duration.ofNanos(System.nanoTime() - started));
        if (outcome instanceof HostOutcome.Collected collected) {
            store.saveCollected(snapshotId, source, collected.inventory());
            stepExecution.setWriteCount(collected.inventory().guests().size());
        } else if (outcome instanceof HostOutcome.Failed failed) {
            store.saveFailed(snapshotId, source, failed.error());
            stepExecution.setExitStatus(new ExitStatus("HOST_FAILED", failed.error()));
        }
        progress.hostDone(outcome instanceof HostOutcome.Failed);
    }
}
