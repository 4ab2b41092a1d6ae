package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changelogs that cannot be applied as they are: each failure is one paragraph, an exit code, and no password. */
@Timeout(60)
class ChangelogFailuresTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path dir;

    private DatabaseSettings database;
    private Map<String, String> env;

    private Map<String, String> newDatabase(String purpose) {
        database = withPassword(server.create(purpose));
        env = envFor(database);
        return env;
    }

    private String secret() {
        return database.password();
    }

    @Test
    void an_edited_applied_revision_is_refused_naming_the_file_and_the_changeset() throws Exception {
        newDatabase("checksum");
        Path root = changelog("two-revisions", dir);
        Run first = migrate(env, root, "upgrade");
        assertEquals(ExitCode.OK, first.exit(), first::toString);

        Path applied = root.resolve("db/changelog/changes/002_hist_second.xml");
        Files.writeString(applied, Files.readString(applied).replace("type=\"BIGINT\"", "type=\"INTEGER\""));

        for (String command : List.of("upgrade", "status")) {
            Run edited = migrate(env, root, command);
            System.out.println("[" + command + "] " + edited.message());
            assertFailure(edited, ExitCode.DIFFERENCES_OR_REFUSED, "db/changelog/changes/002_hist_second.xml",
                    "002_hist_second", "edited");
            assertNoSecret(edited, secret());
        }
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
    }

    /** Not well-formed XML, and well-formed XML that breaks the XSD it names (an attribute misspelled). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"xml-syntax-error, 002_syntax_broken.xml, line 10, syntax_first, </column>",
            "xsd-invalid, 002_xsd_misspelled.xml, line 8, xsd_first, tableNam"})
    void an_unreadable_changelog_names_the_file_the_line_and_what_is_wrong(String fixture, String file, String line,
                                                                        String firstTable, String detail) {
        newDatabase(firstTable);
        Path root = changelog(fixture, dir);
        for (String command : List.of("upgrade", "status", "sql")) {
            Run broken = migrate(env, root, command);
            System.out.println("[" + command + "] " + broken.message());
            assertFailure(broken, ExitCode.USAGE_OR_CONFIGURATION, file, line, detail);
            assertNoSecret(broken, secret());
        }
        assertFalse(tableExists(database, firstTable), "nothing may be applied from an unreadable changelog");
    }

    @Test
    void a_master_including_a_missing_file_names_the_file() {
        newDatabase("include");
        Path root = changelog("missing-include", dir);
        for (String command : List.of("upgrade", "status")) {
            Run missing = migrate(env, root, command);
            System.out.println("[" + command + "] " + missing.message());
            assertFailure(missing, ExitCode.USAGE_OR_CONFIGURATION, "002_absent.xml");
            assertNoSecret(missing, secret());
        }
        assertFalse(tableExists(database, "present_table"), "nothing may be applied from an incomplete changelog");
    }

    @Test
    void upgrade_refuses_a_database_holding_revisions_this_build_does_not_know() throws Exception {
        newDatabase("newer");
        Path newer = changelog("two-revisions", dir.resolve("newer"));
        Run applied = migrate(env, newer, "upgrade");
        assertEquals(ExitCode.OK, applied.exit(), applied::toString);

        Path older = changelog("two-revisions", dir.resolve("older"));
        Path master = older.resolve("db/changelog/db.changelog-master.xml");
        String text = Files.readString(master);
        assertTrue(text.contains("changes/002_hist_second.xml"));
        Files.writeString(master, text.replaceAll("(?m)^.*changes/002_hist_second\\.xml.*\\R", ""));
        Files.delete(older.resolve("db/changelog/changes/002_hist_second.xml"));

        Run refused = migrate(env, older, "upgrade");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, refused.exit(), refused::toString);
        assertTrue(refused.out().startsWith("Refused: the database has 1 applied revision(s) that this build's changelog "
                + "does not contain, e.g. db/changelog/changes/002_hist_second.xml::002_hist_second."), refused::toString);
        assertTrue(refused.out().contains("deploy that version (or newer)"), refused::toString);
        assertEquals(1, refused.out().lines().count(), refused::toString);
        assertNoSecret(refused, secret());
        assertEquals(List.of("001_hist_first", "002_hist_second"), appliedIds(database));
        Run status = migrate(env, older, "status");
        assertEquals(ExitCode.OK, status.exit(), status::toString);
        assertEquals("Up to date: no pending revision.\nNote: the database has 1 applied revision(s) that this build's "
                + "changelog does not contain, e.g. db/changelog/changes/002_hist_second.xml::002_hist_second: a newer "
                + "version ran here, and upgrade and rollback refuse to run with this one.\n",
                status.out().replace("\r\n", "\n"), "status said \"Up to date\" and nothing more");
    }

    /**
     * Two branches merged after one of them was deployed: the pending revision comes, in the changelog, before one
     * the database has applied. Liquibase would run it last, in another order than a fresh database and check's
     * shadow run it.
     */
    @Test
    void a_pending_revision_before_an_applied_one_is_refused_unless_out_of_order_is_asked_for() throws Exception {
        newDatabase("order");
        Path root = changelog("two-revisions", dir);
        Path changes = root.resolve("db/changelog/changes");
        Files.writeString(changes.resolve("003_hist_label.xml"), com.bookstore.db.migrations.fixtures.RevisionXml.of(
                "003_hist_label", "alter table hist_first add column label varchar(20) default 'hotfix'",
                "alter table hist_first drop column label"));
        Path master = root.resolve("db/changelog/db.changelog-master.xml");
        String both = Files.readString(master).replace("<include file=\"changes/002_hist_second.xml\" relativeToChangelogFile=\"true\"/>",
                "<include file=\"changes/002_hist_second.xml\" relativeToChangelogFile=\"true\"/>\n"
                        + "    <include file=\"changes/003_hist_label.xml\" relativeToChangelogFile=\"true\"/>");
        Files.writeString(master, both.replaceAll("(?m)^.*changes/002_hist_second\\.xml.*\\R", ""));
        Run hotfix = migrate(env, root, "upgrade");
        assertEquals(ExitCode.OK, hotfix.exit(), hotfix::toString);
        FailureHarness.execute(database, "insert into hist_first (id) values (1), (2)");

        Files.writeString(master, both); // the branch with 002 merged: 002 now comes before the applied 003
        Run refused = migrate(env, root, "upgrade");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, refused.exit(), refused::toString);
        assertTrue(refused.out().startsWith("Refused: 1 pending revision(s) come before 003_hist_label "
                + "(db/changelog/changes/003_hist_label.xml) in the changelog, which this database has already applied: "
                + "002_hist_second (db/changelog/changes/002_hist_second.xml)."), refused::toString);
        assertTrue(refused.out().contains("--out-of-order"), refused::toString);
        assertEquals(List.of("001_hist_first", "003_hist_label"), appliedIds(database), "nothing was applied");
        assertFalse(tableExists(database, "hist_second"));
        assertEquals(List.of("1:hotfix", "2:hotfix"),
                FailureHarness.query(database, "select id || ':' || label from hist_first order by id"));

        Run status = migrate(env, root, "status");
        assertEquals(ExitCode.OK, status.exit(), status::toString);
        assertTrue(status.out().contains("Note: 1 of them come before 003_hist_label"), status::toString);
        Run sql = migrate(env, root, "sql"); // the SQL run by hand would apply it all the same
        assertFailure(sql, ExitCode.DIFFERENCES_OR_REFUSED, "Refused: 1 pending revision(s) come before 003_hist_label");
        assertEquals("", sql.out(), "nothing for the SQL file: the refusal is on standard error");
        Run sqlOutOfOrder = migrate(env, root, "sql", "--out-of-order");
        assertEquals(ExitCode.OK, sqlOutOfOrder.exit(), sqlOutOfOrder::toString);
        assertTrue(sqlOutOfOrder.out().contains("CREATE TABLE public.hist_second"), sqlOutOfOrder::toString);

        Run outOfOrder = migrate(env, root, "upgrade", "--out-of-order");
        assertEquals(ExitCode.OK, outOfOrder.exit(), outOfOrder::toString);
        assertEquals("Applied 1 revision(s): 002_hist_second\n", outOfOrder.out().replace("\r\n", "\n"));
        assertEquals(List.of("001_hist_first", "003_hist_label", "002_hist_second"), appliedIds(database));
        assertEquals(List.of("1:hotfix", "2:hotfix"),
                FailureHarness.query(database, "select id || ':' || label from hist_first order by id"));
    }

    @Test
    void a_failing_changeset_leaves_the_database_at_the_previous_one() {
        newDatabase("failing");
        Path root = changelog("failing-sql", dir);
        Run failed = migrate(env, root, "upgrade");
        System.out.println(failed);
        assertFailure(failed, ExitCode.DIFFERENCES_OR_REFUSED, "002_failing_second", "no_such_table");
        assertNoSecret(failed, secret());

        assertEquals(List.of("001_failing_first"), appliedIds(database));
        assertTrue(tableExists(database, "failing_first"));
        assertFalse(tableExists(database, "failing_second"), "the failed changeset's table must be rolled back");
        assertFalse(tableExists(database, "failing_third"));

        Run status = migrate(env, root, "status");
        assertEquals(ExitCode.OK, status.exit(), status::toString);
        assertTrue(status.out().contains("2 pending revision(s)") && status.out().contains("002_failing_second")
                && status.out().contains("003_failing_third"), status::toString);
    }

    /**
     * Settings with which Liquibase goes on past a changeset that did not run, and reports success. Found with this
     * changelog before they were refused: upgrade printed "Applied 3 revision(s)" with the second one neither run nor
     * recorded, and every later upgrade skipped it again.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "failOnError=false | failOnError=\"false\" | | failOnError=\"false\"",
            "onFail=CONTINUE | | <preConditions onFail=\"CONTINUE\"><tableExists tableName=\"nope\"/></preConditions> | onFail=\"CONTINUE\"",
            "onError=CONTINUE | | <preConditions onError=\"CONTINUE\"><sqlCheck expectedResult=\"1\">select * from nope</sqlCheck></preConditions> | onError=\"CONTINUE\""})
    void a_changeset_liquibase_could_skip_in_silence_is_refused_before_anything_runs(String name, String attributes,
            String preconditions, String named) throws Exception {
        newDatabase("skip");
        Path root = changelog("failing-sql", dir);
        Path failing = root.resolve("db/changelog/changes/002_failing_second.xml");
        Files.writeString(failing, Files.readString(failing).replace("author=\"failures-test\">",
                "author=\"failures-test\" " + (attributes == null ? "" : attributes) + ">"
                        + (preconditions == null ? "" : preconditions)));
        for (String command : List.of("upgrade", "sql")) {
            Run refused = migrate(env, root, command);
            System.out.println("[" + command + "] " + refused.message());
            assertFailure(refused, ExitCode.USAGE_OR_CONFIGURATION, "skip a changeset and report success",
                    "changeset 002_failing_second (author failures-test) in db/changelog/changes/002_failing_second.xml has "
                            + (named.startsWith("failOnError") ? "" : "preconditions with ") + named, "Nothing was applied");
            assertNoSecret(refused, secret());
        }
        assertEquals(List.of(), appliedIds(database), "nothing runs from a changelog that is refused");
        Run status = migrate(env, root, "status");
        assertEquals(ExitCode.OK, status.exit(), status::toString);
        assertTrue(status.out().contains("3 pending revision(s)"), status::toString);
    }

    /**
     * What the refusal leaves alone: a changeset that does not run here (applied already; for another database) may
     * keep failOnError="false", and a changeset whose every change is for another database is skipped by Liquibase
     * without a record: neither pending forever nor out of order, nor taken for a failure. Found in review: such a
     * changeset made every upgrade fail after the first.
     */
    @Test
    void changesets_that_do_not_run_here_are_neither_refused_nor_pending_forever() throws Exception {
        newDatabase("elsewhere");
        Path root = changelog("failing-sql", dir);
        Path changes = root.resolve("db/changelog/changes");
        Files.writeString(changes.resolve("002_failing_second.xml"), com.bookstore.db.migrations.fixtures.RevisionXml
                .withChange("002_failing_second", "<sql dbms=\"h2\">create table failing_second (id bigint)</sql>"));
        Path first = changes.resolve("001_failing_first.xml");
        Files.writeString(first, Files.readString(first).replace("author=\"failures-test\">",
                "author=\"failures-test\" failOnError=\"false\">"));
        Run refused = migrate(env, root, "upgrade");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, refused.exit(), "001 is about to run: " + refused);
        Files.writeString(first, Files.readString(first).replace(" failOnError=\"false\"", ""));
        Run applied = migrate(env, root, "upgrade");
        assertEquals(ExitCode.OK, applied.exit(), applied::toString);
        assertEquals("Applied 2 revision(s): 001_failing_first, 003_failing_third\n", applied.out().replace("\r\n", "\n"));
        FailureHarness.execute(database, "insert into failing_first (id) values (1), (2)");

        Files.writeString(first, Files.readString(first).replace("author=\"failures-test\">",
                "author=\"failures-test\" failOnError=\"false\">")); // applied: it runs no more (not in the checksum)
        Path otherOs = changes.resolve("005_failing_fifth.xml"); // skipped without a record, as 002
        Files.writeString(otherOs, com.bookstore.db.migrations.fixtures.RevisionXml.withChange("005_failing_fifth",
                "<executeCommand executable=\"true\" os=\"NoSuchOS\"/>"));
        Path oracleOnly = changes.resolve("004_failing_fourth.xml");
        Files.writeString(oracleOnly, com.bookstore.db.migrations.fixtures.RevisionXml.withChange("004_failing_fourth",
                "<sql>select 1</sql>").replace("author=\"test\"", "author=\"test\" dbms=\"oracle\" failOnError=\"false\""));
        Path master = root.resolve("db/changelog/db.changelog-master.xml");
        Files.writeString(master, Files.readString(master).replace("</databaseChangeLog>",
                "    <include file=\"changes/004_failing_fourth.xml\" relativeToChangelogFile=\"true\"/>\n"
                        + "    <include file=\"changes/005_failing_fifth.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));
        for (String command : List.of("upgrade", "status")) {
            Run again = migrate(env, root, command);
            assertEquals(ExitCode.OK, again.exit(), again::toString);
            assertTrue(again.out().startsWith(command.equals("upgrade") ? "Already up to date" : "Up to date"), again::toString);
        }
        assertEquals(List.of("001_failing_first", "003_failing_third"), appliedIds(database));
        assertEquals(List.of("1", "2"), FailureHarness.query(database, "select id::text from failing_first order by id"));
    }

    @Test
    void a_changeset_that_runs_again_with_a_mark_ran_precondition_is_refused() throws Exception {
        newDatabase("rerun");
        Path root = changelog("failing-sql", dir);
        Path failing = root.resolve("db/changelog/changes/002_failing_second.xml");
        Files.writeString(failing, com.bookstore.db.migrations.fixtures.RevisionXml.of("002_failing_second",
                "create or replace view second_view as select 1 as one", "drop view second_view")
                .replace("author=\"test\">", "author=\"test\" runOnChange=\"true\"><preConditions onFail=\"MARK_RAN\">"
                        + "<sqlCheck expectedResult=\"0\">select 0</sqlCheck></preConditions>"));
        Run refused = migrate(env, root, "upgrade");
        assertFailure(refused, ExitCode.USAGE_OR_CONFIGURATION, "runs again (runOnChange) and has preconditions with "
                + "MARK_RAN");
        assertEquals(List.of(), appliedIds(database));
    }

    /**
     * The case that matters: a unique constraint that the empty shadow database accepts and production's rows refuse.
     * With {@code failOnError="false"}, check agreed (its shadow has the constraint) and upgrade reported the revision
     * applied (production has not): now both refuse the changelog, and production keeps its rows.
     */
    @Test
    void a_skippable_revision_is_refused_by_check_and_upgrade_on_a_table_whose_rows_would_make_it_fail() throws Exception {
        newDatabase("duplicates");
        Path root = dir.resolve("changelog");
        Files.createDirectories(root);
        java.util.function.Supplier<com.bookstore.db.core.registry.EntityRegistry> items = () -> TestRegistries.of("skips",
                Item.class);
        java.util.function.Supplier<com.bookstore.db.core.registry.EntityRegistry> uniqueItems = () -> TestRegistries.of(
                "skips", ItemUnique.class);
        assertEquals(ExitCode.OK, migrate(env, items, root, "generate", "-m", "items").exit());
        assertEquals(ExitCode.OK, migrate(env, items, root, "upgrade").exit());
        FailureHarness.execute(database, "insert into item (id, name) values (1, 'Dune'), (2, 'Dune'), (3, 'Emma')");
        Run generated = migrate(env, uniqueItems, root, "generate", "-m", "unique item names");
        assertEquals(ExitCode.OK, generated.exit(), generated::toString);
        Path revision;
        try (java.util.stream.Stream<Path> files = Files.list(root.resolve("db/changelog/changes"))) {
            revision = files.filter(f -> f.getFileName().toString().contains("unique_item_names")).findFirst().orElseThrow();
        }
        Files.writeString(revision, Files.readString(revision).replace("<changeSet ", "<changeSet failOnError=\"false\" "));

        for (List<String> command : List.of(List.of("check"), List.of("upgrade"), List.of("generate", "-m", "again"))) {
            Run refused = migrate(env, uniqueItems, root, command.toArray(String[]::new));
            System.out.println("[" + command + "] " + refused.message());
            assertFailure(refused, ExitCode.USAGE_OR_CONFIGURATION, "failOnError=\"false\"",
                    revision.getFileName().toString());
        }
        try (java.util.stream.Stream<Path> files = Files.list(root.resolve("db/changelog/changes"))) {
            assertEquals(2, files.count(), "generate wrote no revision");
        }
        assertEquals(1, appliedIds(database).size(), "only the first revision is applied");
        assertEquals(List.of("1:Dune", "2:Dune", "3:Emma"),
                FailureHarness.query(database, "select id || ':' || name from item order by id"));
        assertEquals(List.of(), FailureHarness.query(database,
                "select conname from pg_constraint where conrelid = 'item'::regclass and contype = 'u'"));
    }

    /** The table before: names not unique. */
    @jakarta.persistence.Entity(name = "Item")
    @jakarta.persistence.Table(name = "item")
    public static class Item {
        @jakarta.persistence.Id Long id;
        @jakarta.persistence.Column(nullable = false, length = 100) String name;
    }

    /** The table after: names unique. */
    @jakarta.persistence.Entity(name = "Item")
    @jakarta.persistence.Table(name = "item", uniqueConstraints = @jakarta.persistence.UniqueConstraint(
            name = "uk_item_name", columnNames = "name"))
    public static class ItemUnique {
        @jakarta.persistence.Id Long id;
        @jakarta.persistence.Column(nullable = false, length = 100) String name;
    }

    @Test
    void a_changeset_recorded_without_running_is_not_called_applied() throws Exception {
        newDatabase("markran");
        Path root = changelog("failing-sql", dir);
        Path failing = root.resolve("db/changelog/changes/002_failing_second.xml");
        Files.writeString(failing, Files.readString(failing).replace("author=\"failures-test\">",
                "author=\"failures-test\"><preConditions onFail=\"MARK_RAN\"><tableExists tableName=\"nope\"/></preConditions>"));
        Run upgraded = migrate(env, root, "upgrade");
        assertEquals(ExitCode.OK, upgraded.exit(), upgraded::toString);
        assertEquals("Applied 2 revision(s): 001_failing_first, 003_failing_third\n"
                + "Recorded without running 1 revision(s), their precondition failed (onFail=\"MARK_RAN\"): 002_failing_second\n",
                upgraded.out().replace("\r\n", "\n"));
        assertEquals(List.of("001_failing_first", "002_failing_second", "003_failing_third"), appliedIds(database));
        assertFalse(tableExists(database, "failing_second"));
    }

    @Test
    void a_failing_upgrade_run_as_a_process_prints_one_paragraph_on_standard_error() throws Exception {
        newDatabase("process");
        Path root = changelog("failing-sql", dir.resolve("changelog"));
        Path logs = dir.resolve("logs");
        Process process = FailureHarness.startMigrate(FailureHarness.url(database), logs, "failing", "upgrade",
                "--changelog-dir", root.toString());
        assertTrue(process.waitFor(50, java.util.concurrent.TimeUnit.SECONDS), "the upgrade did not finish");
        String output = FailureHarness.output(logs, "failing");
        System.out.println(output);
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED.code(), process.exitValue(), output);
        String stderr = Files.readString(logs.resolve("failing.err"));
        assertFalse(stderr.contains(secret()) || Files.readString(logs.resolve("failing.out")).contains(secret()), output);
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "standard error must hold the error paragraph only:\n" + output);
        assertTrue(lines.get(0).startsWith("error: The upgrade stopped: changeset 002_failing_second"), output);
        assertEquals(List.of("001_failing_first"), appliedIds(database));
    }

    /**
     * Secrets, the CLI's last line of defence: a statement that fails with the configured password in it (and so in
     * PostgreSQL's error) is reported with the password masked, decoded or percent-encoded as in DATABASE_URL.
     * Only the CLI's own streams are scanned: Liquibase logs the statement it ran, which the user wrote.
     */
    @Test
    void a_failed_statement_holding_the_password_is_reported_with_the_password_masked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(server.isEmbedded(),
                "needs a password of its own choosing, so only on the embedded server (which trusts local logins)");
        String password = FailureHarness.PASSWORD + "@x";
        database = server.create("masked").withCredentials("postgres", password);
        env = new java.util.HashMap<>(Map.of("DATABASE_URL", "postgresql://postgres:"
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "@" + database.host()
                + ":" + database.port() + "/" + database.database()));
        Path root = changelog("failing-sql", dir);
        Path failing = root.resolve("db/changelog/changes/002_failing_second.xml");
        Files.writeString(failing, Files.readString(failing).replace("insert into no_such_table (id) values (1)",
                "select '" + password + "'::int"));

        Run failed = migrate(env, root, "upgrade");
        String message = assertFailure(failed, ExitCode.DIFFERENCES_OR_REFUSED, "002_failing_second",
                "invalid input syntax for type integer", "select '****'::int");
        System.out.println(message);
        for (String form : List.of(password, FailureHarness.PASSWORD, "Pw-9f3kQ%40x")) {
            assertFalse((failed.out() + failed.err()).contains(form), () -> form + " printed: " + failed);
        }
    }
}
