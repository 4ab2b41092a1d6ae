package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.util.List;

/**
 * One SQL statement as the analyser understood it: the shapes whose locks it knows, and {@link Unknown} for the
 * rest, which is never taken for safe. Names are resolved as PostgreSQL reads them (unquoted folded to lower case,
 * unqualified in {@code public}).
 */
sealed interface Statement {

    /**
     * {@code CREATE TABLE}: the new table and the columns it declares (empty for {@code AS SELECT}, {@code OF type});
     * with {@code IF NOT EXISTS} it creates nothing when the table is already there.
     */
    record CreateTable(QualifiedName table, List<ColumnDefinition> columns, boolean ifNotExists) implements Statement {
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [name] ON table ...}; {@code index} is null when unnamed;
     * {@code columns} are its key columns when it indexes plain columns, null when it indexes expressions or when the
     * list was not understood.
     */
    record CreateIndex(QualifiedName index, QualifiedName table, boolean unique, boolean concurrently, List<String> columns)
            implements Statement {
    }

    /**
     * {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code INSERT ... SELECT} or {@code COPY ... FROM} of
     * {@code tables} (several for a {@code WITH} whose parts write): rows written under ROW EXCLUSIVE, which blocks
     * nobody by itself, but as long as the data is large.
     */
    record DataChange(String what, List<QualifiedName> tables) implements Statement {
    }

    /** {@code CREATE SEQUENCE name ...}: nobody draws from it yet. */
    record CreateSequence(QualifiedName sequence) implements Statement {
    }

    /** {@code DROP SEQUENCE name, ...} (without CASCADE). */
    record DropSequence(List<QualifiedName> sequences) implements Statement {
    }

    /** {@code ALTER SEQUENCE name RENAME TO ...} or {@code SET SCHEMA ...}: the sequence's new name. */
    record RenameSequence(QualifiedName sequence, QualifiedName to) implements Statement {
    }

    /** {@code DROP INDEX [CONCURRENTLY] name, ...}. */
    record DropIndex(List<QualifiedName> indexes, boolean concurrently) implements Statement {
    }

    /** {@code ALTER INDEX name RENAME TO new}. */
    record RenameIndex(QualifiedName index, String newName) implements Statement {
    }

    /** {@code DROP TABLE name, ...}. */
    record DropTable(List<QualifiedName> tables) implements Statement {
    }

    /** {@code ALTER TABLE name action, ...}. */
    record AlterTable(QualifiedName table, List<Action> actions) implements Statement {
    }

    /**
     * A statement whose only point is a table-level lock or a rebuild: {@code TRUNCATE}, {@code LOCK TABLE},
     * {@code CLUSTER}, {@code VACUUM FULL}, {@code REINDEX} and {@code REFRESH MATERIALIZED VIEW} without
     * {@code CONCURRENTLY}.
     *
     * @param tables the tables (or indexes, views) named, possibly none ({@code REINDEX DATABASE})
     * @param effect what it does to the table while it holds the lock
     */
    record TableLock(String what, List<QualifiedName> tables, LockLevel lock, String effect) implements Statement {
    }

    /** {@code SET [LOCAL] lock_timeout ...}: the revision bounds its waits for locks. */
    record SetLockTimeout() implements Statement {
    }

    /**
     * A statement the analyser understands and that takes no lock that would block the service on an existing table
     * for longer than a catalog update: {@code CREATE SEQUENCE}, {@code COMMENT ON}, {@code INSERT}, {@code GRANT}...
     *
     * @param outsideTransaction PostgreSQL refuses it inside a transaction block ({@code VACUUM},
     *        {@code REINDEX CONCURRENTLY})
     */
    record Harmless(String what, boolean outsideTransaction) implements Statement {
        Harmless(String what) {
            this(what, false);
        }
    }

    /** Anything else: reported as not analysed, never passed as safe. */
    record Unknown(String what) implements Statement {
    }
}
