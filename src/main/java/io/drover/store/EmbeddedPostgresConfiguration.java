package io.drover.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Drover's default database: a real PostgreSQL started from Maven-shipped binaries, whose data directory survives
 * restarts, so snapshots, plans and run checkpoints are kept between invocations. Used only when no external
 * {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${drover.db.embedded.data-dir}") Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        // Batched inserts matter: an inventory of 30,000 guests is written in host-sized batches.
        String url = postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
        return DataSourceBuilder.create().url(url).username("postgres").build();
    }

}
