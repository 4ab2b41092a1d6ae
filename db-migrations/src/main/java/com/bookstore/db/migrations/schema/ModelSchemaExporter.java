package com.bookstore.db.migrations.schema;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import com.bookstore.db.core.runtime.MigrationConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets Hibernate create the registry's schema, exactly as the runtime maps it ({@link SchemaMapping}), in an empty
 * database. That database is the "what the entities want" side of every diff.
 */
public final class ModelSchemaExporter {

    private ModelSchemaExporter() {
    }

    public static void export(EntityRegistry registry, DatabaseSettings target) throws SQLException {
        com.bookstore.db.migrations.apply.LiquibaseDefaults.apply();
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(SchemaMapping.hibernateProperties())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, MigrationConnections.unpooled(target))
                .build();
        try {
            Metadata metadata = SchemaMapping.metadata(registry, services);
            Map<String, Object> settings = new HashMap<>(services.getService(
                    org.hibernate.engine.config.spi.ConfigurationService.class).getSettings());
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create-only");
            settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
            SchemaManagementToolCoordinator.process(metadata, services, settings, DelayedDropRegistryNotAvailableImpl.INSTANCE);
        } finally {
            StandardServiceRegistryBuilder.destroy(services);
        }
        try (Connection connection = MigrationConnections.unpooled(target).getConnection()) {
            CheckConstraints.reprint(connection);
        }
    }
}
