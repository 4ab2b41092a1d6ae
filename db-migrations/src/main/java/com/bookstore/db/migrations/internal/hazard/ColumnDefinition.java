package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;

import java.util.List;

/**
 * A column as {@code CREATE TABLE} or {@code ADD COLUMN} declares it, with what decides the cost of adding it to a
 * table that has rows: how its value is computed for them, and the constraints that make PostgreSQL check them.
 *
 * @param type the type as written ({@code varchar(200)}, {@code timestamp(3) with time zone})
 * @param defaultExpression the tokens of the DEFAULT expression, null when none
 * @param identity {@code GENERATED ... AS IDENTITY}
 * @param storedGenerated {@code GENERATED ALWAYS AS (...) STORED}
 * @param references the table an inline {@code REFERENCES} names, else null
 * @param collation the COLLATE clause's collation, else null
 * @param understood false when a clause was not recognised: the definition is then not analysed
 */
record ColumnDefinition(String name, String type, List<Token> defaultExpression, boolean identity, boolean storedGenerated,
        boolean notNull, boolean check, QualifiedName references, boolean unique, boolean primaryKey, String collation,
        boolean understood) {
}
