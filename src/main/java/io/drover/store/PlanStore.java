package io.drover.store;

import io.drover.plan.Plan;
import io.drover.plan.PlanRequest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The record of every plan Drover wrote: which snapshot, which file, which content hash. */
public class PlanStore {

    private final JdbcTemplate jdbc;

    public PlanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Plan plan, String contentHash, Path file, Long jobExecutionId) {
        jdbc.update("""
                insert into migration_plan (id, kind, snapshot_id, content_hash, file, migrations, blocked, waves,
                                            created_at, job_execution_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                plan.id(), plan.kind().name(), plan.snapshotId(), contentHash, file.toAbsolutePath().toString(),
                (int) plan.migrations().count(), plan.blocked().size(), plan.waveCount(),
                Timestamp.from(plan.createdAt()), jobExecutionId);
    }

    public long saveRequest(PlanRequest request) {
        return jdbc.queryForObject("insert into plan_request (request) values (?::jsonb) returning id", Long.class,
                ModelJson.mapper().writeValueAsString(request));
    }

    public PlanRequest request(long requestId) {
        return ModelJson.mapper().readValue(jdbc.queryForObject("select request from plan_request where id = ?",
                String.class, requestId), PlanRequest.class);
    }

    /** The content hash Drover recorded when it wrote the plan. */
    public Optional<String> contentHash(String planId) {
        return jdbc.queryForList("select content_hash from migration_plan where id = ?", String.class, planId)
                .stream().findFirst();
    }
}
