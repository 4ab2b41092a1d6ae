package com.bookstore.db.core.settings;

import com.bookstore.db.core.internal.DatabaseUrlParser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the database is and who connects to it, parsed from {@code DATABASE_URL}.
 *
 * <p>The password is kept out of the {@link #jdbcUrl() JDBC URL} and out of every rendering of this object
 * ({@link #toString()}, {@link #maskedUrl()}), so that logging the settings never leaks it.
 */
public final class DatabaseSettings {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    public DatabaseSettings(String host, int port, String database, String user, String password,
            Map<String, String> parameters) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    /** Reads {@code DATABASE_URL} (and {@code DATABASE_USER}/{@code DATABASE_PASSWORD}) in the standard order. */
    public static DatabaseSettings fromEnvironment() {
        return from(ConfigSource.standard(Path.of("")));
    }

    /** Reads the settings from {@code source}; a missing or malformed value is a {@link SettingsException}. */
    public static DatabaseSettings from(ConfigSource source) {
        String url = source.get(DATABASE_URL).orElseThrow(() -> new SettingsException(DATABASE_URL,
                DATABASE_URL + " is not set. Set it in " + source.describe(DATABASE_URL)
                        + " to the database to use, e.g. postgresql://user:password@localhost:5432/bookstore."));
        DatabaseSettings parsed = DatabaseUrlParser.parse(url);
        String user = parsed.user != null ? parsed.user : source.get(DATABASE_USER).filter(s -> !s.isBlank()).orElse(null);
        String password = parsed.password != null ? parsed.password : source.get(DATABASE_PASSWORD).orElse(null);
        return parsed.withCredentials(user, password);
    }

    /** Parses one URL in any accepted form; credentials only from the URL. */
    public static DatabaseSettings parse(String databaseUrl) {
        return DatabaseUrlParser.parse(databaseUrl);
    }

    /** The same server and credentials, another database (shadow and test databases). */
    public DatabaseSettings withDatabase(String otherDatabase) {
        return new DatabaseSettings(host, port, otherDatabase, user, password, parameters);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(host, port, database, newUser, newPassword, parameters);
    }

    /**
     * {@code jdbc:postgresql://host:port/db?params}, without user or password. The database name and the parameters
     * are percent-encoded, as the PostgreSQL driver decodes them ({@code application_name=100%25}).
     */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
                .append('/').append(encode(database));
        char sep = '?';
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(parameters).entrySet()) {
            url.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** JDBC connection properties carrying the credentials. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** {@code postgresql://user:****@host:port/db}: safe to print. */
    public String maskedUrl() {
        String credentials = user == null ? "" : user + (password == null ? "" : ":****") + "@";
        return "postgresql://" + credentials + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, for the code that opens connections; never log it. */
    public String password() {
        return password;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + maskedUrl() + "]";
    }
}
