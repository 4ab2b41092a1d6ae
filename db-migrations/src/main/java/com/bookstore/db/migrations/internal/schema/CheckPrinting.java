package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * PostgreSQL prints a CHECK condition it parsed from Hibernate's DDL in one form and the same condition parsed from
 * that printing in another ({@code ((ARRAY['A'::varchar])::text[])} against {@code ARRAY[('A'::varchar)::text]}). The
 * model's side is printed twice already ({@link CheckConstraints#reprint}); a database whose CHECK was created by
 * Hibernate itself (a {@code ddl-auto} database) holds the first printing. Before two definitions of one constraint
 * are called different, the database's is re-printed the same way, on the model's table inside a transaction that is
 * rolled back: equal then means PostgreSQL holds the same condition, and nothing looser (no text is stripped).
 */
final class CheckPrinting {

    private static final String PROBE = "bookstore_check_probe";

    private CheckPrinting() {
    }

    /**
     * {@code current} with each CHECK definition that re-prints as the model's replaced by the model's text. The
     * probes run on {@code model}'s tables of the same names, each in a savepoint that is rolled back.
     */
    static Catalog align(Connection model, Catalog wanted, Catalog current) throws SQLException {
        return align(() -> model, wanted, current);
    }

    /** A connection to the model's database, opened only when a probe needs it. */
    @FunctionalInterface
    interface ModelConnection {
        Connection get() throws SQLException;
    }

    /** As above, asking {@code modelConnection} for the model's connection only when a definition must be re-printed. */
    static Catalog align(ModelConnection modelConnection, Catalog wanted, Catalog current) throws SQLException {
        TreeMap<QualifiedName, Table> tables = new TreeMap<>(current.tables());
        Connection model = null;
        boolean autoCommit = false;
        try {
            for (Table have : current.tables().values()) {
                Table want = wanted.tables().get(have.name());
                if (want == null) {
                    continue;
                }
                TreeMap<String, Constraint> constraints = new TreeMap<>(have.constraints());
                boolean changed = false;
                for (Constraint check : have.constraints().values()) {
                    Constraint target = want.constraints().get(check.name());
                    if (check.kind() != 'c' || target == null || target.kind() != 'c'
                            || target.definition().equals(check.definition())
                            || check.definition().endsWith(" NOT VALID") != target.definition().endsWith(" NOT VALID")) {
                        continue; // equal already, or one is validated and the other not: a real difference
                    }
                    if (model == null) {
                        model = modelConnection.get();
                        autoCommit = model.getAutoCommit();
                        model.setAutoCommit(false); // probes run in savepoints; a caller's transaction is left as it was
                    }
                    String reprinted = reprint(model, have, check.definition());
                    if (target.definition().equals(reprinted)) {
                        constraints.put(check.name(), new Constraint(check.name(), 'c', target.definition(), null,
                                check.columns(), List.of(), check.comment()));
                        changed = true;
                    }
                }
                if (changed) {
                    tables.put(have.name(), new Table(have.name(), have.columns(), constraints, have.indexes(), have.comment()));
                }
            }
        } finally {
            if (model != null && autoCommit) {
                model.rollback();
                model.setAutoCommit(true);
            }
        }
        return new Catalog(current.schemas(), tables, current.sequences(), current.enums(), current.composites(),
                current.extensions(), current.uncovered());
    }

    /** PostgreSQL's printing of {@code definition} parsed on the model's table, or null when it does not parse there. */
    private static String reprint(Connection model, Table table, String definition) throws SQLException {
        Savepoint savepoint = model.setSavepoint();
        try (Statement statement = model.createStatement()) {
            boolean notValid = definition.endsWith(" NOT VALID");
            statement.execute("ALTER TABLE " + table.name().sql() + " ADD CONSTRAINT " + quote(PROBE) + " " + definition
                    + (notValid ? "" : " NOT VALID"));
            try (PreparedStatement read = model.prepareStatement("select pg_get_constraintdef(oid) from pg_constraint "
                    + "where conname = ? and conrelid = ?::regclass")) {
                read.setString(1, PROBE);
                read.setString(2, table.name().sql());
                try (ResultSet rs = read.executeQuery()) {
                    return !rs.next() ? null : notValid ? rs.getString(1) : rs.getString(1).replaceFirst(" NOT VALID$", "");
                }
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("42") || state.startsWith("22")) {
                return null; // does not parse or type-check against the model's columns: a real difference
            }
            throw e;
        } finally {
            model.rollback(savepoint);
        }
    }
}
