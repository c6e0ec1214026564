package io.drover.report;

import io.drover.execute.MigrationStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a finished or running apply run from the executor's checkpoint tables, for its report. Read-only. */
@Component
public class RunHistoryReader {

    private final JdbcTemplate jdbc;

    public RunHistoryReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> latestRunId() {
        return jdbc.queryForList("select max(id) from apply_run", Long.class).stream().filter(id -> id != null)
                .findFirst();
    }

    public Optional<RunHistory> read(long runId) {
        Map<Integer, List<String>> transitions = new HashMap<>();
        jdbc.query("select seq, from_state, to_state, note from apply_move_transition where run_id = ? order by id",
                rs -> {
                    String note = rs.getString(4);
                    transitions.computeIfAbsent(rs.getInt(1), seq -> new ArrayList<>()).add(rs.getString(2) + "→"
                            + rs.getString(3) + (note == null || note.isBlank() ? "" : " (" + note + ")"));
                }, runId);
        List<RunHistory.Move> moves = jdbc.query("""
                select seq, phase, wave, guest, source, destination, mode, state, attempts, error, migrating_at,
                       finished_at, last_job_stats::text
                from apply_move where run_id = ? order by seq""",
                (rs, row) -> new RunHistory.Move(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        Optional.ofNullable(rs.getString(10)), instant(rs, 11), instant(rs, 12),
                        MigrationStats.ofJson(Optional.ofNullable(rs.getString(13))), transitions.getOrDefault(rs.getInt(1), List.of())), runId);
        return jdbc.query("""
                select id, plan_id, content_hash, plan_file, status, error, started_at, finished_at
                from apply_run where id = ?""",
                (rs, row) -> new RunHistory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Optional.ofNullable(rs.getString(6)), instant(rs, 7).orElseThrow(),
                        instant(rs, 8), moves), runId).stream().findFirst();
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
