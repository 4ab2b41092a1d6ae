package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.apply.Revision;
import com.bookstore.db.migrations.apply.UnknownHistoryException;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.bookstore.db.migrations.failures.FailureHarness.appliedIds;
import static com.bookstore.db.migrations.failures.FailureHarness.assertFailure;
import static com.bookstore.db.migrations.failures.FailureHarness.assertNoSecret;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.envFor;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static com.bookstore.db.migrations.failures.FailureHarness.tableExists;
import static com.bookstore.db.migrations.failures.FailureHarness.withPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rollback} refuses, like {@code upgrade}, a database holding revisions this build does not know (an older build
 * would skip them and roll back the revisions underneath), changing nothing, and says exactly what it rolled back.
 */
@Timeout(60)
class RollbackGuardTest {

    private static final String FIRST = "db/changelog/changes/001_hist_first.xml";
    private static final String SECOND = "db/changelog/changes/002_hist_second.xml";

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path dir;

    private DatabaseSettings database;
    private Map<String, String> env;

    private void newDatabase(String purpose) {
        database = withPassword(server.create(purpose));
        env = envFor(database);
    }

    /** The two-revisions changelog applied by a "newer" build, and an "older" build's changelog without 002. */
    private Path newerAppliedThenOlder() throws Exception {
        Path newer = changelog("two-revisions", dir.resolve("newer"));
        Run applied = migrate(env, newer, "upgrade");
        assertEquals(ExitCode.OK, applied.exit(), applied::toString);

        Path older = changelog("two-revisions", dir.resolve("older"));
        Path master = older.resolve("db/changelog/db.changelog-master.xml");
        Files.writeString(master, Files.readString(master).replaceAll("(?m)^.*changes/002_hist_second\\.xml.*\\R", ""));
        Files.delete(older.resolve(SECOND));
        return older;
    }

    @Test
    void rollback_refuses_a_database_holding_revisions_this_build_does_not_know_and_changes_nothing() throws Exception {
        newDatabase("rb_newer");
        Path older = newerAppliedThenOlder();

        for (String count : List.of("1", "2", "5")) { // 5: more than applied, still the refusal (exit 1), not usage
            Run refused = migrate(env, older, "rollback", "--count", count);
            System.out.println("[rollback --count " + count + "] " + refused.out().strip());
            assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, refused.exit(), refused::toString);
            assertTrue(refused.out().startsWith("Refused to roll back: the database has 1 applied revision(s) that this "
                    + "build's changelog does not contain, e.g. " + SECOND + "::002_hist_second"), refused::toString);
            assertTrue(refused.out().contains("Nothing was rolled back.")
                    && refused.out().contains("run the rollback with that version (or newer)"), refused::toString);
            assertEquals(1, refused.out().lines().count(), refused::toString);
            assertEquals("", refused.err(), refused::toString);
            assertNoSecret(refused, database.password());
        }
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
        assertTrue(tableExists(database, "hist_first") && tableExists(database, "hist_second"),
                "a refused rollback must not touch the schema");
    }

    @Test
    void the_java_api_refuses_too_and_changes_nothing() throws Exception {
        newDatabase("rb_api");
        Path older = newerAppliedThenOlder();
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(older), database)) {
            UnknownHistoryException refused = assertThrows(UnknownHistoryException.class, () -> runner.rollback(1));
            assertTrue(refused.getMessage().contains(SECOND + "::002_hist_second"), refused::getMessage);
        }
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
        assertTrue(tableExists(database, "hist_first") && tableExists(database, "hist_second"));
    }

    @Test
    void rollback_reports_exactly_which_revisions_it_rolled_back() throws Exception {
        newDatabase("rb_report");
        Path root = changelog("two-revisions", dir);
        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());

        Run one = migrate(env, root, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, one.exit(), one::toString);
        assertEquals("Rolled back 1 revision(s), newest first:\n  002_hist_second  " + SECOND + "\n", one.out(),
                one::toString);
        assertNoSecret(one, database.password());
        assertEquals(List.of("001_hist_first"), appliedIds(database));
        assertFalse(tableExists(database, "hist_second"));

        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());
        Run two = migrate(env, root, "rollback", "--count", "2");
        assertEquals(ExitCode.OK, two.exit(), two::toString);
        assertEquals("Rolled back 2 revision(s), newest first:\n  002_hist_second  " + SECOND + "\n  001_hist_first   "
                + FIRST + "\n", two.out(), two::toString);
        assertEquals(List.of(), appliedIds(database));

        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), database)) {
            assertEquals(List.of(new Revision("002_hist_second", "failures-test", SECOND)), runner.rollback(1));
            assertThrows(IllegalArgumentException.class, () -> runner.rollback(2), "only one revision is left");
            assertThrows(IllegalArgumentException.class, () -> runner.rollback(0));
        }
        assertEquals(List.of("001_hist_first"), appliedIds(database));
    }

    @Test
    void a_failing_rollback_names_the_revision_and_what_was_rolled_back_before_it() throws Exception {
        newDatabase("rb_failing");
        Path root = changelog("two-revisions", dir);
        Path second = root.resolve(SECOND);
        Files.writeString(second, Files.readString(second).replace("</createTable>",
                "</createTable>\n        <rollback><sql>drop table no_such_table_rb</sql></rollback>"));
        Files.writeString(root.resolve("db/changelog/changes/003_hist_third.xml"), Files.readString(root.resolve(FIRST))
                .replace("001_hist_first", "003_hist_third").replace("hist_first", "hist_third"));
        Path master = root.resolve("db/changelog/db.changelog-master.xml");
        Files.writeString(master, Files.readString(master).replace("</databaseChangeLog>",
                "    <include file=\"changes/003_hist_third.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));
        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());

        Run failed = migrate(env, root, "rollback", "--count", "3");
        String message = assertFailure(failed, ExitCode.DIFFERENCES_OR_REFUSED, "002_hist_second", "no_such_table_rb",
                "003_hist_third");
        System.out.println("[rollback] " + failed.out().strip() + "\n[error] " + message);
        assertEquals("Rolled back 1 revision(s), newest first:\n  003_hist_third  db/changelog/changes/003_hist_third.xml\n",
                failed.out(), failed::toString);
        assertNoSecret(failed, database.password());
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
        assertFalse(tableExists(database, "hist_third"));
        assertTrue(tableExists(database, "hist_second"), "the failed revision's rollback is undone whole");
    }

    @Test
    void rollback_of_an_edited_revision_is_refused_as_an_edit_and_changes_nothing() throws Exception {
        newDatabase("rb_edited");
        Path root = changelog("two-revisions", dir);
        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());
        Path applied = root.resolve(SECOND);
        Files.writeString(applied, Files.readString(applied).replace("type=\"BIGINT\"", "type=\"INTEGER\""));

        Run edited = migrate(env, root, "rollback", "--count", "1");
        assertFailure(edited, ExitCode.DIFFERENCES_OR_REFUSED, "An applied revision was edited", SECOND, "002_hist_second");
        assertEquals("", edited.out(), edited::toString);
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
    }

    /**
     * The "create it unless it is there" idiom: a precondition with {@code onFail="MARK_RAN"} recorded the changeset
     * without running it, because the table was already there with its rows. Its rollback ({@code drop table}) would
     * have dropped that table: found so, with both rows gone, before it was refused.
     */
    @Test
    void a_changeset_recorded_without_running_is_never_rolled_back() throws Exception {
        newDatabase("markran");
        Path root = changelog("two-revisions", dir);
        Files.writeString(root.resolve(SECOND), com.bookstore.db.migrations.fixtures.RevisionXml.of("002_hist_second",
                "create table hist_second (id bigint primary key)", "drop table hist_second").replace("author=\"test\">",
                "author=\"test\"><preConditions onFail=\"MARK_RAN\"><not><tableExists tableName=\"hist_second\"/></not>"
                        + "</preConditions>"));
        FailureHarness.execute(database, "create table hist_second (id bigint primary key); "
                + "insert into hist_second values (1), (2)");
        Run upgraded = migrate(env, root, "upgrade");
        assertTrue(upgraded.out().contains("Recorded without running 1 revision(s)"), upgraded::toString);

        for (String count : List.of("1", "2")) {
            Run refused = migrate(env, root, "rollback", "--count", count);
            assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, refused.exit(), refused::toString);
            assertTrue(refused.out().startsWith("Refused to roll back: changeset 002_hist_second (author test) in "
                    + SECOND + " was recorded without running"), refused::toString);
            assertTrue(refused.out().contains("Nothing was rolled back."), refused::toString);
        }
        assertEquals(List.of("1", "2"), FailureHarness.query(database, "select id::text from hist_second order by id"));
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
        assertTrue(tableExists(database, "hist_first"), "the revision under it was not rolled back either");
    }

    /** A written-empty {@code <rollback/>} runs nothing: rolling such a changeset back only removes its record. */
    @Test
    void a_changeset_recorded_without_running_whose_rollback_is_empty_is_rolled_back() throws Exception {
        newDatabase("markranempty");
        Path root = changelog("two-revisions", dir);
        Files.writeString(root.resolve(SECOND), com.bookstore.db.migrations.fixtures.RevisionXml.withChange(
                "002_hist_second", "<preConditions onFail=\"MARK_RAN\"><not><tableExists tableName=\"hist_second\"/></not>"
                        + "</preConditions><sql>create table hist_second (id bigint primary key)</sql><rollback/>"));
        FailureHarness.execute(database, "create table hist_second (id bigint primary key); "
                + "insert into hist_second values (1), (2)");
        assertEquals(ExitCode.OK, migrate(env, root, "upgrade").exit());
        Run rolledBack = migrate(env, root, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, rolledBack.exit(), rolledBack::toString);
        assertEquals(List.of("001_hist_first"), appliedIds(database));
        assertEquals(List.of("1", "2"), FailureHarness.query(database, "select id::text from hist_second order by id"));
    }
}
