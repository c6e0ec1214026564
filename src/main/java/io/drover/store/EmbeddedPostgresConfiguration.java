package io.drover.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Drover's default database: a real PostgreSQL started from Maven-shipped binaries, whose data directory survives
 * restarts, so snapshots, plans and run checkpoints are kept between invocations, and which Drover processes running
 * at once share ({@link EmbeddedDatabase}). Used only when no external {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final String DATA_DIRECTORY = "drover.db.embedded.data-dir";

    /** The condition above, for {@link EmbeddedDatabaseEarlyStart}, which runs before conditions are evaluated. */
    static boolean wanted(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    static Path dataDirectory(Environment environment) {
        return Path.of(environment.getRequiredProperty(DATA_DIRECTORY));
    }

    /** The server {@link EmbeddedDatabaseEarlyStart} started on this data directory, else one started now. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment environment,
            ObjectProvider<EmbeddedDatabaseEarlyStart.Starting> early) throws IOException {
        Path dataDirectory = dataDirectory(environment);
        EmbeddedDatabaseEarlyStart.Starting starting = early.getIfAvailable();
        Optional<EmbeddedDatabase> started = starting == null ? Optional.empty() : starting.take(dataDirectory);
        return started.isPresent() ? started.get() : EmbeddedDatabase.open(dataDirectory);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        // Batched inserts matter: an inventory of 30,000 guests is written in host-sized batches.
        return DataSourceBuilder.create().url(database.jdbcUrl() + "&reWriteBatchedInserts=true")
                .username("postgres").build();
    }
}
