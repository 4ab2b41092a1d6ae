package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.mapping.SchemaMapping;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts {@link SchemaMapping#hibernateProperties()} (dialect, naming strategies, time zone handling) into the Hibernate
 * properties Spring Boot builds, over Boot's own naming defaults, so that the names Hibernate expects are the names the
 * changelogs create.
 *
 * <p>Hibernate never changes the schema: {@code spring.jpa.hibernate.ddl-auto} (and the {@code jakarta.persistence}
 * schema-generation actions) may be {@code none} (the default) or {@code validate}; any other value ({@code update},
 * {@code create}, {@code create-drop}, or {@code spring.jpa.generate-ddl=true}) fails the start-up.
 */
final class SchemaMappingCustomizer implements HibernatePropertiesCustomizer {

    private static final List<String> SCHEMA_ACTIONS = List.of(AvailableSettings.HBM2DDL_AUTO,
            AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION);
    private static final Set<String> ALLOWED_ACTIONS = Set.of("none", "validate");

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        SchemaMapping.hibernateProperties().forEach((key, value) -> {
            if (!SCHEMA_ACTIONS.contains(key)) {
                hibernateProperties.put(key, value);
            }
        });
        for (String key : SCHEMA_ACTIONS) {
            Object action = hibernateProperties.get(key);
            if (action == null) {
                hibernateProperties.put(key, "none");
            } else if (!ALLOWED_ACTIONS.contains(String.valueOf(action).strip().toLowerCase(Locale.ROOT))
                    || (key.equals(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION) && !"none".equals(action))) {
                throw new IllegalStateException("Hibernate is configured to change the schema (" + key + "=" + action
                        + "), but the bookstore schema comes from the db-migrations changelogs only. Set "
                        + "spring.jpa.hibernate.ddl-auto to validate or none, remove spring.jpa.generate-ddl, and "
                        + "apply schema changes with ./migrate upgrade or bookstore.persistence.migrate-on-startup=true.");
            }
        }
    }
}
