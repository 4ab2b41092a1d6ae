package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateTable;
import com.bookstore.db.migrations.internal.hazard.Statement.DropIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.DropTable;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameIndex;
import com.bookstore.db.migrations.internal.hazard.Statement.SetLockTimeout;
import com.bookstore.db.migrations.internal.hazard.Statement.CreateSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.DataChange;
import com.bookstore.db.migrations.internal.hazard.Statement.RenameSequence;
import com.bookstore.db.migrations.internal.hazard.Statement.TableLock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a revision's SQL would do to a service that keeps running while it is applied: for each statement on a
 * table that exists before the revision, the lock PostgreSQL takes, what that lock stops, whether the table is scanned
 * or rewritten, and the safe way to make the change. It reads the SQL text (the generator's statements, Liquibase's
 * generated SQL, hand-written SQL) and knows the schema from the catalog when given one, else from the statements it
 * has seen; a statement it does not understand is reported as not analysed, never taken for safe.
 *
 * <p>One analyser follows one database through revisions in order: what a revision creates or changes is known to
 * the next one.
 */
public final class HazardAnalyser {

    /**
     * One transaction of a revision: a changeset, or the whole generated revision.
     *
     * @param changeset its id, named in each hazard
     * @param inTransaction false for a changeset with {@code runInTransaction="false"}
     * @param sql its SQL texts, each holding one or more statements
     */
    public record Unit(String changeset, boolean inTransaction, List<String> sql) {
        public Unit {
            sql = List.copyOf(sql);
        }
    }

    private static final List<HazardCheck> CHECKS = List.of(new IndexChecks(), new TransactionChecks(),
            new ConstraintChecks(), new NotNullCheck(), new ColumnTypeCheck(), new AddColumnCheck(),
            new CompatibilityChecks(), new DataChangeCheck(), new UnanalysedChecks());

    private final KnownSchema schema;

    private HazardAnalyser(KnownSchema schema) {
        this.schema = schema;
    }

    /** An analyser of revisions applied to a database whose catalog is {@code catalog}; null when it is not known. */
    public static HazardAnalyser startingFrom(Catalog catalog) {
        return new HazardAnalyser(KnownSchema.of(catalog));
    }

    /** The hazards of one revision. */
    public HazardReport analyse(List<Unit> units) {
        return analyse(units, Set.of());
    }

    /**
     * The hazards of one revision.
     *
     * @param created tables the revision creates besides those its statements create (exempt: nobody uses them yet)
     */
    public HazardReport analyse(List<Unit> units, Set<QualifiedName> created) {
        Set<QualifiedName> revisionTables = new HashSet<>(created);
        List<Hazard> hazards = new ArrayList<>();
        Set<String> locked = new HashSet<>();
        boolean lockTimeout = false;
        for (Unit unit : units) {
            Map<QualifiedName, LockLevel> held = new HashMap<>();
            for (String sql : unit.sql()) {
                for (Tokens tokens : Tokens.statements(sql)) {
                    Statement statement = StatementParser.parse(tokens);
                    lockTimeout |= statement instanceof SetLockTimeout;
                    Map<QualifiedName, LockLevel> locks = locksOf(statement);
                    LockLevel statementLock = statement instanceof AlterTable alter ? locks.get(alter.table()) : null;
                    StatementContext context = new StatementContext(tokens, unit.changeset(), unit.inTransaction(),
                            revisionTables, schema, held, statementLock, hazards);
                    CHECKS.forEach(check -> check.check(statement, context));
                    locks.forEach((table, lock) -> {
                        held.merge(table, lock, LockLevel::strongest);
                        if (context.existing(table) && lock.blocksWrites()) {
                            locked.add(table.toString());
                        }
                    });
                    if (statement instanceof CreateTable create && !(create.ifNotExists() && schema.hasTable(create.table()))) {
                        revisionTables.add(create.table());
                    } else if (statement instanceof CreateSequence create) {
                        revisionTables.add(create.sequence()); // tables and sequences share one namespace
                    } else if (statement instanceof RenameSequence rename && revisionTables.contains(rename.sequence())) {
                        revisionTables.add(rename.to());
                    }
                    schema.apply(statement);
                }
            }
        }
        return new HazardReport(hazards, locked, lockTimeout);
    }

    /** The tables a statement locks, with the lock on each. */
    private Map<QualifiedName, LockLevel> locksOf(Statement statement) {
        Map<QualifiedName, LockLevel> locks = new LinkedHashMap<>();
        if (statement instanceof CreateIndex create) {
            locks.put(create.table(), create.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE);
        } else if (statement instanceof DropIndex drop) {
            drop.indexes().forEach(index -> schema.tableOf(index).ifPresent(table -> locks.merge(table,
                    drop.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE, LockLevel::strongest)));
        } else if (statement instanceof RenameIndex rename) {
            schema.tableOf(rename.index()).ifPresent(table -> locks.put(table, LockLevel.SHARE_UPDATE_EXCLUSIVE));
        } else if (statement instanceof DropTable drop) {
            drop.tables().forEach(table -> locks.put(table, LockLevel.ACCESS_EXCLUSIVE));
        } else if (statement instanceof TableLock lock) {
            lock.tables().forEach(table -> locks.put(table, lock.lock()));
        } else if (statement instanceof DataChange change) {
            change.tables().forEach(table -> locks.merge(table, LockLevel.ROW_EXCLUSIVE, LockLevel::strongest));
        } else if (statement instanceof AlterTable alter) {
            for (Action action : alter.actions()) {
                locks.merge(alter.table(), action.lock(), LockLevel::strongest);
                QualifiedName referenced = action instanceof AddConstraint add ? add.references()
                        : action instanceof AddColumn add ? add.column().references() : null;
                if (referenced != null && !referenced.equals(alter.table())) {
                    locks.merge(referenced, LockLevel.SHARE_ROW_EXCLUSIVE, LockLevel::strongest);
                }
            }
        }
        return locks;
    }
}
