package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Java enum behind each column that stores one, with its constants in declaration (ordinal) order: what the
 * catalog cannot tell, and what a change between {@code @Enumerated(ORDINAL)} and {@code STRING} needs to convert
 * every stored value to the same constant.
 */
public record EnumColumns(Map<String, List<String>> constants) {

    public static final EnumColumns NONE = new EnumColumns(Map.of());

    /** The enum-typed columns of the entities' own tables (embedded and collection enums are not mapped here). */
    static EnumColumns of(Metadata metadata) {
        Map<String, List<String>> constants = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getPropertyClosure()) {
                Class<?> type = property.getType().getReturnedClass();
                if (!type.isEnum() || property.getColumns().size() != 1) {
                    continue;
                }
                Table table = property.getValue().getTable();
                Column column = property.getColumns().get(0);
                String schema = table.getSchema() == null ? QualifiedName.DEFAULT_SCHEMA : unquote(table.getSchema());
                constants.put(key(new QualifiedName(schema, unquote(table.getName())), unquote(column.getName())),
                        Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            }
        }
        return new EnumColumns(Map.copyOf(constants));
    }

    public Optional<List<String>> of(QualifiedName table, String column) {
        return Optional.ofNullable(constants.get(key(table, column)));
    }

    private static String key(QualifiedName table, String column) {
        return table + "." + column;
    }

    private static String unquote(String name) {
        return name.replace("`", "").replace("\"", "");
    }
}
