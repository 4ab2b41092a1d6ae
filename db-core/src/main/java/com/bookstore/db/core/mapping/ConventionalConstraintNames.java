package com.bookstore.db.core.mapping;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the unique constraints that Hibernate 6.6 creates carry the names of the convention ({@code uk_<table>_<columns>}).
 *
 * <p>Hibernate does ask the {@link ConventionalImplicitNamingStrategy} for these names, but on PostgreSQL its DDL
 * ({@code CreateTableUniqueDelegate}) then drops them: a {@code @Column(unique = true)} is written as an inline, unnamed
 * {@code unique}, and a unique key whose name was not given explicitly (an unnamed {@code @UniqueConstraint}, a unique
 * {@code @Index} without a name, a natural id) as an unnamed table constraint, so PostgreSQL calls both
 * {@code <table>_<columns>_key}. Foreign keys and indexes keep the strategy's names and need nothing.
 *
 * <p>After binding, this turns every unique column into a unique key of the table and marks every unique key's name as
 * explicit, under the conventional name computed from the physical table and column names. The DDL then writes
 * {@code constraint uk_... unique (...)}, and the model, which liquibase-hibernate reads, holds the same names as the
 * database. Names given explicitly are kept. Column uniqueness only shapes the schema in Hibernate 6.6 (the runtime
 * reads the model's properties, not {@code Column.isUnique()}), so moving it into a unique key changes nothing else.
 */
final class ConventionalConstraintNames {

    private static final String UNIQUE_PREFIX = "uk";

    private ConventionalConstraintNames() {
    }

    /** Applies the convention when {@code metadata} was built with the {@link ConventionalImplicitNamingStrategy}. */
    static void apply(Metadata metadata) {
        if (metadata instanceof MetadataImplementor implementor
                && !(implementor.getMetadataBuildingOptions().getImplicitNamingStrategy() instanceof ConventionalImplicitNamingStrategy)) {
            return;
        }
        for (Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable() || table.isView()) {
                continue;
            }
            uniqueColumnsToUniqueKeys(table);
            nameUniqueKeys(table);
        }
    }

    private static void uniqueColumnsToUniqueKeys(Table table) {
        for (Column column : new ArrayList<>(table.getColumns())) {
            if (!column.isUnique()) {
                continue;
            }
            if (!table.isPrimaryKey(column) && !hasSingleColumnUniqueKey(table, column)) {
                UniqueKey key = table.getOrCreateUniqueKey(conventionalName(table, List.of(column)));
                key.addColumn(column);
                key.setNameExplicit(true);
            }
            column.setUnique(false);
        }
    }

    private static boolean hasSingleColumnUniqueKey(Table table, Column column) {
        return table.getUniqueKeys().values().stream()
                .anyMatch(key -> key.getColumnSpan() == 1 && key.containsColumn(column));
    }

    private static void nameUniqueKeys(Table table) {
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (key.isNameExplicit() || key.getColumnSpan() == 0) {
                continue;
            }
            key.setName(conventionalName(table, key.getColumns()));
            key.setNameExplicit(true);
        }
    }

    private static String conventionalName(Table table, List<Column> columns) {
        return ConventionalImplicitNamingStrategy.NamingConvention.constraintName(UNIQUE_PREFIX, table.getName(),
                columns.stream().map(Column::getName).toList());
    }
}
