package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import jakarta.persistence.spi.PersistenceUnitInfo;

import java.util.List;

/**
 * Fails the start-up when the JPA persistence unit of the registry's entities reads mapping files: a
 * {@code META-INF/orm.xml} on the class path (Spring adds it by default) or {@code spring.jpa.mapping-resources}. A
 * mapping file changes tables, columns and constraints where the migrations cannot see them (they build the model from
 * the registry's annotated classes), so the service would run on another schema than the one {@code ./migrate check}
 * says agrees with the changelogs. A persistence unit of the service's own, without the registry's entities, is left
 * alone.
 */
final class MappingFileRefusal extends RegistryUnitCheck {

    @Override
    void check(PersistenceUnitInfo unit, EntityRegistry registry, String beanName) {
        List<String> files = unit.getMappingFileNames();
        if (!files.isEmpty()) {
            throw new IllegalStateException("The JPA persistence unit of bean '" + beanName + "' reads the mapping "
                    + "file(s) " + String.join(", ", files) + ", but the migrations build the schema from the "
                    + "entity registry's annotated classes and cannot see them: the service would map another "
                    + "schema than the changelogs create. Move the mapping into the entities' annotations, then "
                    + "remove the file (a META-INF/orm.xml is read by default) or spring.jpa.mapping-resources.");
        }
    }
}
