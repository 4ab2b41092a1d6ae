package com.bookstore.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/modules.md is the diagram of the real dependencies between the modules. */
class ModuleDiagramTest {

    private static final Path PAGE = Path.of("..", "docs", "modules.md");

    /** The diagram of the project's production classes, imported once for both tests (an import takes seconds). */
    private static String diagram;

    @BeforeAll
    static void draw() {
        diagram = ModuleDiagram.of(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ProjectModules.PROJECT_ROOT), ProjectModules.under(ProjectModules.PROJECT_ROOT)).markdown();
    }

    @Test
    void the_module_diagram_in_docs_matches_the_code() throws Exception {
        String generated = diagram;
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, "docs/modules.md is out of date with the code: regenerate it with "
                + "./mvnw -B verify -Ddocs.update=true and commit it");
    }

    @Test
    void the_diagram_shows_the_allowed_domain_dependencies_and_no_forbidden_one() throws Exception {
        String page = diagram;
        assertTrue(page.contains("domain_orders --> domain_catalog\n"), page);
        assertTrue(page.contains("domain_orders --> domain_auth\n"), page);
        assertTrue(page.contains("db_migrations --> db_core\n"), page);
        assertFalse(page.contains("db_core --> "), "db-core uses no other module:\n" + page);
        assertFalse(page.contains("domain_auth --> domain_"), page);
        assertFalse(page.contains("domain_catalog --> domain_"), page);
    }
}
