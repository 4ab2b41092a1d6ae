/**
 * The schema of a PostgreSQL database as its catalog stores it ({@code pg_catalog}), read in a few set-based queries:
 * every attribute PostgreSQL keeps for the kinds the migrations manage (schemas, tables, columns, constraints,
 * indexes, sequences, enum and composite types, comments), printed by PostgreSQL itself ({@code format_type},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_expr}), so that two databases compare equal
 * exactly when PostgreSQL would build the same objects from them.
 */
package com.bookstore.db.migrations.internal.catalog;
