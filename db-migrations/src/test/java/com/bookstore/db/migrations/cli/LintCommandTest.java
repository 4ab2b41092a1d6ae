package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import com.bookstore.db.migrations.fixtures.roundtrip.Shelf;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.hazard.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./migrate lint} end to end, and the hazards {@code generate} prints: exit codes, output, waivers. */
class LintCommandTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path changelogRoot;

    @TempDir
    Path files;

    private CliRun run(Map<String, String> env, Supplier<EntityRegistry> registry, String... args) {
        return CliRun.run(changelogRoot, env, registry, T0, args);
    }

    private CliRun run(Map<String, String> env, String... args) {
        return run(env, () -> EntityRegistry.of(new RoundTripEntities()), args);
    }

    private CliRun lint(String... files) {
        String[] args = new String[files.length + 1];
        args[0] = "lint";
        System.arraycopy(files, 0, args, 1, files.length);
        return run(Map.of(), args);
    }

    private static Map<String, String> envFor(DatabaseSettings database) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/"
                + database.database());
        env.put("MIGRATIONS_AUTHOR", "lint-test");
        return env;
    }

    static String changelog(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                %s
                </databaseChangeLog>
                """.formatted(body);
    }

    private static final String INDEX_CHANGESET = """
                <changeSet id="20260301120000_index_title" author="lint-test">
                    <createIndex indexName="ix_volume_title" tableName="volume">
                        <column name="title"/>
                    </createIndex>
                </changeSet>
            """;

    private Path write(String name, String content) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void sql(DatabaseSettings database, String sql) throws Exception {
        try (Connection c = MigrationConnections.unpooled(database).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void an_index_on_an_existing_table_exits_1_with_the_lock_what_it_blocks_the_alternative_and_the_waiver() throws Exception {
        Path file = write("20260301120000_index_title.xml", changelog(INDEX_CHANGESET));
        CliRun lint = lint(file.toString());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint.exit(), lint.all());
        String out = lint.out();
        assertTrue(out.contains("Linting 1 revision file(s) given."), out);
        assertTrue(out.contains("HAZARD create-index-blocking-writes: CREATE INDEX without CONCURRENTLY on an existing table"), out);
        assertTrue(out.contains("  file:       " + file), out);
        assertTrue(out.contains("  changeset:  20260301120000_index_title"), out);
        assertTrue(out.contains("  statement:  CREATE INDEX ix_volume_title ON volume(title)"), out);
        assertTrue(out.contains("  lock:       SHARE on volume"), out);
        assertTrue(out.contains("  blocks:     writes (INSERT, UPDATE, DELETE); reads go on"), out);
        assertTrue(out.contains("  instead:    CREATE INDEX CONCURRENTLY ix_volume_title ON volume(title), alone in a "
                + "changeset with runInTransaction=\"false\""), out);
        assertTrue(out.contains("  waive:      <!-- migrate-lint: allow create-index-blocking-writes: <why it is safe here> -->"),
                out);
        assertTrue(out.contains("1 hazard(s) in 1 revision(s): 1 without a waiver, 0 waived."), out);
        assertTrue(out.contains("Locks: the revision(s) lock existing table(s) volume"), out);
        assertEquals("", lint.err());
    }

    @Test
    void a_waiver_with_a_reason_allows_the_hazard() throws Exception {
        Path file = write("waived.xml", changelog("""
                    <!-- migrate-lint: allow create-index-blocking-writes: the table is empty in production -->
                """ + INDEX_CHANGESET));
        CliRun lint = lint(file.toString());
        assertEquals(ExitCode.OK, lint.exit(), lint.all());
        assertTrue(lint.out().contains("waived create-index-blocking-writes in " + file + " (line 6: the table is empty in "
                + "production): CREATE INDEX ix_volume_title ON volume(title)"), lint.out());
        assertTrue(lint.out().contains("No hazard without a waiver in 1 revision(s) (1 waived)."), lint.out());
        assertFalse(lint.out().contains("HAZARD "), lint.out());
    }

    @Test
    void a_waiver_without_a_reason_or_naming_no_rule_is_an_error_and_waives_nothing() throws Exception {
        for (String waiver : List.of("<!-- migrate-lint: allow create-index-blocking-writes -->",
                "<!-- migrate-lint: allow create-index-blocking-writes:   -->",
                "<!-- migrate-lint: allow create-index-blocking-writes: <why it is safe here> -->")) {
            CliRun lint = lint(write("no_reason.xml", changelog(waiver + "\n" + INDEX_CHANGESET)).toString());
            assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint.exit(), lint.all());
            assertTrue(lint.out().contains("BAD WAIVER in ") && lint.out().contains("gives no reason"), lint.out());
            assertTrue(lint.out().contains("HAZARD create-index-blocking-writes"), lint.out());
            assertTrue(lint.out().contains("1 without a waiver, 0 waived; 1 bad waiver(s)"), lint.out());
        }
        CliRun unknownRule = lint(write("typo.xml", changelog("<!-- migrate-lint: allow create-index-blocking: table is "
                + "empty -->\n" + INDEX_CHANGESET)).toString());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, unknownRule.exit(), unknownRule.all());
        assertTrue(unknownRule.out().contains("names no rule: 'create-index-blocking'; the rules are "
                + "create-index-blocking-writes, drop-index-blocking"), unknownRule.out());
        CliRun garbled = lint(write("garbled.xml", changelog("<!-- migrate-lint: alow everything -->\n"
                + "<changeSet id=\"a\" author=\"b\"><sql>select 1</sql></changeSet>")).toString());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, garbled.exit(), garbled.all());
        assertTrue(garbled.out().contains("does not read as a waiver"), garbled.out());
    }

    @Test
    void an_unused_waiver_is_noted_without_failing() throws Exception {
        CliRun lint = lint(write("unused.xml", changelog("<!-- migrate-lint: allow drop-table: old table, unused -->\n"
                + "<changeSet id=\"a\" author=\"b\"><sql>select 1</sql></changeSet>")).toString());
        assertEquals(ExitCode.OK, lint.exit(), lint.all());
        assertTrue(lint.out().contains("note: the waiver of drop-table in ") && lint.out().contains("matches no hazard"),
                lint.out());
    }

    @Test
    void safe_forms_and_tables_created_in_the_same_file_pass() throws Exception {
        Path file = write("safe.xml", changelog("""
                    <changeSet id="create" author="t">
                        <createTable tableName="sticker">
                            <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                            <column name="volume_id" type="UUID"/>
                        </createTable>
                        <createIndex indexName="ix_sticker_volume" tableName="sticker"><column name="volume_id"/></createIndex>
                        <addForeignKeyConstraint baseTableName="sticker" baseColumnNames="volume_id" constraintName="fk_sticker_volume"
                                                 referencedTableName="volume" referencedColumnNames="id"/>
                        <addColumn tableName="volume"><column name="subtitle" type="VARCHAR(200)"/></addColumn>
                        <sql>ALTER TABLE volume ADD CONSTRAINT ck_volume_price CHECK (price >= 0) NOT VALID</sql>
                    </changeSet>
                    <changeSet id="index" author="t" runInTransaction="false">
                        <sql>CREATE INDEX CONCURRENTLY ix_volume_subtitle ON volume (subtitle)</sql>
                    </changeSet>
                    <changeSet id="validate" author="t">
                        <sql>ALTER TABLE volume VALIDATE CONSTRAINT ck_volume_price</sql>
                    </changeSet>
                """));
        CliRun lint = lint(file.toString());
        assertEquals(ExitCode.OK, lint.exit(), lint.all());
        assertTrue(lint.out().contains("No hazard in 1 revision(s)."), lint.out());
    }

    @Test
    void concurrently_in_a_transactional_changeset_is_reported_because_postgresql_refuses_it() throws Exception {
        CliRun lint = lint(write("tx.xml", changelog("""
                    <changeSet id="index" author="t">
                        <sql>CREATE INDEX CONCURRENTLY ix_volume_subtitle ON volume (subtitle)</sql>
                    </changeSet>
                """)).toString());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint.exit(), lint.all());
        assertTrue(lint.out().contains("HAZARD " + Rule.CONCURRENTLY_IN_TRANSACTION.id()), lint.out());
    }

    @Test
    void revision_files_written_by_revision_are_linted_with_their_own_comment_syntax() throws Exception {
        assertEquals(ExitCode.OK, run(Map.of("MIGRATIONS_AUTHOR", "t"), "revision", "-m", "untouched").exit());
        Path xml = changelogRoot.resolve("db/changelog/changes/20260301120000_untouched.xml");
        assertEquals(ExitCode.OK, lint(xml.toString()).exit(), "the commented placeholder is no statement");

        assertEquals(ExitCode.OK, CliRun.run(changelogRoot, Map.of("MIGRATIONS_AUTHOR", "t"), () -> EntityRegistry.of(),
                T0.plusSeconds(60), "revision", "-m", "title required", "--sql").exit());
        Path sql = changelogRoot.resolve("db/changelog/changes/20260301120100_title_required.sql");
        Files.writeString(sql, Files.readString(sql).replaceFirst("(?m)^select 1; -- placeholder.*$",
                "ALTER TABLE volume ALTER COLUMN title SET NOT NULL;"));
        CliRun hazard = lint(sql.toString());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, hazard.exit(), hazard.all());
        assertTrue(hazard.out().contains("HAZARD set-not-null-scanning"), hazard.out());
        assertTrue(hazard.out().contains("  changeset:  20260301120100_title_required"), hazard.out());
        assertTrue(hazard.out().contains("  waive:      -- migrate-lint: allow set-not-null-scanning: <why it is safe here>"),
                hazard.out());
        assertTrue(hazard.out().contains("CHECK (title IS NOT NULL) NOT VALID"), hazard.out());

        Files.writeString(sql, Files.readString(sql) + "-- migrate-lint: allow set-not-null-scanning: volume has 20 rows\n");
        CliRun waived = lint(sql.toString());
        assertEquals(ExitCode.OK, waived.exit(), waived.all());
        assertTrue(waived.out().contains("(line 9: volume has 20 rows)"), waived.out());
    }

    @Test
    void bad_input_exits_2_naming_the_file() throws Exception {
        Path missing = files.resolve("nowhere.xml");
        CliRun none = lint(missing.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, none.exit(), none.all());
        assertTrue(none.err().contains("No such revision file: " + missing), none.err());

        Path broken = write("broken.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog><changeSet id=\"a\"");
        CliRun unparsable = lint(broken.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, unparsable.exit(), unparsable.all());
        assertTrue(unparsable.err().contains("Cannot read the revision file " + broken), unparsable.err());

        Path unknownChange = write("unknown.xml", changelog("<changeSet id=\"a\" author=\"b\"><frobnicate/></changeSet>"));
        CliRun unknown = lint(unknownChange.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("Cannot read the revision file " + unknownChange), unknown.err());

        CliRun text = lint(write("notes.txt", "hello").toString());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, text.exit(), text.all());
        assertTrue(text.err().contains("is not a revision file"), text.err());

        CliRun both = run(Map.of(), "lint", "--all", missing.toString());
        assertEquals(ExitCode.USAGE_OR_CONFIGURATION, both.exit(), both.all());
        assertTrue(both.err().contains("lint takes revision files or --all or --url, not both"), both.err());
        for (CliRun run : List.of(none, unparsable, unknown, text)) {
            assertFalse(run.all().contains("\tat "), "no stack trace: " + run.all());
            assertEquals("", run.out(), "nothing linted before the bad input is reported");
        }
    }

    @Test
    void without_files_or_database_every_revision_file_of_the_directory_is_linted_in_order() throws Exception {
        Path changes = Files.createDirectories(changelogRoot.resolve(ChangelogDirectory.CHANGES_DIR));
        Files.writeString(changes.resolve("20260101000000_base.xml"), changelog("""
                    <changeSet id="20260101000000_base" author="t">
                        <createTable tableName="sticker">
                            <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                            <column name="label" type="VARCHAR(80)"/>
                        </createTable>
                        <createIndex indexName="ix_sticker_label" tableName="sticker"><column name="label"/></createIndex>
                    </changeSet>
                """));
        Files.writeString(changes.resolve("20260102000000_label.xml"), changelog("""
                    <changeSet id="20260102000000_label" author="t">
                        <modifyDataType tableName="sticker" columnName="label" newDataType="VARCHAR(120)"/>
                        <addNotNullConstraint tableName="sticker" columnName="label" columnDataType="VARCHAR(120)"/>
                    </changeSet>
                """));
        CliRun lint = run(Map.of(), "lint");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint.exit(), lint.all());
        assertTrue(lint.out().contains("Linting every revision file of " + changes + " (2; DATABASE_URL is not set"), lint.out());
        // the table is created by the first file (exempt there), existing for the second, whose type widening is
        // known to need no rewrite from the first file's column type
        assertTrue(lint.out().contains("HAZARD set-not-null-scanning"), lint.out());
        assertTrue(lint.out().contains("  changeset:  20260102000000_label"), lint.out());
        assertFalse(lint.out().contains("alter-column-type-rewrite"), lint.out());
        assertFalse(lint.out().contains("create-index-blocking-writes"), lint.out());
        assertTrue(lint.out().contains("1 hazard(s) in 2 revision(s)"), lint.out());

        CliRun all = run(Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"), "lint", "--all");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, all.exit(), all.all());
        assertTrue(all.out().contains("(2; --all)"), all.out());
    }

    @Test
    void with_database_url_the_pending_revisions_are_linted_against_the_database_column_types() throws Exception {
        DatabaseSettings database = server.create("lint_pending");
        Map<String, String> env = envFor(database);
        assertEquals(ExitCode.OK, run(env, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, "upgrade").exit());
        new ChangelogDirectory(changelogRoot).addRevision("20260301130000_title_and_price.xml", changelog("""
                    <changeSet id="20260301130000_title_and_price" author="t">
                        <modifyDataType tableName="volume" columnName="title" newDataType="VARCHAR(300)"/>
                        <createIndex indexName="ix_volume_price" tableName="volume"><column name="price"/></createIndex>
                    </changeSet>
                """));
        CliRun lint = run(env, "lint");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint.exit(), lint.all());
        assertTrue(lint.out().contains("Linting the 1 revision(s) pending on postgresql://"), lint.out());
        assertTrue(lint.out().contains("(DATABASE_URL), against its column types"), lint.out());
        assertTrue(lint.out().contains("  file:       db/changelog/changes/20260301130000_title_and_price.xml"), lint.out());
        assertTrue(lint.out().contains("HAZARD create-index-blocking-writes"), lint.out());
        assertFalse(lint.out().contains("alter-column-type-rewrite"), "varchar(200) -> varchar(300) needs no rewrite: "
                + lint.out());

        assertEquals(ExitCode.OK, run(env, "upgrade").exit());
        CliRun nothing = run(env, "lint");
        assertEquals(ExitCode.OK, nothing.exit(), nothing.all());
        assertTrue(nothing.out().contains("the 0 revision(s) pending"), nothing.out());
    }

    @Test
    void generate_with_blocking_ddl_shows_the_hazard_of_a_new_index_on_an_existing_table_and_writes_the_plain_sql()
            throws Exception {
        DatabaseSettings database = server.create("lint_generate");
        Map<String, String> env = envFor(database);
        Supplier<EntityRegistry> base = () -> EntityRegistry.of(new RoundTripEntities(), new MigrateCliTest.ExtraEntities());
        assertEquals(ExitCode.OK, run(env, base, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, base, "upgrade").exit());
        sql(database, "insert into shelf (label, featured) values ('a', false); "
                + "insert into extra_shelf (id, shelf_id) select g, (select min(id) from shelf) from generate_series(1, 100) g");

        Supplier<EntityRegistry> indexed = () -> EntityRegistry.of(new RoundTripEntities(), new IndexedExtraEntities());
        CliRun generate = CliRun.run(changelogRoot, env, indexed, T0.plusSeconds(60), "generate", "-m", "index shelf",
                "--blocking-ddl");
        assertEquals(ExitCode.OK, generate.exit(), generate.all());
        String out = generate.out();
        assertTrue(out.contains("create index ix_extra_shelf_shelf on extra_shelf"), out);
        assertTrue(out.contains("1 deploy hazard(s)"), out);
        assertTrue(out.contains("HAZARD create-index-blocking-writes"), out);
        assertTrue(out.contains("  statement:  CREATE INDEX ix_extra_shelf_shelf ON public.extra_shelf USING btree (shelf_id)"), out);
        assertTrue(out.contains("  lock:       SHARE on extra_shelf"), out);
        assertTrue(out.contains("  blocks:     writes (INSERT, UPDATE, DELETE); reads go on"), out);
        assertTrue(out.contains("  instead:    CREATE INDEX CONCURRENTLY ix_extra_shelf_shelf ON public.extra_shelf USING "
                + "btree (shelf_id)"), out);
        assertTrue(out.indexOf("HAZARD") < out.indexOf("Wrote "), out);
        Path revision = changelogRoot.resolve("db/changelog/changes/20260301120100_index_shelf.xml");
        String xml = Files.readString(revision);
        assertTrue(xml.contains("CREATE INDEX ix_extra_shelf_shelf ON public.extra_shelf USING btree (shelf_id)"), xml);
        assertFalse(xml.contains("CONCURRENTLY"), "--blocking-ddl writes the plain form: " + xml);

        CliRun pending = run(env, indexed, "lint");
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, pending.exit(), pending.all());
        assertTrue(pending.out().contains("HAZARD create-index-blocking-writes"), pending.out());
        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, lint(revision.toString()).exit());
    }

    @Test
    void generate_writes_the_new_index_concurrently_by_default_and_lint_finds_no_hazard() throws Exception {
        DatabaseSettings database = server.create("lint_safe");
        Map<String, String> env = envFor(database);
        Supplier<EntityRegistry> base = () -> EntityRegistry.of(new RoundTripEntities(), new MigrateCliTest.ExtraEntities());
        assertEquals(ExitCode.OK, run(env, base, "generate", "-m", "base").exit());
        assertEquals(ExitCode.OK, run(env, base, "upgrade").exit());

        Supplier<EntityRegistry> indexed = () -> EntityRegistry.of(new RoundTripEntities(), new IndexedExtraEntities());
        CliRun generate = CliRun.run(changelogRoot, env, indexed, T0.plusSeconds(60), "generate", "-m", "index shelf");
        assertEquals(ExitCode.OK, generate.exit(), generate.all());
        assertFalse(generate.out().contains("HAZARD"), generate.out());
        String xml = Files.readString(changelogRoot.resolve("db/changelog/changes/20260301120100_index_shelf.xml"));
        assertTrue(xml.contains("runInTransaction=\"false\""), xml);
        assertTrue(xml.contains("CREATE INDEX CONCURRENTLY ix_extra_shelf_shelf ON public.extra_shelf USING btree (shelf_id)"), xml);

        CliRun pending = run(env, indexed, "lint");
        assertEquals(ExitCode.OK, pending.exit(), pending.all());
        assertEquals(ExitCode.OK, run(env, indexed, "upgrade").exit());
        assertEquals(ExitCode.OK, run(env, indexed, "check", "--live").exit());
    }

    /** The extra entity with an index on its shelf. */
    public static class IndexedExtraEntities implements com.bookstore.db.core.spi.EntityContributor {
        @Override
        public String moduleName() {
            return "extra";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(IndexedExtraShelf.class);
        }
    }

    /** {@link MigrateCliTest.ExtraShelf} with {@code ix_extra_shelf_shelf}. */
    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "extra_shelf",
            indexes = @jakarta.persistence.Index(name = "ix_extra_shelf_shelf", columnList = "shelf_id"))
    public static class IndexedExtraShelf {
        @jakarta.persistence.Id
        Long id;
        @jakarta.persistence.ManyToOne
        Shelf shelf;
    }
}
