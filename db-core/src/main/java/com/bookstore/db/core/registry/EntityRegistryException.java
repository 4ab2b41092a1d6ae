package com.bookstore.db.core.registry;

/**
 * The contributed entity list is inconsistent (a class registered twice, two entities on one table, a class that is
 * not an entity, a contributor that cannot be loaded). The message names both sides and how to fix it.
 */
public class EntityRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EntityRegistryException(String message) {
        super(message);
    }

    public EntityRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
