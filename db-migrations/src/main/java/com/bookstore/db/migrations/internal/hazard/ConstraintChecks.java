package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.catalog.SqlNames;
import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.ConstraintKind;
import com.bookstore.db.migrations.internal.hazard.Action.ValidateConstraint;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * Constraints added to a table that has rows. A foreign key or CHECK is checked against every row by a scan under the
 * lock (SHARE ROW EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a CHECK) unless it is added NOT
 * VALID and validated later; a unique or primary key builds its index under ACCESS EXCLUSIVE unless it adopts an
 * index built CONCURRENTLY ({@code USING INDEX}). Validation is safe only in a transaction that does not already hold
 * a blocking lock on the table.
 */
final class ConstraintChecks implements HazardCheck {

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!(statement instanceof AlterTable alter) || !at.existing(alter.table())) {
            return;
        }
        QualifiedName table = alter.table();
        boolean single = alter.actions().size() == 1;
        for (Action action : alter.actions()) {
            if (action instanceof AddConstraint add) {
                added(at, table, add, single);
            } else if (action instanceof AddColumn column) {
                inline(at, table, column.column());
            } else if (action instanceof ValidateConstraint validate) {
                LockLevel held = at.lockDuring(table, validate.lock());
                if (held.blocksWrites()) {
                    at.report(Rule.VALIDATE_UNDER_LOCK, table.toString(), held, table.toString(), "scans the whole table "
                                    + "while the " + held.sql() + " lock taken earlier in the same transaction is held",
                            "ALTER TABLE " + table.sql() + " VALIDATE CONSTRAINT " + quote(validate.name())
                                    + " in a later changeset (each changeset is its own transaction)");
                }
            }
        }
    }

    private static void added(StatementContext at, QualifiedName table, AddConstraint add, boolean single) {
        String name = add.name() == null ? "<its name>" : quote(add.name());
        String later = "then, in a later changeset, ALTER TABLE " + table.sql() + " VALIDATE CONSTRAINT " + name;
        String notValid = (single ? at.sql() + " NOT VALID" : "the same ADD CONSTRAINT with NOT VALID") + "; " + later;
        if (add.kind() == ConstraintKind.FOREIGN_KEY && !add.notValid()) {
            LockLevel lock = at.lockDuring(table, add.lock());
            at.report(Rule.ADD_FOREIGN_KEY, table.toString(), lock, at.where(table, add.lock()) + " and "
                            + add.references() + " (SHARE ROW EXCLUSIVE on the referenced table)",
                    "scans the whole table to find each row's referenced row, holding the locks on both tables throughout",
                    notValid + " (SHARE UPDATE EXCLUSIVE: reads and writes go on during the scan)");
        } else if (add.kind() == ConstraintKind.CHECK && !add.notValid()) {
            at.report(Rule.ADD_CHECK, table, add.lock(), "scans the whole table to check every row", notValid);
        } else if ((add.kind() == ConstraintKind.UNIQUE || add.kind() == ConstraintKind.PRIMARY_KEY) && add.usingIndex() == null) {
            boolean primary = add.kind() == ConstraintKind.PRIMARY_KEY;
            String index = add.name() != null ? quote(add.name()) : quote(table.name() + (primary ? "_pkey" : "_key"));
            at.report(Rule.ADD_UNIQUE, table, add.lock(), "builds a unique index, reading the whole table, under the lock",
                    "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + table.sql() + " " + add.columns()
                            + " (alone in a changeset with runInTransaction=\"false\"); then ALTER TABLE " + table.sql()
                            + " ADD CONSTRAINT " + index + (primary ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + index
                            + (primary ? " (the columns must be NOT NULL already, or this sets it with a scan: see "
                                    + Rule.SET_NOT_NULL.id() + ")" : ""));
        } else if (add.kind() == ConstraintKind.PRIMARY_KEY) {
            primaryKeyUsingIndex(at, table, add);
        } else if (add.kind() == ConstraintKind.EXCLUDE) {
            at.report(Rule.ADD_EXCLUSION, table, add.lock(), "builds the constraint's index, reading the whole table, "
                    + "under the lock", Rule.ADD_EXCLUSION.alternative());
        }
    }

    /**
     * {@code ADD PRIMARY KEY USING INDEX} adopts the index in a catalog update, but first sets its columns NOT NULL:
     * each column not already NOT NULL (nor proven by a validated {@code CHECK (column IS NOT NULL)}) is checked by a
     * scan of the whole table under ACCESS EXCLUSIVE. When the index's columns are not known, that is assumed.
     */
    private static void primaryKeyUsingIndex(StatementContext at, QualifiedName table, AddConstraint add) {
        QualifiedName index = new QualifiedName(table.schema(), add.usingIndex());
        Optional<List<String>> columns = at.schema().indexColumns(index);
        List<String> nullable = columns.orElse(List.of()).stream()
                .filter(c -> !at.schema().declaredNotNull(table, c) && !at.schema().provenNotNull(table, c)).toList();
        if (columns.isPresent() && nullable.isEmpty()) {
            return;
        }
        String alterTable = "ALTER TABLE " + table.sql();
        String which = columns.isPresent() ? String.join(", ", nullable.stream().map(SqlNames::quote).toList())
                : "the columns of " + quote(add.usingIndex());
        String checks = columns.isPresent() ? nullable.stream().map(c -> NotNullCheck.checkName(table, c)
                + " CHECK (" + quote(c) + " IS NOT NULL) NOT VALID").collect(Collectors.joining(", "))
                : "<name> CHECK (<column> IS NOT NULL) NOT VALID for each of them";
        at.report(Rule.SET_NOT_NULL, table, add.lock(), "sets " + which + " NOT NULL first"
                        + (columns.isPresent() ? "" : " (unless they already are: the index is not known here)")
                        + ", scanning the whole table to check that no row holds NULL",
                alterTable + " ADD CONSTRAINT " + checks + "; in a later changeset VALIDATE each; then ALTER COLUMN ... "
                        + "SET NOT NULL (PostgreSQL 12+ skips the scan), then this ADD PRIMARY KEY USING INDEX, then "
                        + "DROP the checks");
    }

    /**
     * Constraints written in the column definition of ADD COLUMN: checked like table constraints, except a
     * REFERENCES on a column without a default, whose rows are all NULL: PostgreSQL skips that validation.
     */
    private static void inline(StatementContext at, QualifiedName table, ColumnDefinition column) {
        String alter = "ALTER TABLE " + table.sql();
        String add = alter + " ADD COLUMN " + quote(column.name()) + " " + column.type();
        if (column.references() != null && column.defaultExpression() != null) {
            at.report(Rule.ADD_FOREIGN_KEY, table.toString(), at.lockDuring(table, LockLevel.ACCESS_EXCLUSIVE),
                    at.where(table, LockLevel.ACCESS_EXCLUSIVE) + " and " + column.references()
                            + " (SHARE ROW EXCLUSIVE on the referenced table)",
                    "checks the new column's REFERENCES with a scan of the whole table, under the lock",
                    add + " without REFERENCES; then " + alter + " ADD CONSTRAINT <name> FOREIGN KEY (" + quote(column.name())
                            + ") REFERENCES " + column.references().sql() + " NOT VALID; then, in a later changeset, "
                            + alter + " VALIDATE CONSTRAINT <name>");
        }
        if (column.check()) {
            at.report(Rule.ADD_CHECK, table, LockLevel.ACCESS_EXCLUSIVE, "checks the new column's CHECK with a scan of the "
                            + "whole table, under the lock",
                    add + " without the CHECK; then " + alter + " ADD CONSTRAINT <name> CHECK (...) NOT VALID; then, in a "
                            + "later changeset, " + alter + " VALIDATE CONSTRAINT <name>");
        }
        if (column.unique() || column.primaryKey()) {
            at.report(Rule.ADD_UNIQUE, table, LockLevel.ACCESS_EXCLUSIVE, "builds a unique index, reading the whole table, "
                    + "under the lock", add + " without " + (column.primaryKey() ? "PRIMARY KEY" : "UNIQUE") + "; then "
                            + Rule.ADD_UNIQUE.alternative());
        }
    }
}
