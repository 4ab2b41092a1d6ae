package com.bookstore.db.core.runtime;

import com.bookstore.db.core.settings.DatabaseSettings;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Unpooled connections for schema migrations, the equivalent of SQLAlchemy's {@code NullPool} in Alembic: each
 * {@code getConnection()} opens a new physical connection and closing it really closes it, so a migration never holds
 * or poisons a connection of the application's pool, and session-scoped state (locks, {@code SET} commands) dies with
 * the migration.
 *
 * <p>Connections are opened through the driver with {@link DatabaseSettings#jdbcUrl()} as the URL and the credentials
 * as properties, so that the connection reports that short URL. (The driver's own {@code PGSimpleDataSource} reports a
 * URL of some 1,300 characters listing every driver property, on which Liquibase's URL sanitiser, run by every
 * Liquibase command, spends about 50 ms.)
 */
public final class MigrationConnections {

    /** The {@code application_name} of migration sessions. */
    public static final String APPLICATION_NAME = "bookstore-migrations";

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private MigrationConnections() {
    }

    public static DataSource unpooled(DatabaseSettings settings) {
        return unpooled(settings, APPLICATION_NAME);
    }

    /** As {@link #unpooled(DatabaseSettings)}, the sessions named {@code applicationName} in {@code pg_stat_activity}. */
    public static DataSource unpooled(DatabaseSettings settings, String applicationName) {
        return new Unpooled(settings, applicationName);
    }

    private static final class Unpooled implements DataSource {

        private final DatabaseSettings settings;
        private final String applicationName;
        private int loginTimeoutSeconds;

        Unpooled(DatabaseSettings settings, String applicationName) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        }

        @Override
        public Connection getConnection() throws SQLException {
            Properties properties = settings.connectionProperties();
            properties.setProperty("ApplicationName", applicationName); // a parameter of the URL wins
            if (loginTimeoutSeconds > 0) {
                properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
            }
            Connection connection = DRIVER.connect(settings.jdbcUrl(), properties);
            if (connection == null) {
                throw new SQLException("The PostgreSQL driver does not accept the URL of " + settings.maskedUrl());
            }
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return new Unpooled(settings.withCredentials(username, password), applicationName).getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // the driver logs through java.util.logging
        }

        @Override
        public void setLoginTimeout(int seconds) {
            this.loginTimeoutSeconds = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeoutSeconds;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("Not a wrapper of " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }

        @Override
        public String toString() {
            return "unpooled connections to " + settings.maskedUrl();
        }
    }
}
