package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator.Outcome;
import com.bookstore.db.migrations.internal.hazard.Rule;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.internal.schema.ColumnRename;
import com.bookstore.db.migrations.scenarios.ScenarioModels.*;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static com.bookstore.db.migrations.scenarios.ScenarioHarness.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of {@code shared/scenarios/autogenerate-scenarios.md}: on a database migrated to the model before the
 * change, {@code check} reports the change, {@code generate} writes the expected changelog (or refuses a destructive
 * one), {@code upgrade} applies it, {@code check} then passes, and the revision's rollback restores the old schema.
 */
class AutogenerateScenariosTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    static Path workDir;

    private static ScenarioHarness harness;

    @BeforeAll
    static void createHarness() {
        harness = new ScenarioHarness(server, workDir);
    }

    private static ScenarioHarness.Outcome written(EntityRegistry before, EntityRegistry after, String... expectedXml)
            throws Exception {
        return harness.written(before, after, expectedXml);
    }

    private static void destructive(EntityRegistry before, EntityRegistry after, String finding, String expectedXml)
            throws Exception {
        harness.destructive(before, after, finding, expectedXml);
    }

    @Test
    @DisplayName("1: new @Entity -> createTable with PK, columns, FK, index, unique constraint")
    void new_entity() throws Exception {
        written(model(Item.class), model(Item.class, Tag.class), "CREATE TABLE tag (", "CONSTRAINT tag_pkey PRIMARY KEY (id)",
                "ALTER TABLE tag ADD CONSTRAINT fk_tag_item FOREIGN KEY (item_id) REFERENCES item(id)",
                "CREATE INDEX ix_tag_label ON public.tag USING btree (label)", "CONSTRAINT uk_tag_code UNIQUE (code)");
    }

    @Test
    @DisplayName("2: @Entity removed -> dropTable, destructive")
    void entity_removed() throws Exception {
        destructive(model(Item.class, Tag.class), model(Item.class), "drop table tag", "DROP TABLE tag");
    }

    @Test
    @DisplayName("3: new field -> addColumn")
    void new_field() throws Exception {
        written(model(Item.class), model(ItemWithNote.class), "ALTER TABLE item ADD COLUMN note character varying(500)");
    }

    @Test
    @DisplayName("4: field removed -> dropColumn, destructive")
    void field_removed() throws Exception {
        destructive(model(ItemWithNote.class), model(Item.class), "drop column item.note", "ALTER TABLE item DROP COLUMN note");
    }

    @Test
    @DisplayName("5: nullable true -> false -> addNotNullConstraint, flagged data-dependent")
    void not_null_added() throws Exception {
        ScenarioHarness.Outcome outcome = written(model(ItemNullableName.class), model(Item.class),
                "ALTER TABLE item ADD CONSTRAINT item_name_not_null CHECK (name IS NOT NULL) NOT VALID",
                "ALTER TABLE item VALIDATE CONSTRAINT item_name_not_null",
                "ALTER TABLE item ALTER COLUMN name SET NOT NULL", "ALTER TABLE item DROP CONSTRAINT item_name_not_null");
        assertNoHazard(outcome);
        assertTrue(outcome.generated().review().findings().stream()
                .anyMatch(f -> f.risk() == Risk.CAUTION && f.description().contains("fails if rows hold NULL")), outcome::summary);
    }

    @Test
    @DisplayName("6: nullable false -> true -> dropNotNullConstraint")
    void not_null_dropped() throws Exception {
        written(model(Item.class), model(ItemNullableName.class), "ALTER TABLE item ALTER COLUMN name DROP NOT NULL");
    }

    @Test
    @DisplayName("7: length 100 -> 200 -> modifyDataType varchar(200)")
    void length_widened() throws Exception {
        written(model(Item.class), model(ItemLongName.class), "ALTER TABLE item ALTER COLUMN name TYPE character varying(200)");
    }

    @Test
    @DisplayName("8: length 200 -> 100 -> modifyDataType varchar(100), destructive (narrowing)")
    void length_narrowed() throws Exception {
        destructive(model(ItemLongName.class), model(Item.class), "from varchar(200) to varchar(100)",
                "ALTER TABLE item ALTER COLUMN name TYPE character varying(100)");
    }

    @Test
    @DisplayName("9: Integer -> Long -> modifyDataType int4 -> int8")
    void integer_to_long() throws Exception {
        ScenarioHarness.Outcome outcome = written(model(ItemIntStock.class), model(ItemLongStock.class),
                "ALTER TABLE item ALTER COLUMN stock TYPE bigint");
        assertTrue(outcome.summary().contains("from integer to bigint"), outcome::summary);
    }

    @Test
    @DisplayName("10: String -> text -> modifyDataType varchar -> text")
    void varchar_to_text() throws Exception {
        written(model(Item.class), model(ItemTextName.class), "ALTER TABLE item ALTER COLUMN name TYPE text");
    }

    @Test
    @DisplayName("11: numeric(10,2) -> (12,2) -> modifyDataType numeric(12,2)")
    void numeric_widened() throws Exception {
        written(model(ItemPrice10.class), model(ItemPrice12.class), "ALTER TABLE item ALTER COLUMN price TYPE numeric(12,2)");
    }

    @Test
    @DisplayName("12: LocalDateTime -> Instant -> modifyDataType timestamp -> timestamptz")
    void timestamp_to_timestamptz() throws Exception {
        written(model(ItemLocalTime.class), model(ItemInstant.class),
                "ALTER TABLE item ALTER COLUMN created_at TYPE timestamp with time zone");
    }

    @Test
    @DisplayName("13: @Index added -> createIndex")
    void index_added() throws Exception {
        assertNoHazard(written(model(Item.class), model(ItemIndexed.class), "runInTransaction=\"false\"",
                "DROP INDEX CONCURRENTLY IF EXISTS ix_item_name",
                "CREATE INDEX CONCURRENTLY ix_item_name ON public.item USING btree (name)"));
    }

    @Test
    @DisplayName("14: @Index removed -> dropIndex")
    void index_removed() throws Exception {
        assertNoHazard(written(model(ItemIndexed.class), model(Item.class), "runInTransaction=\"false\"",
                "DROP INDEX CONCURRENTLY ix_item_name"));
    }

    @Test
    @DisplayName("15: unique constraint added -> addUniqueConstraint")
    void unique_added() throws Exception {
        assertNoHazard(written(model(Item.class), model(ItemUnique.class), "runInTransaction=\"false\"",
                "CREATE UNIQUE INDEX CONCURRENTLY uk_item_name ON item USING btree (name)",
                "ALTER TABLE item ADD CONSTRAINT uk_item_name UNIQUE USING INDEX uk_item_name"));
    }

    @Test
    @DisplayName("16: unique constraint removed -> dropUniqueConstraint")
    void unique_removed() throws Exception {
        written(model(ItemUnique.class), model(Item.class), "ALTER TABLE item DROP CONSTRAINT uk_item_name");
    }

    @Test
    @DisplayName("17: new @ManyToOne -> addColumn + addForeignKeyConstraint")
    void many_to_one_added() throws Exception {
        assertNoHazard(written(model(Shelf.class, Item.class), model(Shelf.class, ItemOnShelf.class),
                "ALTER TABLE item ADD COLUMN shelf_id bigint",
                "ALTER TABLE item ADD CONSTRAINT fk_item_shelf FOREIGN KEY (shelf_id) REFERENCES shelf(id) NOT VALID",
                "ALTER TABLE item VALIDATE CONSTRAINT fk_item_shelf"));
    }

    @Test
    @DisplayName("18: @OnDelete(CASCADE) added -> drop + add FK with onDelete CASCADE")
    void on_delete_cascade_added() throws Exception {
        assertNoHazard(written(model(Shelf.class, ItemOnShelf.class), model(Shelf.class, ItemOnShelfCascade.class),
                "ALTER TABLE item DROP CONSTRAINT fk_item_shelf",
                "ALTER TABLE item ADD CONSTRAINT fk_item_shelf FOREIGN KEY (shelf_id) REFERENCES shelf(id) ON DELETE CASCADE NOT VALID",
                "ALTER TABLE item VALIDATE CONSTRAINT fk_item_shelf"));
    }

    @Test
    @DisplayName("19: new enum constant -> the CHECK constraint updated")
    void enum_constant_added() throws Exception {
        written(model(ItemTwoColours.class), model(ItemThreeColours.class),
                "ALTER TABLE item DROP CONSTRAINT item_colour_check", "ALTER TABLE item ADD CONSTRAINT item_colour_check",
                "'BLUE'");
    }

    @Test
    @DisplayName("19b: @Check constraint added -> CHECK added, and dropped again by the rollback")
    void check_constraint_added() throws Exception {
        assertNoHazard(written(model(Item.class), model(ItemChecked.class),
                "ALTER TABLE item ADD CONSTRAINT ck_item_name CHECK ((length((name)::text) &gt; 0)) NOT VALID",
                "ALTER TABLE item VALIDATE CONSTRAINT ck_item_name", "ALTER TABLE item DROP CONSTRAINT ck_item_name"));
    }

    @Test
    @DisplayName("20: new @ManyToMany -> createTable for the join table with both FKs and PK")
    void many_to_many_added() throws Exception {
        written(model(Label.class, ItemBeforeLabels.class), model(Label.class, ItemWithLabels.class),
                "CREATE TABLE item_label (", "CONSTRAINT item_label_pkey PRIMARY KEY",
                "ADD CONSTRAINT fk_item_label_item FOREIGN KEY", "ADD CONSTRAINT fk_item_label_label FOREIGN KEY");
    }

    @Test
    @DisplayName("20b: a new JOINED subclass -> createTable whose id references the parent table, rows kept")
    void joined_subclass_added() throws Exception {
        written(model(Animal.class, Dog.class), model(Animal.class, Dog.class, Cat.class), "CREATE TABLE cat (",
                "FOREIGN KEY (id) REFERENCES animal(id)");
    }

    @Test
    @DisplayName("20c: a new SINGLE_TABLE subclass -> its columns added, nullable, to the parent's table, rows kept")
    void single_table_subclass_added() throws Exception {
        written(model(Vehicle.class, Car.class), model(Vehicle.class, Car.class, Bike.class),
                "ALTER TABLE vehicle ADD COLUMN electric boolean");
    }

    @Test
    @DisplayName("21: new @ElementCollection -> createTable for the collection table with FK")
    void element_collection_added() throws Exception {
        written(model(Item.class), model(ItemWithKeywords.class), "CREATE TABLE item_keyword (",
                "ADD CONSTRAINT fk_item_keyword_item FOREIGN KEY");
    }

    @Test
    @DisplayName("22: new @Embedded -> addColumn for each embedded column")
    void embedded_added() throws Exception {
        written(model(Item.class), model(ItemWithSize.class), "ADD COLUMN width_mm integer", "ADD COLUMN height_mm integer");
    }

    @Test
    @DisplayName("23: new @SequenceGenerator -> createSequence (start, increment)")
    void sequence_added() throws Exception {
        written(model(Item.class), model(ItemSequenced.class), "CREATE SEQUENCE item_seq START WITH 1000 INCREMENT BY 20");
    }

    @Test
    @DisplayName("24: table renamed -> probable rename reported, drop + create refused; the RENAME TO the hint gives keeps the rows")
    void table_renamed() throws Exception {
        ScenarioHarness.Outcome refused = harness.run(model(Item.class), model(Product.class), false, List.of());
        assertEquals(Outcome.REFUSED_DESTRUCTIVE, refused.generated().outcome(), refused::summary);
        assertTrue(refused.generated().review().renameHints().stream()
                .anyMatch(h -> h.contains("Probable rename: table item -> product")
                        && h.contains("ALTER TABLE item RENAME TO product")), refused::summary);

        try (Connection c = MigrationConnections.unpooled(refused.live()).getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into item (id, name) values (1, 'Dune'), (2, 'Emma')");
        }
        refused.changelogs().addRevision("20260101000130_rename_item.xml", com.bookstore.db.migrations.fixtures.RevisionXml
                .of("20260101000130_rename_item", "ALTER TABLE item RENAME TO product", "ALTER TABLE product RENAME TO item"));
        harness.upgrade(refused);
        ScenarioHarness.Outcome rest = harness.continueWith(refused, model(Product.class), List.of());
        assertEquals(Outcome.WRITTEN, rest.generated().outcome(), rest::summary);
        assertTrue(rest.revision().contains("RENAME CONSTRAINT item_pkey TO product_pkey"), rest::revision);
        assertFalse(rest.revision().contains("DROP TABLE"), rest::revision);
        try (Connection c = MigrationConnections.unpooled(rest.live()).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select string_agg(name, ',' order by id) from product")) {
            assertTrue(rs.next());
            assertEquals("Dune,Emma", rs.getString(1), "the rows stay");
        }

        // two new tables with item's columns: which one it became is not known, so no table is named
        ScenarioHarness.Outcome ambiguous = harness.run(model(Item.class), model(Product.class, Archive.class), false,
                List.of());
        assertEquals(Outcome.REFUSED_DESTRUCTIVE, ambiguous.generated().outcome(), ambiguous::summary);
        assertTrue(ambiguous.generated().review().renameHints().stream().noneMatch(h -> h.contains("rename: table")),
                ambiguous::summary);
    }

    @Test
    @DisplayName("24: column renamed -> probable rename reported, drop + add refused; --rename keeps the data")
    void column_renamed() throws Exception {
        ScenarioHarness.Outcome refused = harness.run(model(Item.class), model(ItemRenamed.class), false, List.of());
        assertEquals(Outcome.REFUSED_DESTRUCTIVE, refused.generated().outcome(), refused::summary);
        assertTrue(refused.generated().review().renameHints().stream()
                .anyMatch(h -> h.contains("Probable rename: item.name -> item.title") && h.contains("--rename item.name=title")),
                refused::summary);

        ScenarioHarness.Outcome renamed = harness.run(model(Item.class), model(ItemRenamed.class), false,
                List.of(ColumnRename.parse("item.name=title")));
        assertEquals(Outcome.WRITTEN, renamed.generated().outcome(), renamed::summary);
        assertTrue(renamed.revision().contains("ALTER TABLE item RENAME COLUMN name TO title"),
                renamed::revision);
        assertFalse(renamed.revision().contains("DROP COLUMN"), renamed::revision);
    }

    @Test
    @DisplayName("24b: a confirmed rename keeps the rows' values")
    void rename_keeps_data() throws Exception {
        ScenarioHarness.Outcome baselineOnly = harness.run(model(Item.class), model(Item.class), false, List.of());
        try (Connection c = MigrationConnections.unpooled(baselineOnly.live()).getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into item (id, name) values (1, 'kept')");
        }
        // the same live database, now taken through the rename
        ScenarioHarness.Outcome renamed = harness.continueWith(baselineOnly, model(ItemRenamed.class),
                List.of(ColumnRename.parse("item.name=title")));
        assertEquals(Outcome.WRITTEN, renamed.generated().outcome(), renamed::summary);
        try (Connection c = MigrationConnections.unpooled(renamed.live()).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select title from item where id = 1")) {
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    @Test
    @DisplayName("24c: --rename of a column whose definition also changed is refused with the two-step way")
    void rename_with_a_changed_definition_is_refused() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> harness.run(model(Item.class), model(ItemRenamedAndWidened.class), false,
                        List.of(ColumnRename.parse("item.name=title"))));
        assertTrue(refused.getMessage().contains("varchar(100) not null against varchar(200) not null"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Rename first"), refused.getMessage());
    }

    @Test
    @DisplayName("25: no change -> nothing generated, check passes")
    void no_change() throws Exception {
        ScenarioHarness.Outcome outcome = harness.run(model(Item.class, Tag.class), model(Item.class, Tag.class), false, List.of());
        assertTrue(outcome.driftBefore().isEmpty(), outcome::summary);
        assertEquals(Outcome.NO_CHANGES, outcome.generated().outcome());
        assertEquals("", outcome.revision());
    }

    /** The hazard analysis finds nothing in the safe forms of a generated revision. */
    private static void assertNoHazard(ScenarioHarness.Outcome outcome) {
        assertEquals(List.of(), outcome.generated().hazards().hazards(), outcome::revision);
    }

    @Test
    @DisplayName("--blocking-ddl: the plain forms, in one transaction, reported by the hazard analysis")
    void blocking_ddl_writes_the_plain_forms() throws Exception {
        ScenarioHarness blocking = harness.withBlockingDdl();
        assertHazards(blocking.written(model(Item.class), model(ItemIndexed.class),
                "CREATE INDEX ix_item_name ON public.item USING btree (name)"), Rule.CREATE_INDEX);
        assertHazards(blocking.written(model(ItemIndexed.class), model(Item.class), "DROP INDEX ix_item_name"), Rule.DROP_INDEX);
        assertHazards(blocking.written(model(Item.class), model(ItemUnique.class),
                "ALTER TABLE item ADD CONSTRAINT uk_item_name UNIQUE (name)"), Rule.ADD_UNIQUE);
        assertHazards(blocking.written(model(ItemNullableName.class), model(Item.class),
                "ALTER TABLE item ALTER COLUMN name SET NOT NULL"), Rule.SET_NOT_NULL);
        assertHazards(blocking.written(model(Shelf.class, Item.class), model(Shelf.class, ItemOnShelf.class),
                "ALTER TABLE item ADD CONSTRAINT fk_item_shelf FOREIGN KEY (shelf_id) REFERENCES shelf(id)"),
                Rule.ADD_FOREIGN_KEY);
        assertHazards(blocking.written(model(Item.class), model(ItemChecked.class),
                "ALTER TABLE item ADD CONSTRAINT ck_item_name CHECK ((length((name)::text) &gt; 0))"), Rule.ADD_CHECK);
    }

    /** One changeset, no CONCURRENTLY nor NOT VALID, and exactly {@code rule} reported. */
    private static void assertHazards(ScenarioHarness.Outcome outcome, Rule rule) {
        assertFalse(outcome.revision().contains("CONCURRENTLY") || outcome.revision().contains("NOT VALID")
                || outcome.revision().contains("runInTransaction"), outcome::revision);
        assertEquals(List.of(rule), outcome.generated().hazards().hazards().stream().map(h -> h.rule()).toList(),
                outcome::revision);
    }
}
