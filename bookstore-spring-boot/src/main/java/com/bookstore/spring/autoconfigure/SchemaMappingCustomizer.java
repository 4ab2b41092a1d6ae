package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.mapping.SchemaMapping;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;

import java.util.Map;

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

    /**
     * Boot's own naming defaults, which SchemaMapping's replace; any other value was the service's choice
     * ({@code spring.jpa.hibernate.naming.*}, {@code spring.jpa.database-platform}, {@code spring.jpa.properties.*}).
     */
    private static final Map<String, String> BOOT_DEFAULTS = Map.of(
            AvailableSettings.PHYSICAL_NAMING_STRATEGY, "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            AvailableSettings.IMPLICIT_NAMING_STRATEGY, "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        // spring.jpa.properties.hibernate.default_schema and the like: the migrations would never see them
        SchemaMapping.requireNoForeignSchemaSettings(hibernateProperties);
        SchemaMapping.requireOwnSettingsUnchanged(hibernateProperties, BOOT_DEFAULTS,
                "spring.jpa.hibernate.naming.*, spring.jpa.database-platform or spring.jpa.properties");
        Map<String, String> actions = SchemaMapping.schemaActions(hibernateProperties, "Set "
                + "spring.jpa.hibernate.ddl-auto to validate or none, remove spring.jpa.generate-ddl, and apply schema "
                + "changes with ./migrate upgrade or bookstore.persistence.migrate-on-startup=true.");
        hibernateProperties.putAll(SchemaMapping.hibernateProperties());
        hibernateProperties.putAll(actions);
    }
}
