package com.bookstore.domain.orders.model;

/**
 * Where a pre-order is. Stored by name, so constants may be reordered but never renamed without a migration.
 */
public enum PreOrderStatus {
    /** Waiting for the book to be published. */
    RESERVED,
    /** Turned into an order on publication. */
    FULFILLED,
    CANCELLED
}
