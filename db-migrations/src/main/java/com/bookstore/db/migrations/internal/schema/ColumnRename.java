package com.bookstore.db.migrations.internal.schema;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.RenameColumnChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rename the developer confirmed ({@code --rename table.old=new}): the drop of {@code old} and the add of
 * {@code new} that the diff produced are replaced by one {@code renameColumn}, which keeps the data.
 */
public record ColumnRename(String table, String oldName, String newName) {

    /** Parses {@code table.old=new}. */
    public static ColumnRename parse(String text) {
        int dot = text.indexOf('.');
        int eq = text.indexOf('=');
        if (dot <= 0 || eq <= dot + 1 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--rename takes table.old_column=new_column, not '" + text + "'.");
        }
        return new ColumnRename(text.substring(0, dot), text.substring(dot + 1, eq), text.substring(eq + 1));
    }

    /** Rewrites forward changes (old → new); {@link #reversed()} rewrites the rollback. */
    public List<Change> apply(List<Change> changes) {
        Optional<ColumnConfig> added = Optional.empty();
        boolean dropped = false;
        List<Change> out = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof DropColumnChange drop && table.equalsIgnoreCase(drop.getTableName())
                    && oldName.equalsIgnoreCase(drop.getColumnName())) {
                dropped = true;
                continue;
            }
            if (change instanceof AddColumnChange add && table.equalsIgnoreCase(add.getTableName())) {
                ColumnConfig match = add.getColumns().stream().filter(c -> newName.equalsIgnoreCase(c.getName()))
                        .findFirst().orElse(null);
                if (match != null) {
                    added = Optional.of(match);
                    List<?> rest = add.getColumns().stream().filter(c -> c != match).toList();
                    RenameColumnChange rename = new RenameColumnChange();
                    rename.setTableName(table);
                    rename.setOldColumnName(oldName);
                    rename.setNewColumnName(newName);
                    rename.setColumnDataType(match.getType());
                    out.add(rename);
                    if (!rest.isEmpty()) {
                        AddColumnChange remaining = new AddColumnChange();
                        remaining.setTableName(add.getTableName());
                        add.getColumns().stream().filter(c -> c != match).forEach(remaining::addColumn);
                        out.add(remaining);
                    }
                    continue;
                }
            }
            out.add(change);
        }
        if (!dropped || added.isEmpty()) {
            throw new IllegalArgumentException("--rename " + table + "." + oldName + "=" + newName
                    + " does not match a dropped column " + oldName + " and an added column " + newName + " of table "
                    + table + " in this diff.");
        }
        return out;
    }

    public ColumnRename reversed() {
        return new ColumnRename(table, newName, oldName);
    }
}
