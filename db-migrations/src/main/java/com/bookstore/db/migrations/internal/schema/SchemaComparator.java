package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import org.hibernate.MappingException;

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
        return compare(side(model), other, currentOwnedByChangelogs, enums, excluded);
    }

    /**
     * Two databases, neither of them the entity model's ({@code baseline}: what the changelogs build against a live
     * database): what the comparison does not cover is listed on both sides ({@link Catalog#uncovered()}) for the
     * caller to match, rather than refused as a mapping of the model would be.
     */
    public static SchemaDiff compareDatabases(DatabaseSettings built, DatabaseSettings live) throws SQLException {
        try (Connection wanted = MigrationConnections.unpooled(built).getConnection();
             Connection other = MigrationConnections.unpooled(live).getConnection()) {
            return compare(side(wanted), other, false, EnumColumns.NONE, ExcludedObjects.NONE, false);
        }
    }

    private static ModelSide side(Connection model) {
        return new ModelSide() {
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
        return compare(model, other, currentOwnedByChangelogs, enums, excluded, true);
    }

    /**
     * @param entityModel whether the wanted side is the entity model's export, which must hold nothing the comparison
     *        does not cover and no table where the other side has a view
     */
    private static SchemaDiff compare(ModelSide model, Connection other, boolean currentOwnedByChangelogs, EnumColumns enums,
            ExcludedObjects excluded, boolean entityModel) throws SQLException {
        Set<String> schemas = new TreeSet<>(model.userSchemas());
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        if (currentOwnedByChangelogs) {
            schemas.addAll(CatalogReader.userSchemas(other));
        }
        Catalog wantedCatalog = model.catalog(schemas);
        if (entityModel) {
            requireCovered(wantedCatalog);
        }
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
        if (entityModel) {
            requireNoTableInPlaceOfAnotherRelation(wantedCatalog, currentCatalog);
        }
        return SchemaDiff.between(wantedCatalog, currentCatalog, List.of(), enums).excluding(left, excluded);
    }

    /** The model side must hold nothing the comparison would pass over in silence. */
    private static void requireCovered(Catalog model) {
        if (!model.uncovered().isEmpty()) {
            throw new MappingException("The entity model creates objects the comparison does not cover: "
                    + String.join(", ", model.uncovered()) + ". Create them in a hand-written revision (./migrate revision) "
                    + "instead of the mapping.");
        }
    }

    /**
     * A table of the model whose name is a view (a materialized view, a foreign table, a partition) of the compared
     * database: the usual way to map a read-only entity on a view a hand-written revision creates, but Hibernate writes
     * a table for it, which no revision can create in the view's place. Stops the comparison with the mapping that
     * writes no DDL, rather than report a table to create or write a revision that fails.
     */
    private static void requireNoTableInPlaceOfAnotherRelation(Catalog wanted, Catalog current) {
        // the current catalog lists its views, materialized views, foreign tables and partitions as not compared
        List<String> clashes = new ArrayList<>();
        wanted.tables().keySet().stream().filter(name -> !current.tables().containsKey(name)).forEach(name -> {
            for (String kind : List.of("view", "materialized view", "foreign table", "partition")) {
                if (current.uncovered().contains(kind + " " + name)) {
                    clashes.add(name + " is a " + kind);
                }
            }
        });
        if (!clashes.isEmpty()) {
            throw new MappingException("The entity model maps a table where the compared database has another kind of "
                    + "relation (" + String.join(", ", clashes) + "): Hibernate would create a table in its place, which "
                    + "no revision can do. Map a read-only entity on a view without DDL: @Immutable, "
                    + "@Subselect(\"select ... from <view>\") and @Synchronize(\"<view>\") instead of @Table; or, if the "
                    + "entity is to own a table, drop the view in a hand-written revision (./migrate revision) first.");
        }
    }
}
