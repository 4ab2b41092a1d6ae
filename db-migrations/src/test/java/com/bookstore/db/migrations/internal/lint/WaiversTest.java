package com.bookstore.db.migrations.internal.lint;

import com.bookstore.db.migrations.internal.hazard.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaiversTest {

    @Test
    void xml_and_sql_comments_name_a_rule_and_a_reason() {
        Waivers waivers = Waivers.in("""
                <?xml version="1.0"?>
                <!-- migrate-lint: allow create-index-blocking-writes: the table is empty in production -->
                -- migrate-lint: allow set-not-null-scanning:   backfilled in 20261101_backfill  \s
                <!--migrate-lint:allow drop-column:unused since release 12-->
                """);
        assertEquals(List.of(new Waivers.Waiver(Rule.CREATE_INDEX, "the table is empty in production", 2),
                new Waivers.Waiver(Rule.SET_NOT_NULL, "backfilled in 20261101_backfill", 3),
                new Waivers.Waiver(Rule.DROP_COLUMN, "unused since release 12", 4)), waivers.valid());
        assertTrue(waivers.problems().isEmpty(), waivers.problems()::toString);
        assertEquals("the table is empty in production", waivers.covering(Rule.CREATE_INDEX).orElseThrow().reason());
        assertTrue(waivers.covering(Rule.DROP_TABLE).isEmpty());
    }

    @Test
    void a_marker_without_reason_with_an_unknown_rule_or_unreadable_is_a_problem() {
        Waivers waivers = Waivers.in("""
                -- migrate-lint: allow drop-table
                -- migrate-lint: allow drop-table:
                -- migrate-lint: allow drop-table: <why it is safe here>
                -- migrate-lint: allow drop-tables: typo
                -- migrate-lint: skip everything
                """);
        assertTrue(waivers.valid().isEmpty(), waivers.valid()::toString);
        assertEquals(List.of(1, 2, 3, 4, 5), waivers.problems().stream().map(Waivers.Problem::line).toList());
        assertTrue(waivers.problems().get(0).problem().startsWith("gives no reason"));
        assertTrue(waivers.problems().get(2).problem().startsWith("gives no reason"), "the printed placeholder is no reason");
        assertTrue(waivers.problems().get(3).problem().startsWith("names no rule: 'drop-tables'"));
        assertTrue(waivers.problems().get(4).problem().startsWith("does not read as a waiver"));
    }

    @Test
    void the_printed_comment_fits_the_file_kind() {
        assertEquals("<!-- migrate-lint: allow drop-table: <why it is safe here> -->", Waivers.comment(Rule.DROP_TABLE, false));
        assertEquals("-- migrate-lint: allow drop-table: <why it is safe here>", Waivers.comment(Rule.DROP_TABLE, true));
    }
}
