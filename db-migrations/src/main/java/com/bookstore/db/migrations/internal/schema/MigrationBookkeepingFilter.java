package com.bookstore.db.migrations.internal.schema;

import liquibase.database.Database;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

import java.util.Locale;

/**
 * Keeps the migration tool's own bookkeeping tables ({@code databasechangelog}, {@code databasechangeloglock}) out of
 * every diff: they exist in migrated databases only and are not part of the model.
 */
final class MigrationBookkeepingFilter implements ObjectChangeFilter {

    static boolean isBookkeepingTable(String tableName) {
        return tableName != null && tableName.toLowerCase(Locale.ROOT).startsWith("databasechangelog");
    }

    @Override
    public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
        return include(object);
    }

    @Override
    public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
        return include(object);
    }

    @Override
    public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database reference, Database comparison) {
        return include(object);
    }

    @Override
    public boolean include(DatabaseObject object) {
        return !isBookkeepingTable(tableOf(object));
    }

    private static String tableOf(DatabaseObject object) {
        Relation relation = null;
        if (object instanceof Table table) {
            return table.getName();
        } else if (object instanceof Column column) {
            relation = column.getRelation();
        } else if (object instanceof Index index) {
            relation = index.getRelation();
        } else if (object instanceof PrimaryKey pk) {
            relation = pk.getTable();
        } else if (object instanceof UniqueConstraint uk) {
            relation = uk.getRelation();
        } else if (object instanceof ForeignKey fk) {
            relation = fk.getForeignKeyTable();
        }
        return relation == null ? null : relation.getName();
    }
}
