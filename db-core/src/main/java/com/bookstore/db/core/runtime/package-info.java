/**
 * What a running service uses: the HikariCP pool and the Hibernate {@code EntityManagerFactory} built from the entity
 * registry, and, separately, the unpooled connections that migrations use.
 */
package com.bookstore.db.core.runtime;
