/**
 * The shared persistence core of the bookstore services.
 *
 * <p>Tiers, as in Hibernate ORM:
 * <ul>
 *   <li>API: {@code registry}, {@code settings}, {@code mapping}, {@code runtime}, {@code embedded}: what services and
 *       the migration tooling call;</li>
 *   <li>{@code spi}: what domain modules implement to contribute their entities;</li>
 *   <li>{@code internal}: implementation details, never used outside this module.</li>
 * </ul>
 *
 * <p>Module boundary: db-core depends on no domain module and on no migration library (Liquibase lives in
 * db-migrations only). Both rules are verified by the architecture-tests module.
 */
package com.bookstore.db.core;
