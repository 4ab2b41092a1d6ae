package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for the database URLs our services use, so that Liquibase tools ({@code mvn liquibase:diff}) connect
 * where the application does, without a JDBC URL written by hand:
 * <ul>
 *   <li>{@value #FROM_ENVIRONMENT}: {@code DATABASE_URL} (with {@code DATABASE_USER}/{@code DATABASE_PASSWORD}),
 *       looked up as the runtime does: environment, system property {@code -Ddatabase.url}, {@code .env} of the
 *       working directory;</li>
 *   <li>{@code postgresql://user:password@host:5432/db} and {@code postgres://...}: a {@code DATABASE_URL} value;</li>
 *   <li>{@code jdbc:postgresql://...}: handed to the PostgreSQL driver as it is.</li>
 * </ul>
 * The connection is PostgreSQL's own, so Liquibase recognises the database as PostgreSQL.
 */
public class DatabaseUrlDriver implements Driver {

    /** The URL that stands for the configured {@code DATABASE_URL}. */
    public static final String FROM_ENVIRONMENT = "env:DATABASE_URL";

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public boolean acceptsURL(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.equals(FROM_ENVIRONMENT.toLowerCase(Locale.ROOT)) || lower.startsWith("postgresql://")
                || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql:");
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return postgres.connect(url, info);
        }
        DatabaseSettings settings = url.equalsIgnoreCase(FROM_ENVIRONMENT)
                ? DatabaseSettings.from(ConfigSource.standard(Path.of("")))
                : DatabaseSettings.parse(url);
        return connect(settings, info);
    }

    /**
     * Connects to {@code settings}. The user and password of the URL (or of {@code DATABASE_USER} and
     * {@code DATABASE_PASSWORD}) win; Liquibase's {@code username}/{@code password} only fill in what the URL leaves
     * out. Empty values and the text {@code "null"} are ignored: the Liquibase Maven plugin passes an empty password,
     * and the user {@code "null"}, when none is configured.
     */
    Connection connect(DatabaseSettings settings, Properties info) throws SQLException {
        Properties properties = new Properties();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                String value = info.getProperty(key);
                if (value != null && !value.isEmpty() && !value.equals("null")) {
                    properties.setProperty(key, value);
                }
            }
        }
        properties.putAll(settings.connectionProperties());
        return postgres.connect(settings.jdbcUrl(), properties);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
