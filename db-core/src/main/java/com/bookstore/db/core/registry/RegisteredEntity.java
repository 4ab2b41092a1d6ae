package com.bookstore.db.core.registry;

/**
 * One registered entity: its class, the module that contributed it and the physical table it maps to.
 *
 * @param entityClass the {@code @Entity} class
 * @param moduleName the {@link com.bookstore.db.core.spi.EntityContributor#moduleName() contributor's module}
 * @param contributorClass the contributor that listed it, named in error messages
 * @param tableName the physical table name after the project's naming strategy
 */
public record RegisteredEntity(Class<?> entityClass, String moduleName, Class<?> contributorClass, String tableName) {
}
