/**
 * The JPA entities of the auth domain, mapped to PostgreSQL. Credentials are stored only as hashes: fields holding
 * them end in {@code Hash}.
 */
package com.bookstore.domain.auth.model;
