package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.fixtures.TestRegistries;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.MappingException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model databases kept per shadow server ({@link ExportedModels}) are reused only for the same entity classes and
 * extensions on the same server, a failed export is never kept, and a comparison with a kept model still sees every
 * change of the compared database.
 */
class ExportedModelsTest {

    @ScratchServer
    private static ScratchDatabases server;

    @Entity
    @Table(name = "shelf")
    public static class Shelf {
        @Id Long id;
        @Column(name = "label", length = 40) String label;
    }

    @Entity
    @Table(name = "shelf")
    public static class ShelfWithNote {
        @Id Long id;
        @Column(name = "label", length = 40) String label;
        @Column(name = "note", length = 200) String note;
    }

    @Entity
    @Table(name = "book")
    public static class Book {
        @Id Long id;
    }

    @Entity
    @Table(name = "coin")
    public static class CoinWithUnknownType {
        @Id Long id;
        @Column(name = "amount", columnDefinition = "no_such_type") String amount;
    }

    private static EntityRegistry model(Class<?>... entities) {
        return TestRegistries.of("exported-models-test", entities);
    }

    private static String exported(ScratchDatabases on, EntityRegistry registry, Set<String> extensions) throws Exception {
        return ExportedModels.on(on, registry, extensions, Progress.silent()).database().database();
    }

    @Test
    void the_same_entity_classes_on_the_same_server_are_exported_once() throws Exception {
        String first = exported(server, model(Shelf.class, Book.class), Set.of());
        assertEquals(first, exported(server, model(Shelf.class, Book.class), Set.of()),
                "another registry of the same classes reuses the model's database");
    }

    @Test
    void other_classes_their_order_other_extensions_or_another_server_get_an_export_of_their_own() throws Exception {
        String shelfAndBook = exported(server, model(Shelf.class, Book.class), Set.of());
        assertNotEquals(shelfAndBook, exported(server, model(ShelfWithNote.class, Book.class), Set.of()), "other classes");
        assertNotEquals(shelfAndBook, exported(server, model(Book.class, Shelf.class), Set.of()), "another order");

        String withCitext = exported(server, model(Shelf.class, Book.class), Set.of("citext"));
        assertNotEquals(shelfAndBook, withCitext, "other extensions");
        assertEquals(List.of("citext"), strings(server.existing(withCitext),
                "select extname from pg_extension where extname <> 'plpgsql'"), "the extension was created first");

        try (ScratchDatabases other = ScratchDatabases.forTests()) {
            ExportedModels.Exported elsewhere = ExportedModels.on(other, model(Shelf.class, Book.class), Set.of(),
                    Progress.silent());
            assertEquals(List.of("book", "shelf"), strings(elsewhere.database(),
                    "select relname::text from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace "
                            + "order by 1"), "another server gets the model exported there");
        }
    }

    @Test
    void a_failed_export_is_not_kept_the_next_comparison_fails_the_same_way() {
        EntityRegistry broken = model(Shelf.class, CoinWithUnknownType.class);
        MappingException first = assertThrows(MappingException.class,
                () -> ExportedModels.on(server, broken, Set.of(), Progress.silent()));
        MappingException again = assertThrows(MappingException.class,
                () -> ExportedModels.on(server, broken, Set.of(), Progress.silent()));
        assertTrue(again.getMessage().contains("type \"no_such_type\" does not exist"), again.getMessage());
        assertEquals(first.getMessage().replaceAll("model_\\d+_\\d+", "model"),
                again.getMessage().replaceAll("model_\\d+_\\d+", "model"));
    }

    @Test
    void a_comparison_with_a_kept_model_sees_every_change_of_the_database_compared() throws Exception {
        EntityRegistry shelf = model(Shelf.class);
        DatabaseSettings live = server.create("live");
        ModelSchemaExporter.export(shelf, live, Set.of());
        String kept = exported(server, shelf, Set.of());
        assertTrue(ShadowComparison.modelVersusDatabase(shelf, live, server, Progress.silent()).isEmpty());

        execute(live, "alter table shelf add column extra integer");
        SchemaDiff added = ShadowComparison.modelVersusDatabase(shelf, live, server, Progress.silent());
        assertTrue(added.forward().stream().anyMatch(c -> c.description().contains("extra")), added.forward()::toString);

        execute(live, "alter table shelf drop column extra; alter table shelf alter column label type varchar(41)");
        SchemaDiff widened = ShadowComparison.modelVersusDatabase(shelf, live, server, Progress.silent());
        assertTrue(widened.forward().stream().anyMatch(c -> c.description().contains("label")), widened.forward()::toString);

        execute(live, "alter table shelf alter column label type varchar(40)");
        assertTrue(ShadowComparison.modelVersusDatabase(shelf, live, server, Progress.silent()).isEmpty());
        assertEquals(kept, exported(server, shelf, Set.of()), "every comparison above used the kept model");
    }

    @Test
    void the_model_read_for_one_set_of_schemas_is_not_used_for_another() throws Exception {
        EntityRegistry shelf = model(Shelf.class);
        ExportedModels.Exported model = ExportedModels.on(server, shelf, Set.of(), Progress.silent());
        DatabaseSettings withArchive = server.create("migrated");
        ModelSchemaExporter.export(shelf, withArchive, Set.of());
        execute(withArchive, "create schema archive; create table archive.old_shelf (id bigint primary key)");
        DatabaseSettings without = server.create("migrated");
        ModelSchemaExporter.export(shelf, without, Set.of());

        SchemaDiff archived = model.compareWith(withArchive, true, ExcludedObjects.NONE);
        assertTrue(archived.forward().stream().anyMatch(c -> c.description().contains("archive")),
                archived.forward()::toString);
        assertTrue(model.compareWith(without, true, ExcludedObjects.NONE).isEmpty());
        assertFalse(model.compareWith(withArchive, true, ExcludedObjects.NONE).isEmpty(), "and back again");
    }

    private static void execute(DatabaseSettings database, String sql) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(DatabaseSettings database, String sql) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
