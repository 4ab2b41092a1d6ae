/**
 * Who may sign in: user accounts, their roles, linked external identity providers and refresh tokens.
 *
 * <p>Module boundary: domain-auth depends on db-core only (its SPI to contribute entities). It knows nothing about the
 * catalog or orders; other modules may reference its entities (orders does), never the other way round.
 */
package com.bookstore.domain.auth;
