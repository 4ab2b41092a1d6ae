package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Every way {@code DATABASE_URL} can be wrong, one test each: the exit code (2 for configuration, 3 for an unreachable
 * server), one paragraph saying what is wrong and how to fix it, and the password nowhere in any output or log.
 * Each row runs the database commands that read the URL ({@code upgrade}, {@code status}), and {@code check --url}
 * with the same value where the failure is the URL itself.
 */
@Timeout(60)
class DatabaseUrlFailuresTest {

    private static ScratchDatabases server;
    private static Path changelogRoot;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = ScratchDatabases.forTests();
        changelogRoot = changelog("two-revisions", dir);
    }

    @AfterAll
    static void stop() {
        server.close();
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
}
