package com.bookstore.db.migrations.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a Liquibase {@link Database} on a fresh, unpooled connection (never the application's pool). */
public final class LiquibaseDatabases {

    static {
        com.bookstore.db.migrations.apply.LiquibaseDefaults.apply();
    }

    private LiquibaseDatabases() {
    }

    public static Database open(DatabaseSettings settings) throws SQLException {
        Connection connection = MigrationConnections.unpooled(settings).getConnection();
        try {
            return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (DatabaseException e) {
            connection.close();
            throw new SQLException("Liquibase cannot use the database " + settings.maskedUrl() + ": " + e.getMessage(), e);
        }
    }

    public static void closeQuietly(Database database) {
        if (database != null) {
            try {
                database.close();
            } catch (DatabaseException | RuntimeException e) {
                // closing is best effort; the connection is unpooled and dies with the session
            }
        }
    }
}
