package com.bookstore.db.migrations.internal.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in canonical form ({@code int8}, {@code varchar(200)}, {@code numeric(12,2)},
 * {@code timestamptz}), whatever alias Liquibase or Hibernate wrote, and whether changing one type into another can
 * lose data.
 */
public record ColumnType(String base, Integer length, Integer scale) {

    private static final Pattern TYPE = Pattern.compile("^\\s*([a-z0-9_ ]+?)\\s*(?:\\(\\s*(\\*|\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(with(?:out)? time zone)?\\s*$");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("serial", "int4"),
            Map.entry("bigint", "int8"), Map.entry("bigserial", "int8"),
            Map.entry("smallint", "int2"), Map.entry("smallserial", "int2"),
            Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"),
            Map.entry("double precision", "float8"), Map.entry("double", "float8"), Map.entry("real", "float4"),
            Map.entry("float", "float8"),
            // Liquibase's database-neutral names, as its snapshots print them
            Map.entry("clob", "text"), Map.entry("number", "numeric"), Map.entry("nvarchar", "varchar"),
            Map.entry("datetime", "timestamp"));

    private static final Map<String, Integer> INTEGER_WIDTH = Map.of("int2", 2, "int4", 4, "int8", 8);

    /** Parses what Liquibase ({@code VARCHAR(100)}, {@code BIGINT}, {@code TIMESTAMP WITH TIME ZONE}) or PostgreSQL writes. */
    public static ColumnType parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("\\s+(byte|char)\\)", ")").strip();
        Matcher m = TYPE.matcher(lower);
        if (!m.matches()) {
            return new ColumnType(lower, null, null);
        }
        String base = ALIASES.getOrDefault(m.group(1), m.group(1));
        String zone = m.group(4);
        if (base.equals("timestamp") || base.equals("time")) {
            base = "with time zone".equals(zone) ? base + "tz" : base;
        }
        Integer length = m.group(2) == null || m.group(2).equals("*") ? null : Integer.valueOf(m.group(2));
        Integer scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (base.startsWith("timestamp") || base.startsWith("time")) {
            length = null; // fractional precision: 6 by default, not a width
        }
        return new ColumnType(base, length, scale);
    }

    /** Whether every value of {@code this} type fits, unchanged, into {@code target}. */
    public boolean fitsInto(ColumnType target) {
        if (equals(target)) {
            return true;
        }
        if (INTEGER_WIDTH.containsKey(base) && INTEGER_WIDTH.containsKey(target.base)) {
            return INTEGER_WIDTH.get(base) <= INTEGER_WIDTH.get(target.base);
        }
        if (isText() && target.base.equals("text")) {
            return true;
        }
        if (base.equals(target.base) && (base.equals("varchar") || base.equals("bpchar"))) {
            return target.length == null || (length != null && length <= target.length);
        }
        if (base.equals("varchar") && target.base.equals("varchar")) {
            return target.length == null;
        }
        if (base.equals("numeric") && target.base.equals("numeric")) {
            if (target.length == null) {
                return true;
            }
            if (length == null) {
                return false;
            }
            int s = scale == null ? 0 : scale;
            int ts = target.scale == null ? 0 : target.scale;
            return ts >= s && target.length - ts >= length - s;
        }
        if (INTEGER_WIDTH.containsKey(base) && target.base.equals("numeric")) {
            return target.length == null;
        }
        if (base.equals("timestamp") && target.base.equals("timestamptz")) {
            return true;
        }
        return base.equals("float4") && target.base.equals("float8");
    }

    private boolean isText() {
        return base.equals("varchar") || base.equals("bpchar") || base.equals("text");
    }

    private static final Map<String, String> SQL_NAMES = Map.of("int2", "smallint", "int4", "integer", "int8", "bigint",
            "timestamptz", "timestamp with time zone", "timetz", "time with time zone", "bpchar", "char",
            "float8", "double precision", "float4", "real");

    /** The type as PostgreSQL DDL writes it: {@code bigint}, {@code varchar(200)}, {@code timestamp with time zone}. */
    public String sql() {
        String name = SQL_NAMES.getOrDefault(base, base);
        if (length == null) {
            return name;
        }
        return name + "(" + length + (scale == null ? "" : "," + scale) + ")";
    }

    @Override
    public String toString() {
        return sql();
    }
}
