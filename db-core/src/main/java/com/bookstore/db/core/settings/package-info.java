/**
 * Database settings. {@code DATABASE_URL} is the single source of truth, looked up at run time in the environment, then
 * the {@code database.url} system property, then a {@code .env} file in the working directory.
 */
package com.bookstore.db.core.settings;
