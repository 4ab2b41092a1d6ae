package com.bookstore.db.migrations.internal.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts PostgreSQL text into tokens the way the server's scanner does for what matters to a hazard: comments
 * ({@code --} and nested {@code /* *}{@code /}) are skipped, string literals ({@code '...'}, {@code E'...'}) and
 * dollar-quoted bodies ({@code $fn$...$fn$}) are single tokens whose content is never read as keywords, quoted
 * identifiers keep their case, unquoted words are folded to lower case. Without it, a keyword inside a comment or a
 * function body would be taken for a statement, and a semicolon inside a string would split one.
 */
final class SqlLexer {

    /** What a token is. */
    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, DOLLAR_STRING, NUMBER, SYMBOL, SEMICOLON }

    /**
     * One token.
     *
     * @param value a word folded to lower case, a quoted identifier without its quotes, a string's content, or the
     *        text itself for numbers and symbols
     * @param start offset of its first character in the text
     * @param end offset after its last character
     */
    record Token(Kind kind, String value, int start, int end) {

        boolean isWord(String word) {
            return kind == Kind.WORD && value.equals(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && value.equals(symbol);
        }

        /** An identifier: an unquoted word or a quoted identifier. */
        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String text;
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
    }

    /** Every token of {@code text}; an unterminated literal or comment runs to the end of the text. */
    static List<Token> tokens(String text) {
        return new SqlLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                int eol = text.indexOf('\n', pos);
                pos = eol < 0 ? text.length() : eol + 1;
            } else if (text.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** PostgreSQL's block comments nest. */
    private void skipBlockComment() {
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == ';') {
            pos++;
            return new Token(Kind.SEMICOLON, ";", start, pos);
        }
        if (c == '\'') {
            return string(start, false);
        }
        if ((c == 'e' || c == 'E') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
            pos++;
            return string(start, true);
        }
        if (c == '"') {
            return quotedIdentifier(start);
        }
        if (c == '$') {
            Token dollar = dollarString(start);
            if (dollar != null) {
                return dollar;
            }
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Kind.WORD, text.substring(start, pos).toLowerCase(Locale.ROOT), start, pos);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Kind.NUMBER, text.substring(start, pos), start, pos);
        }
        if (text.startsWith("::", pos)) {
            pos += 2;
            return new Token(Kind.SYMBOL, "::", start, pos);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            while (pos < text.length() && OPERATOR_CHARS.indexOf(text.charAt(pos)) >= 0
                    && !text.startsWith("--", pos) && !text.startsWith("/*", pos)) {
                pos++;
            }
            if (pos == start) {
                pos++;
            }
            return new Token(Kind.SYMBOL, text.substring(start, pos), start, pos);
        }
        pos++;
        return new Token(Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    /** {@code '...'} with {@code ''} for a quote; with {@code escapes} ({@code E'...'}) a backslash escapes too. */
    private Token string(int start, boolean escapes) {
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (escapes && c == '\\' && pos + 1 < text.length()) {
                value.append(text.charAt(pos + 1));
                pos += 2;
            } else if (c == '\'') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                } else {
                    pos++;
                    break;
                }
            } else {
                value.append(c);
                pos++;
            }
        }
        return new Token(Kind.STRING, value.toString(), start, pos);
    }

    private Token quotedIdentifier(int start) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                } else {
                    pos++;
                    break;
                }
            } else {
                value.append(c);
                pos++;
            }
        }
        return new Token(Kind.QUOTED_IDENTIFIER, value.toString(), start, pos);
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; null when the {@code $} starts no such quote ({@code $1}). */
    private Token dollarString(int start) {
        int close = start + 1;
        while (close < text.length() && (Character.isLetterOrDigit(text.charAt(close)) || text.charAt(close) == '_')) {
            close++;
        }
        if (close >= text.length() || text.charAt(close) != '$' || close > start + 1 && Character.isDigit(text.charAt(start + 1))) {
            return null;
        }
        String tag = text.substring(start, close + 1);
        int bodyStart = close + 1;
        int end = text.indexOf(tag, bodyStart);
        pos = end < 0 ? text.length() : end + tag.length();
        return new Token(Kind.DOLLAR_STRING, text.substring(bodyStart, end < 0 ? text.length() : end), start, pos);
    }
}
