package com.bookstore.db.core.runtime;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.mapping.fixtures.MappingFixtures;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.PoolSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool and the runtime against a real PostgreSQL, and what they reveal when they cannot start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistenceRuntimeTest {

    private static final String FAKE_PASSWORD = "Fake-Pa55w0rd-xyzzy";
    private static final PoolSettings SMALL_POOL = new PoolSettings(2, 1, Duration.ofSeconds(5), Duration.ofMinutes(1),
            Duration.ofMinutes(5));

    private final EntityRegistry registry = EntityRegistry.of(new MappingFixtures());

    private ScratchDatabases databases;
    private DatabaseSettings existing;
    /** Ignored by the embedded server (trust authentication); the real one when DATABASE_URL names a server. */
    private String password;

    @BeforeAll
    void createDatabase() {
        databases = ScratchDatabases.forTests();
        existing = databases.create("runtime");
        password = databases.isEmbedded() || existing.password() == null ? FAKE_PASSWORD : existing.password();
    }

    @AfterAll
    void dropDatabase() {
        databases.close();
    }

    @Test
    void starts_with_a_pool_configured_from_the_settings_and_serves_connections() throws Exception {
        try (PersistenceRuntime runtime = PersistenceRuntime.start(registry, existing, SMALL_POOL, Map.of())) {
            HikariDataSource pool = (HikariDataSource) runtime.dataSource();
            assertEquals("bookstore", pool.getPoolName());
            assertEquals(existing.jdbcUrl(), pool.getJdbcUrl());
            assertEquals(2, pool.getMaximumPoolSize());
            assertEquals(1, pool.getMinimumIdle());
            assertEquals(5_000, pool.getConnectionTimeout());
            assertFalse(pool.isAutoCommit(), "Hibernate manages transactions; the pool hands out non-autocommit connections");
            try (Connection c = runtime.dataSource().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_database()")) {
                assertTrue(rs.next());
                assertEquals(existing.database(), rs.getString(1));
            }
            assertTrue(runtime.entityManagerFactory().isOpen());
            runtime.close();
            assertFalse(runtime.entityManagerFactory().isOpen());
            assertTrue(pool.isClosed(), "closing the runtime closes its pool");
        }
    }

    /** Found replaced in silence before: the service believed it ran with its own naming strategy, or with validation. */
    @Test
    void an_extra_property_that_would_be_replaced_is_refused_and_validate_is_honoured() {
        IllegalArgumentException naming = assertThrows(IllegalArgumentException.class, () -> PersistenceRuntime.start(
                registry, existing, SMALL_POOL, Map.of("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl")).close());
        assertTrue(naming.getMessage().startsWith("The service sets hibernate.physical_naming_strategy="
                + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl, but the bookstore schema's "
                + "Hibernate settings come from SchemaMapping"), naming.getMessage());

        IllegalStateException update = assertThrows(IllegalStateException.class, () -> PersistenceRuntime.start(
                registry, existing, SMALL_POOL, Map.of("hibernate.hbm2ddl.auto", "update")).close());
        assertTrue(update.getMessage().startsWith("Hibernate is configured to change the schema (hibernate.hbm2ddl.auto"
                + "=update)"), update.getMessage());

        // validate was replaced by "none" before: on this database without the fixtures' tables it must now fail
        RuntimeException validate = assertThrows(RuntimeException.class, () -> PersistenceRuntime.start(
                registry, existing, SMALL_POOL, Map.of("hibernate.hbm2ddl.auto", "validate")).close());
        assertTrue(describe(validate).contains("Schema-validation: missing table"), describe(validate));
        try (PersistenceRuntime same = PersistenceRuntime.start(registry, existing, SMALL_POOL,
                Map.of("hibernate.physical_naming_strategy", "com.bookstore.db.core.mapping.SnakeCasePhysicalNamingStrategy",
                        "hibernate.hbm2ddl.auto", "none"))) {
            assertTrue(same.entityManagerFactory().isOpen(), "SchemaMapping's own values are no conflict");
        }
    }

    @Test
    void the_password_is_never_part_of_the_pool_url() {
        DatabaseSettings withPassword = existing.withCredentials(existing.user(), password);
        HikariDataSource pool = ConnectionPools.create("probe", withPassword, SMALL_POOL);
        try {
            assertFalse(pool.getJdbcUrl().contains(password), pool.getJdbcUrl());
            assertEquals(password, pool.getPassword(), "the password goes to the driver as a connection property");
        } finally {
            pool.close();
        }
    }

    @Test
    void refuses_to_start_against_a_database_that_does_not_exist_without_revealing_the_password() {
        String missing = "no_such_database_" + ProcessHandle.current().pid();
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://" + encode(userOf(existing)) + ":"
                + encode(password) + "@" + hostForUrl(existing) + ":" + existing.port() + "/" + missing + "?connectTimeout=5");
        assertEquals(password, settings.password());

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> PersistenceRuntime.start(registry, settings, SMALL_POOL, Map.of()).close());

        String everything = describe(e);
        assertTrue(everything.contains(missing) && everything.contains("does not exist"),
                "the failure names the missing database: " + everything);
        assertFalse(everything.contains(password), "the failure reveals the password: " + everything);
        assertFalse(settings.toString().contains(password));
    }

    @Test
    void refuses_to_start_when_nothing_listens_on_the_port() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings settings = new DatabaseSettings("127.0.0.1", closedPort, "bookstore", "app", FAKE_PASSWORD,
                Map.of("connectTimeout", "2"));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> PersistenceRuntime.start(registry, settings, SMALL_POOL, Map.of()).close());

        String everything = describe(e);
        assertTrue(everything.contains(String.valueOf(closedPort)), "the failure names the port: " + everything);
        assertFalse(everything.contains(FAKE_PASSWORD), "the failure reveals the password: " + everything);
    }

    private static String userOf(DatabaseSettings settings) {
        return settings.user() == null ? "postgres" : settings.user();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String hostForUrl(DatabaseSettings settings) {
        return settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    }

    /** Messages, toString and stack trace of the whole cause chain. */
    private static String describe(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append('\n').append(t).append('\n').append(t.getMessage());
        }
        return all.toString();
    }
}
