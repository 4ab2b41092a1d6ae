package com.bookstore.architecture;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.spi.EntityContributor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Fixture contributors are on the test class path but invisible to ServiceLoader and {@code EntityRegistry}. */
class ServiceLoaderIsolationTest {

    private static final String FIXTURES = Fixtures.ROOT + ".";

    @Test
    void service_loader_finds_no_fixture_contributor() {
        List<String> fixtureProviders = ServiceLoader.load(EntityContributor.class).stream()
                .map(provider -> provider.type().getName())
                .filter(name -> name.startsWith(FIXTURES))
                .toList();
        assertEquals(List.of(), fixtureProviders);
    }

    @Test
    void entity_registry_discovers_no_fixture_entity() {
        List<String> fixtureEntities = EntityRegistry.discover().managedClassNames().stream()
                .filter(name -> name.startsWith(FIXTURES))
                .toList();
        assertEquals(List.of(), fixtureEntities);
    }

    @Test
    void fixture_contributors_are_declared_only_in_the_fixture_resource() throws IOException {
        ClassLoader classLoader = getClass().getClassLoader();
        assertNotNull(classLoader.getResource(Fixtures.SERVICES_RESOURCE), Fixtures.SERVICES_RESOURCE);
        List<String> testServiceFiles = Collections.list(classLoader.getResources(
                        EntityRegistrationRules.SERVICES_RESOURCE)).stream()
                .map(URL::toString)
                .filter(url -> url.contains("/test-classes/"))
                .toList();
        assertEquals(List.of(), testServiceFiles, "architecture-tests must not declare real services in its tests");
    }
}
