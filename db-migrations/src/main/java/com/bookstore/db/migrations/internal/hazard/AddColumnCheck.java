package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;

import java.util.Locale;
import java.util.Set;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * {@code ADD COLUMN} is a catalog update (PostgreSQL 11+) unless each existing row needs its own value: a volatile
 * default, a serial type (its default is {@code nextval}), an identity, or a stored generated column. Then the whole
 * table is rewritten under ACCESS EXCLUSIVE.
 */
final class AddColumnCheck implements HazardCheck {

    private static final Set<String> SERIAL = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

    @Override
    public void check(Statement statement, StatementContext at) {
        if (!(statement instanceof AlterTable alter) || !at.existing(alter.table())) {
            return;
        }
        for (Action action : alter.actions()) {
            if (action instanceof AddColumn add) {
                ColumnDefinition column = add.column();
                PerRowValue value = perRowValue(column);
                if (value != null) {
                    at.report(Rule.ADD_COLUMN_VOLATILE_DEFAULT, alter.table(), add.lock(),
                            (value.certain() ? "rewrites the whole table and rebuilds" : "may rewrite the whole table and "
                                    + "rebuild") + " all its indexes under the lock: " + value.why(),
                            "ALTER TABLE " + alter.table().sql() + " ADD COLUMN " + quote(column.name()) + " <type> without "
                                    + "that default (NULL or a constant: no rewrite); then SET DEFAULT for new rows, and "
                                    + "fill the existing rows in batches in later changesets");
                }
            }
        }
    }

    /** Why every existing row would get its own value, and whether that is certain. */
    private record PerRowValue(boolean certain, String why) {
    }

    /** Null when the column is added in the catalog only. */
    private static PerRowValue perRowValue(ColumnDefinition column) {
        if (SERIAL.contains(column.type().strip().toLowerCase(Locale.ROOT))) {
            return new PerRowValue(true, column.type() + " takes its default from nextval(), computed for every row");
        }
        if (column.identity()) {
            return new PerRowValue(true, "an identity column gets a new value for every row");
        }
        if (column.storedGenerated()) {
            return new PerRowValue(true, "a stored generated column is computed and stored for every row");
        }
        if (column.defaultExpression() != null) {
            DefaultVolatility.Verdict verdict = DefaultVolatility.of(column.defaultExpression());
            if (verdict.kind() == DefaultVolatility.Kind.VOLATILE) {
                return new PerRowValue(true, "the default " + verdict.function() + " is volatile, so it is computed for "
                        + "every row");
            }
            if (verdict.kind() == DefaultVolatility.Kind.UNKNOWN) {
                return new PerRowValue(false, "the default calls " + verdict.function() + ", whose volatility the "
                        + "analyser does not know (a VOLATILE function is computed for every row)");
            }
        }
        return null;
    }
}
