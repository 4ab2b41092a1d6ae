package com.bookstore.db.migrations.internal.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PostgreSQL converts a column from one type to another: whether {@code ALTER COLUMN ... TYPE} needs an explicit
 * {@code USING} cast (only across type families, so that a widening keeps PostgreSQL's no-rewrite path), and whether
 * a time type loses fractional digits.
 */
final class TypeConversions {

    private static final Pattern TIME = Pattern.compile("^(timestamp|time)(?:\\((\\d)\\))? with(out)? time zone$");

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("varchar", "text"), Map.entry("bpchar", "text"), Map.entry("text", "text"),
            Map.entry("int2", "number"), Map.entry("int4", "number"), Map.entry("int8", "number"),
            Map.entry("numeric", "number"), Map.entry("float4", "number"), Map.entry("float8", "number"),
            Map.entry("timestamp", "timestamp"), Map.entry("timestamptz", "timestamp"),
            Map.entry("time", "time"), Map.entry("timetz", "time"));

    private TypeConversions() {
    }

    static boolean needsUsing(String from, String to) {
        String a = FAMILIES.get(ColumnType.parse(from).base());
        String b = FAMILIES.get(ColumnType.parse(to).base());
        return a == null || !a.equals(b);
    }

    /** Whether the column's values belong to the text family (and so take a collation). */
    static boolean isText(String type) {
        return "text".equals(FAMILIES.get(ColumnType.parse(type).base()));
    }

    /**
     * {@code timestamp} ↔ {@code timestamptz}: PostgreSQL converts in the session's TimeZone unless told; the model
     * stores UTC ({@code SchemaMapping}), so the conversion says so.
     */
    static boolean zoneChange(String from, String to) {
        String a = ColumnType.parse(from).base();
        String b = ColumnType.parse(to).base();
        return a.equals("timestamp") && b.equals("timestamptz") || a.equals("timestamptz") && b.equals("timestamp");
    }

    /** The digits kept when a time type's fractional precision shrinks, else null. */
    static Integer lostFractionalDigits(String from, String to) {
        Matcher a = TIME.matcher(from);
        Matcher b = TIME.matcher(to);
        if (!a.matches() || !b.matches()) {
            return null;
        }
        int before = a.group(2) == null ? 6 : Integer.parseInt(a.group(2));
        int after = b.group(2) == null ? 6 : Integer.parseInt(b.group(2));
        return after < before ? after : null;
    }
}
