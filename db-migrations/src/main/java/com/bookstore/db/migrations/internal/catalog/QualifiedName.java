package com.bookstore.db.migrations.internal.catalog;

import java.util.Comparator;

/** A schema-qualified object name, printed unqualified in the {@code public} schema. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    public static final String DEFAULT_SCHEMA = "public";

    private static final Comparator<QualifiedName> ORDER = Comparator.comparing(QualifiedName::schema)
            .thenComparing(QualifiedName::name);

    /** The name as SQL writes it: quoted where PostgreSQL needs it, the schema left out when it is {@code public}. */
    public String sql() {
        return DEFAULT_SCHEMA.equals(schema) ? SqlNames.quote(name) : SqlNames.quote(schema) + "." + SqlNames.quote(name);
    }


    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return DEFAULT_SCHEMA.equals(schema) ? name : schema + "." + name;
    }
}
