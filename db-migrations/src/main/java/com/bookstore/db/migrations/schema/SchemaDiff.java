package com.bookstore.db.migrations.schema;

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
            f = rename.apply(f);
            r = rename.reversed().apply(r);
        }
        return new SchemaDiff(f, r, wantedTypes, currentTypes);
    }
}
