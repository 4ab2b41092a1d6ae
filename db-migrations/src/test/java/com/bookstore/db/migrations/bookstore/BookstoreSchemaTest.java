package com.bookstore.db.migrations.bookstore;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real bookstore model (every domain module's entities, found by ServiceLoader) against the repository's
 * changelogs. The first test is the drift check of the build: it fails when an entity changed without a revision.
 */
class BookstoreSchemaTest {

    @ScratchServer
    private static ScratchDatabases server;
    private static final EntityRegistry BOOKSTORE = EntityRegistry.discover();

    @Test
    void the_entities_and_the_repository_changelogs_agree() throws Exception {
        SchemaDiff drift = ShadowComparison.modelVersusChangelogs(BOOKSTORE, ChangelogSource.classpath(), server,
                Progress.silent());
        assertTrue(drift.isEmpty(), () -> "DRIFT: the entities changed without a changelog revision. Run "
                + "./migrate generate -m \"<what changed>\" and commit the revision. Differences:\n"
                + drift.review().findings().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void the_registry_holds_every_domain_module() {
        assertEquals(List.of("auth", "catalog", "orders"), BOOKSTORE.moduleNames().stream().sorted().toList());
    }

    @Test
    void generate_on_an_empty_history_then_upgrade_then_check_reports_nothing(@TempDir Path dir) throws Exception {
        ChangelogDirectory changelogs = new ChangelogDirectory(dir);
        RevisionGenerator.Result baseline = RevisionGenerator.generate(BOOKSTORE, changelogs,
                new RevisionGenerator.Request("baseline", "test", false, List.of(), Instant.parse("2026-01-01T00:00:00Z")),
                server, Progress.silent());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, baseline.outcome());
        DatabaseSettings live = server.create("live");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(dir), live)) {
            runner.update();
        }
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(BOOKSTORE, live, server, Progress.silent());
        assertTrue(drift.isEmpty(), () -> "false positives on the bookstore model: " + drift.review().findings());
        RevisionGenerator.Result again = RevisionGenerator.generate(BOOKSTORE, changelogs,
                new RevisionGenerator.Request("again", "test", false, List.of(), Instant.parse("2026-01-01T00:01:00Z")),
                server, Progress.silent());
        assertEquals(RevisionGenerator.Outcome.NO_CHANGES, again.outcome(), () -> again.review().findings().toString());
    }

    @Test
    void every_repository_revision_rolls_back_to_an_empty_schema_and_upgrades_again() throws Exception {
        DatabaseSettings live = server.create("rollback");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.classpath(), live)) {
            List<String> applied = runner.update().ran();
            assertTrue(applied.size() >= 1);
            runner.rollback(applied.size());
            assertEquals(0, runner.history().size());
        }
        assertEquals(List.of("databasechangelog"), tables(live), "only the history table remains (the advisory lock needs no table)");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.classpath(), live)) {
            runner.update();
        }
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(BOOKSTORE, live, server, Progress.silent());
        assertTrue(drift.isEmpty(), () -> "after rollback and upgrade: " + drift.review().findings());
    }

    @Test
    void a_database_upgraded_from_the_checkout_is_up_to_date_for_the_published_jar_and_the_other_way_round() throws Exception {
        ChangelogSource checkout = ChangelogSource.directory(Path.of("src/main/resources"));
        DatabaseSettings byDeveloper = server.create("from_checkout");
        try (ChangelogRunner runner = ChangelogRunner.open(checkout, byDeveloper)) {
            assertTrue(runner.upgrade().ran().size() >= 1);
        }
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.classpath(), byDeveloper)) {
            assertEquals(List.of(), runner.pending(), "the jar's changelog recognises what the checkout applied");
            assertEquals(List.of(), runner.upgrade().ran());
        }
        DatabaseSettings byService = server.create("from_jar");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.classpath(), byService)) {
            runner.upgrade();
        }
        try (ChangelogRunner runner = ChangelogRunner.open(checkout, byService)) {
            assertEquals(List.of(), runner.pending(), "the checkout recognises what the jar applied");
        }
    }

    private static List<String> tables(DatabaseSettings database) throws Exception {
        try (Connection c = MigrationConnections.unpooled(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
                     + "order by table_name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
