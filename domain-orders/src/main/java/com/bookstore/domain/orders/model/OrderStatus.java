package com.bookstore.domain.orders.model;

/**
 * Where an order is in its life. Stored by name, so constants may be reordered but never renamed without a migration.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED
}
