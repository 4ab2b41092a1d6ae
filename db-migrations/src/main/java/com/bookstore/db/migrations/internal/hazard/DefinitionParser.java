package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.ConstraintKind;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;

import java.util.List;
import java.util.Set;

/**
 * Reads the two definitions that {@code CREATE TABLE} and {@code ALTER TABLE ... ADD} share: a column with its
 * clauses, and a table constraint. Each stops before the comma or closing parenthesis that ends it; a clause it does
 * not know makes the definition "not understood", so that it is reported rather than guessed.
 */
final class DefinitionParser {

    private static final String[] COLUMN_CLAUSES = {"constraint", "not", "null", "default", "generated", "unique",
            "primary", "check", "references", "collate", "deferrable", "initially"};

    /** Words that continue a type name: character varying, double precision, with time zone, interval day to second. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone", "year",
            "month", "day", "hour", "minute", "second", "to", "array");

    private DefinitionParser() {
    }

    /** Whether a table constraint (rather than a column) starts here. */
    static boolean constraintAhead(Tokens t) {
        return t.peekWords("constraint") || t.peekWords("primary", "key") || t.peekWords("unique")
                || t.peekWords("check") || t.peekWords("foreign", "key") || t.peekWords("exclude");
    }

    static ColumnDefinition column(Tokens t) {
        String name = t.identifier();
        int[] typeRange = typeName(t);
        String type = typeRange == null ? "" : t.text(typeRange[0], typeRange[1]);
        List<Token> defaultExpression = null;
        boolean identity = false;
        boolean stored = false;
        boolean notNull = false;
        boolean check = false;
        QualifiedName references = null;
        boolean unique = false;
        boolean primaryKey = false;
        String collation = null;
        boolean understood = name != null && !type.isEmpty();
        while (understood && !endOfDefinition(t)) {
            if (t.accept("constraint")) {
                understood = t.identifier() != null;
            } else if (t.accept("not", "null")) {
                notNull = true;
            } else if (t.accept("null") || t.accept("deferrable") || t.accept("not", "deferrable")
                    || t.accept("initially", "deferred") || t.accept("initially", "immediate")) {
                continue;
            } else if (t.accept("default")) {
                int[] range = t.readExpression(COLUMN_CLAUSES);
                defaultExpression = t.slice(range[0], range[1]);
            } else if (t.accept("generated", "always", "as", "identity") || t.accept("generated", "by", "default", "as", "identity")) {
                identity = true;
                t.skipParentheses();
            } else if (t.accept("generated", "always", "as")) {
                understood = t.skipParentheses();
                stored = t.accept("stored");
                t.accept("virtual");
            } else if (t.accept("unique")) {
                unique = true;
                nullsDistinct(t);
                indexParameters(t);
            } else if (t.accept("primary", "key")) {
                primaryKey = true;
                indexParameters(t);
            } else if (t.accept("check")) {
                check = true;
                understood = t.skipParentheses();
                t.accept("no", "inherit");
            } else if (t.accept("references")) {
                references = t.name();
                t.skipParentheses();
                understood = references != null && referentialActions(t);
            } else if (t.accept("collate")) {
                collation = collationName(t);
                understood = collation != null;
            } else {
                understood = false;
            }
        }
        return new ColumnDefinition(name, type, defaultExpression, identity, stored, notNull, check, references, unique,
                primaryKey, collation, understood);
    }

    /**
     * A type name ({@code bigint}, {@code archive.mood}, {@code character varying(20)}, {@code timestamp(3) with time
     * zone}, {@code integer[]}) as a token range, or null when none starts here.
     */
    static int[] typeName(Tokens t) {
        int from = t.position();
        if (t.name() == null) {
            return null;
        }
        boolean modifiers = false;
        while (!t.atEnd()) {
            Token next = t.peek();
            if (next.kind() == SqlLexer.Kind.WORD && TYPE_WORDS.contains(next.value())) {
                t.next();
            } else if (next.isSymbol("(") && !modifiers) {
                modifiers = t.skipParentheses();
            } else if (next.isSymbol("[")) {
                t.next();
                if (t.peek() != null && t.peek().kind() == SqlLexer.Kind.NUMBER) {
                    t.next();
                }
                if (!t.acceptSymbol("]")) {
                    return null;
                }
            } else {
                break;
            }
        }
        return new int[] {from, t.position()};
    }

    /**
     * A table constraint ({@code [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE ...}), or null
     * when it is not understood.
     */
    static AddConstraint constraint(Tokens t) {
        String name = null;
        if (t.accept("constraint")) {
            name = t.identifier();
            if (name == null) {
                return null;
            }
        }
        ConstraintKind kind;
        String columns = null;
        String usingIndex = null;
        QualifiedName references = null;
        String notNullColumn = null;
        if (t.accept("primary", "key") || t.peekWords("unique")) {
            kind = t.accept("unique") ? ConstraintKind.UNIQUE : ConstraintKind.PRIMARY_KEY;
            boolean nullsNotDistinct = kind == ConstraintKind.UNIQUE && nullsDistinct(t);
            if (t.accept("using", "index")) {
                usingIndex = t.identifier();
                if (usingIndex == null) {
                    return null;
                }
            } else {
                int from = t.position();
                if (!t.skipParentheses()) {
                    return null;
                }
                columns = t.text(from, t.position());
                int params = t.position();
                indexParameters(t);
                columns += (params < t.position() ? " " + t.text(params, t.position()) : "")
                        + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "");
            }
        } else if (t.accept("check")) {
            kind = ConstraintKind.CHECK;
            int from = t.position();
            if (!t.skipParentheses()) {
                return null;
            }
            notNullColumn = isNotNullTest(t.slice(from, t.position()));
            t.accept("no", "inherit");
        } else if (t.accept("foreign", "key")) {
            kind = ConstraintKind.FOREIGN_KEY;
            if (!t.skipParentheses() || !t.accept("references") || (references = t.name()) == null) {
                return null;
            }
            t.skipParentheses();
            if (!referentialActions(t)) {
                return null;
            }
        } else if (t.accept("exclude")) {
            kind = ConstraintKind.EXCLUDE;
            t.readUntil("deferrable", "initially");
        } else {
            return null;
        }
        boolean notValid = false;
        while (!endOfDefinition(t)) {
            if (t.accept("not", "valid")) {
                notValid = true;
            } else if (!(t.accept("deferrable") || t.accept("not", "deferrable") || t.accept("initially", "deferred")
                    || t.accept("initially", "immediate") || t.accept("no", "inherit"))) {
                return null;
            }
        }
        return new AddConstraint(name, kind, columns, notValid, usingIndex, references, notNullColumn);
    }

    /** The column of a CHECK whose whole condition is {@code column IS NOT NULL} (in any parentheses), else null. */
    static String isNotNullTest(List<Token> parenthesised) {
        List<Token> inner = Tokens.withoutParentheses(parenthesised);
        if (inner.size() == 4 && inner.get(0).isIdentifier() && inner.get(1).isWord("is") && inner.get(2).isWord("not")
                && inner.get(3).isWord("null")) {
            return inner.get(0).value();
        }
        return null;
    }

    static boolean endOfDefinition(Tokens t) {
        return t.atEnd() || t.peek().isSymbol(",") || t.peek().isSymbol(")");
    }

    /** {@code NULLS [NOT] DISTINCT}; true for NOT DISTINCT. */
    private static boolean nullsDistinct(Tokens t) {
        if (t.accept("nulls", "not", "distinct")) {
            return true;
        }
        t.accept("nulls", "distinct");
        return false;
    }

    /** {@code INCLUDE (...)}, {@code WITH (...)}, {@code USING INDEX TABLESPACE name}. */
    private static void indexParameters(Tokens t) {
        while (true) {
            if (t.accept("include") || t.accept("with")) {
                t.skipParentheses();
            } else if (t.accept("using", "index", "tablespace")) {
                t.identifier();
            } else {
                return;
            }
        }
    }

    /** {@code MATCH ...}, {@code ON DELETE|UPDATE action}; false on an action it does not know. */
    private static boolean referentialActions(Tokens t) {
        while (true) {
            if (t.accept("match")) {
                if (t.identifier() == null) {
                    return false;
                }
            } else if (t.accept("on", "delete") || t.accept("on", "update")) {
                if (t.accept("set", "null") || t.accept("set", "default")) {
                    t.skipParentheses();
                } else if (!(t.accept("cascade") || t.accept("restrict") || t.accept("no", "action"))) {
                    return false;
                }
            } else {
                return true;
            }
        }
    }

    /** {@code "C"}, {@code pg_catalog."default"}: the name as written. */
    static String collationName(Tokens t) {
        int from = t.position();
        return t.name() == null ? null : t.text(from, t.position());
    }
}
