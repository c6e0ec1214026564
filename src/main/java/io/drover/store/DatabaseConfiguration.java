package io.drover.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Drover's database: the external PostgreSQL {@code spring.datasource.url} names, else the embedded default, a real
 * PostgreSQL started from Maven-shipped binaries, whose data directory survives restarts, so snapshots, plans and run
 * checkpoints are kept between invocations, and which Drover processes running at once share
 * ({@link EmbeddedDatabase}).
 *
 * <p>The choice is made when the data source is created, not by a condition on this configuration: {@code bin/drover}
 * runs the context as Spring's ahead-of-time processing recorded it at build time, and that processing evaluates
 * conditions once, at build time, without the operator's settings.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final String DATA_DIRECTORY = "drover.db.embedded.data-dir";

    /** Whether the embedded database is wanted, for {@link EmbeddedDatabaseEarlyStart} too. */
    static boolean embeddedWanted(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    static Path dataDirectory(Environment environment) {
        return Path.of(environment.getRequiredProperty(DATA_DIRECTORY));
    }

    /** A pool on the external database, or on the embedded one, which is then stopped after the pool closes. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment, DataSourceProperties properties,
            ObjectProvider<EmbeddedDatabaseEarlyStart.Starting> early) throws IOException {
        if (!embeddedWanted(environment)) {
            return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        return new EmbeddedPostgresDataSource(embeddedDatabase(dataDirectory(environment), early.getIfAvailable()));
    }

    /** The server {@link EmbeddedDatabaseEarlyStart} started on this data directory, else one started now. */
    private static EmbeddedDatabase embeddedDatabase(Path dataDirectory, EmbeddedDatabaseEarlyStart.Starting starting)
            throws IOException {
        Optional<EmbeddedDatabase> started = starting == null ? Optional.empty() : starting.take(dataDirectory);
        return started.isPresent() ? started.get() : EmbeddedDatabase.open(dataDirectory);
    }
}
