package com.bookstore.db.migrations.internal.schema;

import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CHECK constraints of the {@code public} schema, read from {@code pg_constraint}, and the SQL changes that turn one
 * set into another. Liquibase's open-source diff has no CHECK support; Hibernate 6 creates one per
 * {@code @Enumerated(STRING)} column, so a new enum constant must update it.
 */
public final class CheckConstraints {

    /** One constraint: the table it is on, its name and PostgreSQL's canonical definition. */
    public record Check(String table, String name, String definition) {
        String key() {
            return table + "." + name;
        }

        /**
         * Whether both define the same condition. PostgreSQL re-prints a definition it parsed with a different number
         * of parentheses ({@code CHECK (((a)::text = ...))} vs {@code CHECK ((a)::text = ...)}), so parentheses and
         * white space are not significant.
         */
        boolean sameCondition(Check other) {
            return canonical(definition).equals(canonical(other.definition));
        }

        private static String canonical(String definition) {
            return definition.replaceAll("[()\\s]", "");
        }
    }

    private static final String QUERY = """
            select cl.relname, co.conname, pg_get_constraintdef(co.oid)
            from pg_constraint co
            join pg_class cl on cl.oid = co.conrelid
            join pg_namespace n on n.oid = cl.relnamespace
            where co.contype = 'c' and n.nspname = 'public'
            order by cl.relname, co.conname
            """;

    private CheckConstraints() {
    }

    public static Map<String, Check> read(Connection connection) throws SQLException {
        Map<String, Check> checks = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                Check check = new Check(rs.getString(1), rs.getString(2), rs.getString(3));
                checks.put(check.key(), check);
            }
        }
        return checks;
    }

    /**
     * Re-creates every CHECK constraint from PostgreSQL's own printing of it. Hibernate's inline
     * {@code check (format in (...))} is printed by PostgreSQL in one form, and the same condition re-parsed from that
     * printing (what a changelog applies) in another; re-creating the model's checks once makes both sides printed
     * from the same text, so that only real differences remain.
     */
    public static void reprint(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Check check : read(connection).values()) {
                statement.execute("alter table " + check.table() + " drop constraint " + check.name());
                statement.execute("alter table " + check.table() + " add constraint " + check.name() + " " + check.definition());
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The checks to drop first and to add last so that {@code current} becomes {@code wanted}. */
    public static Delta delta(Map<String, Check> wanted, Map<String, Check> current, Set<String> droppedTables) {
        List<Check> drop = new ArrayList<>();
        List<Check> add = new ArrayList<>();
        for (Check have : current.values()) {
            Check want = wanted.get(have.key());
            if ((want == null || !want.sameCondition(have)) && !droppedTables.contains(have.table())) {
                drop.add(have);
            }
        }
        for (Check want : wanted.values()) {
            Check have = current.get(want.key());
            if (have == null || !have.sameCondition(want)) {
                add.add(want);
            }
        }
        return new Delta(drop, add);
    }

    /** Checks to drop and to add. */
    public record Delta(List<Check> drop, List<Check> add) {

        public List<Change> dropChanges() {
            return drop.stream().map(c -> sql("alter table " + c.table() + " drop constraint " + c.name(),
                    "CHECK constraint " + c.name() + " on " + c.table() + " dropped (was: " + c.definition() + ")")).toList();
        }

        public List<Change> addChanges() {
            return add.stream().map(c -> sql("alter table " + c.table() + " add constraint " + c.name() + " " + c.definition(),
                    "CHECK constraint " + c.name() + " on " + c.table() + " added: " + c.definition())).toList();
        }

        private static Change sql(String sql, String comment) {
            RawSQLChange change = new RawSQLChange(sql);
            change.setComment(comment);
            change.setSplitStatements(false);
            return change;
        }
    }
}
