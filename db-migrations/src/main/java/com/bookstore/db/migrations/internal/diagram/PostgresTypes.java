package com.bookstore.db.migrations.internal.diagram;

import java.util.Locale;

/**
 * Hibernate's PostgreSQL DDL type names, spelled as PostgreSQL reports them, and their Mermaid form: an attribute type
 * in an {@code erDiagram} may hold letters, digits, hyphens, underscores, parentheses and brackets, no space or comma.
 */
final class PostgresTypes {

    private PostgresTypes() {
    }

    /** {@code timestamp(6) with time zone} → {@code timestamptz(6)}, {@code float(53)} → {@code float8}. */
    static String of(String ddlType) {
        String type = ddlType.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        return type.replaceAll("^timestamp(\\(\\d+\\))? with time zone$", "timestamptz$1")
                .replaceAll("^timestamp(\\(\\d+\\))?( without time zone)?$", "timestamp$1")
                .replaceAll("^time(\\(\\d+\\))? with time zone$", "timetz$1")
                .replaceAll("^(float\\(53\\)|double precision)$", "float8")
                .replaceAll("^(float\\(24\\)|real)$", "float4")
                .replaceAll("^character varying", "varchar")
                .replace(", ", ",");
    }

    /** The Mermaid attribute type: the type itself, or without its modifiers when they hold a comma or a space. */
    static String token(String type) {
        if (type.matches("[a-z][a-z0-9_()\\[\\]-]*")) {
            return type;
        }
        return type.replaceAll("\\(.*\\)", "").strip().replace(' ', '_');
    }
}
