/**
 * Column types the catalog mapping needs and Hibernate 6.6 does not provide without extra libraries.
 */
package com.bookstore.domain.catalog.mapping;
