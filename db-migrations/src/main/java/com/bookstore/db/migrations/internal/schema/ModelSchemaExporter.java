package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import com.bookstore.db.core.runtime.MigrationConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets Hibernate create the registry's schema, exactly as the runtime maps it ({@link SchemaMapping}), in an empty
 * database. That database is the "what the entities want" side of every diff.
 */
public final class ModelSchemaExporter {

    private ModelSchemaExporter() {
    }

    /**
     * Fails naming the entity and the field of a column that no SQL type fits (a field of type {@code Object}, say):
     * Hibernate's own error, raised later while writing the DDL, names only the table and the column.
     */
    private static void requireColumnTypes(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<Property> properties = new ArrayList<>(entity.getPropertyClosure());
            if (entity.getIdentifierProperty() != null) {
                properties.add(0, entity.getIdentifierProperty());
            }
            for (Property property : properties) {
                for (Column column : property.getColumns()) {
                    try {
                        column.getSqlType(metadata);
                    } catch (RuntimeException e) {
                        throw new MappingException("Entity " + entity.getClassName() + ", field " + property.getName()
                                + " (column " + column.getName() + " of table " + entity.getTable().getName() + "): "
                                + e.getMessage() + ". Give the field a type PostgreSQL can store, an AttributeConverter "
                                + "(@Convert) or @JdbcTypeCode, or mark it @Transient.", e);
                    }
                }
            }
        }
    }

    public static void export(EntityRegistry registry, DatabaseSettings target) throws SQLException {
        com.bookstore.db.migrations.apply.LiquibaseDefaults.apply();
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(SchemaMapping.hibernateProperties())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, MigrationConnections.unpooled(target))
                .build();
        try {
            Metadata metadata = SchemaMapping.metadata(registry, services);
            requireColumnTypes(metadata);
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
