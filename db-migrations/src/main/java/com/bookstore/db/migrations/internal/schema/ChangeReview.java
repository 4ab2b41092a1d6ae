package com.bookstore.db.migrations.internal.schema;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropSequenceChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A human review of a list of changes, as a careful DBA would write it: one line per change, each with its risk, and
 * the probable renames hidden in a drop plus an add.
 *
 * @param findings one per change, in order
 * @param renameHints "probable rename" advice
 */
public record ChangeReview(List<Finding> findings, List<String> renameHints) {

    /** How risky a change is for the data already in the database. */
    public enum Risk {
        /** Cannot lose data. */
        SAFE,
        /** Fails, without losing anything, when existing rows violate it (NOT NULL, UNIQUE), or drops a constraint. */
        CAUTION,
        /** Loses data: drop table, drop column, narrowing type change. Refused unless explicitly allowed. */
        DESTRUCTIVE
    }

    /** One change, described. */
    public record Finding(Risk risk, String description) {
        @Override
        public String toString() {
            String marker = switch (risk) {
                case SAFE -> "  ";
                case CAUTION -> "! ";
                case DESTRUCTIVE -> "!!";
            };
            return marker + " " + description + (risk == Risk.DESTRUCTIVE ? "   [DESTRUCTIVE]" : "");
        }
    }

    public boolean hasDestructive() {
        return findings.stream().anyMatch(f -> f.risk() == Risk.DESTRUCTIVE);
    }

    public List<Finding> destructive() {
        return findings.stream().filter(f -> f.risk() == Risk.DESTRUCTIVE).toList();
    }

    static ChangeReview review(List<Change> changes, ColumnTypes wantedTypes, ColumnTypes currentTypes) {
        List<Finding> findings = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        java.util.Set<String> createdTables = new java.util.HashSet<>();
        for (Change change : changes) {
            if (change instanceof CreateTableChange create) {
                createdTables.add(create.getTableName().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<String>> addedByTableAndType = new HashMap<>();
        for (Change change : changes) {
            Finding finding = describe(change, currentTypes);
            // a constraint on a table created by the same revision cannot meet existing rows
            boolean onNewTable = change instanceof AddUniqueConstraintChange u && createdTables.contains(u.getTableName().toLowerCase(Locale.ROOT))
                    || change instanceof AddNotNullConstraintChange n && createdTables.contains(n.getTableName().toLowerCase(Locale.ROOT));
            findings.add(onNewTable ? new Finding(Risk.SAFE, finding.description().replaceAll(" \\(fails if .*\\)$", "")) : finding);
            if (change instanceof AddColumnChange add) {
                for (ColumnConfig column : add.getColumns()) {
                    ColumnType type = wantedTypes.of(add.getTableName(), column.getName()).orElse(ColumnType.parse(column.getType()));
                    addedByTableAndType.computeIfAbsent(add.getTableName() + "|" + type,
                            k -> new ArrayList<>()).add(column.getName());
                }
            }
        }
        for (Change change : changes) {
            if (change instanceof DropColumnChange drop) {
                for (String column : droppedColumns(drop)) {
                    ColumnType type = currentTypes.of(drop.getTableName(), column).orElse(null);
                    List<String> candidates = addedByTableAndType.getOrDefault(drop.getTableName() + "|" + type, List.of());
                    for (String added : candidates) {
                        hints.add("Probable rename: " + drop.getTableName() + "." + column + " -> " + drop.getTableName() + "."
                                + added + " (same type " + type + "). Dropping and adding loses the column's data; "
                                + "if it is a rename, run generate again with --rename " + drop.getTableName() + "." + column
                                + "=" + added + " to emit <renameColumn tableName=\"" + drop.getTableName()
                                + "\" oldColumnName=\"" + column + "\" newColumnName=\"" + added + "\"/> instead.");
                    }
                }
            }
        }
        return new ChangeReview(List.copyOf(findings), List.copyOf(hints));
    }

    private static Finding describe(Change change, ColumnTypes currentTypes) {
        if (change instanceof CreateTableChange c) {
            return safe("create table " + c.getTableName() + " (" + c.getColumns().size() + " columns)");
        } else if (change instanceof DropTableChange c) {
            return new Finding(Risk.DESTRUCTIVE, "drop table " + c.getTableName());
        } else if (change instanceof AddColumnChange c) {
            String columns = String.join(", ", c.getColumns().stream()
                    .map(col -> col.getName() + " " + ColumnType.parse(col.getType())).toList());
            boolean notNullWithoutDefault = c.getColumns().stream().anyMatch(col -> col.getConstraints() != null
                    && Boolean.FALSE.equals(col.getConstraints().isNullable()) && col.getDefaultValueObject() == null
                    && !Boolean.TRUE.equals(col.isAutoIncrement()));
            return notNullWithoutDefault
                    ? new Finding(Risk.CAUTION, "add column " + c.getTableName() + "." + columns
                            + " NOT NULL without a default (fails if the table has rows)")
                    : safe("add column " + c.getTableName() + "." + columns);
        } else if (change instanceof DropColumnChange c) {
            return new Finding(Risk.DESTRUCTIVE, "drop column " + c.getTableName() + "." + String.join(", ", droppedColumns(c)));
        } else if (change instanceof ModifyDataTypeChange c) {
            ColumnType to = ColumnType.parse(c.getNewDataType());
            ColumnType from = currentTypes.of(c.getTableName(), c.getColumnName()).orElse(null);
            if (from == null) { // cannot judge the old type: fail closed
                return new Finding(Risk.DESTRUCTIVE, "change type of " + c.getTableName() + "." + c.getColumnName() + " to "
                        + to + " (old type unknown)");
            }
            if (from.base().equals("timestamp") && to.base().equals("timestamptz")) {
                return new Finding(Risk.CAUTION, "change type of " + c.getTableName() + "." + c.getColumnName() + " from "
                        + from + " to " + to + " (existing values are read as UTC)");
            }
            boolean widening = from.fitsInto(to);
            return new Finding(widening ? Risk.SAFE : Risk.DESTRUCTIVE, "change type of " + c.getTableName() + "."
                    + c.getColumnName() + " from " + from + " to " + to + (widening ? "" : " (narrowing: values may not fit)"));
        } else if (change instanceof AddNotNullConstraintChange c) {
            return new Finding(Risk.CAUTION, "set NOT NULL on " + c.getTableName() + "." + c.getColumnName()
                    + " (fails if rows hold NULL)");
        } else if (change instanceof DropNotNullConstraintChange c) {
            return safe("drop NOT NULL on " + c.getTableName() + "." + c.getColumnName());
        } else if (change instanceof AddUniqueConstraintChange c) {
            return new Finding(Risk.CAUTION, "add unique constraint " + c.getConstraintName() + " on " + c.getTableName()
                    + "(" + c.getColumnNames() + ") (fails if duplicates exist)");
        } else if (change instanceof DropUniqueConstraintChange c) {
            return new Finding(Risk.CAUTION, "drop unique constraint " + c.getConstraintName() + " on " + c.getTableName());
        } else if (change instanceof CreateIndexChange c) {
            return safe("create " + (Boolean.TRUE.equals(c.isUnique()) ? "unique " : "") + "index " + c.getIndexName() + " on "
                    + c.getTableName() + "(" + String.join(", ", c.getColumns().stream().map(ColumnConfig::getName).toList()) + ")");
        } else if (change instanceof DropIndexChange c) {
            return new Finding(Risk.CAUTION, "drop index " + c.getIndexName() + " on " + c.getTableName());
        } else if (change instanceof AddForeignKeyConstraintChange c) {
            return safe("add foreign key " + c.getConstraintName() + " " + c.getBaseTableName() + "(" + c.getBaseColumnNames()
                    + ") -> " + c.getReferencedTableName() + "(" + c.getReferencedColumnNames() + ")"
                    + (c.getOnDelete() == null ? "" : " on delete " + c.getOnDelete().toLowerCase(Locale.ROOT)));
        } else if (change instanceof DropForeignKeyConstraintChange c) {
            return new Finding(Risk.CAUTION, "drop foreign key " + c.getConstraintName() + " on " + c.getBaseTableName());
        } else if (change instanceof AddPrimaryKeyChange c) {
            return new Finding(Risk.CAUTION, "add primary key " + Objects.toString(c.getConstraintName(), "") + " on "
                    + c.getTableName() + "(" + c.getColumnNames() + ")");
        } else if (change instanceof DropPrimaryKeyChange c) {
            return new Finding(Risk.CAUTION, "drop primary key on " + c.getTableName());
        } else if (change instanceof CreateSequenceChange c) {
            return safe("create sequence " + c.getSequenceName() + " (start " + c.getStartValue() + ", increment "
                    + c.getIncrementBy() + ")");
        } else if (change instanceof DropSequenceChange c) {
            return new Finding(Risk.CAUTION, "drop sequence " + c.getSequenceName());
        } else if (change instanceof RawSQLChange c) {
            String comment = c.getComment() == null ? c.getSql() : c.getComment();
            return new Finding(comment.contains("dropped") ? Risk.CAUTION : Risk.SAFE, comment);
        }
        return new Finding(Risk.CAUTION, change.getConfirmationMessage());
    }

    private static Finding safe(String description) {
        return new Finding(Risk.SAFE, description);
    }

    static List<String> droppedColumns(DropColumnChange drop) {
        if (drop.getColumnName() != null) {
            return List.of(drop.getColumnName());
        }
        return drop.getColumns().stream().map(ColumnConfig::getName).toList();
    }

}
