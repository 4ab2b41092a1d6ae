package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Kind;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement and a read position, with the few moves a recursive-descent reading of DDL needs:
 * keyword sequences, (schema-qualified) names, balanced parentheses, and the original text of a range (to show and
 * to quote back in advice). Keywords match case-insensitively; quoted identifiers never match a keyword.
 */
final class Tokens {

    private final String source;
    private final List<Token> tokens;
    private int pos;

    Tokens(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = List.copyOf(tokens);
    }

    /** Splits a script into its statements at the semicolons outside literals, comments and parentheses. */
    static List<Tokens> statements(String script) {
        List<Tokens> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token token : SqlLexer.tokens(script)) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            }
            if (token.kind() == Kind.SEMICOLON && depth == 0) {
                if (!current.isEmpty()) {
                    statements.add(new Tokens(script, current));
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(new Tokens(script, current));
        }
        return statements;
    }

    /** The statement's text, from its first token to its last (comments before and after left out). */
    String text() {
        return tokens.isEmpty() ? "" : source.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    }

    /** The text from token {@code from} (inclusive) to token {@code to} (exclusive). */
    String text(int from, int to) {
        if (from >= to || from >= tokens.size()) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(Math.min(to, tokens.size()) - 1).end());
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return atEnd() ? null : tokens.get(pos);
    }

    Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    Token next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    List<Token> all() {
        return tokens;
    }

    /** Whether the next tokens are these keywords, in order. */
    boolean peekWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes these keywords when they come next. */
    boolean accept(String... words) {
        if (!peekWords(words)) {
            return false;
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        Token t = peek();
        if (t != null && t.isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    /** An identifier as PostgreSQL reads it (unquoted folded to lower case), or null when none comes next. */
    String identifier() {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            return null;
        }
        pos++;
        return t.value();
    }

    /**
     * A possibly qualified name ({@code name}, {@code schema.name}, {@code db.schema.name}), unqualified names taken
     * to be in {@code public}; null when no identifier comes next.
     */
    QualifiedName name() {
        List<String> parts = new ArrayList<>();
        String first = identifier();
        if (first == null) {
            return null;
        }
        parts.add(first);
        while (peek() != null && peek().isSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
            pos++;
            parts.add(identifier());
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : QualifiedName.DEFAULT_SCHEMA;
        return new QualifiedName(schema, name);
    }

    /** Skips a parenthesised group starting at the current token; returns false when none starts here. */
    boolean skipParentheses() {
        if (peek() == null || !peek().isSymbol("(")) {
            return false;
        }
        int depth = 0;
        while (!atEnd()) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return true;
            }
        }
        return true;
    }

    /**
     * Reads up to (not including) the next comma, closing parenthesis or one of {@code stopWords} outside
     * parentheses, or the end; returns the index range read as {@code [from, to)}.
     */
    int[] readUntil(String... stopWords) {
        return read(false, stopWords);
    }

    /** As {@link #readUntil}, but the first token is always read: an expression may start with a stop word. */
    int[] readExpression(String... stopWords) {
        return read(true, stopWords);
    }

    private int[] read(boolean firstAlways, String... stopWords) {
        int from = pos;
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            boolean first = firstAlways && pos == from;
            if (depth == 0 && !first && (t.isSymbol(",") || t.isSymbol(")") || isAny(t, stopWords))) {
                break;
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
            pos++;
        }
        return new int[] {from, pos};
    }

    private static boolean isAny(Token t, String... words) {
        for (String word : words) {
            if (t.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens in {@code [from, to)}. */
    List<Token> slice(int from, int to) {
        return tokens.subList(Math.min(from, tokens.size()), Math.min(to, tokens.size()));
    }

    /** The tokens without the parentheses that enclose all of them ({@code ((a IS NOT NULL))} → {@code a IS NOT NULL}). */
    static List<Token> withoutParentheses(List<Token> tokens) {
        List<Token> inner = tokens;
        while (inner.size() >= 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")
                && closesAtEnd(inner)) {
            inner = inner.subList(1, inner.size() - 1);
        }
        return inner;
    }

    /** Whether the opening parenthesis at index 0 is closed by the last token (not {@code (a) OR (b)}). */
    private static boolean closesAtEnd(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i == tokens.size() - 1;
            }
        }
        return false;
    }
}
