/**
 * Implementation of db-migrations: the shadow-database comparison ({@code schema}), the changelog directory and
 * revision writing ({@code changelog}), the hazard analysis of migration SQL for zero-downtime deploys
 * ({@code hazard}) and its use on revision files ({@code lint}). Not an API: other modules use {@code com.bookstore.db.migrations.apply}
 * (applying changelogs) and the {@code ./migrate} command line; architecture-tests enforces it.
 */
package com.bookstore.db.migrations.internal;
