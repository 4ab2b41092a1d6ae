package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog.SequenceOptions;

import java.util.ArrayList;
import java.util.List;

/** Sequence parameters as SQL: only the ones that differ from PostgreSQL's defaults when creating, all when altering. */
final class SequenceSql {

    private SequenceSql() {
    }

    /** {@code AS bigint START WITH 1000 INCREMENT BY 20 ...}, each parameter that PostgreSQL would not choose by itself. */
    static String create(SequenceOptions options) {
        String parameters = String.join(" ", nonDefault(options, true));
        return parameters.isEmpty() ? "" : " " + parameters;
    }

    /** The parameters of an identity column's sequence (its type follows the column's). */
    static String identityOptions(SequenceOptions options) {
        return options == null ? "" : String.join(" ", nonDefault(options, false));
    }

    /** Every parameter, so that the sequence ends exactly as described whatever it was. */
    static String alter(SequenceOptions o) {
        return " AS " + o.dataType() + " INCREMENT BY " + o.increment() + " MINVALUE " + o.min() + " MAXVALUE " + o.max()
                + " START WITH " + o.start() + " CACHE " + o.cache() + (o.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /** {@code SET ...} clauses of {@code ALTER COLUMN} for the identity parameters that differ, or empty. */
    static String identityAlter(SequenceOptions have, SequenceOptions want) {
        List<String> set = new ArrayList<>();
        if (have.increment() != want.increment()) {
            set.add("SET INCREMENT BY " + want.increment());
        }
        if (have.min() != want.min()) {
            set.add("SET MINVALUE " + want.min());
        }
        if (have.max() != want.max()) {
            set.add("SET MAXVALUE " + want.max());
        }
        if (have.start() != want.start()) {
            set.add("SET START WITH " + want.start());
        }
        if (have.cache() != want.cache()) {
            set.add("SET CACHE " + want.cache());
        }
        if (have.cycle() != want.cycle()) {
            set.add(want.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        return set.isEmpty() ? "" : " " + String.join(" ", set);
    }

    static String describe(SequenceOptions o) {
        return "start " + o.start() + ", increment " + o.increment();
    }

    private static List<String> nonDefault(SequenceOptions o, boolean withType) {
        List<String> parts = new ArrayList<>();
        if (withType && !o.dataType().equals("bigint")) {
            parts.add("AS " + o.dataType());
        }
        long typeMax = switch (o.dataType()) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = switch (o.dataType()) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        boolean ascending = o.increment() > 0;
        long defaultMin = ascending ? 1 : typeMin;
        long defaultMax = ascending ? typeMax : -1;
        if (o.start() != (ascending ? o.min() : o.max())) {
            parts.add("START WITH " + o.start());
        }
        if (o.increment() != 1) {
            parts.add("INCREMENT BY " + o.increment());
        }
        if (o.min() != defaultMin) {
            parts.add("MINVALUE " + o.min());
        }
        if (o.max() != defaultMax) {
            parts.add("MAXVALUE " + o.max());
        }
        if (o.cache() != 1) {
            parts.add("CACHE " + o.cache());
        }
        if (o.cycle()) {
            parts.add("CYCLE");
        }
        return parts;
    }
}
