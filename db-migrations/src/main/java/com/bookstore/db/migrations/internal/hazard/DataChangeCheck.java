package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Statement.DataChange;

/**
 * A data change (a backfill) in a transaction that already holds a lock blocking the service on its table: the
 * {@code ALTER TABLE} before it took ACCESS EXCLUSIVE for a moment, but a transaction keeps its locks until it ends,
 * so every query of the table waits for the whole {@code UPDATE}. In a changeset of its own, the data change blocks
 * nobody but the writers of the rows it changes.
 */
final class DataChangeCheck implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!(statement instanceof DataChange change) || !at.inTransaction()) {
            return;
        }
        for (QualifiedName table : change.tables()) {
            if (!at.existing(table)) {
                continue;
            }
            LockLevel held = at.lockDuring(table, LockLevel.ROW_EXCLUSIVE);
            if (held.blocksWrites()) {
                at.report(Rule.DATA_CHANGE_UNDER_LOCK, table.toString(), held, at.where(table, LockLevel.ROW_EXCLUSIVE),
                        change.what() + " writes the rows of " + table + " while the " + held.sql() + " lock taken "
                                + "earlier in the same transaction is held: the service waits for the whole data change",
                        Rule.DATA_CHANGE_UNDER_LOCK.alternative());
            }
        }
    }
}
