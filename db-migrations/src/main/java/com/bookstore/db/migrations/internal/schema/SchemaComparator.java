package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a database holding the model's schema ("wanted") with another one ("current"), PostgreSQL against
 * PostgreSQL, from their catalogs, and returns the changes both ways: forward (current → wanted) for the revision,
 * reverse (wanted → current) for its rollback.
 *
 * <p>The compared schemas are every schema the model's database holds ({@code public} and each schema an entity,
 * sequence or table of the model names) plus, when the current database is wholly owned by the changelogs (the shadow
 * database they were applied to), every schema they created there. Other schemas of a live database are never read.
 */
public final class SchemaComparator {

    private SchemaComparator() {
    }

    /** The model against a live database: only the schemas the model names are compared. */
    public static SchemaDiff compare(DatabaseSettings wanted, DatabaseSettings current) throws SQLException {
        return compare(wanted, current, false);
    }

    /**
     * @param currentOwnedByChangelogs true when {@code current} holds nothing but what the changelogs built, so that
     *        a schema they created and the model no longer names is compared (and dropped) too
     */
    public static SchemaDiff compare(DatabaseSettings wanted, DatabaseSettings current, boolean currentOwnedByChangelogs)
            throws SQLException {
        return compare(wanted, current, currentOwnedByChangelogs, EnumColumns.NONE, ExcludedObjects.NONE);
    }

    /**
     * As above, knowing the model's enum columns (so that a change of their storage converts the rows), and leaving out
     * the current database's objects the model does not own.
     */
    public static SchemaDiff compare(DatabaseSettings wanted, DatabaseSettings current, boolean currentOwnedByChangelogs,
            EnumColumns enums, ExcludedObjects excluded) throws SQLException {
        try (Connection model = MigrationConnections.unpooled(wanted).getConnection();
             Connection other = MigrationConnections.unpooled(current).getConnection()) {
            return compare(model, other, currentOwnedByChangelogs, enums, excluded);
        }
    }

    /** As above, on open connections (the caller closes them). */
    public static SchemaDiff compare(Connection model, Connection other, boolean currentOwnedByChangelogs, EnumColumns enums,
            ExcludedObjects excluded) throws SQLException {
        ModelSide side = new ModelSide() {
            @Override
            public Collection<String> userSchemas() throws SQLException {
                return CatalogReader.userSchemas(model);
            }

            @Override
            public Catalog catalog(Set<String> schemas) throws SQLException {
                return CatalogReader.read(model, schemas);
            }

            @Override
            public Connection connection() {
                return model;
            }
        };
        return compare(side, other, currentOwnedByChangelogs, enums, excluded);
    }

    /** The model's side of a comparison: its catalog, and its database for {@link CheckPrinting}'s probes. */
    interface ModelSide {

        Collection<String> userSchemas() throws SQLException;

        Catalog catalog(Set<String> schemas) throws SQLException;

        /** Asked for only when a CHECK definition must be re-printed on the model's tables. */
        Connection connection() throws SQLException;
    }

    /** As above, the model's side given as such (read once per exported model: {@link ExportedModels}). */
    static SchemaDiff compare(ModelSide model, Connection other, boolean currentOwnedByChangelogs, EnumColumns enums,
            ExcludedObjects excluded) throws SQLException {
        Set<String> schemas = new TreeSet<>(model.userSchemas());
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        if (currentOwnedByChangelogs) {
            schemas.addAll(CatalogReader.userSchemas(other));
        }
        Catalog wantedCatalog = model.catalog(schemas);
        requireCovered(wantedCatalog);
        excluded.requireNoneOf(wantedCatalog);
        List<String> left = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        if (!currentOwnedByChangelogs) { // a live database: schemas no entity maps a table to are not read, but named
            for (String schema : new TreeSet<>(CatalogReader.userSchemas(other))) {
                if (!schemas.contains(schema)) {
                    (excluded.excludesSchema(schema) ? left : unread).add("schema " + schema);
                }
            }
        }
        Catalog currentCatalog = CheckPrinting.align(model::connection, wantedCatalog,
                excluded.apply(CatalogReader.read(other, schemas), left).withUncovered(unread));
        return SchemaDiff.between(wantedCatalog, currentCatalog, List.of(), enums).excluding(left, excluded);
    }

    /** The model side must hold nothing the comparison would pass over in silence. */
    private static void requireCovered(Catalog model) {
        if (!model.uncovered().isEmpty()) {
            throw new IllegalStateException("The entity model creates objects the comparison does not cover: "
                    + String.join(", ", model.uncovered()) + ". Create them in a hand-written revision (./migrate revision) "
                    + "instead of the mapping.");
        }
    }
}
