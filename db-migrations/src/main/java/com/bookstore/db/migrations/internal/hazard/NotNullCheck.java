package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.SetNotNull;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * {@code SET NOT NULL} scans the whole table under ACCESS EXCLUSIVE, unless a validated
 * {@code CHECK (column IS NOT NULL)} already proves it (PostgreSQL 12+), which is how the safe form works.
 */
final class NotNullCheck implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!(statement instanceof AlterTable alter) || !at.existing(alter.table())) {
            return;
        }
        QualifiedName table = alter.table();
        for (Action action : alter.actions()) {
            if (action instanceof SetNotNull set && !at.schema().provenNotNull(table, set.column())) {
                String check = checkName(table, set.column());
                String alterTable = "ALTER TABLE " + table.sql();
                at.report(Rule.SET_NOT_NULL, table, set.lock(), "scans the whole table to check that no row holds NULL",
                        alterTable + " ADD CONSTRAINT " + check + " CHECK (" + quote(set.column()) + " IS NOT NULL) NOT "
                                + "VALID; in a later changeset " + alterTable + " VALIDATE CONSTRAINT " + check
                                + "; then " + alterTable + " ALTER COLUMN " + quote(set.column()) + " SET NOT NULL "
                                + "(PostgreSQL 12+ skips the scan) and " + alterTable + " DROP CONSTRAINT " + check);
            }
        }
    }

    /** The name the safe form gives its {@code CHECK (column IS NOT NULL)}: {@code <table>_<column>_not_null}. */
    static String checkName(QualifiedName table, String column) {
        return quote(table.name() + "_" + column + "_not_null");
    }
}
