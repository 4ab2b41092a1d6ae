package com.bookstore.db.migrations.apply;

import java.util.List;

/**
 * A rollback would run the rollback of changesets that were recorded without running ({@code onFail="MARK_RAN"}: the
 * object they create was already there, made by someone else): their rollback would undo what they never did, such
 * as dropping that table with its rows. Nothing is rolled back.
 */
public class MarkedRanRollbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MarkedRanRollbackException(List<Revision> markedRan) {
        super("Refused to roll back: " + markedRan.get(0).describe()
                + (markedRan.size() > 1 ? " (and " + (markedRan.size() - 1) + " more)" : "")
                + " was recorded without running (its precondition failed, onFail=\"MARK_RAN\"), so what it would create "
                + "was already there; running its rollback would undo what it never did (drop that table, with its "
                + "rows). Nothing was rolled back. Roll back fewer revisions (--count), or, to take the changeset out of "
                + "the history without running its rollback, delete its row from databasechangelog (id, author and "
                + "filename as named).");
    }
}
