package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model's database holds what the mapping declares, and nothing a class path resource adds to it. */
class ModelSchemaExporterTest {

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path resources;

    /**
     * Hibernate runs an {@code import.sql} it finds on the class path after every "create" export, but the runtime
     * never runs it (the changelogs own the schema): in the model's database it would make seed data and hand-made
     * DDL part of "what the entities want", and {@code generate} would write them into a revision.
     */
    @Test
    void an_import_sql_on_the_class_path_does_not_reach_the_model() throws Exception {
        Files.writeString(resources.resolve("import.sql"), """
                create table seeded_by_import_sql (id bigint);
                create index ix_shelf_by_import_sql on shelf (id);
                """);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        DatabaseSettings model = server.create("model");
        try (URLClassLoader withImportSql = new URLClassLoader(new URL[] {resources.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(withImportSql);
            assertEquals(resources.resolve("import.sql").toUri().toURL(), withImportSql.getResource("import.sql"),
                    "Hibernate's class loading service sees the file");
            ModelSchemaExporter.export(EntityRegistry.of(new RoundTripEntities()), model, Set.of());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        try (Connection connection = MigrationConnections.unpooled(model).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) filter (where relname = 'shelf'), "
                     + "count(*) filter (where relname in ('seeded_by_import_sql', 'ix_shelf_by_import_sql')) from pg_class")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the mapping was exported");
            assertEquals(0, rs.getInt(2), "nothing of import.sql");
        }
    }
}
