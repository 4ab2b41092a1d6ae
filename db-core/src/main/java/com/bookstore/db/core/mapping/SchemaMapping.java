package com.bookstore.db.core.mapping;

import com.bookstore.db.core.registry.EntityRegistry;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.config.spi.ConfigurationService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every Hibernate setting that shapes the schema, in one place.
 *
 * <p>The runtime ({@code com.bookstore.db.core.runtime.PersistenceRuntime}) and the migration tooling (shadow schema
 * export, {@code mvn liquibase:diff}) both build their Hibernate metadata through this class. Changing how the schema
 * looks means changing this class, and then generating a changelog.
 */
public final class SchemaMapping {

    private SchemaMapping() {
    }

    /** The schema-shaping Hibernate properties: dialect, naming strategies, identifier and time zone handling. */
    public static Map<String, Object> hibernateProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AvailableSettings.DIALECT, PostgreSQLDialect.class.getName());
        properties.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, SnakeCasePhysicalNamingStrategy.class.getName());
        properties.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, ConventionalImplicitNamingStrategy.class.getName());
        // Instants and offsets are stored as timestamptz, normalised to UTC, whatever the JVM's zone.
        properties.put(AvailableSettings.TIMEZONE_DEFAULT_STORAGE, "NORMALIZE_UTC");
        properties.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        // A table or column named after a PostgreSQL keyword ("user", "order") is quoted in every statement Hibernate
        // writes, at run time and in the model's DDL alike, instead of failing with a syntax error.
        properties.put(AvailableSettings.KEYWORD_AUTO_QUOTING_ENABLED, "true");
        // Envers arrives on tool class paths (liquibase-hibernate6 depends on it); it must add no audit tables.
        properties.put("hibernate.integration.envers.enabled", "false");
        // Hibernate never changes the schema by itself: the changelogs do.
        properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
        properties.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        properties.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none");
        return properties;
    }

    /**
     * Hibernate settings that change the tables, columns, types or sequences of the mapping, and that this class does
     * not set: given anywhere else (a Spring property, {@code hibernate.properties}, a system property, the runtime's
     * extra properties), the runtime would map another schema than the one the migrations compare and generate.
     */
    public static final List<String> FOREIGN_SCHEMA_SETTINGS = List.of(
            AvailableSettings.DEFAULT_SCHEMA, AvailableSettings.DEFAULT_CATALOG,
            AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS_SKIP_COLUMN_DEFINITIONS,
            AvailableSettings.PREFERRED_BOOLEAN_JDBC_TYPE, AvailableSettings.PREFERRED_UUID_JDBC_TYPE,
            AvailableSettings.PREFERRED_DURATION_JDBC_TYPE, AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE,
            AvailableSettings.PREFERRED_ARRAY_JDBC_TYPE, AvailableSettings.PREFER_NATIVE_ENUM_TYPES,
            AvailableSettings.WRAPPER_ARRAY_HANDLING, AvailableSettings.USE_NATIONALIZED_CHARACTER_DATA,
            AvailableSettings.ID_DB_STRUCTURE_NAMING_STRATEGY, AvailableSettings.DEFAULT_LIST_SEMANTICS,
            AvailableSettings.IMPLICIT_DISCRIMINATOR_COLUMNS_FOR_JOINED_SUBCLASS,
            AvailableSettings.IGNORE_EXPLICIT_DISCRIMINATOR_COLUMNS_FOR_JOINED_SUBCLASS);

    /**
     * Refuses {@code settings} that hold one of the {@link #FOREIGN_SCHEMA_SETTINGS}, naming each, where it may come
     * from and what to do instead.
     */
    public static void requireNoForeignSchemaSettings(Map<String, ?> settings) {
        List<String> found = FOREIGN_SCHEMA_SETTINGS.stream()
                .filter(key -> settings.get(key) != null && !String.valueOf(settings.get(key)).isBlank())
                .map(key -> key + "=" + settings.get(key))
                .toList();
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("The Hibernate setting(s) " + String.join(", ", found) + " change the schema the "
                    + "entities map to, but the schema's settings live in SchemaMapping alone: the migrations (./migrate, "
                    + "mvn liquibase:diff) build the model from it and cannot see a setting given elsewhere (a Spring "
                    + "property, hibernate.properties, a system property, extra properties), so the service would map "
                    + "other tables or types than the changelogs create. Remove it; to put entities in another schema, "
                    + "name it per entity (@Table(schema = \"...\")).");
        }
    }

    /** The settings that decide whether Hibernate changes the schema at start-up. */
    public static final List<String> SCHEMA_ACTIONS = List.of(AvailableSettings.HBM2DDL_AUTO,
            AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION);

    /**
     * Refuses a service's own value for a setting {@link #hibernateProperties()} owns (a naming strategy, the time
     * zone, the dialect), which would otherwise be replaced in silence and the service would not run with it; the
     * schema actions aside ({@link #schemaActions}). {@code tolerated} are values a framework sets by default, which
     * are replaced; {@code where} says where the service set it.
     */
    public static void requireOwnSettingsUnchanged(Map<String, ?> settings, Map<String, String> tolerated, String where) {
        hibernateProperties().forEach((key, owned) -> {
            Object chosen = settings.get(key);
            if (chosen == null || SCHEMA_ACTIONS.contains(key)) {
                return;
            }
            String value = chosen instanceof Class<?> type ? type.getName() : String.valueOf(chosen);
            String ownedValue = String.valueOf(owned);
            if (!value.equals(ownedValue) && !value.equals(tolerated.get(key))) {
                throw new IllegalArgumentException("The service sets " + key + "=" + value + ", but the bookstore "
                        + "schema's Hibernate settings come from SchemaMapping (" + key + "=" + ownedValue + "), which the "
                        + "migrations build the model from: the setting would be replaced, and the service would not run "
                        + "with it. Remove it (" + where + ").");
            }
        });
    }

    /**
     * The schema actions a service may ask for, read from its {@code settings}: {@code none} (the default) or
     * {@code validate} (Hibernate compares the mapping with the database at start-up); both database-action keys
     * carry the choice, since Hibernate reads the jakarta one first. Any other action ({@code update}, {@code create},
     * a scripts action) is refused: the schema comes from the changelogs only.
     *
     * @param how what to change instead, for the message
     */
    public static Map<String, String> schemaActions(Map<String, ?> settings, String how) {
        String ddlAuto = allowedAction(AvailableSettings.HBM2DDL_AUTO,
                settings.get(AvailableSettings.HBM2DDL_AUTO), "none", Set.of("none", "validate"), how);
        String databaseAction = allowedAction(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION,
                settings.get(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION), ddlAuto, Set.of("none", "validate"), how);
        String scriptsAction = allowedAction(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION,
                settings.get(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION), "none", Set.of("none"), how);
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put(AvailableSettings.HBM2DDL_AUTO, ddlAuto);
        actions.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, databaseAction);
        actions.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, scriptsAction);
        return actions;
    }

    private static String allowedAction(String key, Object action, String absent, Set<String> allowed, String how) {
        String normalized = action == null ? absent : String.valueOf(action).strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new IllegalStateException("Hibernate is configured to change the schema (" + key + "=" + action
                    + "), but the bookstore schema comes from the db-migrations changelogs only. " + how);
        }
        return normalized;
    }

    /** The offline model's data source: the model is built without a database, so a connection asked for is a bug. */
    private static final javax.sql.DataSource NO_CONNECTIONS = new org.postgresql.ds.PGSimpleDataSource() {
        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            throw new java.sql.SQLException("the offline mapping model is built without a database");
        }
    };

    /**
     * Builds the Hibernate mapping model of the registry's entities without touching a database, for tools that read
     * or export the schema. The caller closes the returned service registry.
     */
    public static OfflineModel offlineModel(EntityRegistry registry) {
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(hibernateProperties())
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                // a data source, so that Hibernate does not warn about supplying connections; asked for one, it fails
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, NO_CONNECTIONS)
                .build();
        try {
            return new OfflineModel(services, metadata(registry, services));
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(services);
            throw e;
        }
    }

    /**
     * The mapping model of the registry's entities, on the given service registry, with the constraint naming
     * convention applied to the unique constraints that Hibernate's DDL would otherwise leave unnamed.
     */
    public static Metadata metadata(EntityRegistry registry, StandardServiceRegistry services) {
        requireNoForeignSchemaSettings(Objects.requireNonNull(services.getService(ConfigurationService.class)).getSettings());
        MetadataSources sources = new MetadataSources(services);
        registry.entityClasses().forEach(sources::addAnnotatedClass);
        registry.mappedPackages().forEach(sources::addPackage);
        Metadata metadata = sources.getMetadataBuilder().build();
        ConventionalConstraintNames.apply(metadata);
        return metadata;
    }

    /** A mapping model with the service registry it lives in; closing it releases the registry. */
    public record OfflineModel(StandardServiceRegistry services, Metadata metadata) implements AutoCloseable {
        @Override
        public void close() {
            StandardServiceRegistryBuilder.destroy(services);
        }
    }
}
