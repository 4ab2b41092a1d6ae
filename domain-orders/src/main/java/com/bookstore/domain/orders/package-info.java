/**
 * What customers buy and want: carts, orders with their items, wish lists and pre-orders of unreleased books.
 *
 * <p>Module boundary: domain-orders depends on db-core, domain-auth (the {@code UserAccount} that owns carts and
 * orders) and domain-catalog (the {@code Book} that is bought). Neither of those may depend on orders; its tables hold
 * the foreign keys into theirs, never the reverse.
 */
package com.bookstore.domain.orders;
