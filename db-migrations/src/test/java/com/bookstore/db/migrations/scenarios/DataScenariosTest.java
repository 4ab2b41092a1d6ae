package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.scenarios.DataScenarioModels.ItemStatusOrdinal;
import com.bookstore.db.migrations.scenarios.DataScenarioModels.ItemStatusString;
import com.bookstore.db.migrations.scenarios.DataScenarioModels.ItemWithShelfId;
import com.bookstore.db.migrations.scenarios.ScenarioModels.Item;
import com.bookstore.db.migrations.scenarios.ScenarioModels.ItemChecked;
import com.bookstore.db.migrations.scenarios.ScenarioModels.ItemNullableName;
import com.bookstore.db.migrations.scenarios.ScenarioModels.ItemOnShelf;
import com.bookstore.db.migrations.scenarios.ScenarioModels.Shelf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static com.bookstore.db.migrations.scenarios.ScenarioHarness.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes that meet rows: the review marks each change that existing rows can make fail, and {@code upgrade} counts
 * those rows before it changes anything, stopping with the revision, the change and the count instead of PostgreSQL's
 * error half-way; with rows that allow the change, it applies and keeps them.
 */
class DataScenariosTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    static Path workDir;

    private static ScenarioHarness harness;

    @BeforeAll
    static void createHarness() {
        harness = new ScenarioHarness(server, workDir);
    }

    /** Baseline {@code before} with {@code rows}, generate {@code after}; upgrade must stop naming {@code expected}. */
    private static void stoppedByPrecheck(EntityRegistry before, String rows, EntityRegistry after, String finding,
            String expected) throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(before, before, false, List.of());
        execute(baseline.live(), rows);
        RevisionGenerator.Result generated = harness.generateOnly(baseline, after);
        assertEquals(RevisionGenerator.Outcome.WRITTEN, generated.outcome(), generated.review()::toString);
        assertTrue(generated.review().findings().stream().anyMatch(f -> f.risk() == Risk.CAUTION
                && f.description().contains(finding)), generated.review()::toString);
        assertTrue(Files.readString(generated.file()).contains("<sqlCheck expectedResult=\"ok\">"),
                () -> "the revision carries its pre-check");
        Exception stopped = assertThrows(Exception.class, () -> harness.upgrade(baseline));
        String messages = messages(stopped);
        assertTrue(messages.contains(expected), messages);
        assertEquals("1", single(baseline.live(), "select count(*) from databasechangelog"), "the revision is not applied");
    }

    @Test
    @DisplayName("NOT NULL on a column holding NULLs: marked, and upgrade stops before changing anything, counting them")
    void not_null_with_nulls_is_stopped() throws Exception {
        stoppedByPrecheck(model(ItemNullableName.class), "insert into item (id, name) values (1, 'a'), (2, null), (3, null)",
                model(Item.class), "fails if rows hold NULL", "2 row(s) of item hold NULL in name");
    }

    @Test
    @DisplayName("NOT NULL on a column without NULLs: applied, rows kept")
    void not_null_without_nulls_is_applied() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ItemNullableName.class), model(ItemNullableName.class), false, List.of());
        execute(baseline.live(), "insert into item (id, name) values (1, 'a'), (2, 'b')");
        ScenarioHarness.Outcome after = harness.continueWith(baseline, model(Item.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, after.generated().outcome());
        assertEquals("a,b", single(after.live(), "select string_agg(name, ',' order by id) from item"));
    }

    @Test
    @DisplayName("A foreign key on a column holding ids of missing rows: marked, and stopped counting the orphans")
    void foreign_key_with_orphans_is_stopped() throws Exception {
        stoppedByPrecheck(model(Shelf.class, ItemWithShelfId.class),
                "insert into shelf (id) values (1); insert into item (id, name, shelf_id) values (1, 'a', 1), (2, 'b', 99), (3, 'c', null)",
                model(Shelf.class, ItemOnShelf.class), "fails if rows reference missing shelf rows",
                "1 row(s) of item reference no row of shelf");
    }

    @Test
    @DisplayName("A CHECK the rows violate: marked, and stopped counting them")
    void check_violated_by_rows_is_stopped() throws Exception {
        stoppedByPrecheck(model(Item.class), "insert into item (id, name) values (1, ''), (2, 'b'), (3, '')",
                model(ItemChecked.class), "fails if existing rows violate it", "2 row(s) of item violate CHECK");
    }

    @Test
    @DisplayName("ORDINAL -> STRING converts each stored ordinal to its constant's name, and the rollback converts back")
    void enum_ordinal_to_string_keeps_the_meaning_both_ways() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ItemStatusOrdinal.class), model(ItemStatusOrdinal.class), false,
                List.of());
        execute(baseline.live(), "insert into item (id, name, status) values (1, 'a', 0), (2, 'b', 1), (3, 'c', 2), (4, 'd', null)");
        ScenarioHarness.Outcome names = harness.continueWith(baseline, model(ItemStatusString.class), List.of());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, names.generated().outcome(), names::summary);
        assertTrue(names.generated().review().findings().stream().anyMatch(f -> f.risk() == Risk.SAFE
                && f.description().contains("each stored ordinal becomes its constant's name: 0 = DRAFT, 1 = PUBLISHED, 2 = RETIRED")),
                names::summary);
        assertTrue(names.revision().contains("USING CASE status WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'PUBLISHED' WHEN 2 THEN 'RETIRED' END"),
                names::revision);
        assertEquals("DRAFT,PUBLISHED,RETIRED,-", single(names.live(),
                "select string_agg(coalesce(status, '-'), ',' order by id) from item"));

        harness.rollBackLastAndExpect(names, model(ItemStatusOrdinal.class));
        assertEquals("0,1,2,-", single(names.live(), "select string_agg(coalesce(status::text, '-'), ',' order by id) from item"));
    }

    @Test
    @DisplayName("STRING -> ORDINAL with a value no constant has: stopped before anything changes, counting it")
    void enum_string_to_ordinal_with_an_unknown_value_is_stopped() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ItemStatusString.class), model(ItemStatusString.class), false,
                List.of());
        // a value written past the CHECK (dropped and re-added by hand): the conversion could not map it
        execute(baseline.live(), "alter table item drop constraint item_status_check; "
                + "insert into item (id, name, status) values (1, 'a', 'DRAFT'), (2, 'b', 'ARCHIVED')");
        RevisionGenerator.Result generated = harness.generateOnly(baseline, model(ItemStatusOrdinal.class));
        assertEquals(RevisionGenerator.Outcome.WRITTEN, generated.outcome(), generated.review()::toString);
        Exception stopped = assertThrows(Exception.class, () -> harness.upgrade(baseline));
        assertTrue(messages(stopped).contains("1 row(s) of item hold a value of status that is no constant of its enum"),
                messages(stopped));
        assertEquals("DRAFT,ARCHIVED", single(baseline.live(), "select string_agg(status, ',' order by id) from item"));
    }

    @Test
    @DisplayName("An enum constant removed (STRING): destructive, naming the value; upgrade stopped while rows hold it")
    void enum_constant_removed_is_destructive_and_prechecked() throws Exception {
        ScenarioHarness.Outcome baseline = harness.run(model(ScenarioModels.ItemThreeColours.class),
                model(ScenarioModels.ItemThreeColours.class), false, List.of());
        execute(baseline.live(), "insert into item (id, name, colour) values (1, 'a', 'RED'), (2, 'b', 'BLUE'), (3, 'c', 'BLUE')");
        RevisionGenerator.Result refused = harness.generateOnly(baseline, model(ScenarioModels.ItemTwoColours.class));
        assertEquals(RevisionGenerator.Outcome.REFUSED_DESTRUCTIVE, refused.outcome(), refused.review()::toString);
        assertTrue(refused.review().destructive().stream().anyMatch(f -> f.description().contains("enum value(s) [BLUE] removed")),
                refused.review()::toString);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static void execute(DatabaseSettings live, String sql) throws SQLException {
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
