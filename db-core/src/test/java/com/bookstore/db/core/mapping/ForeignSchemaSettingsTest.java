package com.bookstore.db.core.mapping;

import com.bookstore.db.core.mapping.fixtures.MappingFixtures;
import com.bookstore.db.core.registry.EntityRegistry;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hibernate setting that changes the mapped schema and that SchemaMapping does not set is refused wherever the
 * metadata is built: the migrations build the model from SchemaMapping alone and would compare another schema than the
 * one the runtime maps.
 */
class ForeignSchemaSettingsTest {

    private static final EntityRegistry REGISTRY = EntityRegistry.of(new MappingFixtures());

    @Test
    void each_schema_shaping_setting_that_schema_mapping_does_not_own_is_refused_by_name() {
        for (Map.Entry<String, String> setting : Map.of(
                "hibernate.default_schema", "reporting",
                "hibernate.type.preferred_uuid_jdbc_type", "CHAR",
                "hibernate.type.prefer_native_enum_types", "true",
                "hibernate.id.db_structure_naming_strategy", "legacy",
                "hibernate.globally_quoted_identifiers", "true").entrySet()) {
            StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                    .applySettings(SchemaMapping.hibernateProperties())
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    .applySetting(setting.getKey(), setting.getValue())
                    .build();
            try {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> SchemaMapping.metadata(REGISTRY, services));
                assertTrue(refused.getMessage().startsWith("The Hibernate setting(s) " + setting.getKey() + "="
                        + setting.getValue() + " change the schema"), refused.getMessage());
                assertTrue(refused.getMessage().contains("@Table(schema"), refused.getMessage());
            } finally {
                StandardServiceRegistryBuilder.destroy(services);
            }
        }
    }

    @Test
    void schema_mappings_own_settings_and_blank_values_pass() {
        SchemaMapping.requireNoForeignSchemaSettings(SchemaMapping.hibernateProperties());
        SchemaMapping.requireNoForeignSchemaSettings(Map.of("hibernate.default_schema", " ", "hibernate.jdbc.batch_size", "50"));
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(REGISTRY)) {
            assertEquals(4, model.metadata().getEntityBindings().size());
        }
    }
}
