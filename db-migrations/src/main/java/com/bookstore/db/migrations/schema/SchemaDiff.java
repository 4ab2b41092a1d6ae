package com.bookstore.db.migrations.schema;

import liquibase.change.Change;
import liquibase.diff.DiffResult;

import java.util.List;

/**
 * The difference between the model and a database.
 *
 * @param forward changes that bring the database to the model, in a safe order
 * @param reverse changes that bring it back (the changeset's rollback)
 * @param forwardDiff Liquibase's raw comparison, which the review reads old column types from
 */
public record SchemaDiff(List<Change> forward, List<Change> reverse, DiffResult forwardDiff) {

    public boolean isEmpty() {
        return forward.isEmpty();
    }

    /** What each forward change does, how risky it is, and the probable renames. */
    public ChangeReview review() {
        return ChangeReview.review(forward, forwardDiff);
    }

    /** The same diff with confirmed renames turned into {@code renameColumn} changes. */
    public SchemaDiff withRenames(List<ColumnRename> renames) {
        List<Change> f = forward;
        List<Change> r = reverse;
        for (ColumnRename rename : renames) {
            f = rename.apply(f);
            r = rename.reversed().apply(r);
        }
        return new SchemaDiff(f, r, forwardDiff);
    }
}
