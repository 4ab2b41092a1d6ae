package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.Statement.CreateIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.DropIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.Harmless;

/**
 * Statements PostgreSQL refuses inside a transaction block (the CONCURRENTLY forms, VACUUM): Liquibase runs a
 * changeset in one transaction unless it says {@code runInTransaction="false"}, so the safe form of an index change
 * written into an ordinary changeset fails the deploy.
 */
final class TransactionChecks implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!at.inTransaction()) {
            return;
        }
        String what = statement instanceof CreateIndex c && c.concurrently() ? "CREATE INDEX CONCURRENTLY"
                : statement instanceof DropIndex d && d.concurrently() ? "DROP INDEX CONCURRENTLY"
                : statement instanceof Harmless h && h.outsideTransaction() ? h.what() : null;
        if (what != null) {
            String table = statement instanceof CreateIndex c ? c.table().toString() : "-";
            at.report(Rule.CONCURRENTLY_IN_TRANSACTION, table, LockLevel.SHARE_UPDATE_EXCLUSIVE, table,
                    "fails: PostgreSQL refuses " + what + " inside a transaction block, and this changeset runs in one",
                    Rule.CONCURRENTLY_IN_TRANSACTION.alternative());
        }
    }
}
