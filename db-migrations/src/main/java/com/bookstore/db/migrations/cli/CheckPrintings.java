package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.schema.CheckConstraints;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CHECK constraints that are the same condition printed two ways. PostgreSQL prints Hibernate's inline
 * {@code check (status in ('A','B'))} as {@code (status)::text = ANY ((ARRAY['A'::varchar, ...])::text[])}, and that
 * text, re-parsed (what a changelog applies), as {@code ... ANY (ARRAY[('A'::varchar)::text, ...])}: a database made by
 * Hibernate ({@code ddl-auto}) and one made by the changelogs differ in text, not in meaning. PostgreSQL itself decides
 * here: the live definition is re-created in a rolled-back transaction on the shadow database, and the two are the
 * same when its printing of it is the shadow's.
 */
final class CheckPrintings {

    private CheckPrintings() {
    }

    /** Checks of {@code live} printed differently from {@code built}'s check of the same name, with the same meaning. */
    static List<CheckConstraints.Check> sameConditionPrintedDifferently(DatabaseSettings built, DatabaseSettings live)
            throws SQLException {
        Map<String, CheckConstraints.Check> liveChecks;
        try (Connection connection = MigrationConnections.unpooled(live).getConnection()) {
            liveChecks = CheckConstraints.read(connection);
        }
        List<CheckConstraints.Check> same = new ArrayList<>();
        try (Connection connection = MigrationConnections.unpooled(built).getConnection()) {
            Map<String, CheckConstraints.Check> builtChecks = CheckConstraints.read(connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, CheckConstraints.Check> entry : liveChecks.entrySet()) {
                    CheckConstraints.Check have = entry.getValue();
                    CheckConstraints.Check want = builtChecks.get(entry.getKey());
                    if (want == null || canonical(want.definition()).equals(canonical(have.definition()))) {
                        continue;
                    }
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        statement.execute("alter table " + quote(want.table()) + " drop constraint " + quote(want.name()));
                        statement.execute("alter table " + quote(want.table()) + " add constraint " + quote(want.name())
                                + " " + have.definition());
                        if (canonical(definition(connection, want)).equals(canonical(want.definition()))) {
                            same.add(have);
                        }
                    } catch (SQLException notTheSame) {
                        // the live definition does not even apply to the built table: a real difference
                    } finally {
                        connection.rollback(savepoint);
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return same;
    }

    /** The diff without the drop and re-add of {@code checks}, which only the printing tells apart. */
    static SchemaDiff without(SchemaDiff diff, List<CheckConstraints.Check> checks) {
        return new SchemaDiff(filter(diff.forward(), checks), filter(diff.reverse(), checks), diff.wantedTypes(),
                diff.currentTypes());
    }

    private static List<Change> filter(List<Change> changes, List<CheckConstraints.Check> checks) {
        return changes.stream().filter(change -> !(change instanceof RawSQLChange sql && checks.stream().anyMatch(check -> {
            String text = sql.getSql().strip();
            String prefix = "alter table " + check.table() + " ";
            return text.equals(prefix + "drop constraint " + check.name())
                    || text.startsWith(prefix + "add constraint " + check.name() + " ");
        }))).toList();
    }

    /**
     * Re-creates {@code checks} on {@code live} from PostgreSQL's printing of their own definition, in one transaction:
     * the same conditions, now printed as the changelogs print them, so that later comparisons ({@code check --live})
     * see them as equal. Existing rows are validated again (they satisfy the same condition).
     */
    static void reprint(DatabaseSettings live, List<CheckConstraints.Check> checks) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(live).getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (CheckConstraints.Check check : checks) {
                    statement.execute("alter table " + quote(check.table()) + " drop constraint " + quote(check.name()));
                    statement.execute("alter table " + quote(check.table()) + " add constraint " + quote(check.name())
                            + " " + check.definition());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String definition(Connection connection, CheckConstraints.Check check) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select pg_get_constraintdef(co.oid) from pg_constraint co
                join pg_class cl on cl.oid = co.conrelid join pg_namespace n on n.oid = cl.relnamespace
                where n.nspname = 'public' and cl.relname = ? and co.conname = ?""")) {
            query.setString(1, check.table());
            query.setString(2, check.name());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private static String canonical(String definition) {
        return definition.replaceAll("[()\\s]", "");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
