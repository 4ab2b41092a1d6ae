package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.bookstore.db.migrations.failures.FailureHarness.appliedIds;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static com.bookstore.db.migrations.failures.FailureHarness.output;
import static com.bookstore.db.migrations.failures.FailureHarness.query;
import static com.bookstore.db.migrations.failures.FailureHarness.startMigrate;
import static com.bookstore.db.migrations.failures.FailureHarness.tableExists;
import static com.bookstore.db.migrations.failures.FailureHarness.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight deploys at once: eight JVMs run {@code ./migrate upgrade} against one empty database at the same moment. The
 * advisory lock must serialise them: every process exits 0, every changeset is applied exactly once, and the live
 * database then matches the entity model ({@code check --url}).
 */
class ConcurrentUpgradeTest {

    private static final int PROCESSES = 8;

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void eight_processes_upgrading_one_empty_database_at_once_apply_each_changeset_exactly_once() throws Exception {
        DatabaseSettings database = FailureHarness.withPassword(server.create("race"));
        Path root = changelog("race", dir.resolve("changelog"));
        Path logs = dir.resolve("logs");
        String url = url(database);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostAtOnce = new AtomicInteger();
        Thread watcher = new Thread(() -> watchMigrators(database, running, mostAtOnce), "race-watcher");
        watcher.setDaemon(true);
        watcher.start();

        List<Process> processes = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(startMigrate(url, logs, "upgrade-" + i, "upgrade", "--changelog-dir", root.toString()));
            }
            for (int i = 0; i < PROCESSES; i++) {
                Process process = processes.get(i);
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "upgrade-" + i + " did not finish in 120 s");
                int index = i;
                assertEquals(0, process.exitValue(), () -> "upgrade-" + index + " failed:\n" + output(logs, "upgrade-" + index));
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
            running.set(false);
            watcher.join(5000);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String outputs = java.util.stream.IntStream.range(0, PROCESSES).mapToObj(i -> output(logs, "upgrade-" + i))
                .collect(Collectors.joining("\n"));
        System.out.println(PROCESSES + " upgrades in " + seconds + " s, at most " + mostAtOnce.get()
                + " migration sessions at once\n" + outputs);

        assertFalse(outputs.contains(database.password()), () -> "the password was printed:\n" + outputs);
        assertTrue(mostAtOnce.get() >= 2, () -> "the upgrades never overlapped (at most " + mostAtOnce.get()
                + " session at once): the test proves nothing\n" + outputs);
        assertEquals(List.of("001_race_shelf", "002_slow", "003_race_book"), appliedIds(database), outputs);
        assertEquals(List.of(), query(database, "select id || ' x' || count(*) from databasechangelog group by id "
                + "having count(*) > 1"), "changesets applied more than once");
        assertTrue(tableExists(database, "race_shelf") && tableExists(database, "race_book"));
        assertFalse(tableExists(database, "databasechangeloglock"), "the advisory lock needs no lock table");

        long applied = java.util.stream.IntStream.range(0, PROCESSES)
                .filter(i -> output(logs, "upgrade-" + i).contains("Applied 3 revision(s)")).count();
        assertEquals(1, applied, () -> "exactly one process applies the revisions, the others find them applied:\n"
                + outputs);

        Run check = migrate(Map.of("MIGRATIONS_AUTHOR", "failures-test"), () -> EntityRegistry.of(new RaceModel()), root,
                "check", "--url", url);
        assertEquals(ExitCode.OK, check.exit(), check::toString);
        FailureHarness.assertNoSecret(check, database.password());
        assertTrue(check.out().contains("agree"), check::toString);
    }

    /** Samples how many migration sessions are connected to the database at once, until told to stop. */
    private static void watchMigrators(DatabaseSettings database, AtomicBoolean running, AtomicInteger mostAtOnce) {
        String sql = "select count(*) from pg_stat_activity where datname = current_database() "
                + "and application_name = 'bookstore-migrations' and pid <> pg_backend_pid()";
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            while (running.get()) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    mostAtOnce.accumulateAndGet(rs.getInt(1), Math::max);
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException("the watcher failed", e);
            }
        }
    }
}
