package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.Catalog.Column;
import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * Puts one row into every table of a migrated database, whatever the model, so that every scenario also runs on
 * tables with rows: values by type, a value a CHECK lists where it lists one, the referenced row for a NOT NULL
 * foreign key (tables filled in dependency order), nothing for identity and generated columns. The row counts are
 * read back after the upgrade and after the rollback: a change that loses rows fails the scenario.
 */
final class RowSeeder {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private RowSeeder() {
    }

    /** Seeds every table of {@code public} and the other user schemas. */
    static void seed(DatabaseSettings live) throws SQLException {
        try (Connection c = MigrationConnections.unpooled(live).getConnection(); Statement s = c.createStatement()) {
            Catalog catalog = CatalogReader.read(c, CatalogReader.userSchemas(c));
            for (Table table : dependencyOrder(catalog)) {
                List<String> columns = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (Column column : table.columns()) {
                    if (!column.identity().isEmpty() || column.generated() != null) {
                        continue;
                    }
                    columns.add(quote(column.name()));
                    values.add(value(table, column));
                }
                s.execute("INSERT INTO " + table.name().sql() + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", values) + ")");
            }
        }
    }

    /** The tables a catalog read of the user schemas holds (bookkeeping tables aside), without the whole read. */
    private static final String USER_TABLES = """
            select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and not c.relispartition
              and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
            """;

    /** Row count of every table, by name. */
    static Map<String, Long> counts(DatabaseSettings live) throws SQLException {
        List<QualifiedName> tables = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = MigrationConnections.unpooled(live).getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(USER_TABLES)) {
                while (rs.next()) {
                    boolean bookkeeping = QualifiedName.DEFAULT_SCHEMA.equals(rs.getString(1))
                            && CatalogReader.BOOKKEEPING_TABLES.contains(rs.getString(2));
                    if (!bookkeeping) {
                        tables.add(new QualifiedName(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            for (QualifiedName name : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name.sql())) {
                    rs.next();
                    counts.put(name.toString(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String value(Table table, Column column) {
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() == 'f' && constraint.columns().contains(column.name())) {
                if (!column.notNull()) {
                    return "NULL";
                }
                String target = constraint.referencedColumns().get(constraint.columns().indexOf(column.name()));
                return "(SELECT " + quote(target) + " FROM " + constraint.referencedTable().sql() + " LIMIT 1)";
            }
        }
        for (Constraint constraint : table.constraints().values()) {
            if (constraint.kind() == 'c' && constraint.columns().equals(List.of(column.name()))) {
                Matcher literal = LITERAL.matcher(constraint.definition());
                if (literal.find()) {
                    return "'" + literal.group(1) + "'";
                }
            }
        }
        String type = column.type();
        boolean key = table.constraints().values().stream().anyMatch(c -> c.kind() == 'p' && c.columns().contains(column.name()));
        if (key && (type.equals("smallint") || type.equals("integer") || type.equals("bigint"))) {
            return "9001"; // clear of the small ids the scenarios insert themselves
        }
        if (type.endsWith("[]")) {
            return "'{}'";
        }
        if (type.startsWith("character") || type.equals("text") || type.equals("citext")) {
            return "'x'";
        }
        if (type.equals("smallint") || type.equals("integer") || type.equals("bigint") || type.startsWith("numeric")
                || type.equals("real") || type.equals("double precision")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if (type.startsWith("timestamp") || type.equals("date") || type.startsWith("time")) {
            return "now()";
        }
        if (type.equals("uuid")) {
            return "gen_random_uuid()";
        }
        if (type.equals("jsonb") || type.equals("json")) {
            return "'{}'";
        }
        if (type.equals("bytea")) {
            return "'\\x00'";
        }
        // an enum type: its first label
        return "(SELECT enumlabel::" + type + " FROM pg_enum WHERE enumtypid = " + "'" + type + "'::regtype ORDER BY enumsortorder LIMIT 1)";
    }

    /** Tables referenced by a NOT NULL foreign key first. */
    private static List<Table> dependencyOrder(Catalog catalog) {
        Set<QualifiedName> done = new LinkedHashSet<>();
        List<Table> order = new ArrayList<>();
        while (order.size() < catalog.tables().size()) {
            int before = order.size();
            for (Table table : catalog.tables().values()) {
                if (done.contains(table.name())) {
                    continue;
                }
                boolean ready = table.constraints().values().stream().filter(c -> c.kind() == 'f')
                        .filter(c -> c.columns().stream().anyMatch(col -> table.column(col).map(Column::notNull).orElse(false)))
                        .allMatch(c -> c.referencedTable().equals(table.name()) || done.contains(c.referencedTable()));
                if (ready) {
                    done.add(table.name());
                    order.add(table);
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("NOT NULL foreign keys form a cycle among " + catalog.tables().keySet());
            }
        }
        return order;
    }
}
