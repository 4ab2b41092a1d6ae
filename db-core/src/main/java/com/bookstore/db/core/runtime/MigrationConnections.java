package com.bookstore.db.core.runtime;

import com.bookstore.db.core.settings.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/**
 * Unpooled connections for schema migrations, the equivalent of SQLAlchemy's {@code NullPool} in Alembic: each
 * {@code getConnection()} opens a new physical connection and closing it really closes it, so a migration never holds
 * or poisons a connection of the application's pool, and session-scoped state (locks, {@code SET} commands) dies with
 * the migration.
 */
public final class MigrationConnections {

    private MigrationConnections() {
    }

    public static DataSource unpooled(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        if (settings.user() != null) {
            dataSource.setUser(settings.user());
        }
        if (settings.password() != null) {
            dataSource.setPassword(settings.password());
        }
        dataSource.setApplicationName("bookstore-migrations");
        return dataSource;
    }
}
