package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves a revision before it is written, running the exact SQL texts the revision file will hold
 * ({@link RevisionPlan}): on the shadow database the changelogs were applied to, its changesets must bring the schema
 * exactly to the model, and its rollbacks, run newest changeset first as Liquibase runs them, exactly back to where it
 * was. A revision that would not, because of a statement PostgreSQL rejects or an attribute the statements miss, is
 * never written.
 *
 * <p>A revision of transactional changesets is tried inside one transaction that is rolled back at the end
 * (PostgreSQL's DDL is transactional). A {@code CONCURRENTLY} statement cannot run in a transaction block, so a
 * revision with one is tried on a throw-away copy of the migrated database ({@code CREATE DATABASE ... TEMPLATE}),
 * each changeset as {@code upgrade} runs it: in its own transaction, or statement by statement outside one.
 */
final class RevisionVerifier {

    private RevisionVerifier() {
    }

    static void verify(SchemaDiff diff, RevisionPlan plan, DatabaseSettings migrated, ScratchDatabases server)
            throws SQLException {
        if (plan.transactional()) {
            try (Connection connection = MigrationConnections.unpooled(migrated).getConnection()) {
                connection.setAutoCommit(false);
                try {
                    verify(connection, diff, plan, false);
                } finally {
                    connection.rollback();
                }
            }
            return;
        }
        DatabaseSettings copy = server.copyOf(migrated, "verify");
        try (Connection connection = MigrationConnections.unpooled(copy).getConnection()) {
            connection.setAutoCommit(true);
            verify(connection, diff, plan, true);
        } finally {
            server.drop(copy);
        }
    }

    /** @param changesetTransactions whether each changeset commits its own transaction, as {@code upgrade} runs it */
    private static void verify(Connection connection, SchemaDiff diff, RevisionPlan plan, boolean changesetTransactions)
            throws SQLException {
        for (RevisionPlan.Changeset changeset : plan.changesets()) {
            prechecks(connection, changeset.prechecks());
            run(connection, changeset, changeset.forward(), "revision", changesetTransactions);
        }
        Catalog after = CheckPrinting.align(connection, diff.wanted(), read(connection, diff));
        SchemaDiff remaining = SchemaDiff.between(diff.wanted(), after, List.of(), diff.enums());
        if (!remaining.isEmpty()) {
            throw bug("the revision does not bring the schema to the model; left over: " + remaining.review().findings());
        }
        List<RevisionPlan.Changeset> newestFirst = new ArrayList<>(plan.changesets());
        java.util.Collections.reverse(newestFirst);
        for (RevisionPlan.Changeset changeset : newestFirst) {
            run(connection, changeset, changeset.rollback(), "rollback", changesetTransactions);
        }
        Catalog back = CheckPrinting.align(connection, diff.current(), read(connection, diff));
        SchemaDiff restored = SchemaDiff.between(diff.current(), back, List.of(), diff.enums());
        if (!restored.isEmpty()) {
            throw bug("the rollback does not restore the schema; left over: " + restored.review().findings());
        }
    }

    /** The shadow's catalog, read and filtered as the comparison read the database. */
    private static Catalog read(Connection connection, SchemaDiff diff) throws SQLException {
        return diff.excludedObjects().apply(CatalogReader.read(connection, union(diff)), new ArrayList<>());
    }

    /**
     * The revision's pre-checks run where {@code upgrade} runs them, before its changeset's statements: each must run
     * and pass on the shadow's empty tables, so that a pre-check PostgreSQL rejects is never written.
     */
    private static void prechecks(Connection connection, List<String> prechecks) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String precheck : prechecks) {
                try (java.sql.ResultSet rs = statement.executeQuery(precheck)) {
                    if (!rs.next() || !SchemaChange.PRECHECK_PASSED.equals(rs.getString(1))) {
                        throw bug("a pre-check fails on the shadow database's empty tables: " + precheck);
                    }
                } catch (SQLException e) {
                    throw bug("PostgreSQL rejects a pre-check of the revision: " + e.getMessage().strip().split("\\R")[0]
                            + ". Pre-check: " + precheck);
                }
            }
        }
    }

    /** Every schema the comparison read on either side. */
    private static List<String> union(SchemaDiff diff) {
        Set<String> schemas = new TreeSet<>(diff.wanted().schemas());
        schemas.addAll(diff.current().schemas());
        schemas.add("public");
        return List.copyOf(schemas);
    }

    /**
     * Runs SQL texts of a changeset; with {@code commit}, in the changeset's own transaction when it has one (committed
     * at its end), else each statement on its own, as Liquibase runs a changeset with {@code runInTransaction="false"}.
     */
    private static void run(Connection connection, RevisionPlan.Changeset changeset, List<String> texts, String what,
            boolean commit) throws SQLException {
        if (commit) {
            connection.setAutoCommit(!changeset.inTransaction());
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : texts) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new Rejected("PostgreSQL rejects a statement of the " + what + ": "
                            + e.getMessage().strip().split("\\R")[0] + ". Statement: " + sql.replaceAll("\\s+", " "),
                            what, sql.replaceAll("\\s+", " "), e);
                }
            }
        }
        if (commit && changeset.inTransaction()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static IllegalStateException bug(String what) {
        return new IllegalStateException(bugMessage(what));
    }

    private static String bugMessage(String what) {
        return "The generated revision failed its verification on the shadow database, so nothing was written: " + what
                + ". This is a bug of the migration tool; please report it with the entity change that caused it.";
    }

    /**
     * A statement of the revision ({@code part} "revision") or of its rollback that PostgreSQL rejected on the shadow
     * database, with PostgreSQL's error as the cause: a tool bug, unless {@link VerificationRefusals} finds the cause in
     * the user's own objects.
     */
    static final class Rejected extends IllegalStateException {

        private final String part;
        private final String statement;

        Rejected(String what, String part, String statement, java.sql.SQLException cause) {
            super(bugMessage(what), cause);
            this.part = part;
            this.statement = statement;
        }

        String part() {
            return part;
        }

        String statement() {
            return statement;
        }

        java.sql.SQLException error() {
            return (java.sql.SQLException) getCause();
        }
    }
}
