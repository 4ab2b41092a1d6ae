package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

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
class KeptMigrationsTest extends ChangelogCacheContract {

    @ScratchServer
    private static ScratchDatabases server;

    /** A shadow of this test's own on the class's server: what one test keeps, another never sees. */
    private ScratchDatabases shadow;

    @BeforeEach
    void shadow() throws Exception {
        shadow = server.sameServer();
    }

    @AfterEach
    void dropDatabases() {
        shadow.close();
    }

    @Override
    Run run() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Progress progress = new Progress(progressOutput(buffer));
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

        Run first = run();
        Run second = run();
        Run third = run();

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
        Run first = run();
        execute(first.database(), "create table scribble (id int); alter table book add column scribbled text");
        Run copied = run();
        execute(copied.database(), "drop table book");

        Run next = run();

        assertFalse(next.applied(), next.output());
        assertEquals(List.of("book.id"), next.columns());
    }

    @Test
    void changelogs_that_set_parameters_on_their_database_are_applied_every_time() throws Exception {
        // a copy of a database does not carry ALTER DATABASE ... SET: each comparison must get the setting
        changelogs.unsplitRevision("r1.xml", "create table book (id bigint primary key); do $$ begin execute "
                + "format('alter database %I set work_mem = ''7MB''', current_database()); end $$");

        Run first = run();
        Run second = run();

        assertTrue(first.applied(), first.output());
        assertTrue(second.applied(), second.output());
        assertTrue(first.output().contains("ALTER DATABASE ... SET"), first.output());
        assertEquals(List.of("book.id"), second.columns());
        assertEquals("7MB", setting(second.database(), "work_mem"));
    }

    @Test
    void a_failed_apply_is_not_kept_so_the_next_fails_the_same_way() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title no_such_type)");

        Exception first = assertThrows(Exception.class, this::run);
        Exception second = assertThrows(Exception.class, this::run);
        changelogs.replace("r1.xml", "no_such_type", "text");
        Run fixed = run();

        assertTrue(messages(first).contains("no_such_type"), messages(first));
        assertTrue(messages(second).contains("no_such_type"), messages(second));
        assertTrue(fixed.applied(), fixed.output());
        assertEquals(List.of("book.id", "book.title"), fixed.columns());
    }

    @Override
    void afterTwoAtOnce(Run a, Run b) {
        assertEquals(1, (a.applied() ? 1 : 0) + (b.applied() ? 1 : 0), "applied by one of the two, copied by the other");
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
