/**
 * Spring Boot integration of the bookstore persistence layer: a service adds this one jar next to the domain jars and
 * gets the {@code DataSource} from {@code DATABASE_URL} (HikariCP with the project's pool settings), the JPA managed
 * types from the entity registry (no {@code @EntityScan}, no package list), {@code SchemaMapping}'s Hibernate settings
 * and, when {@code bookstore.persistence.migrate-on-startup=true}, the upgrade of the db-migrations changelogs before
 * JPA starts.
 *
 * <p>Tiers: {@code autoconfigure} is the whole module (auto-configuration, its properties under
 * {@code bookstore.persistence}, the start-up migration and the failure analysis); services use it through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, not by calling it.
 *
 * <p>Module boundary: depends on db-core's API packages and on db-migrations' {@code apply} package only (never on
 * their {@code internal} packages, never on Liquibase directly); no other module of the persistence layer depends on
 * it. Verified by the architecture-tests module.
 */
package com.bookstore.spring;
