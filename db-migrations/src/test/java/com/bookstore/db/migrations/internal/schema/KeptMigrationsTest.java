package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrated database kept on a shadow server the caller owns is invisible except in speed: whatever happens to the
 * changelog files between two comparisons on one server (an edit, a same-size edit, a new revision, a deleted one, a
 * branch switch, two comparisons at once), each gets a database of its own holding exactly what a fresh apply builds.
 */
class KeptMigrationsTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path repository;

    private ChangelogRepository changelogs;

    /** A shadow of this test's own on the class's server: what one test keeps, another never sees. */
    private ScratchDatabases shadow;

    @BeforeEach
    void shadow() throws Exception {
        changelogs = new ChangelogRepository(repository);
        shadow = ScratchDatabases.onServerOf(server.existing("postgres"));
    }

    @AfterEach
    void dropDatabases() {
        shadow.close();
    }

    /** What one comparison got: its database, the columns there, and whether the changelogs were applied for it. */
    private record Run(DatabaseSettings database, List<String> columns, boolean applied, String output) {
    }

    private Run migrated() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (MigratedShadow migrated = MigratedShadow.on(shadow, changelogs.source(), progress)) {
            DatabaseSettings database = migrated.migrated();
            String output = buffer.toString(StandardCharsets.UTF_8);
            boolean applied = progress.orderedTimings().containsKey(KeptMigrations.APPLYING);
            assertTrue(applied || progress.orderedTimings().containsKey(KeptMigrations.COPYING), output);
            return new Run(database, ChangelogRepository.columns(database), applied, output);
        }
    }

    @Test
    void unchanged_changelogs_are_applied_once_per_server_and_each_comparison_gets_its_own_copy() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");

        Run first = migrated();
        Run second = migrated();
        Run third = migrated();

        assertTrue(first.applied(), first.output());
        assertFalse(second.applied(), second.output());
        assertFalse(third.applied(), third.output());
        assertEquals(List.of("book.id", "book.title"), first.columns());
        assertEquals(first.columns(), second.columns());
        assertEquals(first.columns(), third.columns());
        assertNotEquals(first.database().database(), second.database().database());
        assertNotEquals(second.database().database(), third.database().database());
    }

    @Test
    void what_a_comparison_does_to_its_database_is_not_seen_by_the_next() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        Run first = migrated();
        execute(first.database(), "create table scribble (id int); alter table book add column scribbled text");
        Run copied = migrated();
        execute(copied.database(), "drop table book");

        Run next = migrated();

        assertFalse(next.applied(), next.output());
        assertEquals(List.of("book.id"), next.columns());
    }

    @Test
    void an_edited_revision_is_applied_again() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        migrated();

        changelogs.edit("r1.xml", "create table book (id bigint primary key, title text, isbn varchar(13))");
        Run edited = migrated();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title", "book.isbn"), edited.columns());
    }

    @Test
    void a_one_byte_edit_that_keeps_the_size_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, tytle text)");
        migrated();

        changelogs.replace("r1.xml", "tytle", "title");
        Run edited = migrated();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title"), edited.columns());
    }

    @Test
    void an_added_and_a_deleted_revision_are_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        String masterWithOne = Files.readString(changelogs.master());
        assertEquals(List.of("book.id"), migrated().columns());

        changelogs.revision("r2.xml", "create table author (id bigint primary key)");
        Run added = migrated();
        changelogs.delete("r2.xml", masterWithOne);
        Run deleted = migrated();

        assertTrue(added.applied(), added.output());
        assertEquals(List.of("author.id", "book.id"), added.columns());
        assertFalse(deleted.applied(), "the same bytes as the first comparison: its database is copied");
        assertEquals(List.of("book.id"), deleted.columns());
    }

    @Test
    void switching_branches_back_and_forth_always_gives_the_branch_schema() throws Exception {
        changelogs.mainAndFeatureBranches();

        Run feature = migrated();
        changelogs.git("checkout", "-q", "main");
        Run onMain = migrated();
        changelogs.git("checkout", "-q", "feature");
        Run backOnFeature = migrated();
        changelogs.git("checkout", "-q", "main");
        Run backOnMain = migrated();

        assertEquals(List.of("author.id", "book.id"), feature.columns());
        assertEquals(List.of("book.id"), onMain.columns());
        assertTrue(onMain.applied(), onMain.output());
        assertEquals(feature.columns(), backOnFeature.columns());
        assertFalse(backOnFeature.applied(), backOnFeature.output());
        assertEquals(List.of("book.id"), backOnMain.columns());
        assertFalse(backOnMain.applied(), backOnMain.output());
    }

    @Test
    void changelogs_with_parameters_are_applied_every_time() throws Exception {
        changelogs.revision("r1.xml", "create table ${table_name} (id bigint primary key)");
        changelogs.property("table_name", "book");

        Run first = migrated();
        Run second = migrated();

        assertTrue(first.applied(), first.output());
        assertTrue(second.applied(), second.output());
        assertEquals(List.of("book.id"), second.columns());
    }

    @Test
    void changelogs_that_set_parameters_on_their_database_are_applied_every_time() throws Exception {
        // a copy of a database does not carry ALTER DATABASE ... SET: each comparison must get the setting
        changelogs.unsplitRevision("r1.xml", "create table book (id bigint primary key); do $$ begin execute "
                + "format('alter database %I set work_mem = ''7MB''', current_database()); end $$");

        Run first = migrated();
        Run second = migrated();

        assertTrue(first.applied(), first.output());
        assertTrue(second.applied(), second.output());
        assertTrue(first.output().contains("ALTER DATABASE ... SET"), first.output());
        assertEquals(List.of("book.id"), second.columns());
        assertEquals("7MB", setting(second.database(), "work_mem"));
    }

    @Test
    void a_failed_apply_is_not_kept_so_the_next_fails_the_same_way() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title no_such_type)");

        Exception first = assertThrows(Exception.class, this::migrated);
        Exception second = assertThrows(Exception.class, this::migrated);
        changelogs.replace("r1.xml", "no_such_type", "text");
        Run fixed = migrated();

        assertTrue(messages(first).contains("no_such_type"), messages(first));
        assertTrue(messages(second).contains("no_such_type"), messages(second));
        assertTrue(fixed.applied(), fixed.output());
        assertEquals(List.of("book.id", "book.title"), fixed.columns());
    }

    @Test
    void two_comparisons_at_once_apply_once_and_both_see_the_schema() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Run> run = () -> {
            together.await();
            return migrated();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(run);
            Future<Run> b = pool.submit(run);
            assertEquals(List.of("book.id", "book.title"), a.get().columns());
            assertEquals(List.of("book.id", "book.title"), b.get().columns());
            assertEquals(1, (a.get().applied() ? 1 : 0) + (b.get().applied() ? 1 : 0), "applied by one of the two");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(migrated().applied());
    }

    private static void execute(DatabaseSettings database, String sql) throws Exception {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(DatabaseSettings database, String name) throws Exception {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
