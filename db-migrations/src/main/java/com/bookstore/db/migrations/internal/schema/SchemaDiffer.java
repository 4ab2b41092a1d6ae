package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.Catalog.Column;
import com.bookstore.db.migrations.internal.catalog.Catalog.CompositeType;
import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.EnumType;
import com.bookstore.db.migrations.internal.catalog.Catalog.Index;
import com.bookstore.db.migrations.internal.catalog.Catalog.Sequence;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Phase;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.literal;
import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * Compares two catalogs object by object, matched by name, attribute by attribute, and writes the changes that turn
 * {@code current} into {@code wanted}. Every difference it finds becomes a change: there is no attribute that is
 * compared and then dropped, so an empty result means the two schemas are the same for everything compared.
 */
final class SchemaDiffer {

    /** The changes in revision order, and the probable column renames a reviewer should confirm. */
    record Result(List<SchemaChange> changes, List<String> renameHints) {
    }

    private final Catalog wanted;
    private final Catalog current;
    private final List<ColumnRename> renames;
    private final EnumColumns enums;
    private final List<SchemaChange> changes = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    /** Whether changes on existing tables take their {@link SafeForms safe form}. */
    private final boolean safe;

    private SchemaDiffer(Catalog wanted, Catalog current, List<ColumnRename> renames, EnumColumns enums, boolean safe) {
        this.wanted = wanted;
        this.current = current;
        this.renames = renames;
        this.enums = enums;
        this.safe = safe;
    }

    /** The changes in their plain form, each one statement list in one transaction: what {@code check} reports. */
    static Result diff(Catalog wanted, Catalog current, List<ColumnRename> renames, EnumColumns enums) {
        return diff(wanted, current, renames, enums, false);
    }

    /**
     * @param safe whether changes on tables that exist before the revision take their {@link SafeForms safe form}
     *        (tables the revision creates have no rows nor readers yet: they keep the plain form)
     */
    static Result diff(Catalog wanted, Catalog current, List<ColumnRename> renames, EnumColumns enums, boolean safe) {
        SchemaDiffer differ = new SchemaDiffer(wanted, current, renames, enums, safe);
        differ.schemas();
        differ.enums();
        differ.composites();
        differ.sequences();
        differ.tables();
        differ.requireRenamesUsed();
        List<SchemaChange> ordered = new ArrayList<>(differ.changes);
        ordered.sort(Comparator.comparing(SchemaChange::phase)); // stable: keeps the catalog's name order inside a phase
        return new Result(List.copyOf(ordered), List.copyOf(differ.hints));
    }

    private void add(Phase phase, Risk risk, String description, String... statements) {
        changes.add(SchemaChange.of(phase, risk, description, statements));
    }

    /** As {@link #add}, in the safe form {@code steps} when safe forms are asked for. */
    private void add(SchemaChange change, List<Step> safeSteps, String violations, String why) {
        SchemaChange made = safe ? change.withSteps(safeSteps) : change;
        changes.add(violations == null ? made : made.withPrecheck(violations, why));
    }

    /** As {@link #add}, with a pre-check counting the rows that would make the change fail (see {@link Prechecks}). */
    private void addChecked(Phase phase, Risk risk, String description, String violations, String why, String... statements) {
        SchemaChange change = SchemaChange.of(phase, risk, description, statements);
        changes.add(violations == null ? change : change.withPrecheck(violations, why));
    }

    /** Columns whose type changes in this revision, as {@code table.column}: their constraints are not pre-checked. */
    private final Set<String> retyped = new TreeSet<>();

    // ---------------------------------------------------------------- schemas and types

    private void schemas() {
        for (String schema : wanted.schemas()) {
            if (!current.schemas().contains(schema)) {
                add(Phase.CREATE_SCHEMA, Risk.SAFE, "create schema " + schema, "CREATE SCHEMA " + quote(schema));
            }
        }
        for (String schema : current.schemas()) {
            if (!wanted.schemas().contains(schema) && !QualifiedName.DEFAULT_SCHEMA.equals(schema)) {
                add(Phase.DROP_SCHEMA, Risk.CAUTION, "drop schema " + schema + " (fails while it holds objects the model does not own)",
                        "DROP SCHEMA " + quote(schema));
            }
        }
    }

    private void enums() {
        for (EnumType want : wanted.enums().values()) {
            EnumType have = current.enums().get(want.name());
            if (have == null) {
                add(Phase.CREATE_TYPE, Risk.SAFE, "create enum type " + want.name() + " " + want.labels(), createEnum(want));
            } else if (!have.labels().equals(want.labels())) {
                changeEnum(have, want);
            }
            if (have == null ? want.comment() != null : !Objects.equals(have.comment(), want.comment())) {
                comment("TYPE " + want.name().sql(), "enum type " + want.name(), want.comment());
            }
        }
        for (EnumType have : current.enums().values()) {
            if (!wanted.enums().containsKey(have.name())) {
                add(Phase.DROP_TYPE, Risk.CAUTION, "drop enum type " + have.name(), "DROP TYPE " + have.name().sql());
            }
        }
    }

    private static String createEnum(EnumType type) {
        return "CREATE TYPE " + type.name().sql() + " AS ENUM (" + String.join(", ", type.labels().stream()
                .map(l -> literal(l)).toList()) + ")";
    }

    /** New labels are added in place; a removed, renamed or moved label needs the type re-created, which is destructive. */
    private void changeEnum(EnumType have, EnumType want) {
        List<String> kept = want.labels().stream().filter(have.labels()::contains).toList();
        if (kept.equals(have.labels())) {
            List<String> present = new ArrayList<>(have.labels());
            for (int i = 0; i < want.labels().size(); i++) {
                String label = want.labels().get(i);
                if (present.contains(label)) {
                    continue;
                }
                String position = i > 0 ? " AFTER " + literal(want.labels().get(i - 1))
                        : present.isEmpty() ? "" : " BEFORE " + literal(present.get(0));
                add(Phase.CREATE_TYPE, Risk.SAFE, "add value " + literal(label) + " to enum type " + want.name(),
                        "ALTER TYPE " + want.name().sql() + " ADD VALUE " + literal(label) + position);
                present.add(label);
            }
            return;
        }
        List<String> removed = have.labels().stream().filter(l -> !want.labels().contains(l)).toList();
        String old = quote(want.name().name() + "_old");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + want.name().sql() + " RENAME TO " + old);
        statements.add(createEnum(want));
        String type = want.name().sql();
        for (Table table : current.tables().values()) {
            for (Column column : table.columns()) {
                // the columns of the type and of arrays of it; a default cannot be cast to the new type: PostgreSQL
                // wants it dropped for the change and set again after (same text: the new type has the old name)
                String array = column.type().equals(type) ? "" : column.type().equals(type + "[]") ? "[]" : null;
                if (array == null) {
                    continue;
                }
                String alter = "ALTER TABLE " + table.name().sql() + " ALTER COLUMN " + quote(column.name());
                if (column.defaultExpression() != null) {
                    statements.add(alter + " DROP DEFAULT");
                }
                statements.add(alter + " TYPE " + type + array + " USING " + quote(column.name()) + "::text" + array + "::"
                        + type + array);
                if (column.defaultExpression() != null) {
                    statements.add(alter + " SET DEFAULT " + column.defaultExpression());
                }
            }
        }
        statements.add("DROP TYPE " + (QualifiedName.DEFAULT_SCHEMA.equals(want.name().schema()) ? old
                : quote(want.name().schema()) + "." + old));
        addChecked(Phase.CREATE_TYPE, removed.isEmpty() ? Risk.CAUTION : Risk.DESTRUCTIVE, "re-create enum type " + want.name()
                + " as " + want.labels() + (removed.isEmpty() ? " (labels reordered)"
                        : " (values " + removed + " removed: rows holding them make the upgrade fail)"),
                removed.isEmpty() ? null : Prechecks.holding(current, want.name().sql(), removed),
                "hold the removed value(s) " + removed + " of enum type " + want.name(), statements.toArray(String[]::new));
    }

    private void composites() {
        for (CompositeType want : wanted.composites().values()) {
            CompositeType have = current.composites().get(want.name());
            String create = "CREATE TYPE " + want.name().sql() + " AS (" + String.join(", ", want.attributes()) + ")";
            if (have == null) {
                add(Phase.CREATE_TYPE, Risk.SAFE, "create composite type " + want.name(), create);
            } else if (!have.attributes().equals(want.attributes())) {
                add(Phase.CREATE_TYPE, Risk.DESTRUCTIVE, "re-create composite type " + want.name() + " as " + want.attributes()
                        + " (fails while columns use it)", "DROP TYPE " + want.name().sql(), create);
            }
        }
        for (CompositeType have : current.composites().values()) {
            if (!wanted.composites().containsKey(have.name())) {
                add(Phase.DROP_TYPE, Risk.CAUTION, "drop composite type " + have.name(), "DROP TYPE " + have.name().sql());
            }
        }
    }

    // ---------------------------------------------------------------- sequences

    private void sequences() {
        Map<QualifiedName, QualifiedName> renamed = pairRenames(current.sequences(), wanted.sequences(),
                (have, want) -> have.name().schema().equals(want.name().schema()) && have.options().equals(want.options()));
        renamed.forEach((from, to) -> add(Phase.SEQUENCE, Risk.SAFE, "rename sequence " + from + " to " + to
                + " (keeps its current value)", "ALTER SEQUENCE " + from.sql() + " RENAME TO " + quote(to.name())));
        Set<String> createdSchemas = new TreeSet<>();
        for (Sequence want : wanted.sequences().values()) {
            Sequence have = current.sequences().get(want.name());
            if (have == null && !renamed.containsValue(want.name())) {
                add(Phase.SEQUENCE, Risk.SAFE, "create sequence " + want.name() + " (" + SequenceSql.describe(want.options()) + ")",
                        "CREATE SEQUENCE " + want.name().sql() + SequenceSql.create(want.options()));
                createdSchemas.add(want.name().schema());
            } else if (have != null && !have.options().equals(want.options())) {
                add(Phase.SEQUENCE, Risk.SAFE, "alter sequence " + want.name() + " to " + SequenceSql.describe(want.options())
                        + " (its current value is kept)", "ALTER SEQUENCE " + want.name().sql() + SequenceSql.alter(want.options()));
            }
            Sequence after = have != null ? have : renamed.containsValue(want.name()) ? current.sequences().get(keyOf(renamed, want.name())) : null;
            if (after == null ? want.comment() != null : !Objects.equals(after.comment(), want.comment())) {
                comment("SEQUENCE " + want.name().sql(), "sequence " + want.name(), want.comment());
            }
        }
        for (Sequence have : current.sequences().values()) {
            if (droppedWithItsOwner(have)) {
                continue; // a serial's sequence: DROP TABLE or DROP COLUMN of its owner drops it
            }
            if (!wanted.sequences().containsKey(have.name()) && !renamed.containsKey(have.name())) {
                boolean probableRename = createdSchemas.contains(have.name().schema());
                add(Phase.DROP_SEQUENCE, probableRename ? Risk.DESTRUCTIVE : Risk.CAUTION, "drop sequence " + have.name()
                        + (probableRename ? " while another sequence is created: if it is a rename, ids would restart at "
                                + "the new sequence's start; keep the old parameters to get a rename, or rename it by hand"
                                : " (its current value is lost)"), "DROP SEQUENCE " + have.name().sql());
            }
        }
    }

    /** Whether the sequence belongs to a table or column this revision drops, and so goes with it. */
    private boolean droppedWithItsOwner(Sequence sequence) {
        if (sequence.ownedBy() == null || wanted.sequences().containsKey(sequence.name())) {
            return false;
        }
        Table owner = wanted.tables().get(sequence.ownedBy());
        return owner == null || sequence.ownedByColumn() != null && owner.column(sequence.ownedByColumn()).isEmpty();
    }

    private static <K> K keyOf(Map<K, K> map, K value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /**
     * Pairs objects only in {@code have} with objects only in {@code want} that are the same but for their name, when
     * the pairing is unambiguous (exactly one candidate on each side): those are renames.
     */
    private static <K extends Comparable<K>, V> Map<K, K> pairRenames(Map<K, V> have, Map<K, V> want, BiPredicate<V, V> same) {
        Map<K, K> pairs = new LinkedHashMap<>();
        for (Map.Entry<K, V> w : want.entrySet()) {
            if (have.containsKey(w.getKey())) {
                continue;
            }
            List<K> candidates = have.entrySet().stream().filter(h -> !want.containsKey(h.getKey()))
                    .filter(h -> same.test(h.getValue(), w.getValue())).map(Map.Entry::getKey).toList();
            if (candidates.size() != 1) {
                continue;
            }
            V only = have.get(candidates.get(0));
            long back = want.entrySet().stream().filter(o -> !have.containsKey(o.getKey()))
                    .filter(o -> same.test(only, o.getValue())).count();
            if (back == 1) {
                pairs.put(candidates.get(0), w.getKey());
            }
        }
        return pairs;
    }

    // ---------------------------------------------------------------- tables

    private void tables() {
        for (Table want : wanted.tables().values()) {
            Table have = current.tables().get(want.name());
            if (have == null) {
                createTable(want);
            } else {
                alterTable(have, want);
            }
        }
        for (Table have : current.tables().values()) {
            if (!wanted.tables().containsKey(have.name())) {
                dropTable(have);
            }
        }
    }

    private void createTable(Table table) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(quote(column.name()) + " " + columnDefinition(column));
        }
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() != 'f') {
                parts.add("CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition());
            }
        }
        add(Phase.CREATE_TABLE, Risk.SAFE, "create table " + table.name() + " (" + table.columns().size() + " columns)",
                "CREATE TABLE " + table.name().sql() + " (\n    " + String.join(",\n    ", parts) + "\n)");
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() == 'f') {
                add(Phase.ADD_FOREIGN_KEY, Risk.SAFE, describeAdd(table, constraint), addConstraint(table, constraint));
            }
        }
        for (Index index : table.indexes().values()) {
            add(Phase.ADD_CONSTRAINT, Risk.SAFE, "create index " + index.name() + " on " + table.name(), index.definition());
        }
        if (table.comment() != null) {
            comment("TABLE " + table.name().sql(), "table " + table.name(), table.comment());
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                comment("COLUMN " + table.name().sql() + "." + quote(column.name()), "column " + table.name() + "." + column.name(),
                        column.comment());
            }
        }
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.comment() != null) {
                comment("CONSTRAINT " + quote(constraint.name()) + " ON " + table.name().sql(), "constraint " + constraint.name(),
                        constraint.comment());
            }
        }
        for (Index index : table.indexes().values()) {
            if (index.comment() != null) {
                comment("INDEX " + indexName(table, index.name()), "index " + index.name(), index.comment());
            }
        }
    }

    private void dropTable(Table table) {
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() == 'f') {
                add(Phase.DROP_FOREIGN_KEY, Risk.CAUTION, "drop foreign key " + constraint.name() + " on " + table.name(),
                        dropConstraint(table, constraint));
            }
        }
        String moved = wanted.tables().keySet().stream().filter(n -> n.name().equals(table.name().name())).findFirst()
                .map(to -> " (moved to schema " + to.schema() + "? ALTER TABLE " + table.name().sql() + " SET SCHEMA "
                        + quote(to.schema()) + " keeps the rows: write it in a hand-written revision)")
                .orElse("");
        add(Phase.DROP_TABLE, Risk.DESTRUCTIVE, "drop table " + table.name() + moved, "DROP TABLE " + table.name().sql());
        if (moved.isEmpty()) {
            renamedTable(table).ifPresent(to -> hints.add("Probable rename: table " + table.name() + " -> " + to
                    + " (the same columns). Dropping and creating loses its rows; if it is a rename, write ALTER TABLE "
                    + table.name().sql() + " RENAME TO " + quote(to.name()) + " in a revision of its own (./migrate "
                    + "revision -m \"rename " + table.name().name() + "\"), then run generate again: it renames what "
                    + "is named after the table (key, constraints, indexes, sequences)."));
        }
    }

    /**
     * The one table the model creates with the same columns (names and types) as {@code dropped}, in the same schema,
     * when no other dropped table has those columns too: a hint must never pair a table with the wrong one's rows.
     */
    private Optional<QualifiedName> renamedTable(Table dropped) {
        java.util.Set<String> columns = columnSet(dropped);
        List<QualifiedName> created = wanted.tables().values().stream()
                .filter(t -> !current.tables().containsKey(t.name()) && t.name().schema().equals(dropped.name().schema()))
                .filter(t -> columnSet(t).equals(columns)).map(Table::name).toList();
        long droppedAlike = current.tables().values().stream()
                .filter(t -> !wanted.tables().containsKey(t.name()) && t.name().schema().equals(dropped.name().schema()))
                .filter(t -> columnSet(t).equals(columns)).count();
        return created.size() == 1 && droppedAlike == 1 ? Optional.of(created.get(0)) : Optional.empty();
    }

    private static java.util.Set<String> columnSet(Table table) {
        return table.columns().stream().map(c -> c.name() + " " + c.type()).collect(java.util.stream.Collectors.toSet());
    }

    private void alterTable(Table have, Table want) {
        columns(have, want);
        constraints(have, want);
        indexes(have, want);
        if (!Objects.equals(have.comment(), want.comment())) {
            comment("TABLE " + want.name().sql(), "table " + want.name(), want.comment());
        }
    }

    // ---------------------------------------------------------------- columns

    private void columns(Table have, Table want) {
        Map<String, String> renamedTo = new LinkedHashMap<>();
        for (ColumnRename rename : renames) {
            if (rename.table().equals(want.name().toString())) {
                Column old = have.column(rename.oldName()).orElse(null);
                Column neu = want.column(rename.newName()).orElse(null);
                if (old == null || neu == null || want.column(rename.oldName()).isPresent()
                        || have.column(rename.newName()).isPresent()) {
                    throw new IllegalArgumentException("--rename " + rename.table() + "." + rename.oldName() + "="
                            + rename.newName() + " does not match a dropped column " + rename.oldName()
                            + " and an added column " + rename.newName() + " of table " + rename.table() + " in this diff.");
                }
                requireSameDefinition(rename, old, neu);
                renamedTo.put(rename.oldName(), rename.newName());
                usedRenames.add(rename);
                add(Phase.RENAME, Risk.SAFE, "rename column " + want.name() + "." + rename.oldName() + " to " + rename.newName()
                        + " (keeps the data)", "ALTER TABLE " + want.name().sql() + " RENAME COLUMN " + quote(rename.oldName())
                        + " TO " + quote(rename.newName()));
            }
        }
        List<Column> added = new ArrayList<>();
        List<Column> dropped = new ArrayList<>();
        for (Column column : want.columns()) {
            String oldName = renamedTo.entrySet().stream().filter(e -> e.getValue().equals(column.name()))
                    .map(Map.Entry::getKey).findFirst().orElse(column.name());
            Column existing = renamedTo.containsKey(column.name()) ? null : have.column(oldName).orElse(null);
            if (existing == null) {
                added.add(column);
                addColumn(want, column);
            } else {
                alterColumn(want, existing, column);
            }
        }
        for (Column column : have.columns()) {
            if (!renamedTo.containsKey(column.name()) && want.column(column.name()).isEmpty()) {
                dropped.add(column);
                add(Phase.DROP_COLUMN, Risk.DESTRUCTIVE, "drop column " + want.name() + "." + column.name(),
                        "ALTER TABLE " + want.name().sql() + " DROP COLUMN " + quote(column.name()));
            }
        }
        for (Column gone : dropped) {
            for (Column neu : added) {
                if (gone.type().equals(neu.type())) {
                    String t = want.name().toString();
                    hints.add("Probable rename: " + t + "." + gone.name() + " -> " + t + "." + neu.name() + " (same type "
                            + ColumnType.parse(gone.type()) + "). Dropping and adding loses the column's data; if it is a "
                            + "rename, run generate again with --rename " + t + "." + gone.name() + "=" + neu.name()
                            + " to emit ALTER TABLE " + want.name().sql() + " RENAME COLUMN " + quote(gone.name()) + " TO "
                            + quote(neu.name()) + " instead.");
                }
            }
        }
    }

    private final List<ColumnRename> usedRenames = new ArrayList<>();

    private void requireRenamesUsed() {
        for (ColumnRename rename : renames) {
            if (!usedRenames.contains(rename)) {
                throw new IllegalArgumentException("--rename " + rename.table() + "." + rename.oldName() + "=" + rename.newName()
                        + " does not match a dropped column " + rename.oldName() + " and an added column "
                        + rename.newName() + " of table " + rename.table() + " in this diff.");
            }
        }
    }

    /**
     * A rename carries the column as it is: when the new column also differs in type or nullability, the rename is
     * refused with the way to do it in two revisions, so that a reviewer sees each step.
     */
    private static void requireSameDefinition(ColumnRename rename, Column old, Column neu) {
        if (!old.type().equals(neu.type()) || old.notNull() != neu.notNull()) {
            throw new IllegalArgumentException("--rename " + rename.table() + "." + rename.oldName() + "=" + rename.newName()
                    + ": the columns differ (" + describe(old) + " against " + describe(neu) + "), so a rename alone would not "
                    + "reach the model. Rename first (keep the old definition in the entity, generate with --rename), then "
                    + "change the column and generate again.");
        }
    }

    private static String describe(Column column) {
        return ColumnType.parse(column.type()) + (column.notNull() ? " not null" : "");
    }

    private static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (!column.identity().isEmpty()) {
            sql.append(identityClause(column));
        }
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private static String identityClause(Column column) {
        String options = SequenceSql.identityOptions(column.identitySequence());
        return " GENERATED " + ("a".equals(column.identity()) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + options + ")");
    }

    private void addColumn(Table table, Column column) {
        boolean needsValue = column.notNull() && column.defaultExpression() == null && column.identity().isEmpty()
                && column.generated() == null;
        addChecked(Phase.ALTER_COLUMN, needsValue ? Risk.CAUTION : Risk.SAFE, "add column " + table.name() + "." + column.name()
                        + " " + ColumnType.parse(column.type())
                        + (needsValue ? " NOT NULL without a default (fails if the table has rows)" : ""),
                needsValue ? Prechecks.rows(table) : null, "exist in " + table.name() + ", which gets a NOT NULL column without a default",
                "ALTER TABLE " + table.name().sql() + " ADD COLUMN " + quote(column.name()) + " " + columnDefinition(column));
        if (column.comment() != null) {
            comment("COLUMN " + table.name().sql() + "." + quote(column.name()), "column " + table.name() + "." + column.name(),
                    column.comment());
        }
    }

    private void alterColumn(Table table, Column current, Column want) {
        Column have = current;
        String alter = "ALTER TABLE " + table.name().sql() + " ALTER COLUMN " + quote(want.name());
        String where = table.name() + "." + want.name();
        if (have.generated() != null && want.generated() == null) {
            add(Phase.ALTER_COLUMN, Risk.SAFE, "make " + where + " a plain column (keeps its stored values)",
                    alter + " DROP EXPRESSION");
            have = new Column(have.name(), have.type(), have.notNull(), null, have.identity(), have.identitySequence(),
                    have.collation(), null, have.comment());
        } else if (!Objects.equals(have.generated(), want.generated())) {
            add(Phase.ALTER_COLUMN, Risk.DESTRUCTIVE, "re-create " + where + " as a column generated from "
                    + want.generated() + " (drops the column with its stored values, indexes and constraints, then "
                    + "computes the values again)",
                    "ALTER TABLE " + table.name().sql() + " DROP COLUMN " + quote(want.name()),
                    "ALTER TABLE " + table.name().sql() + " ADD COLUMN " + quote(want.name()) + " " + columnDefinition(want));
            return;
        }
        boolean identityDropped = !have.identity().isEmpty() && want.identity().isEmpty();
        if (identityDropped) {
            add(Phase.ALTER_COLUMN, Risk.CAUTION, "drop identity of " + where + " (inserts must then give a value)",
                    alter + " DROP IDENTITY");
        }
        if (have.defaultExpression() != null && !Objects.equals(have.defaultExpression(), want.defaultExpression())) {
            // dropped first even when another default replaces it: the old one may not fit a new type or identity
            add(Phase.ALTER_COLUMN, Risk.SAFE, "drop default of " + where + " (was " + have.defaultExpression() + ")",
                    alter + " DROP DEFAULT");
        }
        if (!have.type().equals(want.type()) || !Objects.equals(have.collation(), want.collation())) {
            changeType(table, have, want, alter, where);
        }
        if (!have.notNull() && want.notNull()) {
            String description = "set NOT NULL on " + where + " (fails if rows hold NULL)";
            SchemaChange plain = SchemaChange.of(Phase.ALTER_COLUMN, Risk.CAUTION, description, alter + " SET NOT NULL");
            // an identity needs NOT NULL already in the transaction that adds it: that change keeps the plain form
            boolean identityAdded = have.identity().isEmpty() && !want.identity().isEmpty();
            add(plain, identityAdded ? plain.steps() : SafeForms.setNotNull(table, want.name(), description),
                    Prechecks.nulls(table, want.name()), "of " + table.name() + " hold NULL in " + want.name());
        } else if (have.notNull() && !want.notNull()) {
            add(Phase.ALTER_COLUMN, Risk.SAFE, "drop NOT NULL on " + where, alter + " DROP NOT NULL");
        }
        if (have.identity().isEmpty() && !want.identity().isEmpty()) {
            add(Phase.ALTER_COLUMN, Risk.SAFE, "make " + where + " an identity column (existing ids are kept; new ones "
                    + "continue after the largest)", alter + " ADD" + identityClause(want),
                    "SELECT setval(pg_get_serial_sequence(" + literal(table.name().sql()) + ", " + literal(want.name()) + "), max("
                            + quote(want.name()) + ")) FROM " + table.name().sql() + " HAVING max(" + quote(want.name())
                            + ") IS NOT NULL");
        } else if (!have.identity().isEmpty() && !want.identity().isEmpty()) {
            if (!have.identity().equals(want.identity())) {
                add(Phase.ALTER_COLUMN, Risk.SAFE, "identity of " + where + " generated "
                        + ("a".equals(want.identity()) ? "always" : "by default"),
                        alter + " SET GENERATED " + ("a".equals(want.identity()) ? "ALWAYS" : "BY DEFAULT"));
            }
            String options = SequenceSql.identityAlter(have.identitySequence(), want.identitySequence());
            if (!options.isEmpty()) {
                add(Phase.ALTER_COLUMN, Risk.SAFE, "identity of " + where + ": " + options.strip().toLowerCase(java.util.Locale.ROOT)
                        + " (its current value is kept)", alter + options);
            }
        }
        if (want.defaultExpression() != null && !want.defaultExpression().equals(have.defaultExpression())) {
            add(Phase.ALTER_COLUMN, Risk.SAFE, "set default of " + where + " to " + want.defaultExpression(),
                    alter + " SET DEFAULT " + want.defaultExpression());
        }
        if (!Objects.equals(have.comment(), want.comment())) {
            comment("COLUMN " + table.name().sql() + "." + quote(want.name()), "column " + where, want.comment());
        }
    }

    private void changeType(Table table, Column have, Column want, String alter, String where) {
        retyped.add(table.name() + "." + want.name());
        ColumnType from = ColumnType.parse(have.type());
        ColumnType to = ColumnType.parse(want.type());
        String collate = want.collation() != null ? " COLLATE " + want.collation()
                : have.collation() != null && TypeConversions.isText(want.type()) ? " COLLATE pg_catalog.\"default\"" : "";
        String using = TypeConversions.zoneChange(have.type(), want.type())
                ? " USING " + quote(want.name()) + " AT TIME ZONE 'UTC'" // whatever the session's TimeZone
                : TypeConversions.needsUsing(have.type(), want.type()) ? " USING " + quote(want.name()) + "::" + want.type() : "";
        String sql = alter + " TYPE " + want.type() + collate + using;
        if (have.type().equals(want.type())) {
            add(Phase.ALTER_COLUMN, Risk.CAUTION, "change collation of " + where + " from "
                    + Objects.toString(have.collation(), "the default") + " to " + Objects.toString(want.collation(), "the default")
                    + " (changes sort order and uniqueness of text; rebuilds its indexes)", sql);
            return;
        }
        String change = "change type of " + where + " from " + from + " to " + to;
        Optional<List<String>> constants = enums.of(table.name(), want.name());
        if (constants.isPresent() && EnumStorage.converts(from, to)) {
            EnumStorage storage = new EnumStorage(quote(want.name()), constants.get());
            boolean toNames = EnumStorage.isText(to);
            addChecked(Phase.ALTER_COLUMN, Risk.SAFE, change + (toNames ? " (each stored ordinal becomes its constant's name: "
                            : " (each stored name becomes its constant's ordinal: ") + storage.describe() + ")",
                    storage.unknownValues(table.name().sql(), !toNames), "of " + table.name() + " hold a value of " + want.name()
                            + " that is no constant of its enum " + constants.get(),
                    alter + " TYPE " + want.type() + collate + " USING " + (toNames ? storage.toNames() : storage.toOrdinals()));
            return;
        }
        Integer lostDigits = TypeConversions.lostFractionalDigits(have.type(), want.type());
        if (lostDigits != null) {
            add(Phase.ALTER_COLUMN, Risk.DESTRUCTIVE, change + " (rounds stored fractional seconds to " + lostDigits + " digits)", sql);
        } else if (from.base().equals("timestamp") && to.base().equals("timestamptz")) {
            add(Phase.ALTER_COLUMN, Risk.CAUTION, change + " (existing values are read as UTC)", sql);
        } else if (from.fitsInto(to)) {
            add(Phase.ALTER_COLUMN, Risk.SAFE, change, sql);
        } else {
            addChecked(Phase.ALTER_COLUMN, Risk.DESTRUCTIVE, change + " (narrowing: values may not fit)",
                    Prechecks.tooLong(table, have.name(), from, to), "of " + table.name() + " hold values of " + have.name()
                            + " longer than " + to.length() + " characters", sql);
        }
    }

    // ---------------------------------------------------------------- constraints and indexes

    private void constraints(Table have, Table want) {
        Map<String, String> renamed = pairRenames(have.constraints(), want.constraints(),
                (h, w) -> h.kind() == w.kind() && h.definition().equals(w.definition()));
        renamed.forEach((from, to) -> add(Phase.RENAME, Risk.SAFE, "rename constraint " + from + " on " + want.name() + " to " + to,
                "ALTER TABLE " + want.name().sql() + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to)));
        for (Constraint w : want.constraints().values()) {
            Constraint h = have.constraints().get(w.name());
            if (renamed.containsValue(w.name())) {
                h = have.constraints().get(keyOf(renamed, w.name()));
            } else if (h == null) {
                addConstraintChange(have, want, w);
            } else if (h.kind() != w.kind() || !h.definition().equals(w.definition())) {
                dropConstraintChange(want, h);
                List<String> removed = removedEnumValues(want, h, w);
                if (removed.isEmpty()) {
                    addConstraintChange(have, want, w);
                } else {
                    String column = w.columns().get(0);
                    addChecked(Phase.ADD_CONSTRAINT, Risk.DESTRUCTIVE, describeAdd(want, w) + " (enum value(s) " + removed
                                    + " removed from " + want.name() + "." + column + ": rows holding them would have to change)",
                            retyped.contains(want.name() + "." + column) ? null : Prechecks.rows(have) + " WHERE "
                                    + quote(column) + "::text IN (" + String.join(", ", removed.stream().map(v -> literal(v)).toList())
                                    + ")", "of " + want.name() + " hold the removed enum value(s) " + removed + " in " + column,
                            addConstraint(want, w));
                }
                h = null; // re-created: its comment is gone with it
            }
            if (h == null ? w.comment() != null : !Objects.equals(h.comment(), w.comment())) {
                comment("CONSTRAINT " + quote(w.name()) + " ON " + want.name().sql(), "constraint " + w.name(), w.comment());
            }
        }
        for (Constraint h : have.constraints().values()) {
            if (!want.constraints().containsKey(h.name()) && !renamed.containsKey(h.name())) {
                dropConstraintChange(want, h);
            }
        }
    }

    /**
     * A constraint added to an existing table, pre-checked against its rows when every column it reads is there
     * before the revision with its type unchanged (otherwise the check could not run, or would read other values).
     */
    private void addConstraintChange(Table have, Table table, Constraint constraint) {
        Phase phase = constraint.kind() == 'f' ? Phase.ADD_FOREIGN_KEY : Phase.ADD_CONSTRAINT;
        boolean checkable = !constraint.columns().isEmpty() && constraint.columns().stream()
                .allMatch(c -> have.column(c).isPresent() && !retyped.contains(table.name() + "." + c));
        String violations = checkable ? Prechecks.violating(have, constraint, current) : null;
        String description = describeAdd(table, constraint) + " (" + violation(constraint) + ")";
        SchemaChange plain = SchemaChange.of(phase, Risk.CAUTION, description, addConstraint(table, constraint));
        add(plain, SafeForms.covers(constraint) ? SafeForms.addConstraint(table, constraint, phase, description) : plain.steps(),
                violations, Prechecks.why(table, constraint));
    }

    private void dropConstraintChange(Table table, Constraint constraint) {
        Phase phase = constraint.kind() == 'f' ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT;
        add(phase, Risk.CAUTION, "drop " + kindName(constraint) + " " + constraint.name() + " on " + table.name()
                + " (was: " + constraint.definition() + ")", dropConstraint(table, constraint));
    }

    /** The names an enum column's CHECK stops accepting, when the model maps that column to a Java enum. */
    private List<String> removedEnumValues(Table table, Constraint have, Constraint want) {
        if (have.kind() != 'c' || want.kind() != 'c' || want.columns().size() != 1
                || enums.of(table.name(), want.columns().get(0)).isEmpty()
                || retyped.contains(table.name() + "." + want.columns().get(0))) {
            return List.of(); // not an enum column, or its storage changes: the conversion maps every value
        }
        List<String> before = literals(have.definition());
        List<String> after = literals(want.definition());
        if (after.isEmpty()) {
            return List.of();
        }
        return before.stream().filter(v -> !after.contains(v)).toList();
    }

    private static List<String> literals(String definition) {
        List<String> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(definition);
        while (m.find()) {
            values.add(m.group(1).replace("''", "'"));
        }
        return values;
    }

    private static String describeAdd(Table table, Constraint constraint) {
        return "add " + kindName(constraint) + " " + constraint.name() + " on " + table.name() + ": " + constraint.definition();
    }

    private static String kindName(Constraint constraint) {
        return switch (constraint.kind()) {
            case 'p' -> "primary key";
            case 'u' -> "unique constraint";
            case 'f' -> "foreign key";
            case 'c' -> "CHECK constraint";
            default -> "exclusion constraint";
        };
    }

    private static String violation(Constraint constraint) {
        return switch (constraint.kind()) {
            case 'p' -> "fails if rows hold NULL or duplicate keys";
            case 'u' -> "fails if duplicates exist";
            case 'f' -> "fails if rows reference missing " + constraint.referencedTable() + " rows";
            case 'c' -> "fails if existing rows violate it";
            default -> "fails if existing rows conflict";
        };
    }

    private static String addConstraint(Table table, Constraint constraint) {
        return "ALTER TABLE " + table.name().sql() + " ADD CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition();
    }

    private static String dropConstraint(Table table, Constraint constraint) {
        return "ALTER TABLE " + table.name().sql() + " DROP CONSTRAINT " + quote(constraint.name());
    }

    private void indexes(Table have, Table want) {
        Map<String, String> renamed = pairRenames(have.indexes(), want.indexes(),
                (h, w) -> h.valid() && h.shape().equals(w.shape()));
        renamed.forEach((from, to) -> add(Phase.RENAME, Risk.SAFE, "rename index " + from + " on " + want.name() + " to " + to,
                "ALTER INDEX " + indexName(want, from) + " RENAME TO " + quote(to)));
        for (Index w : want.indexes().values()) {
            Index h = have.indexes().get(w.name());
            if (renamed.containsValue(w.name())) {
                h = have.indexes().get(keyOf(renamed, w.name()));
            } else if (h == null) {
                createIndex(want, w);
            } else if (!h.definition().equals(w.definition()) || !h.valid()) {
                dropIndex(want, h.name(), "drop index " + h.name() + " on " + want.name() + " to re-create it"
                        + (h.valid() ? " (was: " + h.definition() + ")" : " (left invalid by a failed build)"));
                createIndex(want, w);
                h = null; // re-created: its comment is gone with it
            }
            if (h == null ? w.comment() != null : !Objects.equals(h.comment(), w.comment())) {
                comment("INDEX " + indexName(want, w.name()), "index " + w.name(), w.comment());
            }
        }
        for (Index h : have.indexes().values()) {
            if (!want.indexes().containsKey(h.name()) && !renamed.containsKey(h.name())) {
                dropIndex(want, h.name(), "drop index " + h.name() + " on " + want.name());
            }
        }
    }

    /** An index of an existing table: built CONCURRENTLY in the safe form. */
    private void createIndex(Table table, Index index) {
        boolean unique = index.definition().startsWith("CREATE UNIQUE");
        String description = "create " + (unique ? "unique " : "") + "index " + index.name() + " on " + table.name()
                + (unique ? " (fails if duplicates exist)" : "");
        SchemaChange plain = SchemaChange.of(Phase.ADD_CONSTRAINT, unique ? Risk.CAUTION : Risk.SAFE, description,
                index.definition());
        add(plain, List.of(SafeForms.createIndex(new QualifiedName(table.name().schema(), index.name()), index.definition(),
                null)), null, null);
    }

    /** An index dropped from an existing table: CONCURRENTLY in the safe form. */
    private void dropIndex(Table table, String index, String description) {
        SchemaChange plain = SchemaChange.of(Phase.DROP_CONSTRAINT, Risk.CAUTION, description,
                "DROP INDEX " + indexName(table, index));
        add(plain, List.of(SafeForms.dropIndex(new QualifiedName(table.name().schema(), index))), null, null);
    }

    private static String indexName(Table table, String index) {
        return new QualifiedName(table.name().schema(), index).sql();
    }

    // ---------------------------------------------------------------- comments

    private void comment(String target, String what, String comment) {
        add(Phase.COMMENT, Risk.SAFE, (comment == null ? "remove the comment of " : "comment on ") + what,
                "COMMENT ON " + target + " IS " + literal(comment));
    }

}
