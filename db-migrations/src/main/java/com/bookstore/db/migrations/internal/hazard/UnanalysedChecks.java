package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.Unclassified;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;
import com.bookstore.db.migrations.internal.hazard.Statement.TableLock;
import com.bookstore.db.migrations.internal.hazard.Statement.Unknown;

import java.util.stream.Collectors;

/**
 * What the analyser cannot vouch for is reported, never passed: a statement it does not understand, an ALTER TABLE
 * action it cannot classify (ALTER TABLE takes ACCESS EXCLUSIVE unless PostgreSQL documents less), and the
 * statements whose whole point is a table lock (TRUNCATE, LOCK, CLUSTER, VACUUM FULL, REINDEX, REFRESH MATERIALIZED
 * VIEW without CONCURRENTLY).
 */
final class UnanalysedChecks implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (statement instanceof Unknown unknown) {
            at.report(Rule.NOT_ANALYSED, "-", LockLevel.UNKNOWN, "-", "not analysed: " + unknown.what()
                    + "; its lock and its work are not known to the analyser", Rule.NOT_ANALYSED.alternative());
        } else if (statement instanceof AlterTable alter && at.existing(alter.table())) {
            for (Action action : alter.actions()) {
                if (action instanceof Unclassified unclassified) {
                    at.report(Rule.NOT_ANALYSED, alter.table(), unclassified.lock(), "not analysed: the action '"
                            + unclassified.text() + "' is not known to the analyser; ALTER TABLE takes ACCESS EXCLUSIVE "
                            + "unless PostgreSQL documents less, and the action may scan or rewrite the table",
                            Rule.NOT_ANALYSED.alternative());
                }
            }
        } else if (statement instanceof TableLock lock && (lock.tables().isEmpty() || lock.tables().stream().anyMatch(at::existing))) {
            String tables = lock.tables().isEmpty() ? "every table it covers"
                    : lock.tables().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
            at.report(Rule.BLOCKING_STATEMENT, tables, lock.lock(), tables, lock.what() + " " + lock.effect()
                    + ", holding the lock until the revision commits", Rule.BLOCKING_STATEMENT.alternative());
        }
    }
}
