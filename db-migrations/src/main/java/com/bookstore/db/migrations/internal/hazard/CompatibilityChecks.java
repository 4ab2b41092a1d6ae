package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.DropColumn;
import com.bookstore.db.migrations.internal.hazard.Action.MoveTable;
import com.bookstore.db.migrations.internal.hazard.Action.RenameColumn;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;
import com.bookstore.db.migrations.internal.hazard.Statement.DropSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.DropTable;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameSequence;

/**
 * Renames and drops are catalog updates, quick under their lock, but during a rolling deploy the previous version of
 * the service still runs, and Hibernate names every mapped column and table in its SQL, and the sequences its
 * sequence generators draw from: its queries fail from the moment the revision commits until its last instance is
 * replaced. The safe path is expand/contract over two releases.
 */
final class CompatibilityChecks implements HazardCheck {

    private static final String PREVIOUS = "the previous version of the service, still running during the deploy, ";

    @Override
    public void check(Statement statement, StatementContext at) {
        if (statement instanceof DropTable drop) {
            for (QualifiedName table : drop.tables()) {
                if (at.existing(table)) {
                    at.report(Rule.DROP_TABLE, table, LockLevel.ACCESS_EXCLUSIVE, "a quick catalog update, but " + PREVIOUS
                            + "still reads and writes " + table + ": those queries fail", Rule.DROP_TABLE.alternative());
                }
            }
        }
        if (statement instanceof DropSequence drop) {
            for (QualifiedName sequence : drop.sequences()) {
                if (at.existing(sequence)) {
                    at.report(Rule.DROP_SEQUENCE, sequence, LockLevel.ACCESS_EXCLUSIVE, "a quick catalog update, but "
                            + PREVIOUS + "may draw ids from " + sequence + " by name (Hibernate's sequence generator: "
                            + "nextval('" + sequence.name() + "')): its inserts fail", Rule.DROP_SEQUENCE.alternative());
                }
            }
        }
        if (statement instanceof RenameSequence rename && at.existing(rename.sequence())) {
            at.report(Rule.RENAME_SEQUENCE, rename.sequence(), LockLevel.ACCESS_EXCLUSIVE, "a quick catalog update, but "
                    + PREVIOUS + "may draw ids from " + rename.sequence() + " by name (Hibernate's sequence generator), not "
                    + "from " + rename.to() + ": its inserts fail", Rule.RENAME_SEQUENCE.alternative());
        }
        if (!(statement instanceof AlterTable alter) || !at.existing(alter.table())) {
            return;
        }
        QualifiedName table = alter.table();
        for (Action action : alter.actions()) {
            if (action instanceof RenameColumn rename) {
                at.report(Rule.RENAME_COLUMN, table, rename.lock(), "a quick catalog update, but " + PREVIOUS + "reads and "
                        + "writes the column as " + rename.from() + ": those queries fail", Rule.RENAME_COLUMN.alternative());
            } else if (action instanceof MoveTable move) {
                String to = move.newName() != null ? move.newName() : move.newSchema() + "." + table.name();
                at.report(Rule.RENAME_TABLE, table, move.lock(), "a quick catalog update, but " + PREVIOUS + "names the "
                        + "table " + table + ", not " + to + ": its queries fail", Rule.RENAME_TABLE.alternative());
            } else if (action instanceof DropColumn drop) {
                at.report(Rule.DROP_COLUMN, table, drop.lock(), "a quick catalog update (no rewrite), but " + PREVIOUS
                        + "selects and inserts " + drop.column() + " (Hibernate names every mapped column): its queries of "
                        + table + " fail", Rule.DROP_COLUMN.alternative());
            }
        }
    }
}
