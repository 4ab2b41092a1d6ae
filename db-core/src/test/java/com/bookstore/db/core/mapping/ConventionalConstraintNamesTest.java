package com.bookstore.db.core.mapping;

import com.bookstore.db.core.mapping.fixtures.MappingFixtures;
import com.bookstore.db.core.registry.EntityRegistry;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unique keys of the mapping model, without a database: what liquibase-hibernate and the DDL read. */
class ConventionalConstraintNamesTest {

    private final EntityRegistry registry = EntityRegistry.of(new MappingFixtures());

    @Test
    void every_unique_key_of_the_model_has_an_explicit_conventional_name_and_no_column_is_left_inline_unique() {
        Map<String, String> uniqueKeys = new TreeMap<>();
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
            for (Table table : model.metadata().collectTableMappings()) {
                for (UniqueKey key : table.getUniqueKeys().values()) {
                    assertTrue(key.isNameExplicit(), key.getName() + " would be created without its name");
                    uniqueKeys.put(key.getName(), table.getName() + key.getColumns().stream().map(Column::getName).toList());
                }
                for (Column column : table.getColumns()) {
                    assertFalse(column.isUnique(), table.getName() + "." + column.getName()
                            + " would be created as an unnamed inline unique");
                }
            }
        }
        assertEquals(Map.of(
                        "uk_book_edition_isbn13", "book_edition[isbn13]",
                        "uk_book_edition_publisher_id_title_text", "book_edition[publisher_id, title_text]",
                        "publisher_display_name_unique", "publisher[display_name]",
                        "uk_author_pen_name", "author[pen_name]",
                        "uk_author_exclusive_publisher_id", "author[exclusive_publisher_id]",
                        "uk_author_last_name_first_name", "author[last_name, first_name]",
                        "author_email_unique", "author[email_address]",
                        "uk_warehouse_inventory_reservation_adjustment_entry_ex_1e84824d",
                        "warehouse_inventory_reservation_adjustment_entry[external_reference_code]"),
                uniqueKeys);
    }

    @Test
    void applying_it_twice_changes_nothing() {
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
            Map<String, String> before = uniqueKeyNames(model.metadata());
            ConventionalConstraintNames.apply(model.metadata());
            assertEquals(before, uniqueKeyNames(model.metadata()));
        }
    }

    @Test
    void a_model_built_with_another_implicit_naming_strategy_is_left_alone() {
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(SchemaMapping.hibernateProperties())
                .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, ImplicitNamingStrategyJpaCompliantImpl.class.getName())
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .build();
        try {
            Metadata metadata = SchemaMapping.metadata(registry, services);
            Table bookEdition = metadata.collectTableMappings().stream()
                    .filter(t -> t.getName().equals("book_edition")).findFirst().orElseThrow();
            assertTrue(bookEdition.getColumn(new Column("isbn13")).isUnique(), "Hibernate's own handling stays");
        } finally {
            StandardServiceRegistryBuilder.destroy(services);
        }
    }

    private static Map<String, String> uniqueKeyNames(Metadata metadata) {
        Map<String, String> names = new TreeMap<>();
        for (Table table : metadata.collectTableMappings()) {
            for (UniqueKey key : table.getUniqueKeys().values()) {
                names.put(key.getName(), table.getName() + ":" + key.isNameExplicit());
            }
        }
        return names;
    }
}
