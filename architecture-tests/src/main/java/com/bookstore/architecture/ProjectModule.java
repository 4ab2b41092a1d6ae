package com.bookstore.architecture;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Maven modules of the persistence layer, each owning exactly one root package below the project root
 * ({@code com.bookstore} for the real code, a fixture package in the tests).
 */
public enum ProjectModule {

    DB_CORE("db-core", "db.core"),
    DOMAIN_AUTH("domain-auth", "domain.auth"),
    DOMAIN_CATALOG("domain-catalog", "domain.catalog"),
    DOMAIN_ORDERS("domain-orders", "domain.orders"),
    DB_MIGRATIONS("db-migrations", "db.migrations"),
    SPRING_BOOT("bookstore-spring-boot", "spring"),
    ARCHITECTURE_TESTS("architecture-tests", "architecture");

    private final String artifactId;
    private final String relativePackage;

    ProjectModule(String artifactId, String relativePackage) {
        this.artifactId = artifactId;
        this.relativePackage = relativePackage;
    }

    /** The Maven artifactId, used as the module's name in messages. */
    public String artifactId() {
        return artifactId;
    }

    /** The module's root package below {@code projectRoot}, e.g. {@code com.bookstore.db.core}. */
    public String rootPackage(String projectRoot) {
        return projectRoot + "." + relativePackage;
    }

    /** The domain modules (the ones holding entities). */
    public static Set<ProjectModule> domainModules() {
        return EnumSet.of(DOMAIN_AUTH, DOMAIN_CATALOG, DOMAIN_ORDERS);
    }

    @Override
    public String toString() {
        return artifactId;
    }
}
