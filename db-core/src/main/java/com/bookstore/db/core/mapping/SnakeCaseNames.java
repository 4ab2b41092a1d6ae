package com.bookstore.db.core.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identifier rules of the schema: {@code camelCase} and {@code PascalCase} become {@code snake_case}, and names
 * longer than PostgreSQL's 63-byte limit are shortened deterministically (prefix plus a hash) instead of being cut
 * silently by the server.
 */
public final class SnakeCaseNames {

    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_IDENTIFIER_LENGTH = 63;

    private SnakeCaseNames() {
    }

    /** {@code BookAuthor} → {@code book_author}, {@code isbn13} → {@code isbn13}, {@code URLPath} → {@code url_path}. */
    public static String toSnakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '.' || c == '-' || c == ' ') {
                c = '_';
            }
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0 && (Character.isLowerCase(chars[i - 1]) || Character.isDigit(chars[i - 1]));
                boolean endsAcronym = i > 0 && Character.isUpperCase(chars[i - 1])
                        && i + 1 < chars.length && Character.isLowerCase(chars[i + 1]);
                if ((afterLowerOrDigit || endsAcronym) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Snake case, then {@link #fit(String) fit} to the identifier limit. */
    public static String toPhysical(String name) {
        return fit(toSnakeCase(name));
    }

    /** Shortens a name over 63 characters to 54 characters, an underscore and 8 hex digits of its SHA-256. */
    public static String fit(String name) {
        if (name.length() <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        return name.substring(0, MAX_IDENTIFIER_LENGTH - 9) + "_" + shortHash(name);
    }

    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
