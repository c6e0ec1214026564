package io.drover.inventory.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;

/** The host partitions on Batch's JDBC job repository in the embedded PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class HostPartitionHandlerTest {

    @Autowired
    JobRepository jobRepository;

    private final ThreadPoolTaskExecutor oneWorker = workers(1);

    /** What each partition saw when it ran: how many host partitions the job execution held then. */
    private final List<Long> partitionsSeen = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopWorker() {
        oneWorker.shutdown();
    }

    @Test
    void aPartitionIsRecordedByItsWorkerJustBeforeItRunsNotAllUpFront() throws Exception {
        StepExecution manager = managerStep();

        Collection<StepExecution> done = handler().handle(splitter(), manager);

        // With one worker, the first host runs while the other two are not yet recorded: it need not wait for them.
        assertThat(partitionsSeen).containsExactly(1L, 2L, 3L);
        assertThat(done).extracting(StepExecution::getStepName, StepExecution::getStatus).containsExactly(
                tuple("collectHost:host:a", BatchStatus.COMPLETED), tuple("collectHost:host:b", BatchStatus.COMPLETED),
                tuple("collectHost:host:c", BatchStatus.COMPLETED));
    }

    @Test
    void eachPartitionsContextIsStoredWithIt() throws Exception {
        StepExecution manager = managerStep();

        handler().handle(splitter(), manager);

        JobExecution stored = jobRepository.getJobExecution(manager.getJobExecution().getId());
        assertThat(stored.getStepExecutions()).filteredOn(step -> step.getStepName().startsWith("collectHost:"))
                .extracting(StepExecution::getStepName, step -> step.getExecutionContext().getString("host"))
                .containsExactlyInAnyOrder(tuple("collectHost:host:a", "a"), tuple("collectHost:host:b", "b"),
                        tuple("collectHost:host:c", "c"));
    }

    /** Without one creation at a time, this failed in one run of two with a PostgreSQL serialization error. */
    @Test
    void eightWorkersRecordTheirPartitionsWithoutSerializationFailures() throws Exception {
        ThreadPoolTaskExecutor eightWorkers = workers(8);
        try {
            Collection<StepExecution> done = new HostPartitionHandler(hosts(1000), countingWorker(), eightWorkers,
                    jobRepository).handle(splitter(), managerStep());

            assertThat(done).hasSize(1000).allSatisfy(
                    partition -> assertThat(partition.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        } finally {
            eightWorkers.shutdown();
        }
    }

    private HostPartitionHandler handler() {
        return new HostPartitionHandler(threeHosts(), countingWorker(), oneWorker, jobRepository);
    }

    private SimpleStepExecutionSplitter splitter() {
        return new SimpleStepExecutionSplitter(jobRepository, InventoryJobConfiguration.COLLECT_HOST, threeHosts());
    }

    private static Partitioner threeHosts() {
        return hosts(List.of("a", "b", "c"));
    }

    private static Partitioner hosts(int count) {
        return hosts(IntStream.range(0, count).mapToObj(i -> "host-" + i).toList());
    }

    private static Partitioner hosts(List<String> names) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String host : names) {
                ExecutionContext context = new ExecutionContext();
                context.putString("host", host);
                partitions.put("host:" + host, context);
            }
            return partitions;
        };
    }

    private AbstractStep countingWorker() {
        AbstractStep worker = new AbstractStep(jobRepository) {
            @Override
            protected void doExecute(StepExecution partition) {
                partitionsSeen.add(partition.getJobExecution().getStepExecutions().stream()
                        .filter(step -> step.getStepName().startsWith("collectHost:")).count());
            }
        };
        worker.setName(InventoryJobConfiguration.COLLECT_HOST);
        return worker;
    }

    private StepExecution managerStep() throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString(InventoryJobConfiguration.REQUESTED_AT, Instant.now() + "-" + System.nanoTime())
                .toJobParameters();
        JobExecution job = jobRepository.createJobExecution(
                jobRepository.createJobInstance("host-partition-handler-test", parameters), parameters,
                new ExecutionContext());
        return jobRepository.createStepExecution(InventoryJobConfiguration.COLLECT_HOSTS, job);
    }

    private static ThreadPoolTaskExecutor workers(int count) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(count);
        executor.setMaxPoolSize(count);
        executor.initialize();
        return executor;
    }
}
