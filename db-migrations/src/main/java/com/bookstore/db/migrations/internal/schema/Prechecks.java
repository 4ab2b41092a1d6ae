package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.Catalog.Column;
import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.literal;
import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * The queries that count, before a revision runs, the existing rows that would make one of its changes fail: NULLs
 * for {@code SET NOT NULL}, duplicates for a unique or primary key, orphans for a foreign key, rows a CHECK rejects,
 * values too long for a narrower {@code varchar}, stored enum values about to be removed. {@code upgrade} then stops
 * before changing anything and says how many rows are in the way, instead of failing half-way on PostgreSQL's error.
 * Each query returns one number; null means the change cannot be checked ahead (and is not).
 */
final class Prechecks {

    private static final Pattern CHECK = Pattern.compile("^CHECK \\((.*)\\)(?: NO INHERIT)?(?: NOT VALID)?$", Pattern.DOTALL);

    private Prechecks() {
    }

    static String rows(Table table) {
        return "SELECT count(*) FROM " + table.name().sql();
    }

    static String nulls(Table table, String column) {
        return rows(table) + " WHERE " + quote(column) + " IS NULL";
    }

    static String tooLong(Table table, String column, ColumnType from, ColumnType to) {
        boolean text = from.base().equals("varchar") || from.base().equals("bpchar") || from.base().equals("text");
        boolean narrowText = to.base().equals("varchar") || to.base().equals("bpchar");
        if (!text || !narrowText || to.length() == null) {
            return null;
        }
        return rows(table) + " WHERE length(" + quote(column) + ") > " + to.length();
    }

    static String holding(Catalog current, String typeSql, List<String> values) {
        List<String> counts = new ArrayList<>();
        String in = String.join(", ", values.stream().map(v -> literal(v)).toList());
        for (Table table : current.tables().values()) {
            for (Column column : table.columns()) {
                if (column.type().equals(typeSql)) {
                    counts.add("(" + rows(table) + " WHERE " + quote(column.name()) + "::text IN (" + in + "))");
                }
            }
        }
        return counts.isEmpty() ? null : "SELECT " + String.join(" + ", counts);
    }

    /** The rows of {@code table} that adding {@code constraint} would reject, or null when that cannot be asked. */
    static String violating(Table table, Constraint constraint, Catalog current) {
        List<String> columns = constraint.columns().stream().map(c -> quote(c)).toList();
        String notNull = String.join(" AND ", columns.stream().map(c -> c + " IS NOT NULL").toList());
        return switch (constraint.kind()) {
            case 'u' -> duplicates(table, columns, notNull);
            case 'p' -> "SELECT (" + rows(table) + " WHERE " + String.join(" OR ", columns.stream().map(c -> c + " IS NULL").toList())
                    + ") + (" + duplicates(table, columns, notNull) + ")";
            case 'f' -> orphans(table, constraint, columns, notNull, current);
            case 'c' -> {
                Matcher m = CHECK.matcher(constraint.definition());
                yield m.matches() ? rows(table) + " WHERE NOT coalesce((" + m.group(1) + "), true)" : null;
            }
            default -> null;
        };
    }

    static String why(Table table, Constraint constraint) {
        return switch (constraint.kind()) {
            case 'u', 'p' -> "of " + table.name() + " hold NULL or share a value of (" + String.join(", ", constraint.columns()) + ")";
            case 'f' -> "of " + table.name() + " reference no row of " + constraint.referencedTable();
            default -> "of " + table.name() + " violate " + constraint.definition();
        };
    }

    private static String duplicates(Table table, List<String> columns, String notNull) {
        String list = String.join(", ", columns);
        return "SELECT coalesce(sum(k), 0) FROM (SELECT count(*) AS k FROM " + table.name().sql() + " WHERE " + notNull
                + " GROUP BY " + list + " HAVING count(*) > 1) AS duplicates";
    }

    private static String orphans(Table table, Constraint constraint, List<String> columns, String notNull, Catalog current) {
        QualifiedName target = constraint.referencedTable();
        Table referenced = target == null ? null : current.table(target).orElse(null);
        if (referenced == null || constraint.referencedColumns().size() != columns.size()
                || !constraint.referencedColumns().stream().allMatch(c -> referenced.column(c).isPresent())) {
            return null; // the referenced table or key is created by the same revision: nothing to look up yet
        }
        List<String> join = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            join.add("r." + quote(constraint.referencedColumns().get(i)) + " = c." + columns.get(i));
        }
        return "SELECT count(*) FROM " + table.name().sql() + " AS c WHERE " + notNull
                + " AND NOT EXISTS (SELECT 1 FROM " + target.sql() + " AS r WHERE " + String.join(" AND ", join) + ")";
    }
}
