package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateTable;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.DataChange;
import com.bookstore.db.migrations.internal.hazard.Statement.DropIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.DropSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.DropTable;
import com.bookstore.db.migrations.internal.hazard.Statement.Harmless;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.SetLockTimeout;
import com.bookstore.db.migrations.internal.hazard.Statement.TableLock;
import com.bookstore.db.migrations.internal.hazard.Statement.Unknown;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies one statement by its leading keywords and reads the shapes whose locks matter (CREATE/DROP INDEX,
 * CREATE/DROP/ALTER TABLE, TRUNCATE, LOCK, ...). The list of harmless kinds is closed: a statement that is neither
 * read nor listed is {@link Unknown}, so an unfamiliar statement is reported, never waved through.
 */
final class StatementParser {

    /** Kinds of CREATE that make a new object without a blocking lock on an existing table. */
    private static final Set<String> HARMLESS_CREATE = Set.of("schema", "type", "extension", "function",
            "procedure", "view", "materialized", "recursive", "domain", "collation", "aggregate", "operator", "cast",
            "trigger", "constraint", "rule", "role", "user", "group", "policy", "publication", "statistics", "text",
            "language", "event", "transform", "conversion", "server", "foreign");

    /** Kinds of DROP that remove no table and no column (unless CASCADE, which is not analysed). */
    private static final Set<String> HARMLESS_DROP = Set.of("type", "schema", "view", "materialized",
            "function", "procedure", "routine", "extension", "trigger", "policy", "rule", "domain", "role", "user", "group",
            "aggregate", "operator", "cast", "collation", "publication", "statistics", "text", "server", "event", "language",
            "foreign", "transform", "conversion");

    /** Kinds of ALTER that change no table. */
    private static final Set<String> HARMLESS_ALTER = Set.of("schema", "view", "function", "procedure",
            "routine", "default", "role", "user", "group", "policy", "trigger", "publication", "statistics");

    /** Statements that read or write rows without a lock that blocks the service's reads or writes. */
    private static final Set<String> DATA = Set.of("select", "insert", "update", "delete", "with", "values", "merge", "copy",
            "table", "explain", "analyze", "analyse", "notify", "listen", "reset", "show", "grant", "revoke", "checkpoint");

    private StatementParser() {
    }

    static Statement parse(Tokens t) {
        t.reset(0);
        Statement statement = read(t);
        return statement == null ? unknown(t) : statement;
    }

    private static Statement read(Tokens t) {
        Token first = t.peek();
        if (first == null) {
            return new Harmless("empty statement");
        }
        if (t.accept("create")) {
            return create(t);
        }
        if (t.accept("drop")) {
            return drop(t);
        }
        if (t.accept("alter")) {
            return alter(t);
        }
        if (t.accept("comment", "on")) {
            return new Harmless("COMMENT ON");
        }
        if (t.accept("set")) {
            if (!t.accept("session")) {
                t.accept("local");
            }
            return t.peekWords("lock_timeout") ? new SetLockTimeout() : new Harmless("SET");
        }
        Statement change = dataChange(t);
        if (change != null) {
            return change;
        }
        t.reset(0);
        if (first.kind() == SqlLexer.Kind.WORD && DATA.contains(first.value())) {
            Statement reading = readingThatRuns(t.all());
            return reading != null ? reading : new Harmless(first.value().toUpperCase(java.util.Locale.ROOT));
        }
        if (t.accept("vacuum")) {
            return hasWord(t, "full") ? new TableLock("VACUUM FULL", namesAfterOptions(t), LockLevel.ACCESS_EXCLUSIVE,
                    "rewrites the whole table and rebuilds its indexes") : new Harmless("VACUUM", true);
        }
        if (t.accept("truncate")) {
            t.accept("table");
            return new TableLock("TRUNCATE", nameList(t), LockLevel.ACCESS_EXCLUSIVE, "empties the table");
        }
        if (t.accept("lock")) {
            return lock(t);
        }
        if (t.accept("cluster")) {
            return new TableLock("CLUSTER", namesAfterOptions(t), LockLevel.ACCESS_EXCLUSIVE,
                    "rewrites the whole table in index order and rebuilds its indexes");
        }
        if (t.accept("reindex")) {
            return reindex(t);
        }
        if (t.accept("refresh", "materialized", "view")) {
            if (t.accept("concurrently")) {
                return new Harmless("REFRESH MATERIALIZED VIEW CONCURRENTLY");
            }
            return new TableLock("REFRESH MATERIALIZED VIEW", nameList(t), LockLevel.ACCESS_EXCLUSIVE,
                    "recomputes the materialized view; every query of it waits");
        }
        return null;
    }

    /**
     * {@code UPDATE [ONLY] t}, {@code DELETE FROM [ONLY] t}, {@code MERGE INTO [ONLY] t}, {@code INSERT INTO t ...
     * SELECT}, {@code COPY t FROM}, and a {@code WITH} whose parts or main statement write ({@link #writingWith});
     * null for other statements, an {@code INSERT ... VALUES} (a few rows) or a target not understood (then read as
     * data, as before).
     */
    private static Statement dataChange(Tokens t) {
        if (t.peekWords("with")) {
            return writingWith(t);
        }
        if (t.accept("copy")) {
            QualifiedName table = t.name();
            boolean columns = table != null && t.peek() != null && t.peek().isSymbol("(");
            if (columns && !t.skipParentheses()) {
                return null;
            }
            return table != null && t.peekWords("from") ? new DataChange("COPY ... FROM", List.of(table)) : null;
        }
        String what = write(t);
        if (what == null || (what.startsWith("INSERT") && !hasWord(t, "select"))) {
            return null;
        }
        t.accept("only");
        QualifiedName table = t.name();
        return table == null ? null : new DataChange(what, List.of(table));
    }

    /**
     * A {@code WITH} statement that writes: every {@code UPDATE}, {@code DELETE FROM}, {@code MERGE INTO} or
     * {@code INSERT INTO} in it, in a common table expression or as the main statement, is a data change of its table
     * (a writing CTE runs to completion whatever the main statement reads). {@code FOR UPDATE}, {@code ON CONFLICT DO
     * UPDATE} and {@code MERGE}'s {@code THEN UPDATE} name no table of their own and are not counted again.
     */
    private static Statement writingWith(Tokens t) {
        Set<String> kinds = new java.util.LinkedHashSet<>();
        Set<QualifiedName> tables = new java.util.LinkedHashSet<>();
        List<Token> tokens = t.all();
        for (int i = 0; i < tokens.size(); i++) {
            Token previous = i == 0 ? null : tokens.get(i - 1);
            if (previous != null && (previous.isWord("for") || previous.isWord("do") || previous.isWord("then")
                    || previous.isWord("key"))) {
                continue;
            }
            t.reset(i);
            String what = write(t);
            if (what == null) {
                continue;
            }
            t.accept("only");
            QualifiedName table = t.name();
            if (table != null) {
                kinds.add(what.startsWith("INSERT") ? "INSERT" : what);
                tables.add(table);
            }
        }
        return tables.isEmpty() ? null : new DataChange("WITH ... " + String.join("/", kinds), List.copyOf(tables));
    }

    /**
     * Words followed by a parenthesis that are not function calls: keywords, and what takes a parenthesised list.
     */
    /** The statements of {@link #DATA} that may call functions ({@code INSERT ... VALUES}, {@code COPY (query) TO}). */
    private static final Set<String> READS = Set.of("select", "values", "with", "table", "explain", "insert", "copy");

    /** Words followed by a parenthesis that are not function calls: keywords that take a parenthesised list. */
    private static final Set<String> NOT_CALLS = Set.of("in", "exists", "any", "all", "some", "values", "array", "row",
            "over", "filter", "within", "as", "from", "join", "on", "using", "and", "or", "not", "where", "select",
            "when", "then", "else", "by", "group", "having", "case", "is", "like", "between", "into", "lateral",
            "returning", "distinct", "union", "intersect", "except", "limit", "offset", "set", "with", "table",
            "explain", "analyze", "analyse", "verbose", "partition", "order", "window", "rows", "range", "groups",
            "materialized", "recursive", "only", "cube", "rollup", "grouping", "sets", "interval", "escape", "of",
            "conflict", "copy", "do", "update", "insert", "to");

    /**
     * Words after which a name followed by a parenthesis is not a call: a type's modifiers ({@code ::numeric(10, 2)},
     * {@code AS character varying(20)}), an alias's column list ({@code AS t(a, b)}, {@code unnest(x) u(a)},
     * {@code WITH ORDINALITY u(a, n)}), a table's column list ({@code INSERT INTO t (a)}, {@code COPY t (a) TO}), a
     * sampling method ({@code TABLESAMPLE SYSTEM (10)}).
     */
    private static final Set<String> BEFORE_NON_CALLS = Set.of("::", ")", "as", "into", "ordinality", "tablesample",
            "character", "bit", "copy");

    /**
     * Functions known to read and compute only (aggregates; string, number, date, array and JSON functions; type
     * casts written as calls), or to change nothing but a sequence ({@code setval}, {@code nextval}) or a setting of
     * the session ({@code set_config}, as pg_dump writes); any other function a statement calls may write rows, take
     * locks or change the schema.
     */
    private static final Set<String> READING_FUNCTIONS = Set.of("count", "sum", "min", "max", "avg", "bool_and",
            "bool_or", "every", "string_agg", "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
            "coalesce", "nullif", "greatest", "least", "cast", "extract", "position", "overlay", "substring", "substr",
            "trim", "btrim", "ltrim", "rtrim", "lower", "upper", "initcap", "length", "char_length", "octet_length",
            "replace", "concat", "concat_ws", "format", "left", "right", "lpad", "rpad", "split_part", "strpos", "md5",
            "regexp_replace", "regexp_match", "regexp_matches", "to_char", "to_date", "to_timestamp", "to_number",
            "date_trunc", "date_part", "age", "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
            "make_date", "make_timestamp", "make_timestamptz", "make_interval", "abs", "round", "floor", "ceil",
            "ceiling", "mod", "power", "sqrt", "random", "gen_random_uuid", "array_length", "cardinality", "unnest",
            "array_to_string", "string_to_array", "array_position", "array_append", "array_remove", "generate_series",
            "row_number", "rank", "dense_rank", "lag", "lead", "first_value", "last_value", "json_build_object",
            "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "jsonb_set",
            "jsonb_array_elements", "json_array_elements", "jsonb_array_elements_text", "json_array_elements_text",
            "jsonb_each", "json_each", "jsonb_each_text", "jsonb_object_keys", "json_object_keys", "jsonb_typeof",
            "jsonb_array_length", "jsonb_strip_nulls", "pg_typeof", "quote_ident", "quote_literal", "quote_nullable",
            "current_schema", "current_database", "current_setting", "version", "pg_get_serial_sequence", "currval",
            "nextval", "setval", "set_config", "exists", "date", "time", "timestamp", "timestamptz", "numeric",
            "decimal", "varchar", "char", "int", "integer", "bigint", "smallint", "text", "boolean", "float",
            // what data seeds call: uuid-ossp, pgcrypto, text search, more string, number and JSON functions
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuid_nil", "encode", "decode", "digest",
            "hmac", "crypt", "gen_salt", "convert_to", "convert_from", "to_tsvector", "to_tsquery", "plainto_tsquery",
            "setweight", "chr", "ascii", "repeat", "reverse", "translate", "sign", "trunc", "exp", "ln", "log", "pi",
            "array_cat", "array_prepend", "row_to_json", "jsonb_insert", "jsonb_pretty", "justify_days", "isfinite");

    /**
     * A statement that reads rows or writes a few ({@code SELECT}, {@code VALUES}, {@code WITH}, {@code INSERT ...
     * VALUES}, {@code COPY (query) TO}) but runs more than that: one calling a function the analyser does not know
     * ({@code SELECT backfill_prices()}: a function can do anything), or an {@code EXPLAIN ANALYZE} (runs the
     * statement it explains). Null otherwise.
     */
    private static Statement readingThatRuns(List<Token> tokens) {
        String first = tokens.get(0).value();
        if (!READS.contains(first)) {
            return null;
        }
        if (first.equals("explain") && explainsByRunning(tokens)) {
            return new Unknown("EXPLAIN ANALYZE (runs the statement it explains)");
        }
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token name = tokens.get(i - 1);
            if (!token.isSymbol("(") || !name.isIdentifier() || NOT_CALLS.contains(name.value())) {
                continue;
            }
            int start = i - 1; // a qualified name starts further back: schema.function
            while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
                start -= 2;
            }
            Token before = start > 0 ? tokens.get(start - 1) : null;
            if (before != null && BEFORE_NON_CALLS.contains(before.value())
                    && (before.kind() == SqlLexer.Kind.SYMBOL || before.kind() == SqlLexer.Kind.WORD)) {
                continue;
            }
            if (definesCommonTable(tokens, i)) {
                continue; // WITH t(a, b) AS (...): the columns of a common table expression
            }
            boolean qualified = start < i - 1;
            boolean catalog = qualified && start == i - 3 && tokens.get(start).isWord("pg_catalog");
            if (name.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER || (qualified && !catalog)
                    || !READING_FUNCTIONS.contains(name.value())) {
                String called = tokens.subList(start, i).stream().map(Token::value).collect(Collectors.joining());
                return new Unknown(first.toUpperCase(java.util.Locale.ROOT) + " calling " + called + "(), a function "
                        + "the analyser does not know: it may write rows, take locks or change the schema");
            }
        }
        return null;
    }

    /** Whether an {@code EXPLAIN} runs what it explains: {@code ANALYZE} among its options, before the statement. */
    private static boolean explainsByRunning(List<Token> tokens) {
        for (Token token : tokens.subList(1, tokens.size())) {
            if (token.isWord("analyze") || token.isWord("analyse")) {
                return true;
            }
            if (token.kind() == SqlLexer.Kind.WORD && Set.of("select", "insert", "update", "delete", "merge", "with",
                    "values", "table", "execute", "create", "declare").contains(token.value())) {
                return false;
            }
        }
        return false;
    }

    /** Whether the parenthesis at {@code open} is the column list of a common table expression: {@code t(a) AS (}. */
    private static boolean definesCommonTable(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                // "AS (" or "AS [NOT] MATERIALIZED (": a call's alias (f(x) AS y) is a name, never a parenthesis
                return i + 2 < tokens.size() && tokens.get(i + 1).isWord("as") && (tokens.get(i + 2).isSymbol("(")
                        || tokens.get(i + 2).isWord("materialized") || tokens.get(i + 2).isWord("not"));
            }
        }
        return false;
    }

    /** The write starting at the current token ({@code UPDATE}, {@code DELETE FROM}, ...), consumed; else null. */
    private static String write(Tokens t) {
        return t.accept("update") ? "UPDATE" : t.accept("delete", "from") ? "DELETE"
                : t.accept("merge", "into") ? "MERGE" : t.accept("insert", "into") ? "INSERT ... SELECT" : null;
    }

    private static Statement create(Tokens t) {
        t.accept("or", "replace");
        boolean unique = t.accept("unique");
        if (t.accept("index")) {
            return createIndex(t, unique);
        }
        if (unique) {
            return null;
        }
        if (!t.accept("global")) {
            t.accept("local");
        }
        if (!(t.accept("temporary") || t.accept("temp"))) {
            t.accept("unlogged");
        }
        if (t.accept("table")) {
            return createTable(t);
        }
        if (t.accept("sequence")) {
            t.accept("if", "not", "exists");
            QualifiedName sequence = t.name();
            return sequence == null ? null : new CreateSequence(sequence);
        }
        if (t.accept("database") || t.accept("tablespace")) {
            return new Harmless("CREATE DATABASE/TABLESPACE", true);
        }
        return harmlessKind(t, "CREATE", HARMLESS_CREATE);
    }

    private static Statement createIndex(Tokens t, boolean unique) {
        boolean concurrently = t.accept("concurrently");
        t.accept("if", "not", "exists");
        String name = t.peekWords("on") ? null : t.identifier();
        if (!t.accept("on")) {
            return null;
        }
        t.accept("only");
        QualifiedName table = t.name();
        if (table == null) {
            return null;
        }
        return new CreateIndex(name == null ? null : new QualifiedName(table.schema(), name), table, unique, concurrently,
                indexColumns(t));
    }

    /**
     * {@code [USING method] (column [ASC|DESC] [NULLS FIRST|LAST], ...)}: the columns, or null when an element is an
     * expression or has an operator class or collation (such an index cannot back a primary key anyway).
     */
    static List<String> indexColumns(Tokens t) {
        if (t.accept("using") && t.identifier() == null) {
            return null;
        }
        if (!t.acceptSymbol("(")) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        do {
            String column = t.identifier();
            if (column == null) {
                return null;
            }
            if (!t.accept("asc")) {
                t.accept("desc");
            }
            if (t.accept("nulls") && !t.accept("first") && !t.accept("last")) {
                return null;
            }
            columns.add(column);
        } while (t.acceptSymbol(","));
        return t.acceptSymbol(")") ? List.copyOf(columns) : null;
    }

    private static Statement createTable(Tokens t) {
        boolean ifNotExists = t.accept("if", "not", "exists");
        QualifiedName table = t.name();
        if (table == null) {
            return null;
        }
        if (t.peekWords("partition", "of")) {
            return new Unknown("CREATE TABLE ... PARTITION OF (locks the parent table)");
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        if (t.acceptSymbol("(")) {
            while (!t.atEnd() && !t.peek().isSymbol(")")) {
                if (DefinitionParser.constraintAhead(t)) {
                    if (DefinitionParser.constraint(t) == null) {
                        t.readUntil();
                    }
                } else if (t.accept("like")) {
                    t.readUntil();
                } else {
                    ColumnDefinition column = DefinitionParser.column(t);
                    if (column.understood()) {
                        columns.add(column);
                    } else {
                        t.readUntil();
                    }
                }
                if (!t.acceptSymbol(",") && !(t.peek() != null && t.peek().isSymbol(")"))) {
                    t.readUntil(); // resynchronise on the next element
                    t.acceptSymbol(",");
                }
            }
        }
        return new CreateTable(table, List.copyOf(columns), ifNotExists);
    }

    private static Statement drop(Tokens t) {
        if (t.accept("index")) {
            boolean concurrently = t.accept("concurrently");
            t.accept("if", "exists");
            List<QualifiedName> names = nameList(t);
            return names.isEmpty() ? null : new DropIndex(names, concurrently);
        }
        if (t.accept("table")) {
            t.accept("if", "exists");
            List<QualifiedName> names = nameList(t);
            return names.isEmpty() ? null : new DropTable(names);
        }
        if (t.accept("database") || t.accept("tablespace")) {
            return new Harmless("DROP DATABASE/TABLESPACE", true);
        }
        if (hasWord(t, "cascade")) {
            return new Unknown("DROP ... CASCADE (also drops whatever depends on it, columns of existing tables included)");
        }
        if (t.accept("sequence")) {
            t.accept("if", "exists");
            List<QualifiedName> names = nameList(t);
            return names.isEmpty() ? null : new DropSequence(names);
        }
        return harmlessKind(t, "DROP", HARMLESS_DROP);
    }

    private static Statement alter(Tokens t) {
        if (t.accept("table")) {
            return AlterTableParser.parse(t);
        }
        if (t.accept("index")) {
            t.accept("if", "exists");
            QualifiedName index = t.name();
            if (index != null && t.accept("rename", "to")) {
                String to = t.identifier();
                return to == null ? null : new RenameIndex(index, to);
            }
            return null;
        }
        if (t.accept("sequence")) {
            t.accept("if", "exists");
            QualifiedName sequence = t.name();
            if (sequence == null) {
                return null;
            }
            if (t.accept("rename", "to")) {
                String to = t.identifier();
                return to == null ? null : new RenameSequence(sequence, new QualifiedName(sequence.schema(), to));
            }
            if (t.accept("set", "schema")) {
                String schema = t.identifier();
                return schema == null ? null : new RenameSequence(sequence, new QualifiedName(schema, sequence.name()));
            }
            return new Harmless("ALTER SEQUENCE");
        }
        if (t.accept("type")) {
            if (t.name() == null) {
                return null;
            }
            boolean catalogOnly = t.peekWords("add", "value") || t.peekWords("rename") || t.peekWords("owner")
                    || t.peekWords("set", "schema");
            return catalogOnly ? new Harmless("ALTER TYPE") : null;
        }
        return harmlessKind(t, "ALTER", HARMLESS_ALTER);
    }

    private static Statement lock(Tokens t) {
        t.accept("table");
        List<QualifiedName> tables = nameList(t);
        LockLevel mode = LockLevel.ACCESS_EXCLUSIVE;
        if (t.accept("in")) {
            int from = t.position();
            while (!t.atEnd() && !t.peekWords("mode")) {
                t.next();
            }
            mode = LockLevel.ofModeName(t.text(from, t.position()));
            if (mode == null) {
                return null;
            }
        }
        return new TableLock("LOCK TABLE", tables, mode, "holds the lock until the revision commits");
    }

    private static Statement reindex(Tokens t) {
        int options = t.position();
        t.skipParentheses();
        boolean concurrently = hasWord(t.slice(options, t.position()), "concurrently");
        if (!(t.accept("index") || t.accept("table") || t.accept("schema") || t.accept("database") || t.accept("system"))) {
            return null;
        }
        concurrently |= t.accept("concurrently");
        if (concurrently) {
            return new Harmless("REINDEX CONCURRENTLY", true);
        }
        return new TableLock("REINDEX", nameList(t), LockLevel.SHARE, "rebuilds the index(es): writes to the table wait, "
                + "and so do queries that would use the index being rebuilt (ACCESS EXCLUSIVE on the index)");
    }

    private static Statement harmlessKind(Tokens t, String verb, Set<String> kinds) {
        Token kind = t.peek();
        if (kind != null && kind.kind() == SqlLexer.Kind.WORD && kinds.contains(kind.value())) {
            return new Harmless(verb + " " + kind.value().toUpperCase(java.util.Locale.ROOT));
        }
        return null;
    }

    /** {@code [ONLY] name [*], ...}. */
    private static List<QualifiedName> nameList(Tokens t) {
        List<QualifiedName> names = new ArrayList<>();
        do {
            t.accept("only");
            QualifiedName name = t.name();
            if (name == null) {
                break;
            }
            names.add(name);
            t.acceptSymbol("*");
        } while (t.acceptSymbol(","));
        return List.copyOf(names);
    }

    /** The names after {@code VACUUM}/{@code CLUSTER} options ({@code (FULL, VERBOSE)}, {@code FULL VERBOSE}). */
    private static List<QualifiedName> namesAfterOptions(Tokens t) {
        t.skipParentheses();
        while (t.accept("full") || t.accept("freeze") || t.accept("verbose") || t.accept("analyze") || t.accept("analyse")) {
            // options written without parentheses
        }
        return nameList(t);
    }

    private static boolean hasWord(Tokens t, String word) {
        return hasWord(t.all(), word);
    }

    private static boolean hasWord(List<Token> tokens, String word) {
        return tokens.stream().anyMatch(token -> token.isWord(word));
    }

    /** The statement's first words, to name it in the report. */
    private static Statement unknown(Tokens t) {
        String words = t.all().stream().limit(3).filter(Token::isIdentifier).map(Token::value)
                .map(w -> w.toUpperCase(java.util.Locale.ROOT)).collect(Collectors.joining(" "));
        return new Unknown(words.isEmpty() ? "a statement" : words);
    }
}
