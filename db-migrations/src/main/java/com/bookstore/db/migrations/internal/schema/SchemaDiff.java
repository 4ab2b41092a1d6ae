package com.bookstore.db.migrations.internal.schema;

import liquibase.change.Change;

import java.util.List;

/**
 * The difference between the model and a database.
 *
 * @param forward changes that bring the database to the model, in a safe order
 * @param reverse changes that bring it back (the changeset's rollback)
 * @param wantedTypes column types of the model's database
 * @param currentTypes column types of the compared database
 */
public record SchemaDiff(List<Change> forward, List<Change> reverse, ColumnTypes wantedTypes, ColumnTypes currentTypes) {

    public boolean isEmpty() {
        return forward.isEmpty();
    }

    /** What each forward change does, how risky it is, and the probable renames. */
    public ChangeReview review() {
        return ChangeReview.review(forward, wantedTypes, currentTypes);
    }

    /** The same diff with confirmed renames turned into {@code renameColumn} changes. */
    public SchemaDiff withRenames(List<ColumnRename> renames) {
        List<Change> f = forward;
        List<Change> r = reverse;
        for (ColumnRename rename : renames) {
            requireSameDefinition(rename);
            f = rename.apply(f);
            r = rename.reversed().apply(r);
        }
        return new SchemaDiff(f, r, wantedTypes, currentTypes);
    }

    /**
     * A rename carries the column as it is: when the new column also differs in type or nullability, a renameColumn
     * alone would leave that difference behind, so the rename is refused with the way to do it in two revisions.
     */
    private void requireSameDefinition(ColumnRename rename) {
        String oldType = currentTypes.of(rename.table(), rename.oldName()).map(ColumnType::sql).orElse("?");
        String newType = wantedTypes.of(rename.table(), rename.newName()).map(ColumnType::sql).orElse("?");
        Boolean oldNullable = nullability(reverse, rename.table(), rename.oldName());
        Boolean newNullable = nullability(forward, rename.table(), rename.newName());
        if (!oldType.equals(newType) || !java.util.Objects.equals(oldNullable, newNullable)) {
            throw new IllegalArgumentException("--rename " + rename.table() + "." + rename.oldName() + "=" + rename.newName()
                    + ": the columns differ (" + describe(oldType, oldNullable) + " against " + describe(newType, newNullable)
                    + "), so a rename alone would not reach the model. Rename first (keep the old definition in the entity, "
                    + "generate with --rename), then change the column and generate again.");
        }
    }

    private static String describe(String type, Boolean nullable) {
        return type + (Boolean.FALSE.equals(nullable) ? " not null" : "");
    }

    /** The nullability an addColumn of {@code changes} gives {@code column}, null when none adds it. */
    private static Boolean nullability(List<Change> changes, String table, String column) {
        for (Change change : changes) {
            if (change instanceof liquibase.change.core.AddColumnChange add && add.getTableName().equalsIgnoreCase(table)) {
                for (liquibase.change.ColumnConfig config : add.getColumns()) {
                    if (config.getName().equalsIgnoreCase(column)) {
                        return config.getConstraints() == null || config.getConstraints().isNullable() == null
                                || config.getConstraints().isNullable();
                    }
                }
            }
        }
        return null;
    }
}
