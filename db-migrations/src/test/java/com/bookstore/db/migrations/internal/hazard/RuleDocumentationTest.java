package com.bookstore.db.migrations.internal.hazard;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's table of safe migrations lists every rule, with its id and lock, and rule ids are unique. */
class RuleDocumentationTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void every_rule_has_a_row_in_the_readme_with_its_id_and_its_lock() throws Exception {
        List<String> rows = Files.readAllLines(README, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("| ")).toList();
        for (Rule rule : Rule.values()) {
            String row = rows.stream().filter(r -> r.endsWith("| `" + rule.id() + "` |")).findFirst().orElse(null);
            assertTrue(row != null, "README's Safe migrations table has no row ending with the rule id `" + rule.id() + "`");
            assertTrue(row.contains(rule.lock().sql()), "the row of " + rule.id() + " does not name its lock "
                    + rule.lock().sql() + ": " + row);
        }
    }

    @Test
    void rule_ids_are_unique_and_written_as_waivers_write_them() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : Rule.values()) {
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertEquals(rule, Rule.byId(rule.id()).orElseThrow());
        }
        assertEquals(Rule.values().length, Arrays.stream(Rule.values()).map(Rule::id).distinct().count());
    }
}
