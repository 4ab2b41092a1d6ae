package com.bookstore.db.migrations.internal.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Identifiers and literals as PostgreSQL's {@code quote_ident} and {@code quote_literal} write them: an identifier is
 * quoted exactly when it is not a plain lower-case name or is a keyword PostgreSQL does not accept bare
 * ({@code user}, {@code order}), so the same name is written the same way in every revision.
 */
public final class SqlNames {

    /** PostgreSQL 17's keywords other than the unreserved ones ({@code pg_get_keywords()}, catcode other than U). */
    static final Set<String> QUOTED_KEYWORDS = load("postgres-quoted-keywords.txt");

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlNames() {
    }

    public static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !QUOTED_KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static Set<String> load(String resource) {
        try (InputStream in = SqlNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + SqlNames.class.getName());
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
