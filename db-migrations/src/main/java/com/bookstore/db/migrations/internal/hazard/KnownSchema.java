package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.AlterType;
import com.bookstore.db.migrations.internal.hazard.Action.ConstraintKind;
import com.bookstore.db.migrations.internal.hazard.Action.DropColumn;
import com.bookstore.db.migrations.internal.hazard.Action.DropConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.DropNotNull;
import com.bookstore.db.migrations.internal.hazard.Action.MoveTable;
import com.bookstore.db.migrations.internal.hazard.Action.RenameColumn;
import com.bookstore.db.migrations.internal.hazard.Action.SetNotNull;
import com.bookstore.db.migrations.internal.hazard.Action.ValidateConstraint;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateTable;
import com.bookstore.db.migrations.internal.hazard.Statement.DropIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.DropTable;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the analyser knows of the schema a statement runs on: column types and collations (whether a type change
 * rewrites depends on the old type), which columns are NOT NULL, which table an index belongs to and its columns
 * ({@code DROP INDEX} names only the index; {@code ADD PRIMARY KEY USING INDEX} sets its columns NOT NULL), and
 * the validated {@code CHECK (column IS NOT NULL)} constraints (with one, {@code SET NOT NULL} skips its scan).
 * It starts from a {@link Catalog} when one is known, and follows each statement analysed, so a later revision of
 * the same run sees what an earlier one created or changed.
 */
final class KnownSchema {

    /**
     * A column's type as written or printed, its collation (null for the type's default), and whether it is declared
     * NOT NULL.
     */
    record ColumnInfo(String type, String collation, boolean notNull) {

        ColumnInfo withNotNull(boolean value) {
            return new ColumnInfo(type, collation, value);
        }
    }

    /** The table an index belongs to, and its key columns (null when it indexes expressions or they are not known). */
    record IndexInfo(QualifiedName table, List<String> columns) {
    }

    /** A {@code CHECK (column IS NOT NULL)} and whether it is validated. */
    private record NotNullCheck(String column, boolean valid) {
    }

    private final Map<QualifiedName, Map<String, ColumnInfo>> columns = new HashMap<>();
    private final Map<QualifiedName, IndexInfo> indexes = new HashMap<>();
    private final Map<QualifiedName, Map<String, NotNullCheck>> notNullChecks = new HashMap<>();

    private KnownSchema() {
    }

    static KnownSchema empty() {
        return new KnownSchema();
    }

    /** The schema of a database as its catalog was read; {@code catalog} may be null (nothing known). */
    static KnownSchema of(Catalog catalog) {
        KnownSchema schema = new KnownSchema();
        if (catalog == null) {
            return schema;
        }
        for (Catalog.Table table : catalog.tables().values()) {
            Map<String, ColumnInfo> cols = schema.columnsOf(table.name());
            table.columns().forEach(c -> cols.put(c.name(), new ColumnInfo(c.type(), c.collation(), c.notNull())));
            table.indexes().values().forEach(i -> schema.indexes.put(new QualifiedName(table.name().schema(), i.name()),
                    new IndexInfo(table.name(), columnsOfDefinition(i.definition()))));
            for (Catalog.Constraint constraint : table.constraints().values()) {
                if (constraint.kind() == 'p' || constraint.kind() == 'u') {
                    schema.indexes.put(new QualifiedName(table.name().schema(), constraint.name()),
                            new IndexInfo(table.name(), constraint.columns().isEmpty() ? null : List.copyOf(constraint.columns())));
                } else if (constraint.kind() == 'c' && !constraint.definition().isBlank()) {
                    AddConstraint check = DefinitionParser.constraint(Tokens.statements(constraint.definition()).get(0));
                    if (check != null && check.notNullColumn() != null) {
                        schema.checksOf(table.name()).put(constraint.name(), new NotNullCheck(check.notNullColumn(),
                                !check.notValid()));
                    }
                }
            }
        }
        return schema;
    }

    Optional<ColumnInfo> column(QualifiedName table, String column) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
    }

    /** The table of an index, when known. */
    Optional<QualifiedName> tableOf(QualifiedName index) {
        return Optional.ofNullable(indexes.get(index)).map(IndexInfo::table);
    }

    /** The key columns of an index, when known. */
    Optional<List<String>> indexColumns(QualifiedName index) {
        return Optional.ofNullable(indexes.get(index)).map(IndexInfo::columns);
    }

    /** Whether the column is declared NOT NULL (from the catalog or a statement analysed before). */
    boolean declaredNotNull(QualifiedName table, String column) {
        return column(table, column).map(ColumnInfo::notNull).orElse(false);
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} proves the column holds no NULL. */
    boolean provenNotNull(QualifiedName table, String column) {
        return notNullChecks.getOrDefault(table, Map.of()).values().stream().anyMatch(c -> c.valid() && c.column().equals(column));
    }

    /** Whether the table is known to exist (from the catalog or an earlier statement). */
    boolean hasTable(QualifiedName table) {
        return columns.containsKey(table);
    }

    /** Follows a statement: what it creates, changes, renames and drops. */
    void apply(Statement statement) {
        if (statement instanceof CreateTable create && !(create.ifNotExists() && hasTable(create.table()))) {
            Map<String, ColumnInfo> cols = new HashMap<>();
            create.columns().forEach(c -> cols.put(c.name(), new ColumnInfo(c.type(), c.collation(),
                    c.notNull() || c.primaryKey())));
            columns.put(create.table(), cols);
            notNullChecks.remove(create.table());
        } else if (statement instanceof CreateIndex index && index.index() != null) {
            indexes.put(index.index(), new IndexInfo(index.table(), index.columns()));
        } else if (statement instanceof DropIndex drop) {
            drop.indexes().forEach(indexes::remove);
        } else if (statement instanceof RenameIndex rename) {
            IndexInfo index = indexes.remove(rename.index());
            if (index != null) {
                indexes.put(new QualifiedName(rename.index().schema(), rename.newName()), index);
            }
        } else if (statement instanceof DropTable drop) {
            drop.tables().forEach(this::forget);
        } else if (statement instanceof AlterTable alter) {
            QualifiedName table = alter.table();
            for (Action action : alter.actions()) {
                table = apply(table, action);
            }
        }
    }

    /** Applies one action; returns the table's name after it (a rename or SET SCHEMA moves it). */
    private QualifiedName apply(QualifiedName table, Action action) {
        if (action instanceof AddColumn add) {
            columnsOf(table).put(add.column().name(), new ColumnInfo(add.column().type(), add.column().collation(),
                    add.column().notNull() || add.column().primaryKey()));
        } else if (action instanceof DropColumn drop) {
            columnsOf(table).remove(drop.column());
            checksOf(table).values().removeIf(c -> c.column().equals(drop.column()));
        } else if (action instanceof AlterType type) {
            ColumnInfo old = columnsOf(table).get(type.column());
            String collation = type.collation() != null ? (isDefaultCollation(type.collation()) ? null : type.collation())
                    : old == null ? null : old.collation();
            columnsOf(table).put(type.column(), new ColumnInfo(type.type(), collation, old != null && old.notNull()));
        } else if (action instanceof SetNotNull set) {
            columnsOf(table).computeIfPresent(set.column(), (name, info) -> info.withNotNull(true));
        } else if (action instanceof DropNotNull drop) {
            columnsOf(table).computeIfPresent(drop.column(), (name, info) -> info.withNotNull(false));
        } else if (action instanceof RenameColumn rename) {
            ColumnInfo info = columnsOf(table).remove(rename.from());
            if (info != null) {
                columnsOf(table).put(rename.to(), info);
            }
            checksOf(table).replaceAll((name, c) -> c.column().equals(rename.from()) ? new NotNullCheck(rename.to(), c.valid()) : c);
        } else if (action instanceof AddConstraint add && add.name() != null) {
            if (add.kind() == ConstraintKind.CHECK && add.notNullColumn() != null) {
                checksOf(table).put(add.name(), new NotNullCheck(add.notNullColumn(), !add.notValid()));
            } else if (add.kind() == ConstraintKind.UNIQUE || add.kind() == ConstraintKind.PRIMARY_KEY) {
                List<String> keys = add.usingIndex() != null
                        ? Optional.ofNullable(indexes.remove(new QualifiedName(table.schema(), add.usingIndex())))
                                .map(IndexInfo::columns).orElse(null)
                        : columnsOfList(add.columns());
                indexes.put(new QualifiedName(table.schema(), add.name()), new IndexInfo(table, keys));
                if (add.kind() == ConstraintKind.PRIMARY_KEY && keys != null) {
                    keys.forEach(key -> columnsOf(table).computeIfPresent(key, (name, info) -> info.withNotNull(true)));
                }
            }
        } else if (action instanceof ValidateConstraint validate) {
            checksOf(table).computeIfPresent(validate.name(), (name, c) -> new NotNullCheck(c.column(), true));
        } else if (action instanceof DropConstraint drop) {
            checksOf(table).remove(drop.name());
            indexes.remove(new QualifiedName(table.schema(), drop.name()));
        } else if (action instanceof MoveTable move) {
            QualifiedName to = new QualifiedName(move.newSchema() != null ? move.newSchema() : table.schema(),
                    move.newName() != null ? move.newName() : table.name());
            move(table, to);
            return to;
        }
        return table;
    }

    private void move(QualifiedName from, QualifiedName to) {
        Map<String, ColumnInfo> cols = columns.remove(from);
        if (cols != null) {
            columns.put(to, cols);
        }
        Map<String, NotNullCheck> checks = notNullChecks.remove(from);
        if (checks != null) {
            notNullChecks.put(to, checks);
        }
        Map<QualifiedName, IndexInfo> moved = new HashMap<>();
        indexes.entrySet().removeIf(e -> {
            if (e.getValue().table().equals(from)) { // indexes follow SET SCHEMA
                moved.put(new QualifiedName(to.schema(), e.getKey().name()), new IndexInfo(to, e.getValue().columns()));
                return true;
            }
            return false;
        });
        indexes.putAll(moved);
    }

    private void forget(QualifiedName table) {
        columns.remove(table);
        notNullChecks.remove(table);
        indexes.values().removeIf(index -> index.table().equals(table));
    }

    private Map<String, ColumnInfo> columnsOf(QualifiedName table) {
        return columns.computeIfAbsent(table, t -> new HashMap<>());
    }

    private Map<String, NotNullCheck> checksOf(QualifiedName table) {
        return notNullChecks.computeIfAbsent(table, t -> new HashMap<>());
    }

    /** The key columns of an index definition ({@code CREATE INDEX ... ON t USING btree (a, b)}), else null. */
    private static List<String> columnsOfDefinition(String definition) {
        List<Tokens> statements = Tokens.statements(definition);
        return statements.size() == 1 && StatementParser.parse(statements.get(0)) instanceof CreateIndex index
                ? index.columns() : null;
    }

    /** The columns of a constraint's column list ({@code (a, b)}), else null. */
    private static List<String> columnsOfList(String list) {
        List<Tokens> statements = list == null ? List.of() : Tokens.statements(list);
        return statements.size() == 1 ? StatementParser.indexColumns(statements.get(0)) : null;
    }

    private static boolean isDefaultCollation(String collation) {
        return List.of("\"default\"", "pg_catalog.\"default\"", "default").contains(collation.strip());
    }
}
