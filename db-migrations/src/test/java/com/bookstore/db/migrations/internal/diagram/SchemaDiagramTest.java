package com.bookstore.db.migrations.internal.diagram;

import com.bookstore.db.core.registry.EntityRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/schema.md is the diagram of the registry's model, kept true the way ModuleDiagramTest keeps docs/modules.md. */
class SchemaDiagramTest {

    private static final Path PAGE = Path.of("..", "docs", "schema.md");
    private static final EntityRegistry BOOKSTORE = EntityRegistry.discover();

    @Test
    void the_schema_diagram_in_docs_matches_the_model() throws Exception {
        String generated = SchemaDiagram.markdown(BOOKSTORE);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, "docs/schema.md is out of date with the entities: regenerate it with "
                + "./migrate erd (or ./mvnw -B verify -Ddocs.update=true) and commit it");
    }

    @Test
    void one_diagram_per_module_with_postgres_types_keys_and_cardinalities() {
        String page = SchemaDiagram.markdown(BOOKSTORE);
        for (String module : BOOKSTORE.moduleNames()) {
            assertTrue(page.contains("\n## " + module + "\n"), module + "\n" + page);
        }
        assertFalse(page.contains("## other"), "every table belongs to a module:\n" + page);
        assertEquals(BOOKSTORE.moduleNames().size(), page.split("```mermaid\nerDiagram\n", -1).length - 1, page);
        assertTrue(page.contains("        bigint id PK\n"), page);
        assertTrue(page.contains("        varchar(200) full_name \"not null\"\n"), page);
        assertTrue(page.contains("        numeric price \"numeric(12,2), not null\"\n"), page);
        assertTrue(page.contains("        jsonb attributes\n"), page);
        assertTrue(page.contains("        uuid id PK\n"), page);
        assertTrue(page.matches("(?s).*timestamptz\\(6\\) \\w+.*"), page);
        assertTrue(page.matches("(?s).* UK[ \"\n].*"), page);
        assertTrue(page.matches("(?s).* FK[ \"\n,].*"), page);
        assertTrue(page.matches("(?s).*\\n    \\w+ (\\|\\||\\|o)--(o\\{|o\\|) \\w+ : \"[\\w, ]+\"\\n.*"), page);
    }
}
