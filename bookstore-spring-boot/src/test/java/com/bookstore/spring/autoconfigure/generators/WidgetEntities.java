package com.bookstore.spring.autoconfigure.generators;

import com.bookstore.db.core.spi.EntityContributor;

import java.util.List;

/** The contributor of {@link Widget}, for a registry the test defines. */
public final class WidgetEntities implements EntityContributor {

    @Override
    public String moduleName() {
        return "widgets";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Widget.class);
    }
}
