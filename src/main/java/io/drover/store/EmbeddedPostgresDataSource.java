package io.drover.store;

import com.zaxxer.hikari.HikariDataSource;

/** The connection pool on the embedded PostgreSQL; closing it stops the server when this process started it. */
final class EmbeddedPostgresDataSource extends HikariDataSource {

    private final EmbeddedDatabase database;

    EmbeddedPostgresDataSource(EmbeddedDatabase database) {
        this.database = database;
        setJdbcUrl(database.jdbcUrl());
        setUsername("postgres");
    }

    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        super.close();
        EmbeddedDatabase.closeQuietly(database);
    }
}
