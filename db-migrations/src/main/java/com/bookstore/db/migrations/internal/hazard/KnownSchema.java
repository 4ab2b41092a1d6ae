package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.AlterType;
import com.bookstore.db.migrations.internal.hazard.Action.ConstraintKind;
import com.bookstore.db.migrations.internal.hazard.Action.DropColumn;
import com.bookstore.db.migrations.internal.hazard.Action.DropConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.MoveTable;
import com.bookstore.db.migrations.internal.hazard.Action.RenameColumn;
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
 * rewrites depends on the old type), which table an index belongs to ({@code DROP INDEX} names only the index), and
 * the validated {@code CHECK (column IS NOT NULL)} constraints (with one, {@code SET NOT NULL} skips its scan).
 * It starts from a {@link Catalog} when one is known, and follows each statement analysed, so a later revision of
 * the same run sees what an earlier one created or changed.
 */
final class KnownSchema {

    /** A column's type as written or printed, and its collation (null for the type's default). */
    record ColumnInfo(String type, String collation) {
    }

    /** A {@code CHECK (column IS NOT NULL)} and whether it is validated. */
    private record NotNullCheck(String column, boolean valid) {
    }

    private final Map<QualifiedName, Map<String, ColumnInfo>> columns = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> indexTables = new HashMap<>();
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
            table.columns().forEach(c -> cols.put(c.name(), new ColumnInfo(c.type(), c.collation())));
            table.indexes().keySet().forEach(i -> schema.indexTables.put(new QualifiedName(table.name().schema(), i), table.name()));
            for (Catalog.Constraint constraint : table.constraints().values()) {
                if (constraint.kind() == 'p' || constraint.kind() == 'u') {
                    schema.indexTables.put(new QualifiedName(table.name().schema(), constraint.name()), table.name());
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
        return Optional.ofNullable(indexTables.get(index));
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
            create.columns().forEach(c -> cols.put(c.name(), new ColumnInfo(c.type(), c.collation())));
            columns.put(create.table(), cols);
            notNullChecks.remove(create.table());
        } else if (statement instanceof CreateIndex index && index.index() != null) {
            indexTables.put(index.index(), index.table());
        } else if (statement instanceof DropIndex drop) {
            drop.indexes().forEach(indexTables::remove);
        } else if (statement instanceof RenameIndex rename) {
            QualifiedName table = indexTables.remove(rename.index());
            if (table != null) {
                indexTables.put(new QualifiedName(rename.index().schema(), rename.newName()), table);
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
            columnsOf(table).put(add.column().name(), new ColumnInfo(add.column().type(), add.column().collation()));
        } else if (action instanceof DropColumn drop) {
            columnsOf(table).remove(drop.column());
            checksOf(table).values().removeIf(c -> c.column().equals(drop.column()));
        } else if (action instanceof AlterType type) {
            ColumnInfo old = columnsOf(table).get(type.column());
            String collation = type.collation() != null ? (isDefaultCollation(type.collation()) ? null : type.collation())
                    : old == null ? null : old.collation();
            columnsOf(table).put(type.column(), new ColumnInfo(type.type(), collation));
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
                if (add.usingIndex() != null) {
                    indexTables.remove(new QualifiedName(table.schema(), add.usingIndex()));
                }
                indexTables.put(new QualifiedName(table.schema(), add.name()), table);
            }
        } else if (action instanceof ValidateConstraint validate) {
            checksOf(table).computeIfPresent(validate.name(), (name, c) -> new NotNullCheck(c.column(), true));
        } else if (action instanceof DropConstraint drop) {
            checksOf(table).remove(drop.name());
            indexTables.remove(new QualifiedName(table.schema(), drop.name()));
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
        Map<QualifiedName, QualifiedName> moved = new HashMap<>();
        indexTables.entrySet().removeIf(e -> {
            if (e.getValue().equals(from)) {
                moved.put(new QualifiedName(to.schema(), e.getKey().name()), to); // indexes follow SET SCHEMA
                return true;
            }
            return false;
        });
        indexTables.putAll(moved);
    }

    private void forget(QualifiedName table) {
        columns.remove(table);
        notNullChecks.remove(table);
        indexTables.values().removeIf(table::equals);
    }

    private Map<String, ColumnInfo> columnsOf(QualifiedName table) {
        return columns.computeIfAbsent(table, t -> new HashMap<>());
    }

    private Map<String, NotNullCheck> checksOf(QualifiedName table) {
        return notNullChecks.computeIfAbsent(table, t -> new HashMap<>());
    }

    private static boolean isDefaultCollation(String collation) {
        return List.of("\"default\"", "pg_catalog.\"default\"", "default").contains(collation.strip());
    }
}
