package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import io.drover.execute.MoveRecord;
import io.drover.execute.job.ApplyLauncher;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.job.PlanLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every lab test of {@code drover apply} starts from: the three stages' launchers on the test database, a
 * directory for plan files, and the promise to leave every lab guest where {@code lab.sh} put it. Subclasses carry
 * their own {@code @SpringBootTest} properties.
 */
@Tag(LabFleet.TAG)
@ActiveProfiles("test")
abstract class LabApplyFixture {

    @Autowired
    InventoryLauncher inventory;
    @Autowired
    PlanLauncher planner;
    @Autowired
    ApplyLauncher apply;
    @Autowired
    ApplyStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** How long a test waits for a move to reach a state it waits for. */
    static final Duration MIGRATING_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path plans;

    /** Inventories the lab and plans an upgrade campaign of lab-host1 alone to QEMU 8.2.0 (its guests leave first). */
    Path planCampaignOfHost1ToQemu820() throws Exception {
        long snapshotId = inventory.run(LabFleet.fleetFile()).snapshotId().orElseThrow();
        UpgradeTarget target = new UpgradeTarget(Optional.empty(), Optional.of(new Version(8, 2, 0)),
                Optional.empty());
        return planner.run(new PlanRequest(PlanKind.UPGRADE_CAMPAIGN, snapshotId, List.of("lab-host1"),
                new PlanLimits(1, 2, 4, 1024), CompatibilityPolicy.defaults(), Duration.ofSeconds(5),
                plans.toString(), Optional.of(new PlanRequest.Campaign(target, 1, 0.1)), Optional.empty(), List.of()))
                .planFile().orElseThrow();
    }

    CompletableFuture<ApplyOutcome> applyInBackground(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return apply.apply(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    MoveRecord awaitMove(Plan plan, Predicate<MoveRecord> condition) throws Exception {
        return awaitMove(plan, condition, null, null);
    }

    /** Polls the plan's checkpoints until a move meets the condition (failing early if the applying process died). */
    MoveRecord awaitMove(Plan plan, Predicate<MoveRecord> condition, Process process, Path log)
            throws Exception {
        Instant deadline = Instant.now().plus(MIGRATING_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<ApplyRun> run = store.run(plan.id(), new PlanFile().contentHash(plan));
            if (run.isPresent()) {
                Optional<MoveRecord> found = store.moves(run.get().id()).stream().filter(condition).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (process != null && !process.isAlive()) {
                throw new AssertionError("drover apply ended (exit " + process.exitValue() + ") before any move met "
                        + "the condition:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no move of plan " + plan.id() + " met the condition within " + MIGRATING_WITHIN);
    }

    static MoveRecord move(ApplyOutcome outcome, String guest) {
        return outcome.moves().stream().filter(m -> m.guest().equals(guest)).findFirst().orElseThrow();
    }

    /** The note of the move's transition into {@code toState} (not of the notes it logged while in it). */
    String transitionNote(MoveRecord move, String toState) {
        return jdbc.queryForObject("select note from apply_move_transition where run_id = ? and seq = ? "
                + "and to_state = ? and from_state <> to_state", String.class, move.runId(), move.seq(), toState);
    }

    @AfterEach
    void labIsAsFound() {
        assertThat(LabGuests.awayFromHome()).as("lab left as found").isEmpty();
    }
}
