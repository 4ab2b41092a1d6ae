package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import jakarta.persistence.Entity;
import jakarta.persistence.spi.PersistenceUnitInfo;

import java.util.List;

/**
 * Fails the start-up when the JPA persistence unit of the registry's entities manages an entity that no entity
 * contributor lists (a service's own {@code PersistenceManagedTypes} bean, {@code @EntityScan}, a package scan): the
 * migrations build the schema from the registry alone, so no changelog creates that entity's table and
 * {@code ./migrate check} never compares it. A persistence unit of the service's own, without the registry's entities,
 * is left alone.
 */
final class UnregisteredEntityRefusal extends RegistryUnitCheck {

    @Override
    void check(PersistenceUnitInfo unit, EntityRegistry registry, String beanName) {
        if (registry == null) {
            return;
        }
        List<String> unregistered = unit.getManagedClassNames().stream()
                .filter(name -> !registry.managedClassNames().contains(name))
                .filter(name -> isEntity(name, unit.getClassLoader()))
                .toList();
        if (!unregistered.isEmpty()) {
            throw new IllegalStateException("The JPA persistence unit of bean '" + beanName + "' manages the "
                    + "entit(y/ies) " + String.join(", ", unregistered) + ", which no entity contributor lists: the "
                    + "migrations build the schema from the entity registry, so no changelog creates their tables "
                    + "and ./migrate check never compares them. List each in its domain module's EntityContributor "
                    + "(then ./migrate generate), or give it a persistence unit of its own; remove the service's "
                    + "own PersistenceManagedTypes bean, @EntityScan or package scan for the registry's unit.");
        }
    }

    /** Whether the class is a JPA entity; a class that cannot be loaded counts as one (Hibernate would fail on it). */
    private static boolean isEntity(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader != null ? loader
                    : UnregisteredEntityRefusal.class.getClassLoader()).isAnnotationPresent(Entity.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }
}
