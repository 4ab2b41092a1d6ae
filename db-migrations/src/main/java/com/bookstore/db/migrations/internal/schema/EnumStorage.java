package com.bookstore.db.migrations.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.literal;

/**
 * A column switching between {@code @Enumerated(ORDINAL)} (a small integer) and {@code STRING} (the constant's
 * name): the conversion maps each stored value to the same constant, in the enum's declaration order, instead of
 * casting {@code 0} to {@code '0'}.
 */
record EnumStorage(String column, List<String> constants) {

    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
    private static final Set<String> TEXTS = Set.of("varchar", "bpchar", "text");

    static boolean converts(ColumnType from, ColumnType to) {
        return INTEGERS.contains(from.base()) && isText(to) || isText(from) && INTEGERS.contains(to.base());
    }

    static boolean isText(ColumnType type) {
        return TEXTS.contains(type.base());
    }

    String toNames() {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            cases.add("WHEN " + i + " THEN " + literal(constants.get(i)));
        }
        return "CASE " + column + " " + String.join(" ", cases) + " END";
    }

    String toOrdinals() {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            cases.add("WHEN " + literal(constants.get(i)) + " THEN " + i);
        }
        return "CASE " + column + " " + String.join(" ", cases) + " END";
    }

    /** Counts the rows whose stored value maps to no constant (they would become NULL). */
    String unknownValues(String table, boolean storedAsNames) {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            known.add(storedAsNames ? literal(constants.get(i)) : String.valueOf(i));
        }
        return "SELECT count(*) FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column + " NOT IN ("
                + String.join(", ", known) + ")";
    }

    String describe() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            pairs.add(i + " = " + constants.get(i));
        }
        return String.join(", ", pairs);
    }
}
