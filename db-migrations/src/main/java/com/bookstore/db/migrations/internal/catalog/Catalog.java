package com.bookstore.db.migrations.internal.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * One database's schema, restricted to the compared schemas. Maps are keyed by {@link QualifiedName} and sorted, so
 * that every comparison, and so every generated revision, comes out in the same order on every machine.
 *
 * @param schemas the compared schemas that exist in the database
 * @param tables ordinary and partitioned tables, without the migration tool's own bookkeeping tables
 * @param sequences sequences that are not the internal sequence of an identity column
 * @param enums enum types with their labels in PostgreSQL's sort order
 * @param composites composite types with their attributes
 * @param extensions installed extensions (name to version), for the model's shadow database
 * @param uncovered objects of the compared schemas that no comparison covers (views, domains, ...), described
 */
public record Catalog(Set<String> schemas, SortedMap<QualifiedName, Table> tables, SortedMap<QualifiedName, Sequence> sequences,
        SortedMap<QualifiedName, EnumType> enums, SortedMap<QualifiedName, CompositeType> composites,
        Map<String, String> extensions, List<String> uncovered) {

    /** Read-only views: a catalog is shared by every comparison with the same model (see ExportedModels). */
    public Catalog {
        schemas = Collections.unmodifiableSet(schemas);
        tables = Collections.unmodifiableSortedMap(tables);
        sequences = Collections.unmodifiableSortedMap(sequences);
        enums = Collections.unmodifiableSortedMap(enums);
        composites = Collections.unmodifiableSortedMap(composites);
        extensions = Collections.unmodifiableMap(extensions);
        uncovered = Collections.unmodifiableList(uncovered);
    }

    /** This catalog with {@code more} uncovered objects after its own. */
    public Catalog withUncovered(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(uncovered);
        all.addAll(more);
        return new Catalog(schemas, tables, sequences, enums, composites, extensions, all);
    }

    public Optional<Table> table(QualifiedName name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** A table with its columns in attribute order, its constraints and its indexes, each keyed by name. */
    public record Table(QualifiedName name, List<Column> columns, SortedMap<String, Constraint> constraints,
            SortedMap<String, Index> indexes, String comment) {

        public Table {
            columns = Collections.unmodifiableList(columns);
            constraints = Collections.unmodifiableSortedMap(constraints);
            indexes = Collections.unmodifiableSortedMap(indexes);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }
    }

    /**
     * A column as PostgreSQL stores it.
     *
     * @param type {@code format_type} of the type with its modifiers ({@code character varying(100)},
     *        {@code timestamp(3) with time zone}, {@code numeric(12,2)}, {@code archive.mood})
     * @param defaultExpression {@code pg_get_expr} of the default, null when none
     * @param identity {@code a} (always), {@code d} (by default) or empty
     * @param identitySequence the parameters of the identity's sequence, null when not an identity column
     * @param collation the collation when it is not the type's default, else null
     * @param generated the expression of a stored generated column, null when not generated
     */
    public record Column(String name, String type, boolean notNull, String defaultExpression, String identity,
            SequenceOptions identitySequence, String collation, String generated, String comment) {
    }

    /**
     * A table constraint.
     *
     * @param kind {@code p} primary key, {@code u} unique, {@code f} foreign key, {@code c} check, {@code x} exclusion
     * @param definition {@code pg_get_constraintdef}: {@code FOREIGN KEY (a) REFERENCES t(id) ON DELETE CASCADE}
     * @param referencedTable the table a foreign key references, else null
     * @param columns the constrained columns, in order
     * @param referencedColumns the columns a foreign key references, in the order of {@code columns}, else empty
     */
    public record Constraint(String name, char kind, String definition, QualifiedName referencedTable, List<String> columns,
            List<String> referencedColumns, String comment) {
    }

    /**
     * An index that backs no constraint (those are compared as constraints).
     *
     * @param definition {@code pg_get_indexdef}, which carries uniqueness, method, columns or expressions with their
     *        sort and NULLS order, operator classes, INCLUDE columns and the predicate
     * @param valid false for an index left invalid by a failed {@code CREATE INDEX CONCURRENTLY}
     */
    public record Index(String name, String definition, boolean valid, String comment) {

        /** The definition without the index's own name, to find the same index under another name. */
        public String shape() {
            String quoted = SqlNames.quote(name);
            return definition.replaceFirst("INDEX " + java.util.regex.Pattern.quote(quoted) + " ON ", "INDEX ? ON ");
        }
    }

    /**
     * A sequence and its parameters.
     *
     * @param ownedBy the table owning it ({@code serial}, {@code OWNED BY}), which drops it with itself, else null
     * @param ownedByColumn the owning column, else null
     */
    public record Sequence(QualifiedName name, SequenceOptions options, String comment, QualifiedName ownedBy,
            String ownedByColumn) {
    }

    /** Every parameter of a sequence ({@code pg_sequence}). */
    public record SequenceOptions(String dataType, long start, long increment, long min, long max, long cache, boolean cycle) {
    }

    /** An enum type and its labels, in order. */
    public record EnumType(QualifiedName name, List<String> labels, String comment) {
    }

    /** A composite type and its attributes ({@code name type}), in order. */
    public record CompositeType(QualifiedName name, List<String> attributes, String comment) {
    }
}
