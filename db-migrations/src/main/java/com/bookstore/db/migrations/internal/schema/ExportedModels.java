package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model databases already exported on each shadow server: a caller that keeps one shadow server for many
 * comparisons (the test suites, the in-process API) exports each entity model once per server instead of once per
 * comparison. A command-line run starts a server of its own and exports once, so it never meets an earlier export.
 *
 * <p>Invisible except in speed. The key holds everything an export depends on that can differ between two calls in
 * one JVM: the entity classes, in order, and the extensions created before the model. (Hibernate's settings are the
 * constants of {@code SchemaMapping}.) A model database is only read after its export, so its catalog is read once per
 * set of compared schemas; {@link CheckPrinting} re-prints definitions there in a transaction it rolls back. An export
 * that fails is not kept, so the next comparison fails the same way.
 */
final class ExportedModels {

    /**
     * A model's database, the enum behind each of its enum columns, and its catalog as read for each set of compared
     * schemas (read once: nothing writes to the model's database after its export).
     */
    static final class Exported {

        private final DatabaseSettings database;
        private final EnumColumns enums;
        private volatile List<String> userSchemas;
        private final Map<Set<String>, Catalog> catalogs = new ConcurrentHashMap<>();

        private Exported(DatabaseSettings database, EnumColumns enums) {
            this.database = database;
            this.enums = enums;
        }

        DatabaseSettings database() {
            return database;
        }

        EnumColumns enums() {
            return enums;
        }

        /** Compares this model with {@code current} (see {@link SchemaComparator}). */
        SchemaDiff compareWith(DatabaseSettings current, boolean currentOwnedByChangelogs, ExcludedObjects excluded)
                throws SQLException {
            try (Connection other = MigrationConnections.unpooled(current).getConnection()) {
                return compareWith(other, currentOwnedByChangelogs, excluded);
            }
        }

        /** As above, on an open connection to the compared database (the caller closes it). */
        SchemaDiff compareWith(Connection current, boolean currentOwnedByChangelogs, ExcludedObjects excluded)
                throws SQLException {
            try (Side side = new Side()) {
                return SchemaComparator.compare(side, current, currentOwnedByChangelogs, enums, excluded);
            }
        }

        /** The model's side of one comparison: a connection opened only for what was not read before. */
        private final class Side implements SchemaComparator.ModelSide, AutoCloseable {

            private Connection connection;

            @Override
            public Collection<String> userSchemas() throws SQLException {
                List<String> schemas = userSchemas;
                if (schemas == null) {
                    schemas = List.copyOf(CatalogReader.userSchemas(connection()));
                    userSchemas = schemas;
                }
                return schemas;
            }

            @Override
            public Catalog catalog(Set<String> schemas) throws SQLException {
                Catalog catalog = catalogs.get(schemas);
                if (catalog == null) {
                    catalog = CatalogReader.read(connection(), schemas);
                    catalogs.putIfAbsent(Set.copyOf(schemas), catalog);
                }
                return catalog;
            }

            @Override
            public Connection connection() throws SQLException {
                if (connection == null) {
                    connection = MigrationConnections.unpooled(database).getConnection();
                }
                return connection;
            }

            @Override
            public void close() throws SQLException {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    private record Key(List<Class<?>> entities, Set<String> extensions) {
    }

    /** Per server, weakly: the entries of a server go with it (a closed server's object is not used again). */
    private static final Map<ScratchDatabases, Map<Key, Exported>> BY_SERVER = new WeakHashMap<>();

    private ExportedModels() {
    }

    /**
     * Compares the model with {@code current} on one connection to it, which first reads its extensions (the model's
     * database gets them too, so that extension types resolve); the model exported on {@code shadow} unless an earlier
     * comparison there did it. {@code comparing} names the comparison's progress step.
     */
    static SchemaDiff compare(ScratchDatabases shadow, EntityRegistry registry, DatabaseSettings current,
            boolean currentOwnedByChangelogs, ExcludedObjects excluded, String comparing, Progress progress)
            throws Exception {
        try (Connection other = MigrationConnections.unpooled(current).getConnection()) {
            Exported model = on(shadow, registry, CatalogReader.extensions(other).keySet(), progress);
            return progress.step(comparing, () -> model.compareWith(other, currentOwnedByChangelogs, excluded));
        }
    }

    /** The model's database on {@code shadow}, exported now unless an earlier comparison on that server did it. */
    static Exported on(ScratchDatabases shadow, EntityRegistry registry, Set<String> extensions, Progress progress)
            throws Exception {
        Map<Key, Exported> exported;
        synchronized (BY_SERVER) {
            exported = BY_SERVER.computeIfAbsent(shadow, server -> new ConcurrentHashMap<>());
        }
        Key key = new Key(List.copyOf(registry.entityClasses()), Set.copyOf(extensions));
        Exported earlier = exported.get(key);
        if (earlier != null) {
            progress.note("model schema (" + key.entities().size() + " entities) exported earlier on this shadow server");
            return earlier;
        }
        DatabaseSettings model = shadow.create("model");
        EnumColumns enums = progress.step("creating model schema (" + key.entities().size() + " entities)",
                () -> ModelSchemaExporter.export(registry, model, extensions));
        Exported now = new Exported(model, enums);
        Exported raced = exported.putIfAbsent(key, now);
        return raced == null ? now : raced;
    }
}
