package io.drover.store;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Drover's default database: a real PostgreSQL started from Maven-shipped binaries, whose data directory survives
 * restarts, so snapshots, plans and run checkpoints are kept between invocations, and which Drover processes running
 * at once share ({@link EmbeddedDatabase}). Used only when no external {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${drover.db.embedded.data-dir}") Path dataDirectory) throws IOException {
        return EmbeddedDatabase.open(dataDirectory);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        // Batched inserts matter: an inventory of 30,000 guests is written in host-sized batches.
        return DataSourceBuilder.create().url(database.jdbcUrl() + "&reWriteBatchedInserts=true")
                .username("postgres").build();
    }
}
