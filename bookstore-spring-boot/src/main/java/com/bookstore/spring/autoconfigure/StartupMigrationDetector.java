package com.bookstore.spring.autoconfigure;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link StartupMigration} initialises the database, so that every bean Boot knows to use the
 * database ({@code EntityManagerFactory}, {@code JdbcTemplate}, ...) is created after it, as Boot does for its own
 * Liquibase and Flyway beans. Registered in {@code META-INF/spring.factories}.
 */
public final class StartupMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(StartupMigration.class);
    }
}
