package io.drover.inventory.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs the host partitions on the inventory's thread pool, each partition's step execution created by the worker
 * that runs it, just before it runs.
 *
 * <p>Batch's own handler first has its splitter create every partition (a look-up of the partition's last
 * execution, an insert of the step execution and of its context, an update of the context: four round trips, one
 * partition after another on the calling thread) and starts the first host only then. On 1,000 hosts that took
 * 2.9 s, with the first host starting 2.9 s into the step while the second core idled. Here those writes run on the
 * workers, side by side with the hosts being read. The step executions and their contexts in Batch's tables are the
 * same, named {@code collectHost:host:NAME} as the splitter names them. The look-up is left out: it only matters to
 * a restarted job instance, and every inventory is a new one (its {@code requestedAt} parameter).
 */
final class HostPartitionHandler implements PartitionHandler {

    private final Partitioner partitioner;
    private final Step worker;
    private final TaskExecutor executor;
    private final JobRepository jobRepository;
    private final Object creating = new Object();

    HostPartitionHandler(Partitioner partitioner, Step worker, TaskExecutor executor, JobRepository jobRepository) {
        this.partitioner = partitioner;
        this.worker = worker;
        this.executor = executor;
        this.jobRepository = jobRepository;
    }

    /**
     * Starts every partition and waits for all of them. The splitter is only asked for the partitions' step name:
     * splitting through it would create every partition up front.
     */
    @Override
    public List<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<FutureTask<StepExecution>> running = new ArrayList<>();
        // The grid size means nothing here: the host partitioner makes one partition per host.
        for (Map.Entry<String, ExecutionContext> partition : partitioner.partition(1).entrySet()) {
            String name = splitter.getStepName() + ":" + partition.getKey();
            FutureTask<StepExecution> task = new FutureTask<>(
                    () -> run(manager.getJobExecution(), name, partition.getValue()));
            executor.execute(task);
            running.add(task);
        }
        List<StepExecution> done = new ArrayList<>(running.size());
        for (FutureTask<StepExecution> task : running) {
            done.add(finished(task));
        }
        return done;
    }

    private StepExecution run(JobExecution job, String name, ExecutionContext context) throws Exception {
        StepExecution partition;
        // Batch creates a step execution in a SERIALIZABLE transaction, and PostgreSQL fails some of two such at once
        // with a serialization error (seen with 8 workers on 1,000 hosts). One at a time: each takes a millisecond.
        synchronized (creating) {
            partition = jobRepository.createStepExecution(name, job);
        }
        partition.setExecutionContext(context);
        jobRepository.updateExecutionContext(partition);
        worker.execute(partition);
        return partition;
    }

    /** A worker that could not even record its partition (the database refused) fails the whole step. */
    private static StepExecution finished(FutureTask<StepExecution> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
