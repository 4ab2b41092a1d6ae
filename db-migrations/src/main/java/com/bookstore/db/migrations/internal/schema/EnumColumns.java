package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

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

    /** The enum-typed columns of the entities' tables, of their embedded values and of their element collections. */
    static EnumColumns of(Metadata metadata) {
        Map<String, List<String>> constants = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getPropertyClosure()) {
                collect(property.getValue(), constants);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            collect(collection.getElement(), constants);
        }
        return new EnumColumns(Map.copyOf(constants));
    }

    private static void collect(Value value, Map<String, List<String>> constants) {
        if (value instanceof Component component) {
            component.getProperties().forEach(p -> collect(p.getValue(), constants));
            return;
        }
        if (value instanceof ToOne || value instanceof Collection) {
            return; // an association or a collection property: its enum, if any, is found from its own binding
        }
        Class<?> type = value.getType().getReturnedClass();
        if (!type.isEnum() || value.getColumns().size() != 1) {
            return;
        }
        Table table = value.getTable();
        Column column = value.getColumns().get(0);
        String schema = table.getSchema() == null ? QualifiedName.DEFAULT_SCHEMA : unquote(table.getSchema());
        constants.put(key(new QualifiedName(schema, unquote(table.getName())), unquote(column.getName())),
                Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
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
