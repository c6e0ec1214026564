package io.drover.inventory.job;

import static io.drover.inventory.job.InventoryTestSupport.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.inventory.job.InventoryLauncher.InventoryRun;
import io.drover.model.CacheMode;
import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.HostFlag;
import io.drover.model.HostStatus;
import io.drover.model.HostSummary;
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import io.drover.model.SnapshotSummary;
import io.drover.store.SnapshotStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The inventory job end to end: libvirt's test driver as hosts, the embedded PostgreSQL as the store. */
@SpringBootTest
@ActiveProfiles("test")
class InventoryJobTest {

    @Autowired
    InventoryLauncher launcher;

    @Autowired
    SnapshotStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepository jobRepository;

    @TempDir
    Path dir;

    private static Path nodeFile(String name) throws URISyntaxException {
        return Path.of(InventoryJobTest.class.getResource("/fleets/testdriver/" + name).toURI());
    }

    private Path fleetFile(Path hostA, Path hostB) throws IOException {
        return Files.writeString(dir.resolve("fleet.yaml"), """
                defaults:
                  shared_mounts: [/srv/shared]
                hosts:
                  - name: kvm-a
                    uri: test://%s
                    labels: {pool: gen9}
                  - name: kvm-b
                    uri: test://%s
                  - name: kvm-c
                    uri: vmware://esx/
                """.formatted(hostA, hostB));
    }

    @Test
    void collectsEveryHostIntoACompleteSnapshotAndReportsRejectedEntries() throws Exception {
        InventoryRun run = launcher.run(fleetFile(nodeFile("kvm-a.xml"), nodeFile("kvm-b.xml")));

        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        FleetSnapshot snapshot = store.load(run.snapshotId().orElseThrow()).orElseThrow();
        assertThat(snapshot.problems()).singleElement().asString().contains("fleet.yaml:9: host 'kvm-c'");
        assertThat(snapshot.hosts()).extracting(SnapshotHost::name).containsExactly("kvm-a", "kvm-b");
        SnapshotHost kvmA = snapshot.host("kvm-a").orElseThrow();
        assertThat(kvmA.status()).isEqualTo(HostStatus.OK);
        assertThat(kvmA.host().orElseThrow().labels()).containsEntry("pool", "gen9");
        assertThat(kvmA.host().orElseThrow().capacity().logicalCpus()).isEqualTo(32);
        assertThat(kvmA.flags()).containsExactly(HostFlag.NO_UUID);
        assertThat(kvmA.guests()).extracting(Guest::name, Guest::state)
                .containsExactly(tuple("db-1", PowerState.SHUTOFF),
                        tuple("web-1", PowerState.RUNNING));
        Guest web = guest(kvmA, "web-1");
        assertThat(web.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.sharing()).isEqualTo(DiskSharing.SHARED);
            assertThat(disk.driver().cache()).isEqualTo(CacheMode.NONE);
        });
        assertThat(guest(kvmA, "db-1").disks()).singleElement()
                .satisfies(disk -> assertThat(disk.sharing()).isEqualTo(DiskSharing.LOCAL));
        Guest app = guest(snapshot.host("kvm-b").orElseThrow(), "app-1");
        assertThat(app.disks()).extracting(disk -> disk.sharing()).containsExactly(DiskSharing.SHARED,
                DiskSharing.SHARED);
        assertThat(jdbc.queryForObject("select count(*) from snapshot_guest where snapshot_id = ?", Integer.class,
                snapshot.id())).isEqualTo(3);
    }

    @Test
    void theSummaryCountsWhatTheSnapshotHolds() throws Exception {
        long id = launcher.run(fleetFile(nodeFile("kvm-a.xml"), nodeFile("kvm-b.xml"))).snapshotId().orElseThrow();

        SnapshotSummary summary = store.summary(id).orElseThrow();

        assertThat(summary.problems()).hasSize(1);
        assertThat(summary.hosts()).extracting(HostSummary::name, HostSummary::guests, HostSummary::activeGuests,
                HostSummary::sharedDisks, HostSummary::localDisks)
                .containsExactly(tuple("kvm-a", 2, 1, 1, 1), tuple("kvm-b", 1, 1, 2, 0));
        HostSummary kvmA = summary.hosts().get(0);
        assertThat(kvmA.libvirt()).contains("9.0.0");
        assertThat(kvmA.cpu()).contains("i686"); // the test driver reports no vendor or model
        assertThat(kvmA.flags()).containsExactly(HostFlag.NO_UUID);
    }

    @Test
    void anExecutionLeftRunningByAKilledInventoryIsMarkedFailedByTheNextOne() throws Exception {
        JobParameters killedRun = new JobParametersBuilder()
                .addString(InventoryJobConfiguration.FLEET, "/srv/fleet.yaml")
                .addString(InventoryJobConfiguration.REQUESTED_AT, "2026-11-25T03:00:00Z")
                .toJobParameters();
        JobExecution dead = jobRepository.createJobExecution(
                jobRepository.createJobInstance(InventoryJobConfiguration.JOB_NAME, killedRun), killedRun,
                new ExecutionContext());
        dead.setStatus(BatchStatus.STARTED);
        dead.setStartTime(LocalDateTime.now());
        jobRepository.update(dead);

        launcher.run(fleetFile(nodeFile("kvm-a.xml"), nodeFile("kvm-b.xml")));

        assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.findRunningJobExecutions(InventoryJobConfiguration.JOB_NAME)).isEmpty();
    }

    @Test
    void eachHostIsOneCompletedPartitionThatRecordsItsDeclaration() throws Exception {
        InventoryRun run = launcher.run(fleetFile(nodeFile("kvm-a.xml"), nodeFile("kvm-b.xml")));

        JobExecution job = jobRepository.getJobExecution(run.jobExecutionId());
        List<StepExecution> partitions = job.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(InventoryJobConfiguration.COLLECT_HOST + ":"))
                .toList();
        assertThat(partitions).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactlyInAnyOrder(tuple("collectHost:host:kvm-a", BatchStatus.COMPLETED),
                        tuple("collectHost:host:kvm-b", BatchStatus.COMPLETED));
        assertThat(partitions).allSatisfy(partition -> assertThat(
                partition.getExecutionContext().getString(InventoryJobConfiguration.HOST_SOURCE))
                .contains("\"name\":\"" + partition.getStepName().substring("collectHost:host:".length()) + "\""));
        assertThat(partitions).extracting(StepExecution::getWriteCount).containsExactlyInAnyOrder(2L, 1L);
    }

    @Test
    void hostsThatBothRunOneGuestAreFlagged() throws Exception {
        // The same node file twice: web-1 (running) and db-1 (shut off) appear on both hosts with one UUID each.
        long id = launcher.run(fleetFile(nodeFile("kvm-a.xml"), nodeFile("kvm-a.xml"))).snapshotId().orElseThrow();

        assertThat(store.summary(id).orElseThrow().hosts()).extracting(HostSummary::name, HostSummary::flags)
                .containsExactly(tuple("kvm-a", List.of(HostFlag.NO_UUID, HostFlag.GUEST_RUNNING_TWICE)),
                        tuple("kvm-b", List.of(HostFlag.NO_UUID, HostFlag.GUEST_RUNNING_TWICE)));
    }

    @Test
    void aHostThatFailsKeepsItsLastGoodDataMarkedStaleNeverAnEmptyHost() throws Exception {
        Path movingNode = Files.copy(nodeFile("kvm-b.xml"), dir.resolve("kvm-b.xml"));
        Path fleet = fleetFile(nodeFile("kvm-a.xml"), movingNode);
        FleetSnapshot first = inventory(launcher, store, fleet);
        Files.delete(movingNode);

        FleetSnapshot second = inventory(launcher, store, fleet);

        SnapshotHost stale = second.host("kvm-b").orElseThrow();
        assertThat(stale.status()).isEqualTo(HostStatus.STALE);
        assertThat(stale.error()).hasValueSatisfying(error -> assertThat(error).contains(movingNode.toString()));
        assertThat(stale.dataSnapshotId()).contains(first.id());
        assertThat(stale.guests()).extracting(Guest::name).containsExactly("app-1");
        assertThat(second.host("kvm-a").orElseThrow().status()).isEqualTo(HostStatus.OK);
    }

    @Test
    void aHostThatNeverAnsweredIsFailedWithItsError() throws Exception {
        // A host name no earlier test used: there is no last good data to fall back on.
        Path fleet = Files.writeString(dir.resolve("ghost.yaml"), """
                hosts:
                  - name: kvm-ghost
                    uri: test://%s
                """.formatted(dir.resolve("never-existed.xml")));

        FleetSnapshot snapshot = inventory(launcher, store, fleet);

        SnapshotHost failed = snapshot.host("kvm-ghost").orElseThrow();
        assertThat(failed.status()).isEqualTo(HostStatus.FAILED);
        assertThat(failed.host()).isEmpty();
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("connect on test://" + dir.resolve("never-existed.xml")));
    }

    private static Guest guest(SnapshotHost host, String name) {
        return host.guests().stream().filter(guest -> guest.name().equals(name)).findFirst().orElseThrow();
    }
}
