package com.bookstore.db.migrations.internal.hazard;

/**
 * One statement of a revision that would stop or break the running service during a deploy.
 *
 * @param rule what kind of hazard, with its stable id
 * @param changeset the changeset (or revision) holding the statement
 * @param statement the statement, as written
 * @param table the existing table it concerns, or a description when not known ("the table of index ix_a")
 * @param lock the strongest lock the statement holds on that table (with what the same transaction already holds)
 * @param lockedTables where the lock is taken, e.g. "book and publisher"
 * @param effect what it does to the table and the service while the lock is held
 * @param alternative how to make the same change safely, for this statement
 */
public record Hazard(Rule rule, String changeset, String statement, String table, LockLevel lock, String lockedTables,
        String effect, String alternative) {

    /** What the service can no longer do while the lock is held or waiting. */
    public String blocks() {
        return lock.blocks();
    }

    /** The statement on one line, cut at {@code max} characters. */
    public String shortStatement(int max) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
