package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.hazard.SqlLexer.Token;

import java.util.List;

/** One action of an {@code ALTER TABLE}, as the analyser understood it; {@link Unclassified} for the rest. */
sealed interface Action {

    /** The lock the action takes on its table (PostgreSQL's documentation of ALTER TABLE). */
    LockLevel lock();

    /** {@code ADD [COLUMN] definition}. */
    record AddColumn(ColumnDefinition column) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code DROP [COLUMN] name}. */
    record DropColumn(String column) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /**
     * {@code ALTER [COLUMN] name [SET DATA] TYPE type [COLLATE c] [USING expression]}.
     *
     * @param collation null when no COLLATE clause
     * @param using the tokens of the USING expression, null when none
     */
    record AlterType(String column, String type, String collation, List<Token> using) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER [COLUMN] name SET NOT NULL}. */
    record SetNotNull(String column) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER [COLUMN] name DROP NOT NULL}: a catalog update. */
    record DropNotNull(String column) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** The kinds of table constraint. */
    enum ConstraintKind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE }

    /**
     * {@code ADD [CONSTRAINT name] ...}.
     *
     * @param name null when unnamed
     * @param columns the column list as written ({@code (a, b)}), for unique and primary keys, else null
     * @param usingIndex the index of {@code UNIQUE/PRIMARY KEY USING INDEX index}, else null
     * @param references the referenced table of a foreign key, else null
     * @param notNullColumn the column of a {@code CHECK (column IS NOT NULL)}, else null
     */
    record AddConstraint(String name, ConstraintKind kind, String columns, boolean notValid, String usingIndex,
            com.bookstore.db.migrations.internal.catalog.QualifiedName references, String notNullColumn) implements Action {
        @Override
        public LockLevel lock() {
            // PostgreSQL takes only SHARE ROW EXCLUSIVE for a foreign key, on both tables
            return kind == ConstraintKind.FOREIGN_KEY ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code VALIDATE CONSTRAINT name}: scans the table under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes. */
    record ValidateConstraint(String name) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    /** {@code DROP CONSTRAINT name}. */
    record DropConstraint(String name) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code RENAME [COLUMN] from TO to}. */
    record RenameColumn(String from, String to) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code RENAME TO name} ({@code newSchema} null) or {@code SET SCHEMA schema} ({@code newName} null). */
    record MoveTable(String newName, String newSchema) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /**
     * An action the analyser understands that only updates the catalog (no scan, no rewrite): {@code SET DEFAULT}, identity changes, {@code RENAME CONSTRAINT}...
     */
    record CatalogOnly(String what, LockLevel lock) implements Action {
    }

    /** An action the analyser does not understand: its lock is taken to be the worst. */
    record Unclassified(String text) implements Action {
        @Override
        public LockLevel lock() {
            return LockLevel.UNKNOWN;
        }
    }
}
