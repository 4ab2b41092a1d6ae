package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.fixtures.RevisionXml;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.RevisionRefusedException;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;
import com.bookstore.db.migrations.scenarios.FailClosedModels.*;
import com.bookstore.db.migrations.scenarios.ScenarioModels.Item;
import org.hibernate.MappingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static com.bookstore.db.migrations.scenarios.ScenarioHarness.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fail-closed issue's cases: DDL PostgreSQL rejects stops the comparison with a message naming the entity;
 * keywords, other schemas and enum types are compared and generated; and every attribute the old comparison missed
 * (identity, constraint and index names, index sort order, time precision, collation, comments, defaults, CHECK
 * grouping, sequence names and parameters) is detected, generated, applied, checked clean and rolled back.
 */
class FailClosedScenariosTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    static Path workDir;

    private static ScenarioHarness harness;

    @BeforeAll
    static void createHarness() {
        harness = new ScenarioHarness(server, workDir);
    }

    private static MappingException rejected(EntityRegistry model) {
        return assertThrows(MappingException.class,
                () -> ShadowComparison.modelVersusDatabase(model, server.create("live"), server, Progress.silent()));
    }

    @Test
    @DisplayName("1: a column type PostgreSQL does not know stops check, naming entity, table, statement and reason")
    void unknown_column_type_stops_the_comparison() {
        MappingException error = rejected(model(Item.class, CoinWithUnknownType.class));
        assertTrue(error.getMessage().contains("entity " + CoinWithUnknownType.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains("(table coin)"), error.getMessage());
        assertTrue(error.getMessage().contains("type \"no_such_type\" does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("Statement: create table coin"), error.getMessage());
        assertTrue(error.getMessage().contains("CREATE EXTENSION"), error.getMessage());
    }

    @Test
    @DisplayName("1: a mapping that creates what the comparison does not compare stops check, naming it")
    void model_attribute_the_comparison_does_not_compare_stops_the_comparison() {
        MappingException error = rejected(model(Item.class, CoinWithCompressedNote.class));
        assertTrue(error.getMessage().contains("The entity model creates objects the comparison does not cover: "
                + "compression pglz of column coin.note."), error.getMessage());
        assertTrue(error.getMessage().contains("hand-written revision"), error.getMessage());
    }

    @Test
    @DisplayName("1: a type from an extension a hand-written revision creates: the model's shadow has it too, so it is compared")
    void extension_created_by_a_revision_is_in_the_model_shadow() throws Exception {
        MappingException missing = rejected(model(Item.class, Handle.class));
        assertTrue(missing.getMessage().contains("type \"citext\" does not exist"), missing.getMessage());
        assertTrue(missing.getMessage().contains("CREATE EXTENSION"), missing.getMessage());

        ScenarioHarness.Outcome baseline = harness.run(model(Item.class), model(Item.class), false, List.of());
        baseline.changelogs().addRevision("20260101000150_citext.xml", RevisionXml.of("20260101000150_citext",
                "create extension if not exists citext", "drop extension citext"));
        harness.upgrade(baseline); // the live database gets the extension too: check --url compares citext with citext
        ScenarioHarness.Outcome handle = harness.continueWith(baseline, model(Item.class, Handle.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, handle.generated().outcome(), handle::summary);
        assertTrue(handle.revision().contains("login citext NOT NULL"), handle::revision);
        insert(handle.live(), "insert into handle (id, login) values (1, 'Alice')");
        assertEquals("1", single(handle.live(), "select id from handle where login = 'ALICE'"), "citext compares case-blind");
    }

    @Test
    @DisplayName("A table with a serial id (made by a hand-written revision) dropped: its sequence goes with it, not twice")
    void serial_sequence_goes_with_its_table() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(Item.class), model(Item.class), false, List.of());
        baseline.changelogs().addRevision("20260101000150_legacy.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                    <changeSet id="20260101000150_legacy" author="scenario">
                        <sql>create table legacy (id bigserial primary key, note text)</sql>
                        <rollback><sql>drop table legacy</sql></rollback>
                    </changeSet>
                </databaseChangeLog>
                """);
        RevisionGenerator.Result dropped = RevisionGenerator.generate(model(Item.class), baseline.changelogs(),
                new RevisionGenerator.Request("drop legacy", "scenario", true, List.of(),
                        java.time.Instant.parse("2026-01-01T00:10:00Z")), server, Progress.silent());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, dropped.outcome(), dropped.review()::toString);
        String revision = java.nio.file.Files.readString(dropped.file());
        assertTrue(revision.contains("DROP TABLE legacy"), revision);
        assertFalse(revision.contains("DROP SEQUENCE"), revision);
        harness.upgrade(baseline);
        assertEquals("0", single(baseline.live(), "select count(*) from pg_class where relname in ('legacy', 'legacy_id_seq')"));
    }

    @Test
    @DisplayName("1: a @Check with a typo stops check")
    void broken_check_stops_the_comparison() {
        MappingException error = rejected(model(CoinWithBrokenCheck.class));
        assertTrue(error.getMessage().contains("entity " + CoinWithBrokenCheck.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains("amount >>> 0"), error.getMessage());
    }

    @Test
    @DisplayName("1: a statement Hibernate writes wrongly (an unescaped apostrophe in @Comment) stops check, naming the entity")
    void hibernate_ddl_rejected_by_postgresql_stops_the_comparison() {
        MappingException error = rejected(model(NoteWithApostrophe.class));
        assertTrue(error.getMessage().contains("entity " + NoteWithApostrophe.class.getName() + " (table note)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("Statement: comment on column note.code"), error.getMessage());
    }

    @Test
    @DisplayName("2: table \"user\" and column \"order\" are created, changed and checked, quoted exactly where needed")
    void reserved_words_work() throws Exception {
        ScenarioHarness.Outcome created = harness.written(model(Item.class), model(Item.class, User.class),
                "CREATE TABLE \"user\" (", "\"order\" integer NOT NULL", "CONSTRAINT user_pkey PRIMARY KEY (id)");
        assertTrue(created.revision().contains("DROP TABLE \"user\""), created::revision);
        ScenarioHarness.Outcome changed = harness.written(model(User.class), model(UserIndexed.class),
                "ALTER TABLE \"user\" ADD COLUMN \"select\" character varying(20)",
                "CREATE INDEX CONCURRENTLY ix_user_order ON public.\"user\" USING btree (\"order\")");
        // rolled back to the first model by written(): the quoted table holds rows like any other
        insert(changed.live(), "insert into \"user\" (id, \"order\") values (1, 2)");
        assertEquals("2", single(changed.live(), "select \"order\" from \"user\" where id = 1"));
    }

    @Test
    @DisplayName("3: a table in another schema: schema created (and dropped by the rollback), FK across schemas")
    void other_schema_is_compared_and_generated() throws Exception {
        ScenarioHarness.Outcome outcome = harness.written(model(Item.class), model(Item.class, ArchivedItem.class),
                "CREATE SCHEMA archive", "CREATE TABLE archive.archived_item (",
                "ALTER TABLE archive.archived_item ADD CONSTRAINT fk_archived_item_item FOREIGN KEY (item_id) REFERENCES item(id)");
        assertTrue(outcome.revision().contains("DROP SCHEMA archive"), outcome::revision);
        assertEquals("0", single(outcome.live(), "select count(*) from pg_namespace where nspname = 'archive'"),
                "the rollback dropped the schema");
    }

    @Test
    @DisplayName("3: a table moved to another schema is a destructive drop + create, with the SET SCHEMA hint")
    void table_moved_between_schemas_is_destructive() throws Exception {
        harness.destructive(model(Item.class, ArchivedItem.class), model(Item.class, ArchivedItemInPublic.class),
                "drop table archive.archived_item (moved to schema public? ALTER TABLE archive.archived_item SET SCHEMA public",
                "DROP TABLE archive.archived_item");
    }

    @Test
    @DisplayName("4: a named enum type is created before use; a constant is added in place; the rollback re-creates it")
    void enum_types_are_generated() throws Exception {
        ScenarioHarness.Outcome created = harness.written(model(Item.class), model(Item.class, Diary.class),
                "CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')", "mood mood");
        assertTrue(created.revision().contains("DROP TYPE mood"), created::revision);

        ScenarioHarness.Outcome baseline = harness.run(model(Diary.class), model(Diary.class), false, List.of());
        insert(baseline.live(), "insert into diary (id, mood) values (1, 'HAPPY'), (2, 'SAD')");
        ScenarioHarness.Outcome added = harness.continueWith(baseline, model(DiaryCalm.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, added.generated().outcome(), added::summary);
        // Hibernate 6.6 declares the labels sorted by name: CALM goes before HAPPY, in place, keeping the rows
        assertTrue(added.revision().contains("ALTER TYPE mood ADD VALUE 'CALM' BEFORE 'HAPPY'"), added::revision);
        assertTrue(added.revision().contains("DROP TYPE mood_old"), "the rollback re-creates the type:\n" + added.revision());
        assertFalse(added.driftBefore().isEmpty());
        insert(added.live(), "insert into diary (id, mood) values (3, 'CALM')");
        assertEquals("CALM,HAPPY,SAD", single(added.live(), "select string_agg(mood::text, ',' order by mood) from diary"));
    }

    @Test
    @DisplayName("4: an enum whose column has a default and an array column: the type is re-created around both, rows kept")
    void enum_type_recreated_under_a_column_default_and_an_array_column() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(DiaryDefaulted.class), model(DiaryDefaulted.class), false,
                List.of());
        insert(baseline.live(), "insert into diary (id, mood, moods) values (1, 'SAD', '{SAD,HAPPY}')");
        insert(baseline.live(), "insert into diary (id) values (2)");
        ScenarioHarness.Outcome added = harness.continueWith(baseline, model(DiaryDefaultedCalm.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, added.generated().outcome(), added::summary);
        // the rollback re-creates the type: the default goes for the column's type change and comes back after it
        for (String expected : List.of("ALTER TABLE diary ALTER COLUMN mood DROP DEFAULT",
                "ALTER TABLE diary ALTER COLUMN moods TYPE mood[] USING moods::text[]::mood[]",
                "ALTER TABLE diary ALTER COLUMN mood SET DEFAULT 'HAPPY'::mood")) {
            assertTrue(added.revision().contains(expected), () -> "revision lacks " + expected + ":\n" + added.revision());
        }
        insert(added.live(), "insert into diary (id, mood) values (3, 'CALM')");
        insert(added.live(), "delete from diary where id = 3");
        harness.rollBackLastAndExpect(added, model(DiaryDefaulted.class));
        assertEquals("1:SAD:{SAD,HAPPY},2:HAPPY:", single(added.live(), "select string_agg(id || ':' || mood || ':' "
                + "|| coalesce(moods::text, ''), ',' order by id) from diary"));
        insert(added.live(), "insert into diary (id) values (4)");
        assertEquals("HAPPY", single(added.live(), "select mood::text from diary where id = 4"), "the default is back");
    }

    @Test
    @DisplayName("4: an enum label added while a hand-written view uses its column: refused, naming the view and the way out, which works")
    void enum_label_added_under_a_view_is_refused_with_the_way_out() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(Diary.class), model(Diary.class), false, List.of());
        baseline.changelogs().addRevision("20260101000150_view.xml", RevisionXml.of("20260101000150_view",
                "create view happy_days as select id from diary where mood = 'HAPPY'", "drop view happy_days"));
        harness.upgrade(baseline);
        insert(baseline.live(), "insert into diary (id, mood) values (1, 'HAPPY'), (2, 'SAD')");
        List<Path> before = revisions(baseline);

        // the label is added in place, but the rollback re-creates the type, which the view's column blocks
        RevisionRefusedException refused = assertThrows(RevisionRefusedException.class,
                () -> harness.generateOnly(baseline, model(DiaryCalm.class)));
        for (String expected : List.of("view happy_days", "cannot alter type of a column used by a view or rule",
                "Nothing was written", "./migrate revision", "ALTER TYPE mood ADD VALUE 'CALM' BEFORE 'HAPPY'")) {
            assertTrue(refused.getMessage().contains(expected), () -> "lacks " + expected + ": " + refused.getMessage());
        }
        assertFalse(refused.getMessage().contains("bug of the migration tool"), refused.getMessage());
        assertEquals(before, revisions(baseline), "nothing written");

        // the way out the message gives, by hand: check agrees, and the rollback restores the type and the view
        baseline.changelogs().addRevision("20260101000300_calm.xml", RevisionXml.of("20260101000300_calm",
                "ALTER TYPE mood ADD VALUE 'CALM' BEFORE 'HAPPY'", "drop view happy_days; alter type mood rename to mood_old; "
                        + "create type mood as enum ('HAPPY', 'SAD'); "
                        + "alter table diary alter column mood type mood using mood::text::mood; drop type mood_old; "
                        + "create view happy_days as select id from diary where mood = 'HAPPY'"));
        harness.upgrade(baseline);
        assertTrue(ShadowComparison.modelVersusChangelogs(model(DiaryCalm.class),
                ChangelogSource.directory(baseline.changelogs().resourceRoot()), server, Progress.silent()).isEmpty());
        assertTrue(ShadowComparison.modelVersusDatabase(model(DiaryCalm.class), baseline.live(), server, Progress.silent())
                .isEmpty());
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(baseline.changelogs().resourceRoot()),
                baseline.live())) {
            runner.rollback(1);
        }
        assertEquals("1", single(baseline.live(), "select string_agg(id::text, ',') from happy_days"));
        assertTrue(ShadowComparison.modelVersusDatabase(model(Diary.class), baseline.live(), server, Progress.silent())
                .isEmpty());
    }

    @Test
    @DisplayName("A type change or a dropped column under a hand-written view: refused, naming the view, and the way out works")
    void column_changes_under_a_view_are_refused_with_the_way_out() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ScenarioModels.ItemWithNote.class),
                model(ScenarioModels.ItemWithNote.class), false, List.of());
        baseline.changelogs().addRevision("20260101000150_view.xml", RevisionXml.of("20260101000150_view",
                "create view item_view as select id, name, note from item", "drop view item_view"));
        harness.upgrade(baseline);
        insert(baseline.live(), "insert into item (id, name, note) values (1, 'one', 'a')");
        List<Path> before = revisions(baseline);

        RevisionRefusedException typeChange = assertThrows(RevisionRefusedException.class,
                () -> harness.generateOnly(baseline, model(ScenarioModels.ItemWithNoteLongName.class)));
        RevisionRefusedException dropped = assertThrows(RevisionRefusedException.class,
                () -> harness.generateOnly(baseline, model(ScenarioModels.Item.class)));
        for (String expected : List.of("view item_view", "cannot alter type of a column used by a view or rule",
                "ALTER TABLE item ALTER COLUMN name TYPE character varying(200)", "Nothing was written", "./migrate revision")) {
            assertTrue(typeChange.getMessage().contains(expected), () -> "lacks " + expected + ": " + typeChange.getMessage());
        }
        for (String expected : List.of("view item_view", "ALTER TABLE item DROP COLUMN note", "./migrate revision")) {
            assertTrue(dropped.getMessage().contains(expected), () -> "lacks " + expected + ": " + dropped.getMessage());
        }
        assertFalse(typeChange.getMessage().contains("bug of the migration tool"), typeChange.getMessage());
        assertEquals(before, revisions(baseline), "nothing written");

        // the way out, by hand: check agrees with the model, the rows and the view stay, and the rollback restores both
        baseline.changelogs().addRevision("20260101000300_longer_name.xml", RevisionXml.of("20260101000300_longer_name",
                "drop view item_view; alter table item alter column name type varchar(200); "
                        + "create view item_view as select id, name, note from item",
                "drop view item_view; alter table item alter column name type varchar(100); "
                        + "create view item_view as select id, name, note from item"));
        harness.upgrade(baseline);
        assertTrue(ShadowComparison.modelVersusChangelogs(model(ScenarioModels.ItemWithNoteLongName.class),
                ChangelogSource.directory(baseline.changelogs().resourceRoot()), server, Progress.silent()).isEmpty());
        assertEquals("one", single(baseline.live(), "select name from item_view"));
    }

    @Test
    @DisplayName("1: a read-only entity mapped with @Table on a hand-written view stops check and generate, naming the "
            + "mapping that writes no DDL, which then agrees")
    void entity_mapped_on_a_view_is_refused_with_the_way_out() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ScenarioModels.ItemWithNote.class),
                model(ScenarioModels.ItemWithNote.class), false, List.of());
        baseline.changelogs().addRevision("20260101000150_view.xml", RevisionXml.of("20260101000150_view",
                "create view item_summary as select id, name from item", "drop view item_summary"));
        harness.upgrade(baseline);
        insert(baseline.live(), "insert into item (id, name, note) values (1, 'one', 'a')");
        List<Path> before = revisions(baseline);
        ChangelogSource changelogs = ChangelogSource.directory(baseline.changelogs().resourceRoot());

        // before: check reported "create table item_summary" and generate blamed itself ("a bug of the migration tool")
        MappingException check = assertThrows(MappingException.class, () -> ShadowComparison.modelVersusChangelogs(
                model(ScenarioModels.ItemWithNote.class, ItemSummaryOnView.class), changelogs, server, Progress.silent()));
        MappingException live = assertThrows(MappingException.class, () -> ShadowComparison.modelVersusDatabase(
                model(ScenarioModels.ItemWithNote.class, ItemSummaryOnView.class), baseline.live(), server, Progress.silent()));
        MappingException generate = assertThrows(MappingException.class,
                () -> harness.generateOnly(baseline, model(ScenarioModels.ItemWithNote.class, ItemSummaryOnView.class)));
        for (MappingException refused : List.of(check, live, generate)) {
            assertTrue(refused.getMessage().contains("(item_summary is a view)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("@Subselect"), refused.getMessage());
        }
        assertEquals(before, revisions(baseline), "nothing written");

        // the way out: the same entity as a subselect of the view writes no DDL, and reads the view's rows
        assertTrue(ShadowComparison.modelVersusChangelogs(model(ScenarioModels.ItemWithNote.class,
                ItemSummaryBySubselect.class), changelogs, server, Progress.silent()).isEmpty());
        assertTrue(ShadowComparison.modelVersusDatabase(model(ScenarioModels.ItemWithNote.class,
                ItemSummaryBySubselect.class), baseline.live(), server, Progress.silent()).isEmpty());
        assertEquals("one", single(baseline.live(), "select name from item_summary where id = 1"));
    }

    private static List<Path> revisions(ScenarioHarness.Outcome outcome) throws Exception {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(outcome.changelogs().resourceRoot())) {
            return files.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    @DisplayName("5: sequence -> identity: the sequence is dropped, the column becomes an identity that continues after the rows")
    void sequence_to_identity_keeps_inserts_working() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(BasketSequenced.class), model(BasketSequenced.class), false, List.of());
        insert(baseline.live(), "insert into basket (id, owner) values (1, 'a'), (7, 'b')");
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(model(BasketIdentity.class), baseline.live(), server,
                Progress.silent());
        assertTrue(drift.review().findings().stream().anyMatch(f -> f.description().contains("identity column")), drift::toString);
        ScenarioHarness.Outcome identity = harness.continueWith(baseline, model(BasketIdentity.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, identity.generated().outcome(), identity::summary);
        assertTrue(identity.revision().contains("ALTER TABLE basket ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"),
                identity::revision);
        assertTrue(identity.revision().contains("DROP SEQUENCE basket_seq"), identity::revision);
        insert(identity.live(), "insert into basket (owner) values ('c')");
        assertEquals("8", single(identity.live(), "select id from basket where owner = 'c'"), "the identity continues after 7");
    }

    @Test
    @DisplayName("5: unique constraint renamed, index sort order changed, fractional seconds 6 -> 3, in one revision")
    void renames_sort_order_and_precision() throws Exception {
        ScenarioHarness.Outcome outcome = harness.destructive(model(Publisher.class), model(PublisherRenamedAndSorted.class),
                "rounds stored fractional seconds to 3 digits",
                "ALTER TABLE publisher ALTER COLUMN founded_at TYPE timestamp(3) with time zone");
        for (String expected : List.of("ALTER TABLE publisher RENAME CONSTRAINT uk_publisher_name TO uq_publisher_name",
                "DROP INDEX ix_publisher_city_founded",
                "CREATE INDEX ix_publisher_city_founded ON public.publisher USING btree (city, founded_at DESC)")) {
            assertTrue(outcome.revision().contains(expected), () -> "revision lacks " + expected + ":\n" + outcome.revision());
        }
    }

    @Test
    @DisplayName("5: an index renamed with the same definition -> ALTER INDEX RENAME")
    void index_rename() throws Exception {
        harness.written(model(Publisher.class), model(PublisherIndexRenamed.class),
                "ALTER INDEX ix_publisher_city_founded RENAME TO ix_publisher_location");
    }

    @Test
    @DisplayName("5: a sequence renamed with the same parameters -> ALTER SEQUENCE RENAME, keeping its value")
    void sequence_rename() throws Exception {
        ScenarioHarness.Outcome outcome = harness.written(model(Publisher.class), model(PublisherSequenceRenamed.class),
                "ALTER SEQUENCE publisher_seq RENAME TO publisher_id_seq");
        assertFalse(outcome.revision().contains("CREATE SEQUENCE"), outcome::revision);
    }

    @Test
    @DisplayName("5: a sequence's initialValue changed -> ALTER SEQUENCE with every parameter")
    void sequence_start_changed() throws Exception {
        harness.written(model(Publisher.class), model(PublisherSequenceStart.class),
                "ALTER SEQUENCE publisher_seq AS bigint INCREMENT BY 50 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5000");
    }

    @Test
    @DisplayName("5: collation, comment, default and CHECK grouping are compared and generated")
    void collation_comment_default_and_check_grouping() throws Exception {
        harness.written(model(Note.class), model(NoteChanged.class),
                "ALTER TABLE note ALTER COLUMN code TYPE character varying(50) COLLATE \"C\"",
                "COMMENT ON COLUMN note.code IS 'the code, sorted bytewise'",
                "ALTER TABLE note ALTER COLUMN rank SET DEFAULT 1",
                "ALTER TABLE note DROP CONSTRAINT ck_note_flags", "CHECK ((a OR (b AND c)))");
    }

    @Test
    @DisplayName("5: an existing index made unique (Hibernate maps it as a unique constraint) -> index dropped, constraint added, flagged")
    void index_made_unique() throws Exception {
        ScenarioHarness.Outcome outcome = harness.written(model(NoteIndexed.class), model(NoteUniqueIndex.class),
                "DROP INDEX CONCURRENTLY ix_note_code", "CREATE UNIQUE INDEX CONCURRENTLY ix_note_code ON note USING btree (code)",
                "ALTER TABLE note ADD CONSTRAINT ix_note_code UNIQUE USING INDEX ix_note_code");
        assertTrue(outcome.generated().review().findings().stream().anyMatch(f -> f.risk() == Risk.CAUTION
                && f.description().contains("fails if duplicates exist")), outcome::summary);
    }

    @Test
    @DisplayName("5: a CHECK the live database holds NOT VALID is not taken for the model's validated one")
    void not_valid_check_is_a_difference() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ScenarioModels.ItemChecked.class),
                model(ScenarioModels.ItemChecked.class), false, List.of());
        insert(baseline.live(), "alter table item drop constraint ck_item_name; "
                + "alter table item add constraint ck_item_name check (length(name::text) > 0) not valid");
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(model(ScenarioModels.ItemChecked.class), baseline.live(), server,
                Progress.silent());
        assertFalse(drift.isEmpty(), "NOT VALID differs from validated");
        assertTrue(drift.review().findings().stream().anyMatch(f -> f.description().contains("NOT VALID")), drift.review()::toString);
    }

    @Test
    @DisplayName("5: a hand-made index next to the model's one on the same column is reported, not absorbed")
    void extra_index_is_reported() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(NoteIndexed.class), model(NoteIndexed.class), false, List.of());
        insert(baseline.live(), "create unique index ix_note_code_lower on note (lower(code)) where rank > 0");
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(model(NoteIndexed.class), baseline.live(), server,
                Progress.silent());
        assertEquals(1, drift.forward().size(), drift.review()::toString);
        assertTrue(drift.review().findings().get(0).description().contains("drop index ix_note_code_lower"), drift.review()::toString);
    }

    private static void insert(DatabaseSettings live, String sql) throws SQLException {
        try (Connection c = MigrationConnections.unpooled(live).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String single(DatabaseSettings live, String sql) throws SQLException {
        try (Connection c = MigrationConnections.unpooled(live).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
