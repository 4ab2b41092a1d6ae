package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.bookstore.db.migrations.failures.FailureHarness.appliedIds;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.envFor;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static com.bookstore.db.migrations.failures.FailureHarness.output;
import static com.bookstore.db.migrations.failures.FailureHarness.query;
import static com.bookstore.db.migrations.failures.FailureHarness.startMigrate;
import static com.bookstore.db.migrations.failures.FailureHarness.tableExists;
import static com.bookstore.db.migrations.failures.FailureHarness.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A deploy killed with SIGKILL in the middle of a revision (the second changeset has created its table and sleeps in
 * {@code pg_sleep}): nothing of that revision may remain, and the next {@code upgrade} must succeed at once, with no
 * manual step: the migration lock is PostgreSQL session state, not a DATABASECHANGELOGLOCK row.
 */
class KilledMigrationTest {

    /** How long the killed revision would sleep: far longer than the next upgrade may take. */
    private static final int SLOW_SECONDS = 60;
    /** How soon after the kill the next upgrade must be done. */
    private static final Duration NEXT_UPGRADE_WITHIN = Duration.ofSeconds(10);

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void a_migration_killed_mid_revision_leaves_it_unapplied_and_the_next_upgrade_needs_no_manual_step() throws Exception {
        DatabaseSettings database = FailureHarness.withPassword(server.create("killed"));
        Path root = changelog("killed", dir.resolve("changelog"));
        Path logs = dir.resolve("logs");
        // The killed process's session sleeps app.slow_seconds in the 2nd changeset; the next upgrade's does not.
        String slowUrl = url(database) + "?options=-c%20app.slow_seconds%3D" + SLOW_SECONDS;

        Process killed = startMigrate(slowUrl, logs, "killed", "upgrade", "--changelog-dir", root.toString());
        long sleeper;
        try {
            sleeper = awaitSleepingMigration(database, killed, logs);
            assertEquals(List.of("1"), query(database, "select count(*) from pg_locks where locktype = 'advisory' "
                    + "and granted and pid = " + sleeper), "the sleeping migration holds the advisory lock");
        } finally {
            killed.destroyForcibly();
        }
        assertTrue(killed.waitFor(10, TimeUnit.SECONDS), "the killed process did not end");
        assertEquals(137, killed.exitValue(), () -> "not killed by SIGKILL:\n" + output(logs, "killed"));
        assertFalse(output(logs, "killed").contains(database.password()), () -> output(logs, "killed"));
        long killedAt = System.nanoTime();

        try {
            // Nothing of the interrupted revision remains; the first one is applied or not, consistently.
            assertFalse(tableExists(database, "killed_slow"), "the interrupted revision's table must not exist");
            List<String> applied = appliedIds(database);
            assertFalse(applied.contains("002_killed_slow"), "the interrupted revision must not be recorded: " + applied);
            assertEquals(applied.contains("001_killed_first"), tableExists(database, "killed_first"),
                    "the first revision is recorded exactly when its table exists: " + applied);

            awaitNoMigrationLock(database, sleeper, killedAt);
            Run next = migrate(envFor(database), root, "upgrade");
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("next upgrade done " + took.toMillis() + " ms after the kill:\n" + next);
            assertEquals(ExitCode.OK, next.exit(), next::toString);
            FailureHarness.assertNoSecret(next, database.password());
            assertTrue(took.compareTo(NEXT_UPGRADE_WITHIN) < 0, () -> "the next upgrade took " + took.toSeconds()
                    + " s after the kill: the killed process's session went on sleeping (holding the migration lock) "
                    + "instead of ending with the process. PostgreSQL only notices a vanished client during a running "
                    + "statement when client_connection_check_interval is set on the migration session.\n" + next);
            assertTrue(next.out().contains("002_killed_slow"), next::toString);
        } finally {
            // Whatever happened, leave no sleeping session behind.
            query(database, "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and query like '%pg_sleep%'");
        }
        assertEquals(List.of("001_killed_first", "002_killed_slow"), appliedIds(database));
        assertTrue(tableExists(database, "killed_first") && tableExists(database, "killed_slow"));
        assertFalse(tableExists(database, "databasechangeloglock"), "no lock table, so no stale lock row to release");
        assertEquals(List.of("0"), query(database, "select count(*) from pg_locks where locktype = 'advisory' and database = "
                + "(select oid from pg_database where datname = current_database())"),
                "no migration lock left behind");
    }

    /**
     * Waits (a bounded time) until the killed process's session and its advisory lock are gone, so that a session that
     * outlives its process fails here at once rather than making the next upgrade wait for the whole sleep.
     */
    private static void awaitNoMigrationLock(DatabaseSettings database, long sleeper, long killedAt) throws Exception {
        long deadline = killedAt + NEXT_UPGRADE_WITHIN.toNanos();
        String sql = "select count(*) from pg_stat_activity where pid = " + sleeper;
        while (!query(database, sql).equals(List.of("0"))) {
            if (System.nanoTime() > deadline) {
                fail("the killed process's session (pid " + sleeper + ") still runs pg_sleep and holds the migration "
                        + "lock " + NEXT_UPGRADE_WITHIN.toSeconds() + " s after SIGKILL, so the next upgrade would wait "
                        + "for the rest of its " + SLOW_SECONDS + " s. PostgreSQL only notices that a client vanished "
                        + "during a running statement when the session sets client_connection_check_interval (PG 14+); "
                        + "migration sessions must set it.");
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the killed-to-be process's session runs the 2nd changeset's pg_sleep; returns its backend pid. */
    private static long awaitSleepingMigration(DatabaseSettings database, Process process, Path logs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> pids = query(database, "select pid from pg_stat_activity where datname = current_database() "
                    + "and state = 'active' and query like '%pg_sleep%' and pid <> pg_backend_pid()");
            if (!pids.isEmpty()) {
                return Long.parseLong(pids.get(0));
            }
            if (!process.isAlive()) {
                fail("the upgrade ended (exit " + process.exitValue() + ") before its slow revision ran:\n"
                        + output(logs, "killed"));
            }
            Thread.sleep(25);
        }
        return fail("the upgrade never reached pg_sleep:\n" + output(logs, "killed"));
    }
}
