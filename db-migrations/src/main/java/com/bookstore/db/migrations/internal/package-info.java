/**
 * Implementation of db-migrations: the shadow-database comparison ({@code schema}) and the changelog directory and
 * revision writing ({@code changelog}). Not an API: other modules use {@code com.bookstore.db.migrations.apply}
 * (applying changelogs) and the {@code ./migrate} command line; architecture-tests enforces it.
 */
package com.bookstore.db.migrations.internal;
