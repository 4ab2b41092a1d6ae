package com.bookstore.db.core.internal;

import com.bookstore.db.core.mapping.SnakeCaseNames;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * Works out, from annotations only, which physical table an entity class maps to, so that the registry can refuse two
 * entities on one table before Hibernate starts.
 */
public final class EntityTables {

    private EntityTables() {
    }

    public static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    /**
     * The physical table of {@code entityClass}, following single-table inheritance to the root, qualified by its
     * schema when {@code @Table} names one ({@code archive.order}): tables of one name in two schemas are two tables.
     */
    public static String tableNameOf(Class<?> entityClass) {
        Class<?> mapped = singleTableRoot(entityClass);
        Table table = mapped.getAnnotation(Table.class);
        String schema = table == null || table.schema().isBlank() ? "" : SnakeCaseNames.toPhysical(table.schema()) + ".";
        if (table != null && !table.name().isBlank()) {
            return schema + SnakeCaseNames.toPhysical(table.name());
        }
        Entity entity = mapped.getAnnotation(Entity.class);
        String logical = entity != null && !entity.name().isBlank() ? entity.name() : mapped.getSimpleName();
        return schema + SnakeCaseNames.toPhysical(logical);
    }

    /** Whether both classes belong to one entity hierarchy (and may then share a single table). */
    public static boolean sameHierarchy(Class<?> a, Class<?> b) {
        return rootEntity(a).equals(rootEntity(b));
    }

    private static Class<?> singleTableRoot(Class<?> entityClass) {
        Class<?> root = rootEntity(entityClass);
        if (root.equals(entityClass) || entityClass.isAnnotationPresent(Table.class)) {
            return entityClass;
        }
        Inheritance inheritance = root.getAnnotation(Inheritance.class);
        boolean singleTable = inheritance == null || inheritance.strategy() == InheritanceType.SINGLE_TABLE;
        return singleTable ? root : entityClass;
    }

    private static Class<?> rootEntity(Class<?> entityClass) {
        Class<?> root = entityClass;
        for (Class<?> c = entityClass.getSuperclass(); c != null; c = c.getSuperclass()) {
            if (isEntity(c)) {
                root = c;
            }
        }
        return root;
    }
}
