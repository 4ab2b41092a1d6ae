package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import com.bookstore.db.migrations.fixtures.roundtrip.Shelf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end, in process: every command, its output and its exit code. */
class MigrateCliTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path changelogRoot;

    /** One command's result. */
    record Run(ExitCode exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Map<String, String> env, Supplier<EntityRegistry> registry, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ConfigSource.of(env), registry, changelogRoot,
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        ExitCode exit = MigrateCli.run(args, context);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run run(Map<String, String> env, String... args) {
        return run(env, () -> EntityRegistry.of(new RoundTripEntities()), args);
    }

    private static Map<String, String> envFor(DatabaseSettings database) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/"
                + database.database());
        env.put("MIGRATIONS_AUTHOR", "cli-test");
        return env;
    }

    @Test
    void help_lists_every_command_and_the_exit_codes() {
        Run help = run(Map.of(), "--help");
        assertEquals(ExitCode.OK, help.exit());
        for (String command : List.of("generate", "check", "upgrade", "status", "history", "sql", "rollback", "lint")) {
            assertTrue(help.out().contains("  " + command + " "), command);
            Run commandHelp = run(Map.of(), command, "--help");
            assertEquals(ExitCode.OK, commandHelp.exit());
            assertTrue(commandHelp.out().startsWith("Usage: ./migrate " + command), commandHelp.out());
        }
        assertTrue(help.out().contains("3 database unreachable, 4 unexpected failure"), help.out());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, run(Map.of()).exit());
    }

    @Test
    void usage_errors_exit_2_with_a_message_saying_how_to_call() {
        Run unknown = run(Map.of(), "upgrad");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, unknown.exit());
        assertTrue(unknown.err().contains("unknown command 'upgrad'"), unknown.err());

        Run option = run(Map.of(), "status", "--verbose");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, option.exit());
        assertTrue(option.err().contains("'status' has no option --verbose"), option.err());

        Run noMessage = run(Map.of(), "generate");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, noMessage.exit());
        assertTrue(noMessage.err().contains("generate needs a message"), noMessage.err());

        Run badMessage = run(Map.of(), "generate", "-m", "!!!");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, badMessage.exit());
        assertTrue(badMessage.err().contains("has no letter or digit"), badMessage.err());

        Run emptyMessage = run(Map.of(), "generate", "-m", "  ");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, emptyMessage.exit());
        assertTrue(emptyMessage.err().contains("The revision message is empty"), emptyMessage.err());
    }

    @Test
    void database_commands_need_database_url() throws Exception {
        run(Map.of(), "generate", "-m", "baseline");
        Run missing = run(Map.of(), "upgrade");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, missing.exit());
        assertTrue(missing.err().contains("DATABASE_URL is not set"), missing.err());
    }

    @Test
    void an_unreachable_server_exits_3_and_never_prints_the_password() {
        run(Map.of(), "generate", "-m", "baseline");
        Run unreachable = run(Map.of("DATABASE_URL", "postgresql://app:Sup3rSecretPw@127.0.0.1:1/bookstore"), "status");
        assertEquals(ExitCode.DATABASE_UNREACHABLE, unreachable.exit(), unreachable.all());
        assertTrue(unreachable.err().contains("Cannot reach the database server"), unreachable.err());
        assertFalse(unreachable.all().contains("Sup3rSecretPw"), unreachable.all());
    }

    @Test
    void the_whole_workflow_generate_check_upgrade_status_history_sql_rollback() throws Exception {
        DatabaseSettings live = server.create("cli");
        Map<String, String> env = envFor(live);

        Run generate = run(env, "generate", "-m", "Initial schema!");
        assertEquals(ExitCode.OK, generate.exit(), generate.all());
        assertTrue(generate.out().contains("create table volume"), generate.out());
        Path revision = changelogRoot.resolve("db/changelog/changes/20260301120000_initial_schema.xml");
        assertTrue(Files.isRegularFile(revision), generate.out());
        String xml = Files.readString(revision);
        assertTrue(xml.contains("id=\"20260301120000_initial_schema\"") && xml.contains("author=\"cli-test\""), xml);

        Run nothing = run(env, "generate", "-m", "again");
        assertEquals(ExitCode.OK, nothing.exit());
        assertTrue(nothing.out().contains("No changes"), nothing.out());

        assertEquals(ExitCode.OK, run(env, "check").exit());

        Run sql = run(env, "sql");
        assertEquals(ExitCode.OK, sql.exit(), sql.all());
        assertTrue(sql.out().contains("CREATE TABLE volume ("), sql.out());
        Run pending = run(env, "status");
        assertTrue(pending.out().contains("1 pending revision(s)") && pending.out().contains("20260301120000_initial_schema"),
                pending.out());

        Run upgrade = run(env, "upgrade");
        assertEquals(ExitCode.OK, upgrade.exit(), upgrade.all());
        assertTrue(upgrade.out().contains("Applied 1 revision(s): 20260301120000_initial_schema"), upgrade.out());
        assertTrue(run(env, "status").out().contains("Up to date"));
        assertTrue(run(env, "history").out().contains("20260301120000_initial_schema  by cli-test"));
        assertTrue(run(env, "upgrade").out().contains("Already up to date"));

        Run live1 = run(env, "check", "--live");
        assertEquals(ExitCode.OK, live1.exit(), live1.all());

        Run tooMany = run(env, "rollback", "--count", "2");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, tooMany.exit());
        assertTrue(tooMany.err().contains("--count 2 is more than the 1 revision(s) applied"), tooMany.err());
        Run rollback = run(env, "rollback", "--count", "1");
        assertEquals(ExitCode.OK, rollback.exit(), rollback.all());
        assertTrue(run(env, "history").out().contains("No revision applied yet"));

        Run drift = run(env, "check", "--url", env.get("DATABASE_URL"));
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, drift.exit());
        assertTrue(drift.out().contains("DRIFT") && drift.out().contains("create table volume"), drift.out());
    }

    @Test
    void check_fails_and_names_the_difference_when_an_entity_changed_without_a_revision() {
        assertEquals(ExitCode.OK, run(Map.of(), () -> EntityRegistry.of(new RoundTripEntities()), "generate", "-m", "base").exit());
        Run drift = run(Map.of(), () -> EntityRegistry.of(new RoundTripEntities(), new ExtraEntities()), "check");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, drift.exit(), drift.all());
        assertTrue(drift.out().contains("create table extra_shelf"), drift.out());
        assertTrue(drift.out().contains("./migrate generate"), drift.out());
    }

    @Test
    void check_live_leaves_out_objects_the_model_does_not_own_and_names_each_one() throws Exception {
        DatabaseSettings database = server.create("cli_shared");
        Map<String, String> env = envFor(database);
        assertEquals(ExitCode.OK, run(env, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, "upgrade").exit());
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(database).getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("create table other_service_orders (id bigint primary key); create sequence other_service_seq; "
                    + "create view volume_titles as select title from volume; "
                    // what a table has that no entity can declare: named, never a difference
                    + "alter table volume set (fillfactor = 70); alter table volume enable row level security; "
                    + "alter table volume replica identity full; "
                    // schemas no entity maps a table to: not read, but named
                    + "create schema reporting; create table reporting.daily (id bigint); create schema other_service_audit");
        }
        Run drift = run(env, "check", "--live");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, drift.exit(), drift.all());
        assertTrue(drift.out().contains("drop table other_service_orders"), drift.out());
        assertTrue(drift.out().contains("Not compared (what the entity model cannot declare; a hand-written revision "
                + "does, 6): replica identity full of table volume, row-level security on table volume, storage parameters "
                + "(fillfactor=70) of table volume, view volume_titles, schema other_service_audit, schema reporting"),
                drift.out());
        assertFalse(drift.out().contains("alter table volume"), "a table attribute is never a difference: " + drift.out());
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(database).getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("create unlogged table other_service_cache (id bigint); "
                    + "create table other_service_archive () inherits (other_service_orders); "
                    + "create table other_service_events (id bigint, at date) partition by range (at)");
        }

        env.put("MIGRATIONS_EXCLUDE", "other_service_*,other_service_audit.*");
        Run excluded = run(env, "check", "--live");
        assertEquals(ExitCode.OK, excluded.exit(), excluded.all());
        assertTrue(excluded.out().contains("Excluded by MIGRATIONS_EXCLUDE (not compared, 6): schema other_service_audit, "
                + "table other_service_archive, table other_service_cache, table other_service_events, "
                + "table other_service_orders, sequence other_service_seq"), excluded.out());
        assertTrue(excluded.out().contains("Not compared (what the entity model cannot declare; a hand-written revision does, "
                + "8): inheritance from other_service_orders of table other_service_archive, unlogged table "
                + "other_service_cache, partitioning by RANGE (at) of table other_service_events, replica identity full of "
                + "table volume, row-level security on table volume, storage parameters (fillfactor=70) of table volume, "
                + "view volume_titles, schema reporting"), excluded.out());

        env.put("MIGRATIONS_EXCLUDE", "vol*");
        Run hidesTheModel = run(env, "check", "--live");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, hidesTheModel.exit(), hidesTheModel.all());
        assertTrue(hidesTheModel.err().contains("matches table volume, ") && hidesTheModel.err().contains("of the entity model"),
                hidesTheModel.err());
    }

    @Test
    void an_index_a_hand_written_revision_adds_can_be_excluded_and_is_then_never_dropped() {
        assertEquals(ExitCode.OK, run(Map.of(), "generate", "-m", "base").exit());
        // an expression index, which no entity can declare, made by a hand-written revision
        new com.bookstore.db.migrations.internal.changelog.ChangelogDirectory(changelogRoot).addRevision(
                "20260301120500_title_search.xml", com.bookstore.db.migrations.fixtures.RevisionXml.of(
                        "20260301120500_title_search", "create index ix_volume_lower_title on volume (lower(title))",
                        "drop index ix_volume_lower_title"));
        Run drift = run(Map.of(), "check");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, drift.exit(), drift.all());
        assertTrue(drift.out().contains("drop index ix_volume_lower_title"), drift.out());

        Map<String, String> env = Map.of("MIGRATIONS_EXCLUDE", "ix_volume_lower_*", "MIGRATIONS_AUTHOR", "cli-test");
        Run excluded = run(env, "check");
        assertEquals(ExitCode.OK, excluded.exit(), excluded.all());
        assertTrue(excluded.out().contains("Excluded by MIGRATIONS_EXCLUDE (not compared, 1): index ix_volume_lower_title "
                + "of table volume"), excluded.out());
        Run next = run(env, () -> EntityRegistry.of(new RoundTripEntities(), new ExtraEntities()), "generate", "-m", "extra");
        assertEquals(ExitCode.OK, next.exit(), next.all());
        assertTrue(next.out().contains("create table extra_shelf"), next.out());
        assertFalse(next.all().contains("drop index ix_volume_lower_title"), "the excluded index is never dropped: " + next.all());

        Run hidesTheModel = run(Map.of("MIGRATIONS_EXCLUDE", "ix_volume_*"), "check");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, hidesTheModel.exit(), hidesTheModel.all());
        assertTrue(hidesTheModel.err().contains("matches index ix_volume_title of the entity model"), hidesTheModel.err());
    }

    @Test
    void a_revision_that_reads_a_file_outside_the_changelog_directory_is_refused() throws Exception {
        java.nio.file.Files.writeString(changelogRoot.resolveSibling(changelogRoot.getFileName() + "-shared.sql"),
                "create table shared_seed (id bigint)");
        new com.bookstore.db.migrations.internal.changelog.ChangelogDirectory(changelogRoot).addRevision(
                "20260301120500_shared.xml", com.bookstore.db.migrations.fixtures.RevisionXml.withChange(
                        "20260301120500_shared", "<sqlFile path=\"../" + changelogRoot.getFileName() + "-shared.sql\"/>"));
        Run check = run(Map.of(), "check");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, check.exit(), check.all());
        assertTrue(check.err().contains("outside its resource root") && check.err().contains("-shared.sql"), check.err());
    }

    @Test
    void a_session_whose_unqualified_names_go_to_another_schema_is_refused_before_anything_changes() throws Exception {
        DatabaseSettings database = server.create("cli_schema");
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(database).getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("create schema app");
        }
        Map<String, String> env = envFor(database);
        assertEquals(ExitCode.OK, run(env, "generate", "-m", "base").exit());
        // before: upgrade created some tables in app, then failed on public.volume; check --live read public
        env.put("DATABASE_URL", env.get("DATABASE_URL") + "?currentSchema=app");
        for (String[] command : List.of(new String[] {"upgrade"}, new String[] {"check", "--live"})) {
            Run refused = run(env, command);
            assertEquals(ExitCode.USAGE_OR_CONFIGURATION, refused.exit(), refused.all());
            assertTrue(refused.err().contains("puts unqualified names in schema app (search_path app)")
                    && refused.err().contains("Remove currentSchema"), refused.err());
        }
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(database).getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select count(*) from information_schema.tables "
                     + "where table_schema in ('public', 'app')")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing was created anywhere");
        }
    }

    @Test
    void upgrade_stops_before_a_revision_whose_rows_are_in_the_way_and_says_how_many() throws Exception {
        DatabaseSettings database = server.create("cli_rows");
        Map<String, String> env = envFor(database);
        Supplier<EntityRegistry> optional = () -> EntityRegistry.of(new RoundTripEntities(), new ExtraEntities());
        assertEquals(ExitCode.OK, run(env, optional, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, optional, "upgrade").exit());
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(database).getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("insert into extra_shelf (id) values (1), (2)");
        }
        Supplier<EntityRegistry> required = () -> EntityRegistry.of(new RoundTripEntities(), new RequiredExtraEntities());
        Run generated = run(env, required, "generate", "-m", "shelf required");
        assertEquals(ExitCode.OK, generated.exit(), generated.all());
        assertTrue(generated.out().contains("!  set NOT NULL on extra_shelf.shelf_id (fails if rows hold NULL)"), generated.out());

        Run stopped = run(env, required, "upgrade");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, stopped.exit(), stopped.all());
        assertTrue(stopped.err().contains("The upgrade stopped before changeset 20260301120001_shelf_required"), stopped.err());
        assertTrue(stopped.err().contains("2 row(s) of extra_shelf hold NULL in shelf_id, so this revision would fail at: "
                + "set NOT NULL on extra_shelf.shelf_id"), stopped.err());
        assertTrue(run(env, required, "status").out().contains("1 pending revision(s)"));
    }

    @Test
    void generate_stops_with_exit_2_naming_the_entity_when_postgresql_rejects_the_model_ddl() {
        Run rejected = run(Map.of(), () -> EntityRegistry.of(new RoundTripEntities(), new BrokenEntities()),
                "generate", "-m", "base");
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, rejected.exit(), rejected.all());
        assertTrue(rejected.err().contains("PostgreSQL rejects the DDL of entity " + BrokenCoin.class.getName()
                + " (table broken_coin)"), rejected.err());
        assertTrue(rejected.err().contains("type \"no_such_type\" does not exist"), rejected.err());
        assertFalse(rejected.all().contains("\tat "), "no stack trace");
        assertFalse(rejected.out().contains("Wrote"), rejected.out());
    }

    /** A contributor whose entity has a column type PostgreSQL does not know. */
    public static class BrokenEntities implements com.bookstore.db.core.spi.EntityContributor {
        @Override
        public String moduleName() {
            return "broken";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(BrokenCoin.class);
        }
    }

    /** {@code amount no_such_type(3)}. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "broken_coin")
    public static class BrokenCoin {
        @jakarta.persistence.Id
        Long id;
        @jakarta.persistence.Column(columnDefinition = "no_such_type(3)")
        String amount;
    }

    /** The extra entity with its shelf required. */
    public static class RequiredExtraEntities implements com.bookstore.db.core.spi.EntityContributor {
        @Override
        public String moduleName() {
            return "extra";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(RequiredExtraShelf.class);
        }
    }

    /** {@link ExtraShelf} with {@code shelf_id NOT NULL}. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "extra_shelf")
    public static class RequiredExtraShelf {
        @jakarta.persistence.Id
        Long id;
        @jakarta.persistence.ManyToOne(optional = false)
        @jakarta.persistence.JoinColumn(name = "shelf_id", nullable = false)
        Shelf shelf;
    }

    /** A contributor adding one entity to the fixture model. */
    public static class ExtraEntities implements com.bookstore.db.core.spi.EntityContributor {
        @Override
        public String moduleName() {
            return "extra";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(ExtraShelf.class);
        }
    }

    /** An entity that no revision creates. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "extra_shelf")
    public static class ExtraShelf {
        @jakarta.persistence.Id
        Long id;
        @jakarta.persistence.ManyToOne
        Shelf shelf;
    }
}
