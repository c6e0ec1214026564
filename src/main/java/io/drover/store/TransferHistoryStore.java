package io.drover.store;

import io.drover.model.ByteSize;
import io.drover.plan.TransferHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads, for planning, what each guest's last verified migration sent, from the executor's checkpoints: the
 * completed job statistics it kept in {@code apply_move.last_job_stats}. Read-only.
 */
public class TransferHistoryStore {

    private final JdbcTemplate jdbc;

    public TransferHistoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TransferHistory lastTransfers() {
        Map<UUID, TransferHistory.Observed> last = new HashMap<>();
        jdbc.query("""
                select distinct on (guest_uuid) guest_uuid, (last_job_stats ->> 'memory_processed')::bigint,
                       (last_job_stats ->> 'memory_total')::bigint, finished_at, run_id
                from apply_move
                where state = 'VERIFIED' and finished_at is not null
                  and last_job_stats ->> 'memory_processed' is not null
                  and last_job_stats ->> 'memory_total' is not null
                order by guest_uuid, finished_at desc""",
                rs -> {
                    last.put(rs.getObject(1, UUID.class), new TransferHistory.Observed(new ByteSize(rs.getLong(2)),
                            new ByteSize(rs.getLong(3)), rs.getTimestamp(4).toInstant(), rs.getLong(5)));
                });
        return new TransferHistory(last);
    }
}
