package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.bookstore.db.migrations.failures.FailureHarness.PASSWORD;
import static com.bookstore.db.migrations.failures.FailureHarness.assertFailure;
import static com.bookstore.db.migrations.failures.FailureHarness.assertNoSecret;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way {@code DATABASE_URL} can be wrong, one test each: the exit code (2 for configuration, 3 for an unreachable
 * server), one paragraph saying what is wrong and how to fix it, and the password nowhere in any output or log.
 * Each row runs the database commands that read the URL ({@code upgrade}, {@code status}), and {@code check --url}
 * with the same value where the failure is the URL itself.
 */
@Timeout(60)
class DatabaseUrlFailuresTest {

    @ScratchServer
    private static ScratchDatabases server;
    private static Path changelogRoot;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        changelogRoot = changelog("two-revisions", dir);
    }

    private static Map<String, String> env(String databaseUrl) {
        Map<String, String> env = new HashMap<>();
        if (databaseUrl != null) {
            env.put("DATABASE_URL", databaseUrl);
        }
        env.put("MIGRATIONS_AUTHOR", "failures-test");
        return env;
    }

    /** Runs upgrade and status (and check --url when asked) and asserts the same failure for each. */
    private static void assertEveryCommandFails(Map<String, String> env, boolean alsoCheckUrl, ExitCode expected,
            String... fragments) {
        for (String command : List.of("upgrade", "status")) {
            Run run = migrate(env, changelogRoot, command);
            String message = assertFailure(run, expected, fragments);
            System.out.println("[" + command + "] " + message);
            assertNoSecret(run, PASSWORD);
        }
        if (alsoCheckUrl) {
            Run run = migrate(env(null), changelogRoot, "check", "--url", env.get("DATABASE_URL"));
            assertFailure(run, expected, fragments);
            assertNoSecret(run, PASSWORD);
        }
    }

    @Test
    void database_url_missing() {
        Map<String, String> env = env(null);
        env.put("DATABASE_PASSWORD", PASSWORD);
        assertEveryCommandFails(env, false, ExitCode.USAGE_OR_CONFIGURATION, "DATABASE_URL is not set",
                "postgresql://user:password@localhost:5432/bookstore");
    }

    @Test
    void database_url_empty() {
        Map<String, String> env = env("  ");
        env.put("DATABASE_PASSWORD", PASSWORD);
        assertEveryCommandFails(env, false, ExitCode.USAGE_OR_CONFIGURATION, "DATABASE_URL is empty",
                "postgresql://user:password@localhost:5432/bookstore");
    }

    @Test
    void database_url_malformed() {
        assertEveryCommandFails(env("app:" + PASSWORD + "@localhost:5432/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "DATABASE_URL is not a URL", "Write it as postgresql://");
        assertEveryCommandFails(env("postgresql://app:" + PASSWORD + "@localhost:5432"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "DATABASE_URL names no database", "Add it after the host");
    }

    @Test
    void database_url_with_an_unknown_scheme() {
        assertEveryCommandFails(env("mysql://app:" + PASSWORD + "@localhost:3306/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "unsupported scheme 'mysql'", "use postgresql://");
    }

    @Test
    void database_url_with_a_bad_port() {
        assertEveryCommandFails(env("postgresql://app:" + PASSWORD + "@localhost:99999/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "port '99999'", "from 1 to 65535");
        assertEveryCommandFails(env("postgresql://app:" + PASSWORD + "@localhost:pg/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "port 'pg'", "from 1 to 65535");
    }

    @Test
    void database_url_of_an_unreachable_server_exits_3() {
        assertEveryCommandFails(env("postgresql://app:" + PASSWORD + "@127.0.0.1:1/bookstore"), false,
                ExitCode.DATABASE_UNREACHABLE, "Cannot reach the database server", "127.0.0.1:1",
                "Check the host and port");
    }

    @Test
    void database_url_naming_a_database_that_does_not_exist() {
        DatabaseSettings admin = FailureHarness.withPassword(server.create("exists"));
        DatabaseSettings missing = admin.withDatabase("no_such_database_" + ProcessHandle.current().pid());
        assertEveryCommandFails(env(FailureHarness.url(missing)), false, ExitCode.USAGE_OR_CONFIGURATION,
                missing.database(), "does not exist", "createdb");
    }

    /** A database of the test server, as DATABASE_URL with {@link FailureHarness#PASSWORD} and {@code query}. */
    private static String urlWith(String purpose, String query) {
        return FailureHarness.url(FailureHarness.withPassword(server.create(purpose))) + "?" + query;
    }

    @Test
    void database_url_with_a_bad_sslmode_names_the_value_and_exits_2() {
        String url = "postgresql://u:" + PASSWORD + "@localhost:5432/db?sslmode=bogus";
        assertEveryCommandFails(env(url), true, ExitCode.USAGE_OR_CONFIGURATION, "DATABASE_URL has sslmode='bogus'",
                "does not accept", "Use one of: disable, allow, prefer, require, verify-ca, verify-full.");
    }

    @Test
    void database_url_with_a_timeout_that_is_not_a_number_names_it_and_exits_2() {
        String base = "postgresql://u:" + PASSWORD + "@localhost:5432/db?";
        assertEveryCommandFails(env(base + "connectTimeout=abc"), true, ExitCode.USAGE_OR_CONFIGURATION,
                "DATABASE_URL has connectTimeout='abc', which is not a whole number", "connectTimeout=10");
        assertEveryCommandFails(env(base + "socketTimeout=-5"), false, ExitCode.USAGE_OR_CONFIGURATION,
                "socketTimeout='-5', which is negative", "at least 0");
        assertEveryCommandFails(env(base + "loginTimeout=soon"), false, ExitCode.USAGE_OR_CONFIGURATION,
                "loginTimeout='soon', which is not a number of seconds");
    }

    @Test
    void database_url_with_a_parameter_the_driver_would_silently_ignore_or_misread_exits_2() {
        String base = "postgresql://u:" + PASSWORD + "@localhost:5432/db?";
        assertEveryCommandFails(env(base + "sslMode=require"), false, ExitCode.USAGE_OR_CONFIGURATION,
                "parameter 'sslMode'", "case-sensitive", "Write it as 'sslmode'");
        assertEveryCommandFails(env(base + "ssl=yes"), false, ExitCode.USAGE_OR_CONFIGURATION,
                "ssl='yes', which is not true or false", "ssl=true or ssl=false");
        assertEveryCommandFails(env(base + "PGHOST=elsewhere"), false, ExitCode.USAGE_OR_CONFIGURATION,
                "parameter 'PGHOST'", "override the host");
    }

    /** What only a connection attempt reveals: the driver reports these as connection failures, they are settings. */
    @Test
    void database_url_asking_for_what_the_server_does_not_offer_names_the_parameter_and_exits_2() {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.isEmbedded(),
                "the embedded server has no SSL, trusts local logins and is a primary: what these cases need");
        assertEveryCommandFails(env(urlWith("ssl_required", "sslmode=require")), false, ExitCode.USAGE_OR_CONFIGURATION,
                "requires SSL (sslmode=require", "does not support SSL", "sslmode=prefer");
        assertEveryCommandFails(env(urlWith("gss_required", "gssEncMode=require")), false,
                ExitCode.USAGE_OR_CONFIGURATION, "requires GSS encryption (gssEncMode=require)", "gssEncMode=prefer");
        assertEveryCommandFails(env(urlWith("channel", "channelBinding=require")), false,
                ExitCode.USAGE_OR_CONFIGURATION, "channelBinding=require", "channelBinding=prefer");
        assertEveryCommandFails(env(urlWith("standby", "targetServerType=secondary")), false,
                ExitCode.USAGE_OR_CONFIGURATION, "targetServerType", "targetServerType=any");
        assertEveryCommandFails(env(urlWith("protocol", "protocolVersion=2")), false, ExitCode.USAGE_OR_CONFIGURATION,
                "protocolVersion", "protocolVersion=3");
        assertEveryCommandFails(env(urlWith("options", "options=-c%20no_such_setting%3D1")), false,
                ExitCode.USAGE_OR_CONFIGURATION, "unrecognized configuration parameter \"no_such_setting\"",
                "options parameter");
    }

    /**
     * The requirement itself: every value of every parameter the PostgreSQL driver knows that the driver (or the
     * server, through it) refuses when connecting is reported by the CLI as a configuration error (exit 2) naming the
     * parameter. Each candidate value is first tried on the driver directly, so the list follows the driver's version.
     */
    @Test
    void every_parameter_value_the_driver_refuses_is_named_with_exit_2() throws Exception {
        DatabaseSettings database = FailureHarness.withPassword(server.create("params"));
        List<String> refusedByDriver = new java.util.ArrayList<>();
        for (org.postgresql.PGProperty property : org.postgresql.PGProperty.values()) {
            String name = property.getName();
            if (name.equals("user") || name.equals("password")) {
                continue; // the credentials: read into the settings, never passed on as parameters
            }
            List<String> values = new java.util.ArrayList<>(List.of("bogus"));
            if (property.getDefaultValue() != null && property.getDefaultValue().matches("-?\\d+")) {
                values.addAll(List.of("1.5", "-1", "0", "99999999999"));
            }
            for (String value : values) {
                String parameter = name + "=" + value;
                if (!driverRefuses(database, parameter)) {
                    continue;
                }
                refusedByDriver.add(parameter);
                Run run = migrate(env(FailureHarness.url(database) + "?" + parameter), changelogRoot, "status");
                String message = assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, name);
                System.out.println("[" + parameter + "] " + message);
                assertNoSecret(run, PASSWORD);
            }
        }
        System.out.println("refused by the driver: " + refusedByDriver);
        for (String known : List.of("sslmode=bogus", "connectTimeout=bogus", "socketTimeout=1.5", "connectTimeout=-1",
                "targetServerType=bogus", "autosave=bogus")) {
            assertTrue(refusedByDriver.contains(known), () -> "the driver accepts " + known + " now: " + refusedByDriver);
        }
    }

    /** Whether the PostgreSQL driver fails to connect (and run a statement) with this parameter added. */
    private static boolean driverRefuses(DatabaseSettings database, String parameter) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        try {
            dataSource.setURL(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + parameter);
            dataSource.setUser(database.user());
            dataSource.setPassword(database.password());
            try (java.sql.Connection connection = dataSource.getConnection();
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            return false;
        } catch (java.sql.SQLException | RuntimeException e) {
            return true;
        }
    }

    @Test
    void a_password_with_an_unencoded_at_and_question_mark_is_named_and_never_shown() {
        // the password "Pw-9f3kQ@x?y" unencoded: the '?' ends the authority early, the host lands in the query
        String password = PASSWORD + "@x?y";
        assertEveryCommandFails(env("postgresql://app:" + password + "@localhost:5432/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "percent-encode", "%40", "postgresql://app:****@localhost:5432/bookstore");
        assertEveryCommandFails(env("postgresql://app:" + PASSWORD + "@x/y@localhost:5432/bookstore"), true,
                ExitCode.USAGE_OR_CONFIGURATION, "an '@' after the host", "%2F", "postgresql://app:****@localhost");
        for (String fragment : List.of("x?y", "@x/y")) {
            Run run = migrate(env("postgresql://app:" + PASSWORD + fragment + "@localhost:5432/bookstore"), changelogRoot,
                    "status");
            assertNoSecret(run, PASSWORD, fragment);
        }
    }
}
