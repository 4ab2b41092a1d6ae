package com.bookstore.db.migrations.internal.lint;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.DbmsTargetedChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL SQL of a changeset's changes, without a database: Liquibase's own SQL generators on a
 * {@link PostgresDatabase} with an {@link OfflineConnection}, so {@code addColumn}, {@code createIndex},
 * {@code addForeignKeyConstraint}... are judged by the statements {@code upgrade} would run, and {@code <sql>} by its
 * text. Changesets and changes limited to other databases ({@code dbms}) are left out, as {@code upgrade} leaves them.
 */
final class ChangeSql {

    /** The SQL texts of a changeset, and the changes that could not be turned into SQL (described). */
    record Result(List<String> sql, List<String> untranslatable) {
    }

    private final Database database;

    ChangeSql() {
        PostgresDatabase postgres = new PostgresDatabase();
        postgres.setConnection(new OfflineConnection("offline:postgresql",
                new liquibase.resource.ClassLoaderResourceAccessor(ChangeSql.class.getClassLoader())));
        this.database = postgres;
    }

    Database database() {
        return database;
    }

    /** Whether the changeset runs on PostgreSQL ({@code dbms} absent or naming it). */
    boolean targets(ChangeSet changeSet) {
        return changeSet.getDbmsSet() == null || changeSet.getDbmsSet().isEmpty()
                || DatabaseList.definitionMatches(changeSet.getDbmsSet(), database, true);
    }

    /**
     * @param directory where the changeset's file is, for changes that read another file ({@code sqlFile})
     */
    Result of(ChangeSet changeSet, Path directory) {
        List<String> sql = new ArrayList<>();
        List<String> untranslatable = new ArrayList<>();
        if (changeSet.getObjectQuotingStrategy() != null) {
            database.setObjectQuotingStrategy(changeSet.getObjectQuotingStrategy());
        }
        try (DirectoryResourceAccessor files = new DirectoryResourceAccessor(directory)) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), (ResourceAccessor) files,
                    Scope.Attr.database.name(), database), () -> {
                for (Change change : changeSet.getChanges()) {
                    if (change instanceof DbmsTargetedChange targeted && targeted.getDbms() != null
                            && !targeted.getDbms().isBlank() && !DatabaseList.definitionMatches(targeted.getDbms(), database, true)) {
                        continue;
                    }
                    try {
                        for (Sql statement : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
                            sql.add(statement.toSql());
                        }
                    } catch (RuntimeException e) {
                        untranslatable.add(change.getSerializedObjectName() + " (" + e.getMessage() + ")");
                    }
                }
            });
        } catch (Exception e) {
            throw new LintInputException("Cannot turn changeset " + changeSet.getId() + " of " + changeSet.getFilePath()
                    + " into SQL: " + e.getMessage(), e);
        }
        return new Result(sql, untranslatable);
    }
}
