package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.Action.AlterType;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;
import com.bookstore.db.migrations.internal.schema.ColumnType;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether {@code ALTER COLUMN ... TYPE} rewrites the table. PostgreSQL skips the rewrite (and keeps the indexes) only
 * when the conversion is binary-coercible or a length coercion its support functions prove lossless: varchar to a
 * longer or unbounded varchar or to text, text to unbounded varchar, numeric to a larger precision with the same scale
 * or to unconstrained numeric, a time type to a larger or the default precision. Every other change between types it
 * knows rewrites; a change it cannot judge (the old type unknown, a user type) is "may rewrite", never "safe".
 */
final class TypeChange {

    /** How much work the change does under its ACCESS EXCLUSIVE lock. */
    enum Cost { NONE, NO_REWRITE, INDEX_REBUILD, MAY_REWRITE, REWRITE }

    /** The cost and the reason, for the report. */
    record Verdict(Cost cost, String why) {
    }

    /** Types whose conversions the rules above cover: a change between two of them that is not listed rewrites. */
    private static final Set<String> KNOWN = Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "varchar",
            "bpchar", "text", "boolean", "date", "timestamp", "timestamptz", "time", "timetz", "interval", "uuid", "json",
            "jsonb", "bytea", "money");

    private static final Set<String> TIME_ZONE_PAIR = Set.of("timestamp", "timestamptz");
    private static final Set<String> TIME = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");
    private static final int MAX_TIME_PRECISION = 6;
    private static final Pattern PRECISION = Pattern.compile("\\(\\s*(\\d+)\\s*\\)");

    private TypeChange() {
    }

    /** A type with what decides a rewrite: base name, length or precision, scale, fractional-second precision. */
    private record PgType(String text, String base, Integer length, Integer scale, Integer precision) {

        static PgType parse(String text) {
            String lower = text.strip().replaceFirst("(?i)^pg_catalog\\.", "");
            ColumnType type = ColumnType.parse(lower);
            Integer precision = null;
            if (TIME.contains(type.base())) {
                Matcher m = PRECISION.matcher(lower);
                precision = m.find() ? Integer.valueOf(m.group(1)) : null;
            }
            Integer scale = type.base().equals("numeric") && type.length() != null && type.scale() == null ? Integer.valueOf(0)
                    : type.scale();
            return new PgType(text.strip(), type.base(), TIME.contains(type.base()) ? null : type.length(), scale, precision);
        }

        boolean sameAs(PgType other) {
            return base.equals(other.base) && Objects.equals(length, other.length) && Objects.equals(scale, other.scale)
                    && Objects.equals(effectivePrecision(), other.effectivePrecision());
        }

        /** timestamp and timestamp(6) are the same type. */
        Integer effectivePrecision() {
            return precision == null ? Integer.valueOf(MAX_TIME_PRECISION) : precision;
        }
    }

    /**
     * @param old the column's type before the change, null when not known
     * @param change the ALTER COLUMN ... TYPE
     */
    static Verdict of(KnownSchema.ColumnInfo old, AlterType change) {
        PgType to = PgType.parse(change.type());
        if (change.using() != null && !plainUsing(change.using(), change.column(), to)) {
            return new Verdict(Cost.REWRITE, "the USING expression is computed for every row");
        }
        if (old == null) {
            return new Verdict(Cost.MAY_REWRITE, "the column's current type is not known here, so whether PostgreSQL can "
                    + "skip the rewrite is not known (it skips it only for widening changes such as varchar(n) to "
                    + "varchar(m > n) or text)");
        }
        PgType from = PgType.parse(old.type());
        String fromTo = from.text() + " to " + to.text();
        boolean collationChanges = change.collation() != null && !sameCollation(old.collation(), change.collation());
        if (from.sameAs(to)) {
            return collationChanges
                    ? new Verdict(Cost.INDEX_REBUILD, "the collation changes, so every index on the column is rebuilt")
                    : new Verdict(Cost.NONE, "the type does not change");
        }
        if (TIME_ZONE_PAIR.contains(from.base()) && TIME_ZONE_PAIR.contains(to.base()) && !from.base().equals(to.base())) {
            return binaryCoercible(new PgType(from.text(), to.base(), null, null, from.precision()), to)
                    ? new Verdict(Cost.MAY_REWRITE, fromTo + ": PostgreSQL skips the rewrite only when the session's "
                            + "TimeZone is UTC")
                    : new Verdict(Cost.REWRITE, fromTo + " with fewer fractional digits");
        }
        if (binaryCoercible(from, to)) {
            return collationChanges
                    ? new Verdict(Cost.INDEX_REBUILD, fromTo + " needs no rewrite, but the collation changes, so every "
                            + "index on the column is rebuilt")
                    : new Verdict(Cost.NO_REWRITE, fromTo + ": PostgreSQL only updates the catalog");
        }
        if (KNOWN.contains(from.base()) && KNOWN.contains(to.base())) {
            return new Verdict(Cost.REWRITE, fromTo + " converts every stored value");
        }
        return new Verdict(Cost.MAY_REWRITE, fromTo + ": the analyser does not know whether PostgreSQL converts "
                + "this without a rewrite (only binary-coercible changes skip it)");
    }

    private static boolean binaryCoercible(PgType from, PgType to) {
        String a = from.base();
        String b = to.base();
        if (a.equals("varchar") && b.equals("varchar")) {
            return to.length() == null || from.length() != null && to.length() >= from.length();
        }
        if (a.equals("varchar") && b.equals("text")) {
            return true;
        }
        if (a.equals("text") && b.equals("varchar")) {
            return to.length() == null;
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            return to.length() == null
                    || from.length() != null && Objects.equals(from.scale(), to.scale()) && to.length() >= from.length();
        }
        if (a.equals(b) && TIME.contains(a)) {
            return to.precision() == null || to.precision() == MAX_TIME_PRECISION
                    || from.precision() != null && to.precision() >= from.precision();
        }
        return false;
    }

    private static boolean sameCollation(String old, String neu) {
        return normalCollation(old).equals(normalCollation(neu));
    }

    private static String normalCollation(String collation) {
        if (collation == null) {
            return "default";
        }
        String plain = collation.strip().replaceFirst("(?i)^pg_catalog\\.", "").replace("\"", "");
        return plain.equalsIgnoreCase("default") ? "default" : plain;
    }

    /**
     * Whether the USING expression is the column itself, or the column cast to the new type ({@code col::type},
     * {@code CAST(col AS type)}, Liquibase's {@code (col::TYPE)}): the same conversion PostgreSQL makes without USING.
     */
    private static boolean plainUsing(List<Token> using, String column, PgType to) {
        List<Token> e = Tokens.withoutParentheses(using);
        if (e.size() == 1) {
            return e.get(0).isIdentifier() && e.get(0).value().equals(column);
        }
        if (e.size() >= 3 && e.get(0).isIdentifier() && e.get(0).value().equals(column) && e.get(1).isSymbol("::")) {
            return PgType.parse(words(e.subList(2, e.size()))).sameAs(to);
        }
        if (e.size() >= 6 && e.get(0).isWord("cast") && e.get(1).isSymbol("(") && e.get(2).isIdentifier()
                && e.get(2).value().equals(column) && e.get(3).isWord("as") && e.get(e.size() - 1).isSymbol(")")) {
            return PgType.parse(words(e.subList(4, e.size() - 1))).sameAs(to);
        }
        return false;
    }

    private static String words(List<Token> tokens) {
        return tokens.stream().map(Token::value).collect(Collectors.joining(" "));
    }
}
