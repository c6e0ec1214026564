package io.drover.report;

import io.drover.plan.Plan;
import io.drover.store.SnapshotStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Renders and writes the plan and run reports, with the facts they need from the database. */
@Component
public class ReportWriter {

    private final SnapshotStore snapshots;
    private final RunHistoryReader runs;

    public ReportWriter(SnapshotStore snapshots, RunHistoryReader runs) {
        this.snapshots = snapshots;
        this.runs = runs;
    }

    /** Writes {@code DIR/<plan id>.html}; host capacity comes from the plan's snapshot when it is in the database. */
    public Path writePlanReport(Plan plan, String contentHash, Path directory) {
        String html = PlanHtmlReport.render(plan, contentHash,
                snapshots.load(plan.snapshotId()).map(snapshot -> HostLoads.of(plan, snapshot)));
        return ReportFiles.write(ReportFiles.planReport(directory, plan.id()), html);
    }

    /** Writes {@code DIR/run-<id>-<plan id>.html}; empty when there is no such run. */
    public Optional<Path> writeRunReport(long runId, Path directory) {
        return runs.read(runId).map(run -> ReportFiles.write(ReportFiles.runReport(directory, run.id(),
                run.planId()), RunHtmlReport.render(run, Instant.now())));
    }

    public Optional<Long> latestRunId() {
        return runs.latestRunId();
    }
}
