package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.Action.AlterType;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;

/**
 * {@code ALTER COLUMN ... TYPE} holds ACCESS EXCLUSIVE for as long as it works: a catalog update when PostgreSQL can
 * skip the rewrite, a copy of the whole table and all its indexes when it cannot (see {@link TypeChange}).
 */
final class ColumnTypeCheck implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!(statement instanceof AlterTable alter) || !at.existing(alter.table())) {
            return;
        }
        for (Action action : alter.actions()) {
            if (action instanceof AlterType type) {
                TypeChange.Verdict verdict = TypeChange.of(at.schema().column(alter.table(), type.column()).orElse(null), type);
                String effect = switch (verdict.cost()) {
                    case REWRITE -> "rewrites the whole table and rebuilds all its indexes under the lock: " + verdict.why();
                    case MAY_REWRITE -> "may rewrite the whole table and rebuild all its indexes under the lock: "
                            + verdict.why();
                    case INDEX_REBUILD -> "rebuilds the indexes on the column under the lock: " + verdict.why();
                    default -> null;
                };
                if (effect != null) {
                    at.report(Rule.ALTER_COLUMN_TYPE, alter.table(), type.lock(), effect, Rule.ALTER_COLUMN_TYPE.alternative());
                }
            }
        }
    }
}
