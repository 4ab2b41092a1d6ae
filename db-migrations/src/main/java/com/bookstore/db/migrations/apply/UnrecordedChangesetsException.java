package com.bookstore.db.migrations.apply;

import java.util.List;

/**
 * Liquibase ended an upgrade without an error, but changesets it was to run are not recorded as run: their change may
 * be missing from the database. The changesets before them stay applied.
 */
public class UnrecordedChangesetsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnrecordedChangesetsException(List<String> missing) {
        super("The upgrade stopped: Liquibase ended it without an error, but " + String.join("; ", missing)
                + ", so its change may be missing from the database. The changesets before it stay applied. Run "
                + "./migrate status and ./migrate check --url to see where the database stands, and report this "
                + "with the changeset.");
    }
}
