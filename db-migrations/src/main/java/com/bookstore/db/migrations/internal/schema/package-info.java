/**
 * How the model is compared with a database: the model's own DDL is exported by Hibernate into an empty shadow
 * database, which Liquibase then compares with the migrated (or live) database, PostgreSQL against PostgreSQL.
 * CHECK constraints, which Liquibase's open-source diff does not know, are compared from {@code pg_constraint}.
 */
package com.bookstore.db.migrations.internal.schema;
