/**
 * The {@code registry:} reference database of {@code mvn liquibase:diff}: liquibase-hibernate6's {@code HibernateDatabase}
 * fed with the entity registry and {@code SchemaMapping}'s settings (no {@code persistence.xml}, no package list),
 * with its snapshot aligned on what PostgreSQL reports (index methods, type spellings, constraint names) so that a
 * database matching the model yields no changeset; and a JDBC driver that accepts {@code DATABASE_URL}'s forms.
 */
package com.bookstore.db.migrations.hibernate;
