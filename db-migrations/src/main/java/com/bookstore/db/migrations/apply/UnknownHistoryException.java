package com.bookstore.db.migrations.apply;

import liquibase.changelog.RanChangeSet;

import java.util.List;

/** The database has applied revisions that this build's changelog does not contain: a newer version ran there. */
public class UnknownHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownHistoryException(List<RanChangeSet> unknown) {
        super("Refused: the database has " + unknown.size() + " applied revision(s) that this build's changelog does not "
                + "contain, e.g. " + name(unknown.get(0)) + ". A newer version ran here; deploy that version (or newer) instead "
                + "of this one.");
    }

    private UnknownHistoryException(String message) {
        super(message);
    }

    /** Why {@link ChangelogRunner#rollback(int)} refuses: it would skip those and roll back the ones underneath. */
    public static UnknownHistoryException refusingRollback(List<RanChangeSet> unknown) {
        return new UnknownHistoryException("Refused to roll back: the database has " + unknown.size() + " applied "
                + "revision(s) that this build's changelog does not contain, e.g. " + name(unknown.get(unknown.size() - 1)) + ", so this build "
                + "cannot roll them back and would roll back the revisions underneath instead. Nothing was rolled back. "
                + "A newer version ran here; run the rollback with that version (or newer).");
    }

    private static String name(RanChangeSet revision) {
        return revision.getChangeLog() + "::" + revision.getId();
    }
}
