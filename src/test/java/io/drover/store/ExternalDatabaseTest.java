package io.drover.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, Drover uses that PostgreSQL (here a separately started server playing the
 * external one) and starts no embedded database of its own.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExternalDatabaseTest {

    private static EmbeddedPostgres external;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) throws IOException {
        external = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        external.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migratesAndUsesTheConfiguredDatabase() {
        assertThat(context.getBean(DataSource.class)).isNotInstanceOf(EmbeddedPostgresDataSource.class);
        assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class)).isEqualTo(external.getPort());
        assertThat(jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("flyway_schema_history", "batch_job_instance", "inventory_snapshot");
    }
}
