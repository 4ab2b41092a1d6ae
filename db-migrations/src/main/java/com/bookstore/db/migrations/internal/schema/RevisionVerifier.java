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
                run(connection, diff.forward(), "revision");
                Catalog after = CheckPrinting.align(connection, diff.wanted(), CatalogReader.read(connection, union(diff)));
                SchemaDiff remaining = SchemaDiff.between(diff.wanted(), after, List.of(), diff.enums());
                if (!remaining.isEmpty()) {
                    throw bug("the revision does not bring the schema to the model; left over: " + remaining.review().findings());
                }
                run(connection, diff.reverse(), "rollback");
                Catalog back = CheckPrinting.align(connection, diff.current(), CatalogReader.read(connection, union(diff)));
                SchemaDiff restored = SchemaDiff.between(diff.current(), back, List.of(), diff.enums());
                if (!restored.isEmpty()) {
                    throw bug("the rollback does not restore the schema; left over: " + restored.review().findings());
                }
            } finally {
                connection.rollback();
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
