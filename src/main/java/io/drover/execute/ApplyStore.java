package io.drover.execute;

import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executor's checkpoints. Every method commits before it returns (callers run outside any transaction), so a
 * process killed right after a call finds its effect in the database. A move changes state only by compare-and-set
 * from the state the caller saw, along {@link MoveState#next()}: two workers cannot both start a migration.
 */
public class ApplyStore {

    private static final String MOVE_COLUMNS = """
            run_id, seq, phase, wave, guest, guest_uuid, source, destination, mode, state, attempts,
            last_job_stats::text, error, updated_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplyProgress progress;

    /** @param progress told of every move's state change and job statistics once they are committed */
    public ApplyStore(JdbcTemplate jdbc, TransactionTemplate transaction, ApplyProgress progress) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.progress = progress;
    }

    /** The run of this plan and hash: the existing one (resumed) or a new one with every move PENDING. */
    public ApplyRun openRun(Plan plan, String contentHash, String planFile, Long jobExecutionId) {
        return transaction.execute(status -> {
            Optional<ApplyRun> existing = run(plan.id(), contentHash);
            if (existing.isPresent()) {
                jdbc.update("""
                        update apply_run set status = 'RUNNING', error = null, job_execution_id = ?, control = null,
                            updated_at = now(), finished_at = null
                        where id = ? and status <> 'COMPLETED'""", jobExecutionId, existing.get().id());
                return run(plan.id(), contentHash).orElseThrow();
            }
            long runId = jdbc.queryForObject("""
                    insert into apply_run (plan_id, content_hash, plan_file, status, job_execution_id)
                    values (?, ?, ?, 'RUNNING', ?) returning id""", Long.class, plan.id(), contentHash, planFile,
                    jobExecutionId);
            int seq = 0;
            for (PlanPhase phase : plan.phases()) {
                for (MigrationWave wave : phase.waves()) {
                    for (PlannedMigration move : wave.migrations()) {
                        jdbc.update("""
                                insert into apply_move (run_id, seq, phase, wave, guest, guest_uuid, source,
                                                        destination, mode, state)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""", runId, seq++, phase.number(),
                                wave.number(), move.guest(), move.uuid(), move.source(), move.destination(),
                                move.mode().name());
                    }
                }
            }
            return run(runId).orElseThrow();
        });
    }

    public Optional<ApplyRun> run(String planId, String contentHash) {
        return jdbc.query("select id, plan_id, content_hash, plan_file, status, error from apply_run "
                + "where plan_id = ? and content_hash = ?", ApplyStore::run, planId, contentHash).stream().findFirst();
    }

    public Optional<ApplyRun> run(long runId) {
        return jdbc.query("select id, plan_id, content_hash, plan_file, status, error from apply_run where id = ?",
                ApplyStore::run, runId).stream().findFirst();
    }

    public void finishRun(long runId, ApplyRun.Status status, String error) {
        jdbc.update("""
                update apply_run set status = ?, error = ?, updated_at = now(),
                    finished_at = case when ? = 'RUNNING' then null else now() end
                where id = ?""", status.name(), error, status.name(), runId);
    }

    /** The operator's standing request for a run (RUN when none). */
    public ApplyRun.Control control(long runId) {
        String control = jdbc.queryForObject("select control from apply_run where id = ?", String.class, runId);
        return control == null ? ApplyRun.Control.RUN : ApplyRun.Control.valueOf(control);
    }

    /**
     * Records an operator's request for a RUNNING run: PAUSE or ABORT stand until changed, RUN (resume) clears a
     * pause. An ABORT is never turned back into a pause or a resume (its moves are already being cancelled).
     *
     * @return the run as it was when asked, or empty if there is no such run
     */
    public Optional<ApplyRun> request(long runId, ApplyRun.Control control) {
        return transaction.execute(status -> {
            Optional<ApplyRun> run = jdbc.query("select id, plan_id, content_hash, plan_file, status, error "
                    + "from apply_run where id = ? for update", ApplyStore::run, runId).stream().findFirst();
            if (run.isEmpty()) {
                return run;
            }
            jdbc.update("insert into apply_control_request (run_id, request, run_status) values (?, ?, ?)", runId,
                    control == ApplyRun.Control.RUN ? "RESUME" : control.name(), run.get().status().name());
            if (run.get().status() == ApplyRun.Status.RUNNING) {
                jdbc.update("update apply_run set control = ?, updated_at = now() where id = ? "
                        + "and control is distinct from 'ABORT'",
                        control == ApplyRun.Control.RUN ? null : control.name(), runId);
            }
            return run;
        });
    }

    public List<MoveRecord> moves(long runId) {
        return jdbc.query("select " + MOVE_COLUMNS + " from apply_move where run_id = ? order by seq",
                ApplyStore::move, runId);
    }

    public MoveRecord move(long runId, int seq) {
        return jdbc.queryForObject("select " + MOVE_COLUMNS + " from apply_move where run_id = ? and seq = ?",
                ApplyStore::move, runId, seq);
    }

    /**
     * Moves {@code move} from the state it had when read to {@code target}, with a note kept as the move's error
     * (for FAILED) and in the transition log. Entering MIGRATING counts an attempt in the same commit.
     *
     * @throws IllegalStateException if the transition is not allowed or the row changed meanwhile
     */
    public MoveRecord transition(MoveRecord move, MoveState target, String note) {
        if (!move.state().canGoTo(target)) {
            throw new IllegalStateException("move " + move.seq() + " (" + move.label() + ") cannot go from "
                    + move.state() + " to " + target);
        }
        transaction.executeWithoutResult(status -> {
            // Flushed to disk before the commit returns, whatever the server's default: the next action (a migration
            // started, a guest declared verified) must never be ahead of what survives a crash of this machine.
            jdbc.execute("set local synchronous_commit = on");
            int updated = jdbc.update("""
                    update apply_move set state = ?, updated_at = now(),
                        attempts = attempts + case when ? = 'MIGRATING' then 1 else 0 end,
                        migrating_at = case when ? = 'MIGRATING' then now() else migrating_at end,
                        finished_at = case when ? in ('VERIFIED', 'FAILED', 'SKIPPED') then now() else null end,
                        error = case when ? = 'FAILED' then ? else error end
                    where run_id = ? and seq = ? and state = ?""",
                    target.name(), target.name(), target.name(), target.name(), target.name(), note,
                    move.runId(), move.seq(), move.state().name());
            if (updated != 1) {
                throw new IllegalStateException("move " + move.seq() + " (" + move.label() + ") is no longer "
                        + move.state() + ": another worker changed it");
            }
            jdbc.update("insert into apply_move_transition (run_id, seq, from_state, to_state, note) "
                    + "values (?, ?, ?, ?, ?)", move.runId(), move.seq(), move.state().name(), target.name(), note);
        });
        MoveRecord updated = move(move.runId(), move.seq());
        progress.moveChanged(updated);
        return updated;
    }

    /**
     * Records an event of a move that changes no state (its source disks cleaned up) in its transition log, as a
     * transition from its state to itself, committed to disk before it returns.
     */
    public void note(MoveRecord move, String note) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = on");
            jdbc.update("insert into apply_move_transition (run_id, seq, from_state, to_state, note) "
                    + "values (?, ?, ?, ?, ?)", move.runId(), move.seq(), move.state().name(), move.state().name(),
                    note);
        });
    }

    /** The notes {@link #note} recorded on a move, oldest first. */
    public List<String> notes(long runId, int seq) {
        return jdbc.queryForList("select note from apply_move_transition where run_id = ? and seq = ? "
                + "and from_state = to_state order by id", String.class, runId, seq);
    }

    /** The latest libvirt job statistics of a migrating move, as reported by libvirt. */
    public void saveJobStats(MoveRecord move, Map<String, String> stats) {
        jdbc.update("update apply_move set last_job_stats = ?::jsonb, updated_at = now() where run_id = ? and seq = ?",
                io.drover.store.ModelJson.mapper().writeValueAsString(stats), move.runId(), move.seq());
        progress.migrationProgress(move, MigrationStats.of(stats));
    }

    /** Where the upgrade of a campaign host stands (PENDING when not begun). */
    public HostUpgrader.State upgradeState(long runId, int phase, String host) {
        return jdbc.queryForList("select state from apply_upgrade where run_id = ? and phase = ? and host = ?",
                String.class, runId, phase, host).stream().findFirst().map(HostUpgrader.State::valueOf)
                .orElse(HostUpgrader.State.PENDING);
    }

    public void saveUpgradeState(long runId, int phase, String host, HostUpgrader.State state, String note) {
        jdbc.update("""
                insert into apply_upgrade (run_id, phase, host, state, note) values (?, ?, ?, ?, ?)
                on conflict (run_id, phase, host) do update set state = excluded.state, note = excluded.note,
                    updated_at = now()""", runId, phase, host, state.name(), note);
    }

    /** The hosts this run upgraded: pre-flight expects their new versions. */
    public Set<String> upgradedHosts(long runId) {
        return Set.copyOf(jdbc.queryForList("select host from apply_upgrade where run_id = ? and state = 'UPGRADED'",
                String.class, runId));
    }

    /** The transitions of one move, oldest first ({@code FROM→TO}). */
    public List<String> transitions(long runId, int seq) {
        return jdbc.queryForList("select from_state || '→' || to_state from apply_move_transition "
                + "where run_id = ? and seq = ? order by id", String.class, runId, seq);
    }

    private static ApplyRun run(ResultSet rs, int row) throws SQLException {
        return new ApplyRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ApplyRun.Status.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)));
    }

    private static MoveRecord move(ResultSet rs, int row) throws SQLException {
        return new MoveRecord(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                MoveState.valueOf(rs.getString(10)), rs.getInt(11), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(rs.getString(13)), rs.getTimestamp(14).toInstant());
    }
}
