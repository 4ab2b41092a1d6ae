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
 * {@code create}, {@code create-drop}, or {@code spring.jpa.generate-ddl=true}) fails the start-up, and so does a
 * schema-shaping Hibernate property that {@code SchemaMapping} does not set ({@code hibernate.default_schema},
 * {@code hibernate.type.preferred_uuid_jdbc_type}, ...: {@link SchemaMapping#FOREIGN_SCHEMA_SETTINGS}) or another value
 * for one it sets (a naming strategy of the service's own, {@code hibernate.jdbc.time_zone}, a dialect); Boot's own
 * naming defaults are replaced.
 */
final class SchemaMappingCustomizer implements HibernatePropertiesCustomizer {

    private static final List<String> SCHEMA_ACTIONS = List.of(AvailableSettings.HBM2DDL_AUTO,
            AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION);
    private static final Set<String> ALLOWED_ACTIONS = Set.of("none", "validate");

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        // spring.jpa.properties.hibernate.default_schema and the like: the migrations would never see them
        SchemaMapping.requireNoForeignSchemaSettings(hibernateProperties);
        SchemaMapping.hibernateProperties().forEach((key, value) -> {
            if (!SCHEMA_ACTIONS.contains(key)) {
                requireNoOtherChoice(key, hibernateProperties.get(key), value);
                hibernateProperties.put(key, value);
            }
        });
        // Hibernate reads the jakarta database action before hbm2ddl.auto, so it must repeat the service's choice
        // (SchemaMapping's "none" there would silently turn ddl-auto=validate off).
        String ddlAuto = allowed(AvailableSettings.HBM2DDL_AUTO,
                hibernateProperties.getOrDefault(AvailableSettings.HBM2DDL_AUTO, "none"), ALLOWED_ACTIONS);
        String databaseAction = allowed(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION,
                hibernateProperties.getOrDefault(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, ddlAuto),
                ALLOWED_ACTIONS);
        String scriptsAction = allowed(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION,
                hibernateProperties.getOrDefault(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none"),
                Set.of("none"));
        hibernateProperties.put(AvailableSettings.HBM2DDL_AUTO, ddlAuto);
        hibernateProperties.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, databaseAction);
        hibernateProperties.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, scriptsAction);
    }

    /**
     * Boot's own naming defaults, which SchemaMapping's replace; any other value was the service's choice
     * ({@code spring.jpa.hibernate.naming.*}, {@code spring.jpa.database-platform}, {@code spring.jpa.properties.*}).
     */
    private static final Map<String, String> BOOT_DEFAULTS = Map.of(
            AvailableSettings.PHYSICAL_NAMING_STRATEGY, "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            AvailableSettings.IMPLICIT_NAMING_STRATEGY, "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");

    /** Refuses a service's own value for a setting SchemaMapping owns, rather than replace it in silence. */
    private static void requireNoOtherChoice(String key, Object chosen, Object owned) {
        if (chosen == null) {
            return;
        }
        String value = chosen instanceof Class<?> type ? type.getName() : String.valueOf(chosen);
        String ownedValue = owned instanceof Class<?> type ? type.getName() : String.valueOf(owned);
        if (!value.equals(ownedValue) && !value.equals(BOOT_DEFAULTS.get(key))) {
            throw new IllegalArgumentException("The service sets " + key + "=" + value + ", but the bookstore schema's "
                    + "Hibernate settings come from SchemaMapping (" + key + "=" + ownedValue + "), which the migrations "
                    + "build the model from: the setting would be replaced, and the service would not run with it. "
                    + "Remove it (spring.jpa.hibernate.naming.*, spring.jpa.database-platform or spring.jpa.properties).");
        }
    }

    private static String allowed(String key, Object action, Set<String> allowed) {
        String normalized = String.valueOf(action).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new IllegalStateException("Hibernate is configured to change the schema (" + key + "=" + action
                    + "), but the bookstore schema comes from the db-migrations changelogs only. Set "
                    + "spring.jpa.hibernate.ddl-auto to validate or none, remove spring.jpa.generate-ddl, and "
                    + "apply schema changes with ./migrate upgrade or bookstore.persistence.migrate-on-startup=true.");
        }
        return normalized;
    }
}
