package com.bookstore.db.migrations.apply;

import java.util.List;

/**
 * Pending revisions that come, in the changelog, before a revision the database has already applied (two branches
 * merged after one of them was deployed). {@code upgrade} would run them after it, in another order than every fresh
 * database and {@code check}'s shadow run them, so the database could end up with a schema {@code check} never saw.
 */
public class OutOfOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Revision> pending;

    OutOfOrderException(List<Revision> pending, Revision appliedAfter) {
        super("Refused: " + pending.size() + " pending revision(s) come before " + appliedAfter
                + " in the changelog, which this database has already applied: " + pending.get(0)
                + (pending.size() > 1 ? " and " + (pending.size() - 1) + " more" : "") + ". upgrade would run them after "
                + "it, in another order than a fresh database and check's shadow run them, so this database could end "
                + "up with a schema check never compared. Nothing was applied. Move the pending revision(s) after the "
                + "applied ones in db.changelog-master.xml if no database has applied them yet; or, when they do not "
                + "touch what the later revisions change, run ./migrate upgrade --out-of-order once, then ./migrate "
                + "check --url to compare the result with the model.");
        this.pending = List.copyOf(pending);
    }

    /** The pending revisions out of order, in changelog order. */
    public List<Revision> pending() {
        return pending;
    }
}
