package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.schema.LiquibaseDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;

import java.io.Writer;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a changelog against one database, on one unpooled connection that is closed with this runner.
 */
public final class ChangelogRunner implements AutoCloseable {

    static {
        LiquibaseDefaults.apply();
    }

    private final Database database;
    private final Liquibase liquibase;

    private ChangelogRunner(Database database, Liquibase liquibase) {
        this.database = database;
        this.liquibase = liquibase;
    }

    public static ChangelogRunner open(ChangelogSource source, DatabaseSettings settings) throws SQLException {
        Database database = LiquibaseDatabases.open(settings);
        return new ChangelogRunner(database, new Liquibase(source.masterPath(), source.resourceAccessor(), database));
    }

    /** Applies every pending changeset; returns the ids applied. */
    public List<String> update() throws LiquibaseException {
        List<String> pending = pending().stream().map(ChangeSet::getId).toList();
        liquibase.update(new Contexts(), new LabelExpression());
        return pending;
    }

    /** Changesets of the changelog not yet applied, in order. */
    public List<ChangeSet> pending() throws LiquibaseException {
        return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
    }

    /** Changesets recorded as applied, oldest first. */
    public List<RanChangeSet> history() throws LiquibaseException {
        return database.getRanChangeSetList();
    }

    /** Applied changesets that the changelog does not contain (a newer build ran here). */
    public List<RanChangeSet> unknownApplied() throws LiquibaseException {
        DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
        Set<String> known = new HashSet<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            known.add(changeSet.getId() + "::" + changeSet.getAuthor());
        }
        return history().stream().filter(ran -> !known.contains(ran.getId() + "::" + ran.getAuthor())).toList();
    }

    /** Writes the SQL that {@link #update()} would run, without running it. */
    public void updateSql(Writer output) throws LiquibaseException {
        liquibase.update(new Contexts(), new LabelExpression(), output);
    }

    /** Rolls back the last {@code count} applied changesets. */
    public void rollback(int count) throws LiquibaseException {
        liquibase.rollback(count, new Contexts(), new LabelExpression());
    }

    @Override
    public void close() {
        LiquibaseDatabases.closeQuietly(database);
    }
}
