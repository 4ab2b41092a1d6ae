package com.bookstore.db.migrations.internal.schema;

/**
 * A rename the developer confirmed ({@code --rename table.old=new}): the comparison pairs the model's column
 * {@code new} with the database's column {@code old} and emits {@code RENAME COLUMN}, which keeps the data.
 * {@code table} is written as the review writes it: {@code item}, or {@code archive.item} outside {@code public}.
 */
public record ColumnRename(String table, String oldName, String newName) {

    /** Parses {@code table.old=new} or {@code schema.table.old=new}. */
    public static ColumnRename parse(String text) {
        int dot = text.lastIndexOf('.', text.indexOf('=') < 0 ? text.length() : text.indexOf('='));
        int eq = text.indexOf('=');
        if (dot <= 0 || eq <= dot + 1 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--rename takes table.old_column=new_column, not '" + text + "'.");
        }
        return new ColumnRename(text.substring(0, dot), text.substring(dot + 1, eq), text.substring(eq + 1));
    }

    public ColumnRename reversed() {
        return new ColumnRename(table, newName, oldName);
    }
}
