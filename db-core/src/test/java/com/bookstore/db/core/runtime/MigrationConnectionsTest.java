package com.bookstore.db.core.runtime;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration connections are real, unpooled sessions named after their purpose, and report the short URL of the
 * settings (Liquibase sanitises the reported URL on every command, and the driver data source's URL lists every driver
 * property), never the password.
 */
class MigrationConnectionsTest {

    private static ScratchDatabases server;

    @BeforeAll
    static void startServer() {
        server = ScratchDatabases.forTests();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void a_connection_reports_the_settings_url_and_is_named_bookstore_migrations() throws SQLException {
        DatabaseSettings database = server.create("connections");
        try (Connection connection = MigrationConnections.unpooled(database).getConnection()) {
            assertEquals(database.jdbcUrl(), connection.getMetaData().getURL());
            assertEquals(MigrationConnections.APPLICATION_NAME, single(connection, "show application_name"));
            assertEquals(database.database(), single(connection, "select current_database()"));
        }
    }

    @Test
    void each_connection_is_a_session_of_its_own_and_closing_it_ends_the_session() throws SQLException {
        DataSource dataSource = MigrationConnections.unpooled(server.create("connections"), "bookstore-test-sessions");
        String firstPid;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            firstPid = single(first, "select pg_backend_pid()::text");
            assertNotEquals(firstPid, single(second, "select pg_backend_pid()::text"));
            assertEquals("bookstore-test-sessions", single(second, "show application_name"));
        }
        try (Connection third = dataSource.getConnection()) {
            assertNotEquals(firstPid, single(third, "select pg_backend_pid()::text"));
        }
    }

    @Test
    void an_application_name_of_the_url_wins_and_the_password_is_never_in_the_reported_url() throws SQLException {
        DatabaseSettings created = server.create("connections");
        String user = "connections_test_" + ProcessHandle.current().pid();
        execute(created, "create role " + user + " login password 's3cr3t-pw'");
        try {
            DatabaseSettings database = new DatabaseSettings(created.host(), created.port(), created.database(), user,
                    "s3cr3t-pw", Map.of("ApplicationName", "from-the-url"));
            DataSource dataSource = MigrationConnections.unpooled(database);
            try (Connection connection = dataSource.getConnection()) {
                assertEquals("from-the-url", single(connection, "show application_name"));
                assertEquals(user, single(connection, "select current_user"));
                assertFalse(connection.getMetaData().getURL().contains("s3cr3t-pw"), connection.getMetaData().getURL());
            }
            assertFalse(dataSource.toString().contains("s3cr3t-pw"), dataSource.toString());
            assertTrue(dataSource.toString().contains(created.database()), dataSource.toString());
        } finally {
            execute(created, "drop role " + user);
        }
    }

    private static void execute(DatabaseSettings database, String sql) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
