package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading provider-configuration files next to a class, from a directory and from a jar. */
class ServiceDeclarationsTest {

    private static final String LIQUIBASE_DATABASES = "META-INF/services/liquibase.database.Database";

    private static JavaClass importClass(String name) {
        return new ClassFileImporter().importClass(loadClass(name));
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reads_the_services_file_of_the_directory_a_class_comes_from_ignoring_comments() {
        ServiceDeclarations declarations = ServiceDeclarations.inResource(Fixtures.SERVICES_RESOURCE);
        assertTrue(declarations.declares(importClass(Fixtures.fixturePackage("registration.valid.ValidEntities"))));
        assertFalse(declarations.declares(
                importClass(Fixtures.fixturePackage("registration.undeclared.undeclared.UndeclaredEntities"))));
    }

    @Test
    void reads_the_services_file_inside_the_jar_a_class_comes_from() {
        ServiceDeclarations declarations = ServiceDeclarations.inResource(LIQUIBASE_DATABASES);
        assertTrue(declarations.declares(importClass("liquibase.database.core.PostgresDatabase")));
        assertFalse(declarations.declares(importClass("liquibase.database.AbstractJdbcDatabase")));
    }

    @Test
    void names_the_source_resource_of_a_maven_output_directory() {
        assertEquals("src/test/resources/" + LIQUIBASE_DATABASES, ServiceDeclarations.inResource(LIQUIBASE_DATABASES)
                .fileToEdit(importClass(Fixtures.fixturePackage("registration.valid.ValidEntities"))));
    }

    @Test
    void names_the_jar_when_a_class_comes_from_one() {
        String file = ServiceDeclarations.inResource(LIQUIBASE_DATABASES)
                .fileToEdit(importClass("liquibase.database.AbstractJdbcDatabase"));
        assertTrue(file.matches("src/main/resources/" + LIQUIBASE_DATABASES.replace(".", "\\.")
                + " of the module that builds liquibase-core-[^/]+\\.jar"), file);
    }
}
