/**
 * The JPA entities of the catalog domain, mapped to PostgreSQL.
 */
package com.bookstore.domain.catalog.model;
