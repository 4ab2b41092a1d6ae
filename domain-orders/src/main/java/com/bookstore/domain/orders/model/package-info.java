/**
 * The JPA entities of the orders domain, mapped to PostgreSQL. Orders copy what they must not lose when the catalog
 * changes (unit price, title) instead of reading it through the book.
 */
package com.bookstore.domain.orders.model;
