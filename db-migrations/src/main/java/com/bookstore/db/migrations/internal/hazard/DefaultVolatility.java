package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;

import java.util.List;
import java.util.Set;

/**
 * Whether a column default is volatile. Since PostgreSQL 11, {@code ADD COLUMN ... DEFAULT} with a non-volatile
 * default (a constant, {@code now()}) stores the value once in the catalog; a volatile one ({@code random()},
 * {@code clock_timestamp()}, {@code gen_random_uuid()}, {@code nextval(...)}) is computed for every row, which
 * rewrites the table. A function the analyser does not know could be either, and is reported as such.
 */
final class DefaultVolatility {

    /** What the default is. */
    enum Kind { NOT_VOLATILE, VOLATILE, UNKNOWN }

    /** The kind and the function that decided it (null for a constant). */
    record Verdict(Kind kind, String function) {
    }

    private static final Set<String> VOLATILE = Set.of("random", "clock_timestamp", "timeofday", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "setseed",
            "gen_random_bytes", "random_normal");

    /** Stable or immutable built-ins, and keywords that take parentheses without being volatile functions. */
    private static final Set<String> NOT_VOLATILE = Set.of("now", "statement_timestamp", "transaction_timestamp",
            "current_timestamp", "localtimestamp", "current_time", "localtime", "current_setting", "timezone", "lower",
            "upper", "trim", "btrim", "ltrim", "rtrim", "concat", "concat_ws", "length", "char_length", "substring", "substr",
            "replace", "md5", "abs", "round", "floor", "ceil", "ceiling", "to_char", "to_date", "to_timestamp", "to_number",
            "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "date_trunc", "date_part",
            "extract", "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "to_json",
            "to_jsonb", "cast", "coalesce", "nullif", "greatest", "least", "row", "array", "interval");

    private DefaultVolatility() {
    }

    static Verdict of(List<Token> expression) {
        Verdict verdict = new Verdict(Kind.NOT_VOLATILE, null);
        int i = 0;
        while (i < expression.size()) {
            Token token = expression.get(i);
            if (token.isSymbol("::") || token.isWord("as")) {
                i = afterType(expression, i + 1); // varchar(20) after '::' or CAST(... AS is a type, not a call
                continue;
            }
            boolean call = token.isIdentifier() && i + 1 < expression.size() && expression.get(i + 1).isSymbol("(");
            if (call && VOLATILE.contains(token.value())) {
                return new Verdict(Kind.VOLATILE, token.value() + "()");
            }
            if (call && !NOT_VOLATILE.contains(token.value())) {
                verdict = new Verdict(Kind.UNKNOWN, token.value() + "()");
            }
            i++;
        }
        return verdict;
    }

    /** The index after a type name: words, dots, one parenthesised modifier, array brackets, more words. */
    private static int afterType(List<Token> expression, int start) {
        int i = start;
        boolean modifierRead = false;
        while (i < expression.size()) {
            Token token = expression.get(i);
            if (token.isIdentifier() && !token.isWord("as") || token.isSymbol(".") || token.isSymbol("[") || token.isSymbol("]")) {
                i++;
            } else if (token.isSymbol("(") && !modifierRead && i > start) {
                modifierRead = true;
                while (i < expression.size() && !expression.get(i).isSymbol(")")) {
                    i++;
                }
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
