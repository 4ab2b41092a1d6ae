package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * A start-up check of the JPA persistence unit of the registry's entities: the unit managing at least one of them
 * (every unit, when the context has no registry). A unit of the service's own is left alone.
 */
abstract class RegistryUnitCheck implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory && factory.getPersistenceUnitInfo() != null) {
            PersistenceUnitInfo unit = factory.getPersistenceUnitInfo();
            EntityRegistry registry = beanFactory.getBeanProvider(EntityRegistry.class).getIfAvailable();
            if (registry == null || unit.getManagedClassNames().stream().anyMatch(registry.managedClassNames()::contains)) {
                check(unit, registry, beanName);
            }
        }
        return bean;
    }

    /**
     * Throws when {@code unit} is not what the migrations can stand for.
     *
     * @param registry the context's registry, null when it has none
     */
    abstract void check(PersistenceUnitInfo unit, EntityRegistry registry, String beanName);
}
