/**
 * The auto-configuration ({@link com.bookstore.spring.autoconfigure.BookstorePersistenceAutoConfiguration}) and its
 * properties ({@link com.bookstore.spring.autoconfigure.BookstorePersistenceProperties}, prefix
 * {@code bookstore.persistence}). Every bean backs off when the service defines its own.
 */
package com.bookstore.spring.autoconfigure;
