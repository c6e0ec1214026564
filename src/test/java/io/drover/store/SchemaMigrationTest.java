package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SchemaMigrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayCreatesBatchRepositoryAndSnapshotTablesOnRealPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 15");
        assertThat(jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("batch_job_execution", "inventory_snapshot", "snapshot_host", "snapshot_guest");
    }

    @Test
    void completeSnapshotRefusesChanges() {
        Long id = jdbc.queryForObject(
                "insert into inventory_snapshot (source, status) values ('test', 'COLLECTING') returning id", Long.class);
        jdbc.update("insert into snapshot_host (snapshot_id, name, uri, status) values (?, 'h1', 'test:///', 'FAILED')", id);
        jdbc.update("update inventory_snapshot set status = 'COMPLETE' where id = ?", id);

        assertThatThrownBy(() -> jdbc.update("delete from snapshot_host where snapshot_id = ?", id))
                .hasMessageContaining("is complete and immutable");
        assertThatThrownBy(() -> jdbc.update(
                "insert into snapshot_host (snapshot_id, name, uri, status) values (?, 'h2', 'test:///', 'FAILED')", id))
                .hasMessageContaining("is complete and immutable");
        assertThatThrownBy(() -> jdbc.update("""
                insert into snapshot_guest (snapshot_id, host_name, uuid, name, state, facts, domain_xml,
                                            shared_disks, local_disks)
                values (?, 'h1', gen_random_uuid(), 'vm', 'RUNNING', '{}', '<domain/>', 0, 0)""", id))
                .hasMessageContaining("is complete and immutable");
        assertThat(jdbc.queryForObject("select count(*) from snapshot_host where snapshot_id = ? and name = 'h2'",
                Integer.class, id)).as("a refused insert leaves nothing").isZero();
        assertThatThrownBy(() -> jdbc.update("update inventory_snapshot set status = 'FAILED' where id = ?", id))
                .hasMessageContaining("COMPLETE and immutable");
    }
}
