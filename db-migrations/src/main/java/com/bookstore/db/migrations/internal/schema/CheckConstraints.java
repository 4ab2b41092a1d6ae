package com.bookstore.db.migrations.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-prints the model's CHECK constraints once. Hibernate's inline {@code check (format in (...))} is printed by
 * PostgreSQL in one form, and the same condition re-parsed from that printing (what a revision applies) in another
 * ({@code CHECK (((a)::text = ...))} against {@code CHECK ((a)::text = ...)}); re-creating the model's checks from
 * their printing makes both sides printed from the same text, so that definitions compare exactly, parenthesis for
 * parenthesis, and only real differences remain.
 */
final class CheckConstraints {

    private static final String QUERY = """
            select format('%I.%I', n.nspname, cl.relname), quote_ident(co.conname), pg_get_constraintdef(co.oid)
            from pg_constraint co
            join pg_class cl on cl.oid = co.conrelid
            join pg_namespace n on n.oid = cl.relnamespace
            where co.contype = 'c' and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
            order by 1, 2
            """;

    private CheckConstraints() {
    }

    static void reprint(Connection connection) throws SQLException {
        List<String[]> checks = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                checks.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String[] check : checks) {
                statement.execute("alter table " + check[0] + " drop constraint " + check[1]);
                statement.execute("alter table " + check[0] + " add constraint " + check[1] + " " + check[2]);
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
