package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.bookstore.db.migrations.failures.FailureHarness.appliedIds;
import static com.bookstore.db.migrations.failures.FailureHarness.assertFailure;
import static com.bookstore.db.migrations.failures.FailureHarness.assertNoSecret;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.envFor;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static com.bookstore.db.migrations.failures.FailureHarness.query;
import static com.bookstore.db.migrations.failures.FailureHarness.url;
import static com.bookstore.db.migrations.failures.FailureHarness.withPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Migrations meet a busy database: a service's long transaction holds a lock the revision needs. The migration session's
 * {@code lock_timeout} (MIGRATION_LOCK_TIMEOUT) stops the revision instead of queueing an ACCESS EXCLUSIVE request that
 * every query on the table would wait behind; the failure names the blocking session, leaves the revision pending and
 * the table as it was; the next upgrade, once the blocker is gone, applies it. The wait for the migration lock (another
 * upgrade running) is not a lock wait PostgreSQL times out.
 */
@Timeout(90)
class LockTimeoutTest {

    /** Far below the JUnit timeout: a blocked upgrade that does not stop at its lock timeout fails here, not hangs. */
    private static final Duration SANITY_BOUND = Duration.ofSeconds(30);
    private static final String BLOCKER_QUERY = "select id, name from blocked_shelf where id = 1 for update";

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path dir;

    @Test
    void an_upgrade_blocked_by_a_long_transaction_stops_at_the_lock_timeout_naming_the_blocker_and_applies_once_it_ends()
            throws Exception {
        DatabaseSettings database = withPassword(server.create("blocked"));
        Path root = changelog("blocked", dir.resolve("changelog"));
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), database)) {
            runner.update(1); // the table, with rows
        }
        Map<String, String> env = envFor(database);
        env.put("MIGRATION_LOCK_TIMEOUT", "1s");

        try (Connection report = longReport(database)) {
            int blocker = pid(report);
            try (Statement statement = report.createStatement()) {
                statement.execute(BLOCKER_QUERY); // a row lock, held until the report's transaction ends
            }

            long started = System.nanoTime();
            Run blocked = migrate(env, root, "upgrade");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("blocked upgrade stopped after " + took.toMillis() + " ms:\n" + blocked);
            assertTrue(took.compareTo(SANITY_BOUND) < 0, () -> "the blocked upgrade took " + took.toSeconds() + " s");
            assertFailure(blocked, ExitCode.DIFFERENCES_OR_REFUSED, "002_blocked_label",
                    "MIGRATION_LOCK_TIMEOUT=1s", "AccessExclusiveLock on public.blocked_shelf", "pid " + blocker,
                    "application long-report", "idle in transaction", "query: " + BLOCKER_QUERY,
                    "still pending", "pg_terminate_backend(" + blocker + ")", "raise MIGRATION_LOCK_TIMEOUT");
            assertNoSecret(blocked, database.password());

            // Nothing of the revision: pending, recorded as failed, the table and its rows as they were.
            Run status = migrate(env, root, "status");
            assertEquals(ExitCode.OK, status.exit(), status::toString);
            assertTrue(status.out().contains("1 pending revision(s)") && status.out().contains("002_blocked_label"),
                    status::toString);
            assertTrue(status.out().contains("the last upgrade failed at") && status.out().contains("lock timeout"),
                    status::toString);
            assertEquals(List.of("001_blocked_shelf"), appliedIds(database));
            assertEquals(List.of("id", "name"), columns(database));
            assertEquals(List.of("3"), query(database, "select count(*) from blocked_shelf"));

            report.commit(); // the report ends
        }
        Run retried = migrate(env, root, "upgrade");
        assertEquals(ExitCode.OK, retried.exit(), retried::toString);
        assertTrue(retried.out().contains("Applied 1 revision(s): 002_blocked_label"), retried::toString);
        assertEquals(List.of("001_blocked_shelf", "002_blocked_label"), appliedIds(database));
        assertEquals(List.of("id", "name", "label"), columns(database));
        assertEquals(List.of("3"), query(database, "select count(*) from blocked_shelf"));
        Run status = migrate(env, root, "status");
        assertTrue(status.out().contains("Up to date") && !status.out().contains("last upgrade failed"), status::toString);
    }

    @Test
    void a_rollback_blocked_by_a_long_transaction_stops_at_the_lock_timeout_naming_the_blocker() throws Exception {
        DatabaseSettings database = withPassword(server.create("blocked_rollback"));
        Path root = changelog("blocked", dir.resolve("changelog"));
        Map<String, String> env = envFor(database);
        env.put("MIGRATION_LOCK_TIMEOUT", "500ms");
        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());

        try (Connection report = longReport(database)) {
            int blocker = pid(report);
            try (Statement statement = report.createStatement()) {
                statement.execute(BLOCKER_QUERY);
            }
            Run blocked = migrate(env, root, "rollback", "--count", "1");
            System.out.println("blocked rollback:\n" + blocked);
            assertFailure(blocked, ExitCode.DIFFERENCES_OR_REFUSED, "The rollback stopped", "002_blocked_label",
                    "MIGRATION_LOCK_TIMEOUT=500ms", "pid " + blocker, "application long-report",
                    "still applied", "./migrate rollback again", "Nothing was rolled back");
            assertNoSecret(blocked, database.password());
            assertEquals(List.of("001_blocked_shelf", "002_blocked_label"), appliedIds(database));
            assertEquals(List.of("id", "name", "label"), columns(database));
            report.rollback();
        }
        Run retried = migrate(env, root, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, retried.exit(), retried::toString);
        assertEquals(List.of("id", "name"), columns(database));
    }

    @Test
    void a_statement_running_longer_than_the_statement_timeout_stops_its_revision_naming_the_statement() {
        DatabaseSettings database = withPassword(server.create("slow_statement"));
        Path root = changelog("killed", dir.resolve("changelog")); // its 2nd revision sleeps app.slow_seconds
        Map<String, String> env = envFor(database);
        env.put("DATABASE_URL", url(database) + "?options=-c%20app.slow_seconds%3D20");
        env.put("MIGRATION_STATEMENT_TIMEOUT", "500ms");

        Run slow = migrate(env, root, "upgrade");
        System.out.println("slow statement:\n" + slow);
        assertFailure(slow, ExitCode.DIFFERENCES_OR_REFUSED, "002_killed_slow", "ran longer than "
                + "MIGRATION_STATEMENT_TIMEOUT=500ms", "SQLSTATE 57014", "in the statement: select pg_sleep(",
                "still pending", "raise MIGRATION_STATEMENT_TIMEOUT");
        assertNoSecret(slow, database.password());
        assertEquals(List.of("001_killed_first"), appliedIds(database));
    }

    /** 57014 is also what a statement cancelled by another session ends with: that is not a timeout to raise. */
    @Test
    void a_statement_cancelled_by_another_session_is_reported_as_cancelled_not_as_a_timeout() throws Exception {
        DatabaseSettings database = withPassword(server.create("cancelled"));
        Path root = changelog("killed", dir.resolve("changelog")); // its 2nd revision sleeps app.slow_seconds
        Map<String, String> env = envFor(database);
        env.put("DATABASE_URL", url(database) + "?options=-c%20app.slow_seconds%3D20");
        env.put("MIGRATION_STATEMENT_TIMEOUT", "60s");
        CompletableFuture<Run> upgrade = CompletableFuture.supplyAsync(() -> migrate(env, root, "upgrade"));
        awaitSleepingMigration(database, upgrade);
        assertEquals(List.of("t"), query(database, "select pg_cancel_backend(pid) from pg_stat_activity where datname = "
                + "current_database() and state = 'active' and query like '%pg_sleep%' and pid <> pg_backend_pid()"));

        Run cancelled = upgrade.get(30, TimeUnit.SECONDS);
        System.out.println("cancelled statement:\n" + cancelled);
        assertFailure(cancelled, ExitCode.DIFFERENCES_OR_REFUSED, "002_killed_slow", "was cancelled by another session",
                "not by a timeout", "canceling statement due to user request", "SQLSTATE 57014", "still pending",
                "Run ./migrate upgrade again");
        assertFalse(cancelled.message().contains("ran longer than") || cancelled.message().contains("raise "),
                cancelled::toString);
        assertNoSecret(cancelled, database.password());
        assertEquals(List.of("001_killed_first"), appliedIds(database));
    }

    @Test
    void a_malformed_timeout_is_refused_naming_the_variable_and_an_example_before_anything_runs() {
        DatabaseSettings database = withPassword(server.create("bad_timeout"));
        Path root = changelog("blocked", dir.resolve("changelog"));
        Map<String, String> env = envFor(database);
        env.put("MIGRATION_LOCK_TIMEOUT", "5 seconds");
        Run lock = migrate(env, root, "upgrade");
        assertFailure(lock, ExitCode.USAGE_OR_CONFIGURATION, "MIGRATION_LOCK_TIMEOUT is '5 seconds'",
                "e.g. MIGRATION_LOCK_TIMEOUT=5s");
        assertNoSecret(lock, database.password());

        env.remove("MIGRATION_LOCK_TIMEOUT");
        env.put("MIGRATION_STATEMENT_TIMEOUT", "-1");
        Run statement = migrate(env, root, "rollback", "--count", "1");
        assertFailure(statement, ExitCode.USAGE_OR_CONFIGURATION, "MIGRATION_STATEMENT_TIMEOUT is '-1'",
                "e.g. MIGRATION_STATEMENT_TIMEOUT=5s");
        assertEquals(List.of(), appliedIds(database));
    }

    /**
     * A second upgrade waits for the first one's migration lock far longer than its lock timeout, and then finds
     * nothing pending: the migration lock is taken with {@code pg_try_advisory_lock} in a loop, which PostgreSQL never
     * times out, and the session's timeouts are set only once the lock is held.
     */
    @Test
    void a_second_upgrade_waits_for_the_migration_lock_longer_than_its_lock_timeout() throws Exception {
        DatabaseSettings database = withPassword(server.create("serialised"));
        Path root = changelog("killed", dir.resolve("changelog"));
        DatabaseSettings slow = DatabaseSettings.parse(url(database) + "?options=-c%20app.slow_seconds%3D3");
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> {
            try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), slow)) {
                return runner.upgrade().ran();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitSleepingMigration(database, first);

        Map<String, String> env = envFor(database);
        env.put("MIGRATION_LOCK_TIMEOUT", "100ms");
        long started = System.nanoTime();
        Run second = migrate(env, root, "upgrade");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(ExitCode.OK, second.exit(), second::toString);
        assertTrue(second.out().contains("Already up to date"), second::toString);
        assertTrue(waited.compareTo(Duration.ofMillis(1000)) > 0, () -> "the second upgrade did not wait for the first"
                + " (" + waited.toMillis() + " ms):\n" + second);
        assertEquals(List.of("001_killed_first", "002_killed_slow"), first.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("001_killed_first", "002_killed_slow"), appliedIds(database));
    }

    /** A connection named like a reporting job, in a transaction. */
    private static Connection longReport(DatabaseSettings database) throws SQLException {
        Connection connection = MigrationConnections.unpooled(database).getConnection();
        connection.setClientInfo("ApplicationName", "long-report");
        connection.setAutoCommit(false);
        return connection;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> columns(DatabaseSettings database) {
        return query(database, "select column_name from information_schema.columns where table_name = 'blocked_shelf' "
                + "order by ordinal_position");
    }

    /** Waits until the first upgrade's session runs the 2nd changeset's pg_sleep, holding the migration lock. */
    private static void awaitSleepingMigration(DatabaseSettings database, CompletableFuture<?> upgrade) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!query(database, "select pid from pg_stat_activity where datname = current_database() "
                    + "and state = 'active' and query like '%pg_sleep%' and pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            if (upgrade.isDone()) {
                fail("the first upgrade ended before its slow revision ran: " + upgrade.get());
            }
            Thread.sleep(25);
        }
        fail("the first upgrade never reached pg_sleep");
    }
}
