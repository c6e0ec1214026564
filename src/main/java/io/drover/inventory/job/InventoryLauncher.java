package io.drover.inventory.job;

import io.drover.store.SnapshotWriters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the inventory job for a fleet file or dump directory and hands back the sealed snapshot's id. It runs as a
 * registered snapshot writer: when it is the only one alive, what killed runs left behind (snapshots still
 * COLLECTING, Batch executions still STARTED) is marked failed first.
 */
@Component
public class InventoryLauncher {

    private static final Logger log = LoggerFactory.getLogger(InventoryLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job inventoryJob;
    private final SnapshotWriters writers;

    public InventoryLauncher(JobOperator jobOperator, JobRepository jobRepository, Job inventoryJob,
            SnapshotWriters writers) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.inventoryJob = inventoryJob;
        this.writers = writers;
    }

    /** What a run gave: the job's outcome and, when it completed, its snapshot's id. */
    public record InventoryRun(long jobExecutionId, BatchStatus status, String failure, Optional<Long> snapshotId) {
    }

    public InventoryRun run(Path fleetFileOrDumpDirectory) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(InventoryJobConfiguration.FLEET, fleetFileOrDumpDirectory.toAbsolutePath().toString())
                .addString(InventoryJobConfiguration.REQUESTED_AT, Instant.now().toString())
                .toJobParameters();
        JobExecution execution;
        try (SnapshotWriters.Lease lease = writers.enter(this::recoverDeadExecutions)) {
            execution = jobOperator.start(inventoryJob, parameters);
        }
        Optional<Long> snapshotId = execution.getStatus() == BatchStatus.COMPLETED
                ? Optional.of(execution.getExecutionContext().getLong(InventoryJobConfiguration.SNAPSHOT_ID))
                : Optional.empty();
        return new InventoryRun(execution.getId(), execution.getStatus(), failureOf(execution), snapshotId);
    }

    private void recoverDeadExecutions() {
        for (JobExecution dead : jobRepository.findRunningJobExecutions(InventoryJobConfiguration.JOB_NAME)) {
            log.warn("Inventory execution {} was left {} by a process that stopped; recovering it", dead.getId(),
                    dead.getStatus());
            jobOperator.recover(dead);
        }
    }

    private static String failureOf(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(InventoryLauncher::rootMessage)
                .findFirst()
                .orElse("");
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
