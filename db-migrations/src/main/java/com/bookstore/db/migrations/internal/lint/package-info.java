/**
 * {@code ./migrate lint}: the hazard analysis ({@code internal.hazard}) of revision files as they are on disk or
 * pending on a database, Liquibase's structured changes turned into PostgreSQL SQL offline first, with the waivers a
 * revision carries in its comments.
 */
package com.bookstore.db.migrations.internal.lint;
