/**
 * An example bookstore service: what a Spring Boot service on the persistence jars looks like. Its pom declares the
 * domain jars and {@code bookstore-spring-boot}, nothing else of the persistence layer; there is no
 * {@code @EntityScan}, no DataSource or JPA configuration, no package list: the auto-configuration provides them from
 * the entity registry and {@code DATABASE_URL}, and migrates the database at start-up
 * ({@code bookstore.persistence.migrate-on-startup=true} in {@code application.properties}).
 *
 * <p>Packages: {@code books}, {@code users}, {@code orders}, one per aggregate, each with its Spring Data repository;
 * {@code books} and {@code orders} also answer HTTP. Module boundary: an application, not a library; nothing depends
 * on it, and it uses only the API packages of the persistence jars (the entity classes and their repositories).
 */
package com.bookstore.example;
