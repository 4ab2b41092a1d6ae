package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.settings.DatabaseSettings;
import liquibase.CatalogAndSchema;
import liquibase.change.Change;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a database holding the model's schema ("wanted") with another one ("current"), PostgreSQL against
 * PostgreSQL, and returns the changes both ways: forward (current → wanted) for the changeset, reverse (wanted →
 * current) for its rollback.
 */
public final class SchemaComparator {

    private static final Set<Class<? extends DatabaseObject>> COMPARED_TYPES = Set.of(Table.class, Column.class,
            PrimaryKey.class, ForeignKey.class, UniqueConstraint.class, Index.class, Sequence.class);

    private SchemaComparator() {
    }

    public static SchemaDiff compare(DatabaseSettings wanted, DatabaseSettings current) throws SQLException {
        Database wantedDb = null;
        Database currentDb = null;
        try {
            wantedDb = LiquibaseDatabases.open(wanted);
            currentDb = LiquibaseDatabases.open(current);
            // one snapshot per side, compared both ways: forward for the changes, reverse for their rollback
            DatabaseSnapshot wantedSnapshot = snapshot(wantedDb);
            DatabaseSnapshot currentSnapshot = snapshot(currentDb);
            DiffResult forwardDiff = diff(wantedSnapshot, currentSnapshot);
            DiffResult reverseDiff = diff(currentSnapshot, wantedSnapshot);
            Map<String, CheckConstraints.Check> wantedChecks = CheckConstraints.read(LiquibaseDatabases.jdbc(wantedDb));
            Map<String, CheckConstraints.Check> currentChecks = CheckConstraints.read(LiquibaseDatabases.jdbc(currentDb));

            ColumnTypes wantedTypes = ColumnTypes.read(LiquibaseDatabases.jdbc(wantedDb));
            ColumnTypes currentTypes = ColumnTypes.read(LiquibaseDatabases.jdbc(currentDb));
            List<Change> forward = changes(forwardDiff, wantedChecks, currentChecks, wantedTypes);
            List<Change> reverse = changes(reverseDiff, currentChecks, wantedChecks, currentTypes);
            return new SchemaDiff(forward, reverse, wantedTypes, currentTypes);
        } catch (LiquibaseException e) {
            throw new SQLException("Liquibase could not compare the schemas: " + e.getMessage(), e);
        } finally {
            LiquibaseDatabases.closeQuietly(wantedDb);
            LiquibaseDatabases.closeQuietly(currentDb);
        }
    }

    private static DatabaseSnapshot snapshot(Database database) throws LiquibaseException {
        return SnapshotGeneratorFactory.getInstance().createSnapshot(database.getDefaultSchema(), database,
                new SnapshotControl(database));
    }

    private static DiffResult diff(DatabaseSnapshot reference, DatabaseSnapshot target) throws LiquibaseException {
        CompareControl.SchemaComparison[] publicToPublic = {
                new CompareControl.SchemaComparison(new CatalogAndSchema(null, "public"), new CatalogAndSchema(null, "public"))};
        return DiffGeneratorFactory.getInstance().compare(reference, target,
                new CompareControl(publicToPublic, new HashSet<>(COMPARED_TYPES)));
    }

    private static List<Change> changes(DiffResult diff, Map<String, CheckConstraints.Check> wantedChecks,
            Map<String, CheckConstraints.Check> currentChecks, ColumnTypes wantedTypes) {
        DiffOutputControl output = new DiffOutputControl(false, false, false, null);
        output.setObjectChangeFilter(new MigrationBookkeepingFilter());
        List<Change> liquibaseChanges = new ArrayList<>();
        for (ChangeSet changeSet : new DiffToChangeLog(diff, output).generateChangeSets()) {
            liquibaseChanges.addAll(changeSet.getChanges());
        }
        for (Change change : liquibaseChanges) {
            if (change instanceof ModifyDataTypeChange modify) {
                wantedTypes.of(modify.getTableName(), modify.getColumnName())
                        .ifPresent(type -> modify.setNewDataType(type.sql()));
            }
        }
        Set<String> droppedTables = new HashSet<>();
        for (Change change : liquibaseChanges) {
            if (change instanceof DropTableChange drop) {
                droppedTables.add(drop.getTableName());
            }
        }
        CheckConstraints.Delta checks = CheckConstraints.delta(wantedChecks, currentChecks, droppedTables);
        List<Change> all = new ArrayList<>(checks.dropChanges());
        all.addAll(liquibaseChanges);
        all.addAll(checks.addChanges());
        return all;
    }

}
