package io.drover.plan.job;

import io.drover.plan.PlanRequest;
import io.drover.store.PlanStore;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Runs the plan job and hands back where the plan was written. */
@Component
public class PlanLauncher {

    private final JobOperator jobOperator;
    private final Job planJob;
    private final PlanStore plans;

    public PlanLauncher(JobOperator jobOperator, Job planJob, PlanStore plans) {
        this.jobOperator = jobOperator;
        this.planJob = planJob;
        this.plans = plans;
    }

    /** What a run gave: the job's outcome, its first failure, and the plan file when it completed. */
    public record PlanRun(BatchStatus status, Optional<Throwable> failure, Optional<Path> planFile) {
    }

    public PlanRun run(PlanRequest request) throws Exception {
        JobExecution execution = jobOperator.start(planJob, new JobParametersBuilder()
                .addLong(PlanJobConfiguration.REQUEST_ID, plans.saveRequest(request))
                .toJobParameters());
        Optional<Path> file = Optional.ofNullable(execution.getExecutionContext()
                .getString(PlanJobConfiguration.PLAN_FILE, null)).map(Path::of);
        return new PlanRun(execution.getStatus(), execution.getAllFailureExceptions().stream().findFirst(), file);
    }
}
