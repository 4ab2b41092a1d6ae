/**
 * Service provider interfaces implemented by the domain modules.
 *
 * <p>A domain module plugs its entities into the shared registry in one of two ways:
 * <ol>
 *   <li><b>ServiceLoader</b> (what services use): implement {@link com.bookstore.db.core.spi.EntityContributor} and
 *       name the class in {@code META-INF/services/com.bookstore.db.core.spi.EntityContributor};
 *       {@link com.bookstore.db.core.registry.EntityRegistry#discover()} then finds it;</li>
 *   <li><b>programmatically</b> (tests, frameworks that bring their own discovery): pass contributor instances to
 *       {@link com.bookstore.db.core.registry.EntityRegistry#of(java.util.Collection)}.</li>
 * </ol>
 */
package com.bookstore.db.core.spi;
