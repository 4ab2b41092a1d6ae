package com.bookstore.db.migrations.internal.schema;

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
            checkClientConnection(connection);
            requirePublicSchema(connection, settings);
            return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (DatabaseException e) {
            connection.close();
            throw new SQLException("Liquibase cannot use the database " + settings.maskedUrl() + ": " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * PostgreSQL notices that a client vanished (a deploy killed with SIGKILL) only when it next talks to it, so a
     * killed migration's session would run its statement to the end, holding the migration lock and the open
     * transaction. With client_connection_check_interval (PostgreSQL 14+, Linux servers) it checks every second and
     * ends the session: the transaction rolls back and the advisory lock is released.
     */
    private static void checkClientConnection(Connection connection) throws SQLException {
        // timestamp -> timestamptz conversions read existing values in the session's zone: always UTC, as the runtime
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("set time zone 'UTC'");
        }
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set client_connection_check_interval = '1s'");
            }
        }
    }

    /**
     * Refuses a session whose unqualified names do not go to {@code public}: a {@code currentSchema} or
     * {@code options=-c search_path=...} of {@code DATABASE_URL}, or a schema named after the role, which PostgreSQL's
     * default search path ({@code "$user", public}) puts first. The model's tables are in {@code public} and the
     * revisions name some of them qualified and some not, so such a session half-applies a revision into another
     * schema, and a comparison would read {@code public} while the service maps the other one.
     */
    public static void requirePublicSchema(Connection connection, DatabaseSettings settings) throws SQLException {
        String schema;
        String searchPath;
        String role;
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery(
                     "select current_schema(), current_setting('search_path'), quote_ident(current_user)")) {
            rs.next();
            schema = rs.getString(1);
            searchPath = rs.getString(2);
            role = rs.getString(3);
        }
        if (!"public".equals(schema)) {
            throw new IllegalArgumentException("The session of " + settings.maskedUrl() + " puts unqualified names in "
                    + (schema == null ? "no schema" : "schema " + schema) + " (search_path " + searchPath + "), but the "
                    + "bookstore's tables are in public. Remove currentSchema, or the search_path option, from "
                    + "DATABASE_URL; if a schema is named after the role, set the role's search path: ALTER ROLE "
                    + role + " SET search_path = public.");
        }
    }

    /** The JDBC connection behind {@code database} (opened by {@link #open(DatabaseSettings)}). */
    public static Connection jdbc(Database database) {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
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
