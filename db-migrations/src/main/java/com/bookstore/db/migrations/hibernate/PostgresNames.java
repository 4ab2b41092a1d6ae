package com.bookstore.db.migrations.hibernate;

import java.util.List;

/**
 * The names PostgreSQL gives the constraints that Hibernate 6.6's DDL leaves unnamed, so that the model's snapshot can
 * carry them: {@code primary key (id)} becomes {@code <table>_pkey}, an inline {@code unique} column
 * {@code <table>_<column>_key}. Same algorithm as PostgreSQL's {@code makeObjectName} ({@code indexcmds.c}): the
 * longer of table name and column part is shortened until the name fits in 63 bytes. Our identifiers are ASCII
 * ({@code SnakeCaseNames}), so characters are bytes.
 */
final class PostgresNames {

    /** PostgreSQL's NAMEDATALEN - 1. */
    static final int MAX_IDENTIFIER_LENGTH = 63;

    private PostgresNames() {
    }

    /** {@code primaryKey("book")} → {@code book_pkey}. */
    static String primaryKey(String table) {
        return objectName(table, null, "pkey");
    }

    /** {@code uniqueKey("author", ["email"])} → {@code author_email_key}. */
    static String uniqueKey(String table, List<String> columns) {
        return objectName(table, String.join("_", columns), "key");
    }

    static String objectName(String name1, String name2, String label) {
        int overhead = 0;
        int name1chars = name1.length();
        int name2chars = 0;
        if (name2 != null) {
            name2chars = name2.length();
            overhead++;
        }
        if (label != null) {
            overhead += label.length() + 1;
        }
        int available = MAX_IDENTIFIER_LENGTH - overhead;
        while (name1chars + name2chars > available) {
            if (name1chars > name2chars) {
                name1chars--;
            } else {
                name2chars--;
            }
        }
        StringBuilder name = new StringBuilder(name1.substring(0, name1chars));
        if (name2 != null) {
            name.append('_').append(name2, 0, name2chars);
        }
        if (label != null) {
            name.append('_').append(label);
        }
        return name.toString();
    }
}
