package com.bookstore.db.core.runtime;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.PoolSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the application's HikariCP pool. The password goes in as a connection property, never in the JDBC URL, so
 * Hikari's own logging of the URL cannot reveal it.
 */
public final class ConnectionPools {

    private ConnectionPools() {
    }

    public static HikariDataSource create(String poolName, DatabaseSettings database, PoolSettings pool) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(database.jdbcUrl());
        if (database.user() != null) {
            config.setUsername(database.user());
        }
        if (database.password() != null) {
            config.setPassword(database.password());
        }
        config.setMaximumPoolSize(pool.maximumPoolSize());
        config.setMinimumIdle(pool.minimumIdle());
        config.setConnectionTimeout(pool.connectionTimeout().toMillis());
        config.setIdleTimeout(pool.idleTimeout().toMillis());
        config.setMaxLifetime(pool.maxLifetime().toMillis());
        config.setAutoCommit(false);
        // Fail at start when the database is unreachable, not at the first request.
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }
}
