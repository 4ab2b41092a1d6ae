package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.runtime.PersistenceRuntime;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.PoolSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Outcome;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bookstore.db.migrations.failures.FailureHarness.PASSWORD;
import static com.bookstore.db.migrations.failures.FailureHarness.appliedIds;
import static com.bookstore.db.migrations.failures.FailureHarness.assertFailure;
import static com.bookstore.db.migrations.failures.FailureHarness.assertNoSecret;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.execute;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static com.bookstore.db.migrations.failures.FailureHarness.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server that checks passwords: a dedicated embedded PostgreSQL whose pg_hba.conf is rewritten to require
 * scram-sha-256 from every role but the superuser, with a role {@code app} whose password is {@link
 * FailureHarness#PASSWORD}. A wrong password must exit 2 with a message saying the login was refused and how to fix
 * it, and neither password may appear in any output or log of the CLI, Liquibase, the driver or Hikari.
 */
@Timeout(60)
class WrongPasswordTest {

    /** The wrong password the tests log in with. */
    private static final String WRONG = "Xq7-wr0ng-Pw";

    private static ScratchDatabases server;
    private static DatabaseSettings app;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ConfigSource.standard(Path.of("")).get(DatabaseSettings.DATABASE_URL).isEmpty(),
                "DATABASE_URL is set, so the tests run on that server: rewriting its pg_hba.conf is not this test's "
                        + "business. The wrong-password tests only run on the embedded PostgreSQL.");
        server = ScratchDatabases.embedded();
        DatabaseSettings admin = server.create("password");
        execute(admin, "create role app login password '" + PASSWORD + "'");
        execute(admin, "alter database " + admin.database() + " owner to app");
        String hbaFile = query(admin, "show hba_file").get(0);
        String rules = String.join("', '", "local all all trust", "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust", "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256");
        execute(admin, "copy (select unnest(array['" + rules + "'])) to '" + hbaFile.replace("'", "''") + "'");
        execute(admin, "select pg_reload_conf()");
        app = admin.withCredentials("app", PASSWORD);
        awaitPasswordsChecked(app.withCredentials("app", WRONG));
    }

    /** pg_reload_conf() only signals the server: wait until a wrong password is refused. */
    private static void awaitPasswordsChecked(DatabaseSettings wrong) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection ignored = MigrationConnections.unpooled(wrong).getConnection()) {
                assertTrue(System.nanoTime() < deadline, "the server still accepts a wrong password after pg_reload_conf()");
                Thread.sleep(50);
            } catch (SQLException e) {
                assertEquals("28P01", e.getSQLState(), e::getMessage);
                return;
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String user, String password) {
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + app.host() + ":" + app.port()
                + "/" + app.database();
    }

    private static Map<String, String> env(String databaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("MIGRATIONS_AUTHOR", "failures-test");
        return env;
    }

    private static final String[] REFUSED = {"refused the login", "password authentication failed for user \"app\"",
        "Check the user and password of DATABASE_URL"};

    @Test
    void a_wrong_password_in_database_url_exits_2_and_is_never_printed() {
        Path root = changelog("two-revisions", dir);
        for (String command : List.of("upgrade", "status", "history")) {
            Run run = migrate(env(url("app", WRONG)), root, command);
            String message = assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, REFUSED);
            System.out.println("[" + command + "] " + message);
            assertNoSecret(run, WRONG, PASSWORD);
        }
        Run jdbc = migrate(env("jdbc:postgresql://" + app.host() + ":" + app.port() + "/" + app.database()
                + "?user=app&password=" + WRONG), root, "upgrade");
        assertFailure(jdbc, ExitCode.USAGE_OR_CONFIGURATION, REFUSED);
        assertNoSecret(jdbc, WRONG, PASSWORD);
        assertEquals(List.of(), appliedIds(app));
    }

    @Test
    void a_wrong_database_password_variable_exits_2_and_is_never_printed() {
        Path root = changelog("two-revisions", dir);
        Map<String, String> env = env(url("app", null));
        env.put("DATABASE_PASSWORD", WRONG);
        Run run = migrate(env, root, "upgrade");
        assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, REFUSED);
        assertNoSecret(run, WRONG, PASSWORD);
    }

    @Test
    void a_wrong_password_given_to_check_url_exits_2_and_is_never_printed() {
        Path root = changelog("race", dir);
        Map<String, String> env = new HashMap<>(Map.of("MIGRATIONS_AUTHOR", "failures-test"));
        Run run = migrate(env, root, "check", "--url", url("app", WRONG));
        assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, REFUSED);
        assertNoSecret(run, WRONG, PASSWORD);
    }

    @Test
    void the_right_password_upgrades_and_is_never_printed() {
        Path root = changelog("two-revisions", dir.resolve("right"));
        for (String command : List.of("status", "sql", "upgrade", "history")) {
            Run run = migrate(env(url("app", PASSWORD)), root, command);
            assertEquals(ExitCode.OK, run.exit(), run::toString);
            assertNoSecret(run, PASSWORD);
        }
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(app));
        Run rollback = migrate(env(url("app", PASSWORD)), root, "rollback", "--count", "2");
        assertEquals(ExitCode.OK, rollback.exit(), rollback::toString);
        assertNoSecret(rollback, PASSWORD);
    }

    @Test
    void persistence_runtime_with_a_wrong_password_never_logs_it() {
        EntityRegistry registry = EntityRegistry.of(new RaceModel());
        PoolSettings pool = new PoolSettings(2, 0, Duration.ofSeconds(2), PoolSettings.DEFAULTS.idleTimeout(),
                PoolSettings.DEFAULTS.maxLifetime());
        Outcome<PersistenceRuntime> wrong = FailureHarness.capture(
                () -> PersistenceRuntime.start(registry, app.withCredentials("app", WRONG), pool, Map.of()));
        if (wrong.value() != null) {
            wrong.value().close();
        }
        assertNotNull(wrong.failure(), "PersistenceRuntime started with a wrong password");
        StringWriter trace = new StringWriter();
        wrong.failure().printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("password authentication failed"), trace::toString);
        assertFalse(trace.toString().contains(WRONG), () -> "the password is in the exception:\n" + trace);
        assertNoSecret(wrong.captured(), WRONG, PASSWORD);
        assertTrue(wrong.captured().everything().contains("bookstore"), () -> "Hikari's log line was not captured:\n"
                + wrong.captured().everything());

        Outcome<Boolean> right = FailureHarness.capture(() -> {
            try (PersistenceRuntime runtime = PersistenceRuntime.start(registry, app, pool, Map.of());
                 Connection connection = runtime.dataSource().getConnection()) {
                return connection.isValid(2);
            }
        });
        assertEquals(Boolean.TRUE, right.value(), () -> String.valueOf(right.failure()));
        assertNoSecret(right.captured(), PASSWORD);
    }

    /**
     * A password holding an unencoded '@' ("Pw@x-…"): the URL's user-info ends at the last '@' before the host, so the
     * login works as written; a wrong one is refused with the hint to percent-encode special characters.
     */
    @Test
    void a_password_with_an_unencoded_at_logs_in_and_a_wrong_one_gets_the_percent_encoding_hint() {
        String password = "Pw@x-" + PASSWORD;
        DatabaseSettings admin = server.create("at_sign");
        execute(admin, "create role app_at login password '" + password + "'");
        execute(admin, "alter database " + admin.database() + " owner to app_at");
        execute(admin, "grant all on schema public to app_at");
        Path root = changelog("two-revisions", dir.resolve("at"));
        String hostAndDatabase = "@" + admin.host() + ":" + admin.port() + "/" + admin.database();

        Run right = migrate(env("postgresql://app_at:" + password + hostAndDatabase), root, "upgrade");
        assertEquals(ExitCode.OK, right.exit(), right::toString);
        assertNoSecret(right, password, PASSWORD);
        assertEquals(List.of("001_hist_first", "002_hist_second"),
                appliedIds(admin.withCredentials("app_at", password)));

        Run wrong = migrate(env("postgresql://app_at:Xq7@" + WRONG + hostAndDatabase), root, "status");
        assertFailure(wrong, ExitCode.USAGE_OR_CONFIGURATION, "refused the login",
                "password authentication failed for user \"app_at\"", "percent-encode special characters of the "
                        + "password ('@' as %40)");
        assertNoSecret(wrong, WRONG, "Xq7@", password, PASSWORD);
    }
}
