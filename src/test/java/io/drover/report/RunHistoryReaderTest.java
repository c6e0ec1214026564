package io.drover.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.store.PlanStore;
import io.drover.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A run's report reads back what the executor's checkpoints recorded, on the real (embedded) PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class RunHistoryReaderTest {

    @Autowired
    ApplyStore store;

    @Autowired
    SnapshotStore snapshots;

    @Autowired
    PlanStore plans;

    @Autowired
    RunHistoryReader reader;

    @Autowired
    ReportWriter reports;

    @TempDir
    Path dir;

    @Test
    void aRunReadsBackWithItsTimesStatisticsErrorsAndTransitions() throws Exception {
        long snapshotId = snapshots.open("test", List.of(), null);
        Plan plan = new Plan("drain-" + snapshotId + "-report", PlanKind.DRAIN, snapshotId, Instant.now(),
                List.of("h1"), PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(), Optional.empty(),
                List.of(new PlanPhase(1, List.of("h1"), List.of(), List.of(new MigrationWave(1, List.of(
                        ReportFixtures.move("vm-a", "h1", "h2", 512, 1), ReportFixtures.move("vm-b", "h1", "h3",
                                256, 1)))))), List.of(), Optional.empty(), List.of());
        String hash = new PlanFile().contentHash(plan);
        plans.save(plan, hash, Path.of("plans/" + plan.id() + ".plan.json"), null);
        ApplyRun run = store.openRun(plan, hash, "plans/x.plan.json", null);
        MoveRecord a = store.moves(run.id()).get(0);
        a = store.transition(store.transition(a, MoveState.PREFLIGHT_OK, null), MoveState.MIGRATING, null);
        store.saveJobStats(a, Map.of("type", "3", "downtime", "37", "data_processed", "536870912"));
        store.transition(a, MoveState.VERIFIED, "on h2");
        store.transition(store.moves(run.id()).get(1), MoveState.FAILED, "no room on h3");
        store.finishRun(run.id(), ApplyRun.Status.FAILED, "1 move failed");

        RunHistory history = reader.read(run.id()).orElseThrow();

        assertThat(history.status()).isEqualTo("FAILED");
        assertThat(history.error()).contains("1 move failed");
        assertThat(history.finishedAt()).isPresent();
        RunHistory.Move verified = history.moves().get(0);
        assertThat(verified.state()).isEqualTo("VERIFIED");
        assertThat(verified.migrationTime()).isPresent();
        assertThat(verified.downtimeMillis()).contains(37L);
        assertThat(verified.dataProcessed()).contains(536870912L);
        assertThat(verified.transitions()).containsExactly("PENDING→PREFLIGHT_OK", "PREFLIGHT_OK→MIGRATING",
                "MIGRATING→VERIFIED (on h2)");
        RunHistory.Move failed = history.moves().get(1);
        assertThat(failed.migratingAt()).isEmpty();
        assertThat(failed.error()).contains("no room on h3");
        assertThat(reader.read(Long.MAX_VALUE)).isEmpty();

        Path report = reports.writeRunReport(run.id(), dir).orElseThrow();
        assertThat(report.getFileName().toString()).isEqualTo("run-" + run.id() + "-" + plan.id() + ".html");
        assertThat(Files.readString(report)).contains("37 ms", "no room on h3");
    }
}
