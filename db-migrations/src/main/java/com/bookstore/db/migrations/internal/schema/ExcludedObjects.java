package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Objects of a compared database that the model does not own (another service's tables in a shared database, a view's
 * helper table made by a hand-written revision, an expression or partial index a hand-written revision put on a table
 * of the model), named by {@value #VARIABLE}: comma-separated names or {@code *} patterns, {@code table} (or
 * {@code index}) for {@code public}, {@code schema.table} elsewhere, {@code schema.*} for a whole schema.
 * Like Alembic's {@code include_object}, but never a silent hole: every excluded object is listed in the output, and a
 * pattern that matches an object of the model is refused.
 */
public record ExcludedObjects(List<String> patterns) {

    public static final String VARIABLE = "MIGRATIONS_EXCLUDE";

    public static final ExcludedObjects NONE = new ExcludedObjects(List.of());

    public static ExcludedObjects from(ConfigSource config) {
        return config.get(VARIABLE).map(ExcludedObjects::parse).orElse(NONE);
    }

    static ExcludedObjects parse(String value) {
        List<String> patterns = new ArrayList<>();
        for (String part : value.split(",")) {
            String pattern = part.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!pattern.matches("[A-Za-z0-9_$*]+(\\.[A-Za-z0-9_$*]+)?")) {
                throw new IllegalArgumentException(VARIABLE + " has '" + pattern + "', which is not a name or a pattern: write "
                        + "table, schema.table, or * patterns such as legacy_* or audit.*, separated by commas.");
            }
            patterns.add(pattern.contains(".") ? pattern : QualifiedName.DEFAULT_SCHEMA + "." + pattern);
        }
        return new ExcludedObjects(List.copyOf(patterns));
    }

    boolean matches(QualifiedName name) {
        String text = name.schema() + "." + name.name();
        return patterns.stream().anyMatch(p -> Pattern.matches(java.util.Arrays.stream(p.split("\\*", -1))
                .map(Pattern::quote).collect(java.util.stream.Collectors.joining("[^.]*")), text));
    }

    /** Whether a {@code schema.*} pattern leaves out the whole of {@code schema}. */
    boolean excludesSchema(String schema) {
        return patterns.contains(schema + ".*");
    }

    /** Refuses a pattern that would hide an object of the model: its changes would then never be generated. */
    void requireNoneOf(Catalog model) {
        List<String> hit = new ArrayList<>();
        model.tables().keySet().stream().filter(this::matches).forEach(n -> hit.add("table " + n));
        model.sequences().keySet().stream().filter(this::matches).forEach(n -> hit.add("sequence " + n));
        model.enums().keySet().stream().filter(this::matches).forEach(n -> hit.add("type " + n));
        model.composites().keySet().stream().filter(this::matches).forEach(n -> hit.add("type " + n));
        model.tables().values().forEach(table -> table.indexes().keySet().stream()
                .map(index -> new QualifiedName(table.name().schema(), index)).filter(this::matches)
                .forEach(n -> hit.add("index " + n)));
        if (!hit.isEmpty()) {
            throw new IllegalArgumentException(VARIABLE + " " + patterns + " matches " + String.join(", ", hit)
                    + " of the entity model. Exclusions are for objects the model does not own; narrow the pattern.");
        }
    }

    /** {@code current} without the excluded objects; each one removed is added to {@code excluded}, described. */
    Catalog apply(Catalog current, List<String> excluded) {
        if (patterns.isEmpty()) {
            return current;
        }
        Set<String> schemas = new TreeSet<>();
        for (String schema : current.schemas()) {
            if (excludesSchema(schema)) {
                excluded.add("schema " + schema);
            } else {
                schemas.add(schema);
            }
        }
        SortedMap<QualifiedName, Catalog.Table> tables = new TreeMap<>();
        without(current.tables(), "table", excluded).forEach((name, table) -> tables.put(name, withoutIndexes(table, excluded)));
        return new Catalog(schemas, tables,
                without(current.sequences(), "sequence", excluded), without(current.enums(), "type", excluded),
                without(current.composites(), "type", excluded), current.extensions(), current.uncovered());
    }

    /**
     * {@code table} without the indexes a pattern names (in the table's schema, like any relation): an expression or
     * partial index made by a hand-written revision, which no entity can declare, on a table the model owns.
     */
    private Catalog.Table withoutIndexes(Catalog.Table table, List<String> excluded) {
        SortedMap<String, Catalog.Index> kept = new TreeMap<>();
        table.indexes().forEach((name, index) -> {
            QualifiedName qualified = new QualifiedName(table.name().schema(), name);
            if (matches(qualified)) {
                excluded.add("index " + qualified + " of table " + table.name());
            } else {
                kept.put(name, index);
            }
        });
        return kept.size() == table.indexes().size() ? table
                : new Catalog.Table(table.name(), table.columns(), table.constraints(), kept, table.comment());
    }

    private <V> SortedMap<QualifiedName, V> without(SortedMap<QualifiedName, V> objects, String kind, List<String> excluded) {
        SortedMap<QualifiedName, V> kept = new TreeMap<>();
        objects.forEach((name, object) -> {
            if (matches(name)) {
                excluded.add(kind + " " + name);
            } else {
                kept.put(name, object);
            }
        });
        return kept;
    }
}
