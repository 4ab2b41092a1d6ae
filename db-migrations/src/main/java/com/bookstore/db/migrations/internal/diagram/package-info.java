/**
 * The entity-relationship diagram of the registry's model ({@code docs/schema.md}, {@code ./migrate erd}): Mermaid
 * {@code erDiagram}s, one per domain module, derived from Hibernate's mapping model with PostgreSQL's types, without a
 * database.
 */
package com.bookstore.db.migrations.internal.diagram;
