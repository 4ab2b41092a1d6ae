package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves a revision before it is written: on the shadow database the changelogs were applied to, inside one
 * transaction that is rolled back at the end (PostgreSQL's DDL is transactional), the forward statements must bring
 * the schema exactly to the model, and the rollback statements exactly back to where it was. A revision that would
 * not, because of a statement PostgreSQL rejects or an attribute the statements miss, is never written.
 */
final class RevisionVerifier {

    private RevisionVerifier() {
    }

    static void verify(SchemaDiff diff, DatabaseSettings migrated, DatabaseSettings model) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(migrated).getConnection()) {
            connection.setAutoCommit(false);
            try {
                prechecks(connection, diff);
                run(connection, diff.forward(), "revision");
                Catalog after = CheckPrinting.align(connection, diff.wanted(), read(connection, diff));
                SchemaDiff remaining = SchemaDiff.between(diff.wanted(), after, List.of(), diff.enums());
                if (!remaining.isEmpty()) {
                    throw bug("the revision does not bring the schema to the model; left over: " + remaining.review().findings());
                }
                run(connection, diff.reverse(), "rollback");
                Catalog back = CheckPrinting.align(connection, diff.current(), read(connection, diff));
                SchemaDiff restored = SchemaDiff.between(diff.current(), back, List.of(), diff.enums());
                if (!restored.isEmpty()) {
                    throw bug("the rollback does not restore the schema; left over: " + restored.review().findings());
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** The shadow's catalog, read and filtered as the comparison read the database. */
    private static Catalog read(Connection connection, SchemaDiff diff) throws SQLException {
        return diff.excludedObjects().apply(CatalogReader.read(connection, union(diff)), new java.util.ArrayList<>());
    }

    /**
     * The revision's pre-checks run where {@code upgrade} runs them, before its statements: each must run and pass
     * on the shadow's empty tables, so that a pre-check PostgreSQL rejects is never written.
     */
    private static void prechecks(Connection connection, SchemaDiff diff) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String precheck : diff.prechecks()) {
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

    private static void run(Connection connection, List<SchemaChange> changes, String what) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SchemaChange change : changes) {
                for (String sql : change.statements()) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw bug("PostgreSQL rejects a statement of the " + what + " (" + change.description() + "): "
                                + e.getMessage().strip().split("\\R")[0] + ". Statement: " + sql.replaceAll("\\s+", " "));
                    }
                }
            }
        }
    }

    private static IllegalStateException bug(String what) {
        return new IllegalStateException("The generated revision failed its verification on the shadow database, so nothing "
                + "was written: " + what + ". This is a bug of the migration tool; please report it with the entity change "
                + "that caused it.");
    }
}
