/**
 * The one place where every Hibernate setting that changes the schema lives: dialect, physical naming (snake_case)
 * and the constraint naming convention. The runtime {@code EntityManagerFactory} and the migration tooling both take
 * their settings from {@link com.bookstore.db.core.mapping.SchemaMapping}, so the schema the application expects and
 * the schema the changelogs create can never disagree.
 */
package com.bookstore.db.core.mapping;
