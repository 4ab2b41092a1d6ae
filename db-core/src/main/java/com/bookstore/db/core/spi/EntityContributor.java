package com.bookstore.db.core.spi;

import java.util.List;

/**
 * Lists, explicitly, the JPA entity classes of one domain module.
 *
 * <p>The list is written by hand on purpose: there is no classpath scanning, so what the runtime maps and what the
 * migration tooling diffs is exactly what the modules on the classpath declare. The architecture tests fail the build
 * when an {@code @Entity} of the project is missing from every contributor.
 *
 * <p>Implementations must have a public no-argument constructor (ServiceLoader) and be listed in
 * {@code META-INF/services/com.bookstore.db.core.spi.EntityContributor}.
 */
public interface EntityContributor {

    /**
     * A short, stable name of the contributing module ({@code "auth"}, {@code "catalog"}), used in error messages and
     * reports.
     */
    String moduleName();

    /** The entity classes of the module, each annotated {@code @jakarta.persistence.Entity}. */
    List<Class<?>> entityClasses();
}
