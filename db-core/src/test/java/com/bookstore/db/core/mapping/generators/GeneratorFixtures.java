package com.bookstore.db.core.mapping.generators;

import com.bookstore.db.core.spi.EntityContributor;

import java.util.List;

/** The contributor of {@link Gadget}, passed to {@code EntityRegistry.of(...)}. */
public final class GeneratorFixtures implements EntityContributor {

    @Override
    public String moduleName() {
        return "generator-fixtures";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Gadget.class);
    }
}
