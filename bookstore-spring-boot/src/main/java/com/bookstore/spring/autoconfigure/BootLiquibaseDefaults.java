package com.bookstore.spring.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Turns Spring Boot's own Liquibase auto-configuration off by default ({@code spring.liquibase.enabled=false}, as the
 * lowest-precedence property source, so a service can still turn it on): liquibase-core arrives with the db-migrations
 * jar, and Boot would otherwise run a second, unlocked migration (or fail looking for its default changelog). The
 * bookstore changelogs are applied by {@link StartupMigration} or by {@code ./migrate upgrade}.
 */
public final class BootLiquibaseDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "bookstorePersistenceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                    Map.of("spring.liquibase.enabled", "false")));
        }
    }
}
