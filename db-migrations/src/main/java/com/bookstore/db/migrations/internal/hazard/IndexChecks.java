package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.DropIndex;

import java.util.Optional;

/**
 * Index builds and drops. {@code CREATE INDEX} takes SHARE on the table, which blocks every write for the whole build;
 * {@code DROP INDEX} takes ACCESS EXCLUSIVE on the table. Their CONCURRENTLY forms block neither reads nor writes.
 */
final class IndexChecks implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (statement instanceof CreateIndex create && !create.concurrently() && at.existing(create.table())) {
            at.report(Rule.CREATE_INDEX, create.table(), LockLevel.SHARE,
                    "reads the whole table to build the " + (create.unique() ? "unique " : "") + "index, holding the "
                            + "lock until the revision commits",
                    at.withAfter("index", " CONCURRENTLY") + ", alone in a changeset with runInTransaction=\"false\" "
                            + "(a failed build leaves an INVALID index: DROP INDEX CONCURRENTLY it and run again)");
        } else if (statement instanceof DropIndex drop && !drop.concurrently()) {
            for (QualifiedName index : drop.indexes()) {
                Optional<QualifiedName> table = at.schema().tableOf(index);
                if (table.isPresent() && !at.existing(table.get())) {
                    continue;
                }
                String on = table.map(QualifiedName::toString).orElse("the table of index " + index);
                LockLevel lock = table.map(t -> at.lockDuring(t, LockLevel.ACCESS_EXCLUSIVE)).orElse(LockLevel.ACCESS_EXCLUSIVE);
                at.report(Rule.DROP_INDEX, on, lock, on, "no scan, but the lock on the table is taken at once and held "
                                + "until the revision commits",
                        "DROP INDEX CONCURRENTLY " + index.sql() + ", alone in a changeset with runInTransaction=\"false\"");
            }
        }
    }
}
