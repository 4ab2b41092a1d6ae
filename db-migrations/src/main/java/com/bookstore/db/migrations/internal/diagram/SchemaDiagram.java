package com.bookstore.db.migrations.internal.diagram;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.registry.RegisteredEntity;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Mermaid {@code erDiagram} per domain module (one {@code EntityContributor} each) of the tables the registry's
 * entities map to: columns with their PostgreSQL types as Hibernate's PostgreSQL dialect writes them in the DDL,
 * {@code PK}/{@code FK}/{@code UK} markers, and one relationship per foreign key, whose cardinality follows from the
 * key's columns (nullable: zero or one parent; unique: at most one child). Built from the mapping model alone
 * ({@link SchemaMapping#offlineModel}), so no database is needed.
 */
public final class SchemaDiagram {

    private SchemaDiagram() {
    }

    /** The Markdown page: a header, then one section with one diagram per module. */
    public static String markdown(EntityRegistry registry) {
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
            return markdown(registry, model.metadata());
        }
    }

    static String markdown(EntityRegistry registry, Metadata metadata) {
        Map<String, String> moduleOfTable = modules(registry, metadata);
        Map<String, Table> tables = new TreeMap<>();
        for (Table table : metadata.collectTableMappings()) {
            if (table.isPhysicalTable()) {
                tables.put(name(table), table);
            }
        }
        Map<String, List<Table>> byModule = new TreeMap<>();
        tables.forEach((name, table) -> byModule.computeIfAbsent(moduleOfTable.getOrDefault(name, "other"),
                m -> new ArrayList<>()).add(table));

        StringBuilder page = new StringBuilder("""
                # Database schema

                Generated from the entity registry (Hibernate's mapping model, PostgreSQL dialect) by `SchemaDiagramTest`
                (db-migrations) and `./migrate erd`; do not edit by hand. Regenerate with `./migrate erd` or
                `./mvnw -B verify -Ddocs.update=true`. One diagram per domain module (one `EntityContributor` each);
                tables of other modules that a foreign key points to appear without columns. Types are PostgreSQL's, as
                the model's DDL writes them; `PK` primary key, `FK` foreign key, `UK` unique; a relationship is a
                foreign key, labelled with its columns: `||` required parent, `|o` optional parent, `o{` any number of
                children, `o|` at most one.
                """);
        byModule.forEach((module, moduleTables) -> {
            page.append("\n## ").append(module).append("\n\n");
            Set<String> foreign = new TreeSet<>();
            for (Table table : moduleTables) {
                for (ForeignKey key : foreignKeys(table)) {
                    String parent = name(key.getReferencedTable());
                    if (!moduleOfTable.getOrDefault(parent, "other").equals(module)) {
                        foreign.add(parent + " (" + moduleOfTable.getOrDefault(parent, "other") + ")");
                    }
                }
            }
            page.append(moduleTables.size()).append(" table(s)");
            if (!foreign.isEmpty()) {
                page.append("; references ").append(String.join(", ", foreign));
            }
            page.append(".\n\n```mermaid\nerDiagram\n");
            for (Table table : moduleTables) {
                entity(page, table, metadata);
            }
            for (Table table : moduleTables) {
                for (ForeignKey key : foreignKeys(table)) {
                    relationship(page, table, key);
                }
            }
            page.append("```\n");
        });
        return page.toString();
    }

    /** The module of each table: its entity's contributor; a collection or join table goes with its owner. */
    private static Map<String, String> modules(EntityRegistry registry, Metadata metadata) {
        Map<String, String> moduleOfClass = new TreeMap<>();
        for (RegisteredEntity entity : registry.entities()) {
            moduleOfClass.put(entity.entityClass().getName(), entity.moduleName());
        }
        Map<String, String> moduleOfTable = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String module = moduleOf(entity, moduleOfClass);
            if (module != null) {
                moduleOfTable.putIfAbsent(name(entity.getTable()), module);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            String module = moduleOf(collection.getOwner(), moduleOfClass);
            if (module != null && collection.getCollectionTable() != null) {
                moduleOfTable.putIfAbsent(name(collection.getCollectionTable()), module);
            }
        }
        return moduleOfTable;
    }

    private static String moduleOf(PersistentClass entity, Map<String, String> moduleOfClass) {
        for (PersistentClass c = entity; c != null; c = c.getSuperclass()) {
            String module = moduleOfClass.get(c.getClassName());
            if (module != null) {
                return module;
            }
        }
        return null;
    }

    private static void entity(StringBuilder page, Table table, Metadata metadata) {
        Set<String> primary = new HashSet<>();
        if (table.getPrimaryKey() != null) {
            table.getPrimaryKey().getColumns().forEach(c -> primary.add(c.getName()));
        }
        Set<String> foreign = new HashSet<>();
        foreignKeys(table).forEach(key -> key.getColumns().forEach(c -> foreign.add(c.getName())));
        Set<String> unique = new HashSet<>();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            key.getColumns().forEach(c -> unique.add(c.getName()));
        }
        page.append("    ").append(name(table)).append(" {\n");
        for (Column column : table.getColumns()) {
            String type = PostgresTypes.of(column.getSqlType(metadata));
            List<String> markers = new ArrayList<>();
            if (primary.contains(column.getName())) {
                markers.add("PK");
            }
            if (foreign.contains(column.getName())) {
                markers.add("FK");
            }
            if (column.isUnique() || unique.contains(column.getName())) {
                markers.add("UK");
            }
            page.append("        ").append(PostgresTypes.token(type)).append(' ').append(column.getName().toLowerCase(Locale.ROOT));
            if (!markers.isEmpty()) {
                page.append(' ').append(String.join(", ", markers));
            }
            List<String> notes = new ArrayList<>();
            if (!PostgresTypes.token(type).equals(type)) {
                notes.add(type);
            }
            if (!column.isNullable() && !primary.contains(column.getName())) {
                notes.add("not null");
            }
            if (!notes.isEmpty()) {
                page.append(" \"").append(String.join(", ", notes).replace("\"", "'")).append('"');
            }
            page.append('\n');
        }
        page.append("    }\n");
    }

    private static void relationship(StringBuilder page, Table child, ForeignKey key) {
        boolean required = key.getColumns().stream().noneMatch(Column::isNullable);
        boolean atMostOne = isUnique(child, key.getColumns());
        String columns = String.join(", ", key.getColumns().stream().map(c -> c.getName().toLowerCase(Locale.ROOT)).toList());
        page.append("    ").append(name(key.getReferencedTable())).append(' ')
                .append(required ? "||" : "|o").append("--").append(atMostOne ? "o|" : "o{").append(' ')
                .append(name(child)).append(" : \"").append(columns).append("\"\n");
    }

    private static boolean isUnique(Table table, List<Column> columns) {
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.getName()));
        if (names.size() == 1 && columns.get(0).isUnique()) {
            return true;
        }
        if (table.getPrimaryKey() != null && names.equals(columnNames(table.getPrimaryKey().getColumns()))) {
            return true;
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (names.equals(columnNames(key.getColumns()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> columnNames(List<Column> columns) {
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.getName()));
        return names;
    }

    /** The table's foreign keys in a stable order (by name), each once. */
    private static List<ForeignKey> foreignKeys(Table table) {
        Map<String, ForeignKey> keys = new TreeMap<>();
        for (ForeignKey key : table.getForeignKeys().values()) {
            if (key.isPhysicalConstraint() && key.getReferencedTable() != null) {
                keys.putIfAbsent(key.getName() + "|" + key.getColumns(), key);
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(keys.values()));
    }

    private static String name(Table table) {
        return table.getName().toLowerCase(Locale.ROOT);
    }
}
