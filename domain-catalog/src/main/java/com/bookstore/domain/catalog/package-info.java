/**
 * What the shop sells: books, their authors and publishers, and the category tree they are browsed by.
 *
 * <p>Module boundary: domain-catalog depends on db-core only. It knows nothing about accounts or orders; orders
 * references its entities, never the other way round.
 */
package com.bookstore.domain.catalog;
