package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatabaseUrlDriverTest {

    @ScratchServer
    private static ScratchDatabases scratch;
    private static DatabaseSettings db;

    @BeforeAll
    static void createDatabase() {
        db = scratch.create("url_driver");
    }

    /** {@code db} written as a {@code DATABASE_URL} value. */
    private static String databaseUrl() {
        String credentials = db.user() == null ? "" : encode(db.user())
                + (db.password() == null ? "" : ":" + encode(db.password())) + "@";
        return "postgresql://" + credentials + db.host() + ":" + db.port() + "/" + db.database();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String currentDatabase(Connection connection) throws Exception {
        try (ResultSet resultSet = connection.createStatement().executeQuery("select current_database()")) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }

    @Test
    void acceptsOurUrlFormsOnly() {
        DatabaseUrlDriver driver = new DatabaseUrlDriver();
        assertTrue(driver.acceptsURL("env:DATABASE_URL"));
        assertTrue(driver.acceptsURL("postgresql://u:p@h/db"));
        assertTrue(driver.acceptsURL("postgres://h/db"));
        assertTrue(driver.acceptsURL("jdbc:postgresql://h/db"));
        assertFalse(driver.acceptsURL("registry:bookstore"));
        assertFalse(driver.acceptsURL("jdbc:mysql://h/db"));
    }

    @Test
    void connectsWithADatabaseUrlValue() throws Exception {
        try (Connection connection = new DatabaseUrlDriver().connect(databaseUrl(), new Properties())) {
            assertEquals(db.database(), currentDatabase(connection));
        }
        assertNull(new DatabaseUrlDriver().connect("jdbc:mysql://h/db", new Properties()));
    }

    @Test
    void credentialsOfTheUrlWinOverWhatTheMavenPluginPasses() throws Exception {
        Properties fromPlugin = new Properties();
        fromPlugin.setProperty("user", "null"); // what the plugin passes without -Dliquibase.username
        fromPlugin.setProperty("password", "");
        try (Connection connection = new DatabaseUrlDriver().connect(db, fromPlugin)) {
            assertEquals(db.database(), currentDatabase(connection));
        }
        fromPlugin.setProperty("user", "somebody_else");
        try (Connection connection = new DatabaseUrlDriver().connect(db, fromPlugin)) {
            assertEquals(db.database(), currentDatabase(connection));
        }
    }

    @Test
    void pluginCredentialsFillInWhatTheUrlLeavesOut() throws Exception {
        Properties fromPlugin = new Properties();
        if (db.user() != null) {
            fromPlugin.setProperty("user", db.user());
        }
        if (db.password() != null) {
            fromPlugin.setProperty("password", db.password());
        }
        try (Connection connection = new DatabaseUrlDriver().connect(db.withCredentials(null, null), fromPlugin)) {
            assertEquals(db.database(), currentDatabase(connection));
        }
    }

    @Test
    void liquibaseSeesPostgresql() throws Exception {
        try (Database database = DatabaseFactory.getInstance().openDatabase(databaseUrl(), null, null,
                DatabaseUrlDriver.class.getName(), null, null, null, new ClassLoaderResourceAccessor())) {
            assertInstanceOf(PostgresDatabase.class, database);
        }
    }

    @Test
    void readsTheConfiguredDatabaseUrl() throws Exception {
        assumeTrue(System.getenv(DatabaseSettings.DATABASE_URL) == null, "DATABASE_URL is set in the environment");
        String previous = System.setProperty("database.url", databaseUrl());
        try (Connection connection = new DatabaseUrlDriver().connect(DatabaseUrlDriver.FROM_ENVIRONMENT, new Properties())) {
            assertEquals(db.database(), currentDatabase(connection));
        } finally {
            if (previous == null) {
                System.clearProperty("database.url");
            } else {
                System.setProperty("database.url", previous);
            }
        }
    }
}
