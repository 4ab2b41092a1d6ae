package com.bookstore.db.core.registry;

import com.bookstore.db.core.internal.EntityTables;
import com.bookstore.db.core.spi.EntityContributor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The validated union of every module's entity list.
 *
 * <p>Built once, from {@link #discover() ServiceLoader} or from {@link #of(Collection) given contributors}, and
 * immutable afterwards. Construction fails fast with an {@link EntityRegistryException} on a class registered twice, two
 * entities of different hierarchies mapped to the same table, or a registered class that is not an {@code @Entity}.
 *
 * <p>Frameworks that bootstrap JPA themselves take {@link #managedClassNames()}: for Spring Boot, return
 * {@code PersistenceManagedTypes.of(registry.managedClassNames(), List.of())} from a bean; for a container without
 * {@code persistence.xml}, pass the names as the unit's managed classes.
 */
public final class EntityRegistry {

    private final List<RegisteredEntity> entities;

    private EntityRegistry(List<RegisteredEntity> entities) {
        this.entities = List.copyOf(entities);
    }

    /** Finds every {@link EntityContributor} declared in {@code META-INF/services} on the class path. */
    public static EntityRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Finds every {@link EntityContributor} declared in {@code META-INF/services} visible to {@code classLoader}. */
    public static EntityRegistry discover(ClassLoader classLoader) {
        List<EntityContributor> contributors = new ArrayList<>();
        try {
            ServiceLoader.load(EntityContributor.class, classLoader).forEach(contributors::add);
        } catch (ServiceConfigurationError e) {
            throw new EntityRegistryException("Cannot load an entity contributor declared in META-INF/services/"
                    + EntityContributor.class.getName() + ": " + e.getMessage()
                    + ". Check that the class exists, is public and has a public no-argument constructor.", e);
        }
        return of(contributors);
    }

    /** Builds a registry from the given contributors, without ServiceLoader (tests, frameworks). */
    public static EntityRegistry of(EntityContributor... contributors) {
        return of(List.of(contributors));
    }

    /** Builds a registry from the given contributors, without ServiceLoader (tests, frameworks). */
    public static EntityRegistry of(Collection<? extends EntityContributor> contributors) {
        Objects.requireNonNull(contributors, "contributors");
        Map<Class<?>, RegisteredEntity> byClass = new LinkedHashMap<>();
        Map<String, RegisteredEntity> byTable = new LinkedHashMap<>();
        for (EntityContributor contributor : contributors) {
            List<Class<?>> classes = contributor.entityClasses();
            if (classes == null) {
                throw new EntityRegistryException("Entity contributor " + contributor.getClass().getName()
                        + " returned null from entityClasses(); return an empty list instead.");
            }
            for (Class<?> entityClass : classes) {
                RegisteredEntity entity = register(contributor, entityClass, byClass);
                checkTable(entity, byTable);
            }
        }
        return new EntityRegistry(new ArrayList<>(byClass.values()));
    }

    private static RegisteredEntity register(EntityContributor contributor, Class<?> entityClass,
            Map<Class<?>, RegisteredEntity> byClass) {
        String by = "entity contributor " + contributor.getClass().getName() + " (module '" + contributor.moduleName() + "')";
        if (entityClass == null) {
            throw new EntityRegistryException(by + " lists a null entity class; remove it from entityClasses().");
        }
        if (!EntityTables.isEntity(entityClass)) {
            throw new EntityRegistryException(entityClass.getName() + " is registered by " + by
                    + " but is not annotated @jakarta.persistence.Entity; annotate it or remove it from entityClasses().");
        }
        RegisteredEntity entity = new RegisteredEntity(entityClass, contributor.moduleName(), contributor.getClass(),
                EntityTables.tableNameOf(entityClass));
        RegisteredEntity previous = byClass.putIfAbsent(entityClass, entity);
        if (previous != null) {
            throw new EntityRegistryException(entityClass.getName() + " is registered twice: by "
                    + describe(previous) + " and by " + by + ". An entity belongs to exactly one module; "
                    + "remove it from one of the two contributors.");
        }
        return entity;
    }

    private static void checkTable(RegisteredEntity entity, Map<String, RegisteredEntity> byTable) {
        RegisteredEntity other = byTable.putIfAbsent(entity.tableName(), entity);
        if (other != null && !EntityTables.sameHierarchy(other.entityClass(), entity.entityClass())) {
            throw new EntityRegistryException("Two entities map to table '" + entity.tableName() + "': "
                    + other.entityClass().getName() + " (" + describe(other) + ") and "
                    + entity.entityClass().getName() + " (" + describe(entity) + "). "
                    + "Rename one table with @Table(name = ...) or remove the duplicate entity.");
        }
    }

    private static String describe(RegisteredEntity entity) {
        return "entity contributor " + entity.contributorClass().getName() + " (module '" + entity.moduleName() + "')";
    }

    /** The registered entities, in contributor order. */
    public List<RegisteredEntity> entities() {
        return entities;
    }

    /** The registered entity classes, in contributor order. */
    public List<Class<?>> entityClasses() {
        return entities.stream().<Class<?>>map(RegisteredEntity::entityClass).toList();
    }

    /** Fully qualified names of the registered classes, for frameworks that take managed class names. */
    public List<String> managedClassNames() {
        return entities.stream().map(e -> e.entityClass().getName()).toList();
    }

    /**
     * The packages of the registered entities and their superclasses whose {@code package-info} carries annotations
     * (a Hibernate {@code @GenericGenerator}, {@code @FilterDef}, {@code @TypeRegistration}, ...), in order: Hibernate
     * reads package-level mappings only for the packages it is given, and without them it falls back silently (a
     * generator named in {@code @GeneratedValue} becomes a default sequence of that name).
     */
    public List<String> mappedPackages() {
        java.util.Set<String> packages = new java.util.LinkedHashSet<>();
        for (RegisteredEntity entity : entities) {
            for (Class<?> type = entity.entityClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                Package pkg = type.getPackage();
                if (pkg != null && pkg.getAnnotations().length > 0) {
                    packages.add(pkg.getName());
                }
            }
        }
        return List.copyOf(packages);
    }

    /** Whether {@code type} is registered. */
    public boolean contains(Class<?> type) {
        return entities.stream().anyMatch(e -> e.entityClass().equals(type));
    }

    /** The names of the contributing modules, in order, each once. */
    public List<String> moduleNames() {
        return Collections.unmodifiableList(entities.stream().map(RegisteredEntity::moduleName).distinct().toList());
    }

    @Override
    public String toString() {
        return "EntityRegistry" + managedClassNames();
    }
}
