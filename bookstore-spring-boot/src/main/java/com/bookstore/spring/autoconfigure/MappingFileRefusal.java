package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import java.util.List;

/**
 * Fails the start-up when the JPA persistence unit of the registry's entities reads mapping files: a
 * {@code META-INF/orm.xml} on the class path (Spring adds it by default) or {@code spring.jpa.mapping-resources}. A
 * mapping file changes tables, columns and constraints where the migrations cannot see them (they build the model from
 * the registry's annotated classes), so the service would run on another schema than the one {@code ./migrate check}
 * says agrees with the changelogs. A persistence unit of the service's own, without the registry's entities, is left
 * alone.
 */
final class MappingFileRefusal implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory && factory.getPersistenceUnitInfo() != null) {
            PersistenceUnitInfo unit = factory.getPersistenceUnitInfo();
            List<String> files = unit.getMappingFileNames();
            if (!files.isEmpty() && mapsTheRegistry(unit)) {
                throw new IllegalStateException("The JPA persistence unit of bean '" + beanName + "' reads the mapping "
                        + "file(s) " + String.join(", ", files) + ", but the migrations build the schema from the "
                        + "entity registry's annotated classes and cannot see them: the service would map another "
                        + "schema than the changelogs create. Move the mapping into the entities' annotations, then "
                        + "remove the file (a META-INF/orm.xml is read by default) or spring.jpa.mapping-resources.");
            }
        }
        return bean;
    }

    private boolean mapsTheRegistry(PersistenceUnitInfo unit) {
        EntityRegistry registry = beanFactory.getBeanProvider(EntityRegistry.class).getIfAvailable();
        return registry == null || unit.getManagedClassNames().stream().anyMatch(registry.managedClassNames()::contains);
    }
}
