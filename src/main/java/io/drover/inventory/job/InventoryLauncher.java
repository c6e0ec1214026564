package io.drover.inventory.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Runs the inventory job for a fleet file or dump directory and hands back the sealed snapshot's id. */
@Component
public class InventoryLauncher {

    private final JobOperator jobOperator;
    private final Job inventoryJob;
    public InventoryLauncher(JobOperator jobOperator, Job inventoryJob) {
        this.jobOperator = jobOperator;
        this.inventoryJob = inventoryJob;
    }

    /** What a run gave: the job's outcome and, when it completed, its snapshot's id. */
    public record InventoryRun(long jobExecutionId, BatchStatus status, String failure, Optional<Long> snapshotId) {
    }

    public InventoryRun run(Path fleetFileOrDumpDirectory) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(InventoryJobConfiguration.FLEET, fleetFileOrDumpDirectory.toAbsolutePath().toString())
                .addString(InventoryJobConfiguration.REQUESTED_AT, Instant.now().toString())
                .toJobParameters();
        JobExecution execution = jobOperator.start(inventoryJob, parameters);
        Optional<Long> snapshotId = execution.getStatus() == BatchStatus.COMPLETED
                ? Optional.of(execution.getExecutionContext().getLong(InventoryJobConfiguration.SNAPSHOT_ID))
                : Optional.empty();
        return new InventoryRun(execution.getId(), execution.getStatus(), failureOf(execution), snapshotId);
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
