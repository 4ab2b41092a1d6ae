package com.bookstore.db.migrations.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column types of the {@code public} schema as PostgreSQL itself prints them ({@code format_type}). Liquibase's
 * database-neutral type names lose details that matter here ({@code timestamp with time zone} becomes
 * {@code timestamp} in a generated {@code modifyDataType}, {@code text} becomes {@code clob}), so generated type
 * changes and the review take the types from here.
 */
public final class ColumnTypes {

    private static final String QUERY = """
            select c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
            """;

    private final Map<String, ColumnType> types;

    private ColumnTypes(Map<String, ColumnType> types) {
        this.types = types;
    }

    public static ColumnTypes read(Connection connection) throws SQLException {
        Map<String, ColumnType> types = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                types.put(key(rs.getString(1), rs.getString(2)), ColumnType.parse(rs.getString(3)));
            }
        }
        return new ColumnTypes(types);
    }

    public Optional<ColumnType> of(String table, String column) {
        return Optional.ofNullable(types.get(key(table, column)));
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
