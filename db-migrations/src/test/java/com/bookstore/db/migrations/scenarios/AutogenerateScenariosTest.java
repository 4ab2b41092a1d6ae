package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator.Outcome;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.internal.schema.ColumnRename;
import com.bookstore.db.migrations.scenarios.ScenarioModels.*;
import org.junit.jupiter.api.AfterAll;
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

    private static ScratchDatabases server;

    @TempDir
    static Path workDir;

    private static ScenarioHarness harness;

    @BeforeAll
    static void startServer() {
        server = ScratchDatabases.forTests();
        harness = new ScenarioHarness(server, workDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ScenarioHarness.Outcome written(EntityRegistry before, EntityRegistry after, String... expectedXml)
            throws Exception {
        ScenarioHarness.Outcome outcome = harness.run(before, after, false, List.of());
        assertFalse(outcome.driftBefore().isEmpty(), "check reports the change before a revision exists");
        assertEquals(Outcome.WRITTEN, outcome.generated().outcome(), outcome::summary);
        for (String xml : expectedXml) {
            assertTrue(outcome.revision().contains(xml), () -> "revision lacks " + xml + ":\n" + outcome.revision());
        }
        harness.rollBackLastAndExpect(outcome, before);
        return outcome;
    }

    private static void destructive(EntityRegistry before, EntityRegistry after, String finding, String expectedXml)
            throws Exception {
        ScenarioHarness.Outcome refused = harness.run(before, after, false, List.of());
        assertFalse(refused.driftBefore().isEmpty(), "check reports the change before a revision exists");
        assertEquals(Outcome.REFUSED_DESTRUCTIVE, refused.generated().outcome(), refused::summary);
        assertTrue(refused.generated().review().destructive().stream().anyMatch(f -> f.description().contains(finding)),
                refused::summary);
        assertEquals(null, refused.generated().file(), "nothing written");

        ScenarioHarness.Outcome allowed = harness.run(before, after, true, List.of());
        assertEquals(Outcome.WRITTEN, allowed.generated().outcome(), allowed::summary);
        assertTrue(allowed.revision().contains(expectedXml), () -> "revision lacks " + expectedXml + ":\n" + allowed.revision());
    }

    @Test
    @DisplayName("1: new @Entity -> createTable with PK, columns, FK, index, unique constraint")
    void new_entity() throws Exception {
        written(model(Item.class), model(Item.class, Tag.class), "<createTable tableName=\"tag\">", "primaryKeyName=\"tag_pkey\"",
                "constraintName=\"fk_tag_item\"", "indexName=\"ix_tag_label\"", "constraintName=\"uk_tag_code\"");
    }

    @Test
    @DisplayName("2: @Entity removed -> dropTable, destructive")
    void entity_removed() throws Exception {
        destructive(model(Item.class, Tag.class), model(Item.class), "drop table tag", "<dropTable tableName=\"tag\"/>");
    }

    @Test
    @DisplayName("3: new field -> addColumn")
    void new_field() throws Exception {
        written(model(Item.class), model(ItemWithNote.class), "<addColumn tableName=\"item\">", "name=\"note\" type=\"VARCHAR(500)\"");
    }

    @Test
    @DisplayName("4: field removed -> dropColumn, destructive")
    void field_removed() throws Exception {
        destructive(model(ItemWithNote.class), model(Item.class), "drop column item.note", "<dropColumn columnName=\"note\" tableName=\"item\"/>");
    }

    @Test
    @DisplayName("5: nullable true -> false -> addNotNullConstraint, flagged data-dependent")
    void not_null_added() throws Exception {
        ScenarioHarness.Outcome outcome = written(model(ItemNullableName.class), model(Item.class),
                "<addNotNullConstraint columnDataType=\"varchar(100)\" columnName=\"name\"");
        assertTrue(outcome.generated().review().findings().stream()
                .anyMatch(f -> f.risk() == Risk.CAUTION && f.description().contains("fails if rows hold NULL")), outcome::summary);
    }

    @Test
    @DisplayName("6: nullable false -> true -> dropNotNullConstraint")
    void not_null_dropped() throws Exception {
        written(model(Item.class), model(ItemNullableName.class), "<dropNotNullConstraint columnDataType=\"varchar(100)\" columnName=\"name\"");
    }

    @Test
    @DisplayName("7: length 100 -> 200 -> modifyDataType varchar(200)")
    void length_widened() throws Exception {
        written(model(Item.class), model(ItemLongName.class), "<modifyDataType columnName=\"name\" newDataType=\"varchar(200)\"");
    }

    @Test
    @DisplayName("8: length 200 -> 100 -> modifyDataType varchar(100), destructive (narrowing)")
    void length_narrowed() throws Exception {
        destructive(model(ItemLongName.class), model(Item.class), "from varchar(200) to varchar(100)",
                "<modifyDataType columnName=\"name\" newDataType=\"varchar(100)\"");
    }

    @Test
    @DisplayName("9: Integer -> Long -> modifyDataType int4 -> int8")
    void integer_to_long() throws Exception {
        ScenarioHarness.Outcome outcome = written(model(ItemIntStock.class), model(ItemLongStock.class),
                "<modifyDataType columnName=\"stock\" newDataType=\"bigint\"");
        assertTrue(outcome.summary().contains("from integer to bigint"), outcome::summary);
    }

    @Test
    @DisplayName("10: String -> text -> modifyDataType varchar -> text")
    void varchar_to_text() throws Exception {
        written(model(Item.class), model(ItemTextName.class), "<modifyDataType columnName=\"name\" newDataType=\"text\"");
    }

    @Test
    @DisplayName("11: numeric(10,2) -> (12,2) -> modifyDataType numeric(12,2)")
    void numeric_widened() throws Exception {
        written(model(ItemPrice10.class), model(ItemPrice12.class), "<modifyDataType columnName=\"price\" newDataType=\"numeric(12,2)\"");
    }

    @Test
    @DisplayName("12: LocalDateTime -> Instant -> modifyDataType timestamp -> timestamptz")
    void timestamp_to_timestamptz() throws Exception {
        written(model(ItemLocalTime.class), model(ItemInstant.class),
                "<modifyDataType columnName=\"created_at\" newDataType=\"timestamp with time zone\"");
    }

    @Test
    @DisplayName("13: @Index added -> createIndex")
    void index_added() throws Exception {
        written(model(Item.class), model(ItemIndexed.class), "<createIndex indexName=\"ix_item_name\" tableName=\"item\"");
    }

    @Test
    @DisplayName("14: @Index removed -> dropIndex")
    void index_removed() throws Exception {
        written(model(ItemIndexed.class), model(Item.class), "<dropIndex indexName=\"ix_item_name\" tableName=\"item\"/>");
    }

    @Test
    @DisplayName("15: unique constraint added -> addUniqueConstraint")
    void unique_added() throws Exception {
        written(model(Item.class), model(ItemUnique.class), "<addUniqueConstraint columnNames=\"name\" constraintName=\"uk_item_name\"");
    }

    @Test
    @DisplayName("16: unique constraint removed -> dropUniqueConstraint")
    void unique_removed() throws Exception {
        written(model(ItemUnique.class), model(Item.class), "<dropUniqueConstraint constraintName=\"uk_item_name\" tableName=\"item\"/>");
    }

    @Test
    @DisplayName("17: new @ManyToOne -> addColumn + addForeignKeyConstraint")
    void many_to_one_added() throws Exception {
        written(model(Shelf.class, Item.class), model(Shelf.class, ItemOnShelf.class),
                "<addColumn tableName=\"item\">", "name=\"shelf_id\" type=\"BIGINT\"",
                "<addForeignKeyConstraint baseColumnNames=\"shelf_id\" baseTableName=\"item\" constraintName=\"fk_item_shelf\"");
    }

    @Test
    @DisplayName("18: @OnDelete(CASCADE) added -> drop + add FK with onDelete CASCADE")
    void on_delete_cascade_added() throws Exception {
        written(model(Shelf.class, ItemOnShelf.class), model(Shelf.class, ItemOnShelfCascade.class),
                "<dropForeignKeyConstraint baseTableName=\"item\" constraintName=\"fk_item_shelf\"/>",
                "constraintName=\"fk_item_shelf\" onDelete=\"CASCADE\"");
    }

    @Test
    @DisplayName("19: new enum constant -> the CHECK constraint updated")
    void enum_constant_added() throws Exception {
        written(model(ItemTwoColours.class), model(ItemThreeColours.class),
                "alter table item drop constraint item_colour_check", "alter table item add constraint item_colour_check",
                "'BLUE'");
    }

    @Test
    @DisplayName("19b: @Check constraint added -> CHECK added, and dropped again by the rollback")
    void check_constraint_added() throws Exception {
        written(model(Item.class), model(ItemChecked.class),
                "alter table item add constraint ck_item_name CHECK ((length((name)::text) &gt; 0))",
                "alter table item drop constraint ck_item_name");
    }

    @Test
    @DisplayName("20: new @ManyToMany -> createTable for the join table with both FKs and PK")
    void many_to_many_added() throws Exception {
        written(model(Label.class, ItemBeforeLabels.class), model(Label.class, ItemWithLabels.class),
                "<createTable tableName=\"item_label\">", "primaryKeyName=\"item_label_pkey\"",
                "constraintName=\"fk_item_label_item\"", "constraintName=\"fk_item_label_label\"");
    }

    @Test
    @DisplayName("21: new @ElementCollection -> createTable for the collection table with FK")
    void element_collection_added() throws Exception {
        written(model(Item.class), model(ItemWithKeywords.class), "<createTable tableName=\"item_keyword\">",
                "constraintName=\"fk_item_keyword_item\"");
    }

    @Test
    @DisplayName("22: new @Embedded -> addColumn for each embedded column")
    void embedded_added() throws Exception {
        written(model(Item.class), model(ItemWithSize.class), "name=\"width_mm\" type=\"INTEGER\"", "name=\"height_mm\" type=\"INTEGER\"");
    }

    @Test
    @DisplayName("23: new @SequenceGenerator -> createSequence (start, increment)")
    void sequence_added() throws Exception {
        written(model(Item.class), model(ItemSequenced.class), "sequenceName=\"item_seq\"", "incrementBy=\"20\"", "startValue=\"1000\"");
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
        assertTrue(renamed.revision().contains("<renameColumn columnDataType=\"VARCHAR(100)\" newColumnName=\"title\" oldColumnName=\"name\" tableName=\"item\"/>"),
                renamed::revision);
        assertFalse(renamed.revision().contains("<dropColumn"), renamed::revision);
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
}
