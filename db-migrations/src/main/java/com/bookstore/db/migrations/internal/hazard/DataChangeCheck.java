package com.bookstore.db.migrations.internal.hazard;

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
        if (!(statement instanceof DataChange change) || !at.inTransaction() || !at.existing(change.table())) {
            return;
        }
        LockLevel held = at.lockDuring(change.table(), LockLevel.ROW_EXCLUSIVE);
        if (held.blocksWrites()) {
            at.report(Rule.DATA_CHANGE_UNDER_LOCK, change.table().toString(), held,
                    at.where(change.table(), LockLevel.ROW_EXCLUSIVE), change.what() + " writes its rows while the "
                            + held.sql() + " lock taken earlier in the same transaction is held: the service waits for "
                            + "the whole data change", Rule.DATA_CHANGE_UNDER_LOCK.alternative());
        }
    }
}
