package com.bookstore.db.migrations.apply;

import liquibase.changelog.RanChangeSet;

import java.util.List;

/** The database has applied revisions that this build's changelog does not contain: a newer version ran there. */
public class UnknownHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownHistoryException(List<RanChangeSet> unknown) {
        super("Refused: the database has " + unknown.size() + " applied revision(s) that this build's changelog does not "
                + "contain, e.g. " + unknown.get(0).getChangeLog() + "::" + unknown.get(0).getId()
                + ". A newer version ran here; deploy that version (or newer) instead of this one.");
    }
}
