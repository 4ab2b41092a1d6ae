package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./migrate revision}: an empty revision applies harmlessly; a filled-in one upgrades, rolls back and checks. */
class RevisionCommandTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path changelogRoot;

    record Run(ExitCode exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Map<String, String> env, Instant now, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ConfigSource.of(env),
                () -> EntityRegistry.of(new RoundTripEntities()), changelogRoot, Clock.fixed(now, ZoneOffset.UTC));
        ExitCode exit = MigrateCli.run(args, context);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> envFor(DatabaseSettings database) {
        return Map.of("DATABASE_URL", "postgresql://" + database.user() + "@" + database.host() + ":" + database.port()
                + "/" + database.database(), "MIGRATIONS_AUTHOR", "Revision Tester");
    }

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void an_untouched_revision_is_named_like_generate_and_applies_and_rolls_back_harmlessly() throws Exception {
        DatabaseSettings live = server.create("revision_empty");
        Map<String, String> env = envFor(live);
        assertEquals(ExitCode.OK, run(env, T0, "generate", "-m", "base").exit());

        Run revision = run(env, T0, "revision", "-m", "Backfill shelves!");
        assertEquals(ExitCode.OK, revision.exit(), revision.all());
        // the same clock as the base revision: named one second later, like generate does
        Path file = changelogRoot.resolve("db/changelog/changes/20260301120001_backfill_shelves.xml");
        assertTrue(Files.isRegularFile(file), revision.all());
        String xml = Files.readString(file);
        assertTrue(xml.contains("<changeSet id=\"20260301120001_backfill_shelves\" author=\"Revision Tester\">"), xml);
        assertTrue(xml.contains("<comment>Backfill shelves!</comment>") && xml.contains("<rollback>"), xml);
        String master = Files.readString(changelogRoot.resolve("db/changelog/db.changelog-master.xml"));
        assertTrue(master.indexOf("20260301120000_base.xml") < master.indexOf("20260301120001_backfill_shelves.xml"), master);

        Run upgrade = run(env, T0, "upgrade");
        assertEquals(ExitCode.OK, upgrade.exit(), upgrade.all());
        assertTrue(upgrade.out().contains("Applied 2 revision(s): 20260301120000_base, 20260301120001_backfill_shelves"),
                upgrade.out());
        assertEquals(ExitCode.OK, run(env, T0, "check").exit());
        assertEquals(ExitCode.OK, run(env, T0, "check", "--live").exit());
        Run rollback = run(env, T0, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, rollback.exit(), rollback.all());
        assertTrue(run(env, T0, "status").out().contains("20260301120001_backfill_shelves"));
        assertEquals(ExitCode.OK, run(env, T0, "upgrade").exit());
        assertTrue(run(env, T0, "status").out().contains("Up to date"));
    }

    @Test
    void a_filled_in_revision_with_a_view_and_a_data_backfill_upgrades_rolls_back_and_checks() throws Exception {
        DatabaseSettings live = server.create("revision_filled");
        Map<String, String> env = envFor(live);
        assertEquals(ExitCode.OK, run(env, T0, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, T0, "upgrade").exit());
        sql(live, "insert into shelf (label, featured) values ('Atlas', false), ('Bestsellers', false), ('Archive', false)");

        assertEquals(ExitCode.OK, run(env, T0.plusSeconds(60), "revision", "-m", "feature A shelves").exit());
        Path file = changelogRoot.resolve("db/changelog/changes/20260301120100_feature_a_shelves.xml");
        String xml = Files.readString(file)
                .replaceFirst("(?s)<!-- The change:.*?-->", """
                        <sql>
                                    create view featured_shelf as select id, label from shelf where featured;
                                    update shelf set featured = true where label like 'A%';
                                </sql>""")
                .replaceFirst("(?s)<!-- How to undo it.*?-->", """
                        <sql>
                                        update shelf set featured = false where label like 'A%';
                                        drop view featured_shelf;
                                    </sql>""");
        Files.writeString(file, xml);

        Run upgrade = run(env, T0, "upgrade");
        assertEquals(ExitCode.OK, upgrade.exit(), upgrade.all());
        assertTrue(upgrade.out().contains("Applied 1 revision(s): 20260301120100_feature_a_shelves"), upgrade.out());
        assertEquals("Archive,Atlas", query(live, "select string_agg(label, ',' order by label) from featured_shelf"));
        Run check = run(env, T0, "check");
        assertEquals(ExitCode.OK, check.exit(), check.all());
        Run live1 = run(env, T0, "check", "--live");
        assertEquals(ExitCode.OK, live1.exit(), live1.all());

        Run rollback = run(env, T0, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, rollback.exit(), rollback.all());
        assertEquals("f", query(live, "select to_regclass('public.featured_shelf') is not null"));
        assertEquals("0", query(live, "select count(*) from shelf where featured"));
        assertEquals("3", query(live, "select count(*) from shelf"));
        assertTrue(run(env, T0, "status").out().contains("20260301120100_feature_a_shelves"));

        assertEquals(ExitCode.OK, run(env, T0, "upgrade").exit());
        assertEquals("2", query(live, "select count(*) from featured_shelf"));
    }

    @Test
    void a_formatted_sql_revision_with_sql() throws Exception {
        DatabaseSettings live = server.create("revision_sql");
        Map<String, String> env = envFor(live);
        assertEquals(ExitCode.OK, run(env, T0, "generate", "-m", "base").exit());
        Run revision = run(env, T0.plusSeconds(60), "revision", "-m", "shelf count", "--sql");
        assertEquals(ExitCode.OK, revision.exit(), revision.all());
        Path file = changelogRoot.resolve("db/changelog/changes/20260301120100_shelf_count.sql");
        String sql = Files.readString(file);
        assertTrue(sql.startsWith("--liquibase formatted sql") && sql.contains("--changeset \"Revision Tester\":20260301120100_shelf_count"),
                sql);

        Run untouched = run(env, T0, "upgrade");
        assertEquals(ExitCode.OK, untouched.exit(), untouched.all());
        assertEquals(ExitCode.OK, run(env, T0, "rollback", "--count", "1").exit());

        Files.writeString(file, sql.replaceFirst("(?m)^select 1;.*$", "create view shelf_count as select count(*) as n from shelf;")
                .replaceFirst("(?m)^--rollback select 1;.*$", "--rollback drop view shelf_count;"));
        sql(live, "insert into shelf (label, featured) values ('Poetry', true)");
        Run upgrade = run(env, T0, "upgrade");
        assertEquals(ExitCode.OK, upgrade.exit(), upgrade.all());
        assertEquals("1", query(live, "select n from shelf_count"));
        assertEquals(ExitCode.OK, run(env, T0, "check").exit());
        assertEquals(ExitCode.OK, run(env, T0, "rollback", "--count", "1").exit());
        assertEquals("f", query(live, "select to_regclass('public.shelf_count') is not null"));

        // a later revision is named after the .sql one even when the clock is behind
        assertEquals(ExitCode.OK, run(env, T0, "revision", "-m", "next").exit());
        assertTrue(Files.isRegularFile(changelogRoot.resolve("db/changelog/changes/20260301120101_next.xml")));
    }

    @Test
    void revision_needs_a_message_and_says_when_to_use_generate() {
        Run none = run(Map.of(), T0, "revision");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, none.exit());
        assertTrue(none.err().contains("revision needs a message"), none.err());
        Run symbols = run(Map.of(), T0, "revision", "-m", "!!");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, symbols.exit());
        assertTrue(symbols.err().contains("has no letter or digit"), symbols.err());
        Run help = run(Map.of(), T0, "revision", "--help");
        assertTrue(help.out().startsWith("Usage: ./migrate revision") && help.out().contains("Use generate instead"),
                help.out());
        assertFalse(Files.exists(changelogRoot.resolve("db/changelog/db.changelog-master.xml")));
    }

    private static void sql(DatabaseSettings database, String sql) throws SQLException {
        try (Connection c = MigrationConnections.unpooled(database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(DatabaseSettings database, String sql) throws SQLException {
        try (Connection c = MigrationConnections.unpooled(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
