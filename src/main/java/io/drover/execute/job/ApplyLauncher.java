package io.drover.execute.job;

import io.drover.execute.Applier;
import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import io.drover.execute.MoveRecord;
import io.drover.execute.PlanRefusedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
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
 * Starts the apply job for a plan file, or resumes it: the same plan id and hash are the same job instance, so a
 * run that failed, was refused or was killed continues from its checkpoints. A run killed mid-flight leaves its
 * Batch execution STARTED; holding a PostgreSQL advisory lock per plan for the whole run tells such a dead
 * execution from a live one (the lock dies with its session), and a dead one is recovered (marked FAILED) first.
 */
@Component
public class ApplyLauncher {

    private static final Logger log = LoggerFactory.getLogger(ApplyLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job applyJob;
    private final Applier applier;
    private final ApplyStore store;
    private final DataSource dataSource;

    public ApplyLauncher(JobOperator jobOperator, JobRepository jobRepository, Job applyJob, Applier applier,
            ApplyStore store, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.applyJob = applyJob;
        this.applier = applier;
        this.store = store;
        this.dataSource = dataSource;
    }

    /** What a run gave: the job's outcome, the run's checkpoints, and the refusal or failure message if any. */
    public record ApplyOutcome(BatchStatus status, Optional<ApplyRun> run, List<MoveRecord> moves,
            Optional<String> refusal, Optional<String> failure) {
    }

    public Applier.DryRun dryRun(Path planFile) {
        return applier.dryRun(planFile);
    }

    public ApplyOutcome apply(Path planFile) throws Exception {
        return apply(planFile, false);
    }

    /**
     * @param deleteSourceDisks delete the images verified block copies leave on their sources, in this run, also
     *                          when {@code drover.apply.delete-source-disks} is off
     */
    public ApplyOutcome apply(Path planFile, boolean deleteSourceDisks) throws Exception {
        Applier.CheckedPlan plan = applier.readPlan(planFile);
        Optional<ApplyRun> existing = store.run(plan.plan().id(), plan.contentHash());
        if (existing.isPresent() && existing.get().status() == ApplyRun.Status.COMPLETED) {
            return new ApplyOutcome(BatchStatus.COMPLETED, existing, store.moves(existing.get().id()),
                    Optional.empty(), Optional.empty());
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(ApplyJobConfiguration.PLAN_ID, plan.plan().id())
                .addString(ApplyJobConfiguration.PLAN_HASH, plan.contentHash())
                .addString(ApplyJobConfiguration.PLAN_FILE, planFile.toAbsolutePath().toString(), false)
                .addString(ApplyJobConfiguration.DELETE_SOURCE_DISKS, Boolean.toString(deleteSourceDisks), false)
                .toJobParameters();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, plan.plan().id())) {
                throw new PlanRefusedException("plan " + plan.plan().id() + " is being applied by another drover "
                        + "process right now", List.of());
            }
            try {
                return run(plan, parameters);
            } finally {
                unlock(lock, plan.plan().id());
            }
        }
    }

    private ApplyOutcome run(Applier.CheckedPlan plan, JobParameters parameters) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(ApplyJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus().isRunning()) {
            log.warn("Apply of {}: execution {} was left {} by a process that died; recovering it", plan.plan()
                    .id(), last.getId(), last.getStatus());
            jobOperator.recover(last);
        }
        JobExecution execution = jobOperator.start(applyJob, parameters);
        Optional<ApplyRun> run = store.run(plan.plan().id(), plan.contentHash());
        Optional<String> refusal = cause(execution, PlanRefusedException.class);
        Optional<String> failure = refusal.isPresent() ? Optional.empty()
                : execution.getAllFailureExceptions().stream().findFirst().map(ApplyLauncher::rootMessage);
        return new ApplyOutcome(execution.getStatus(), run, run.map(r -> store.moves(r.id())).orElse(List.of()),
                refusal, failure);
    }

    private static void unlock(Connection connection, String planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_advisory_unlock(hashtext('drover-apply'), hashtext(?))")) {
            statement.setString(1, planId);
            statement.executeQuery().close();
        }
    }

    private static boolean tryLock(Connection connection, String planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_try_advisory_lock(hashtext('drover-apply'), hashtext(?))")) {
            statement.setString(1, planId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Optional<String> cause(JobExecution execution, Class<? extends Throwable> type) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return Optional.of(cause.getMessage());
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
