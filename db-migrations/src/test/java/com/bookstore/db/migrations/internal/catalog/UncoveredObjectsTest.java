package com.bookstore.db.migrations.internal.catalog;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the comparison does not compare is named, never passed over: each kind of object or attribute a hand-written
 * revision can create and no entity can declare appears in {@link Catalog#uncovered()}, and a schema of plain tables
 * has none. (Views, triggers, policies and the table attributes are proven through {@code check} in
 * {@code MigrateCliTest}.)
 */
class UncoveredObjectsTest {

    @ScratchServer
    private static ScratchDatabases server;

    @Test
    void rules_statistics_schema_objects_and_column_attributes_are_named() throws Exception {
        try (Connection connection = MigrationConnections.unpooled(server.create("uncovered")).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table item (id bigint primary key, name text, note varchar(10), "
                    + "shelf bigint, constraint uk_item_shelf unique (shelf))");
            assertEquals(List.of(), CatalogReader.read(connection, Set.of("public")).uncovered(),
                    "plain tables, keys and columns: everything is compared");

            statement.execute("""
                    create rule item_keep as on delete to item do instead nothing;
                    create statistics item_stats (dependencies) on id, name from item;
                    create collation plain_c from "C";
                    create operator === (leftarg = bigint, rightarg = bigint, function = int8eq);
                    create operator class id_ops for type bigint using btree as operator 1 <, operator 2 <=,
                        operator 3 =, operator 4 >=, operator 5 >, function 1 btint8cmp(bigint, bigint);
                    create text search configuration plain_search (copy = simple);
                    create text search dictionary plain_words (template = simple);
                    create conversion latin_to_utf8 for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
                    create type later_type;
                    alter table item alter column name set storage external;
                    alter table item alter column name set compression pglz;
                    alter table item alter column note set statistics 500;
                    alter table item alter column id set (n_distinct = 100);
                    alter table item set (toast.autovacuum_enabled = false);
                    create unlogged sequence ticket_numbers;
                    create unlogged table scratch (id bigint generated always as identity primary key, n serial);
                    create type pair as (a int, b int);
                    create table pairs of pair (primary key (a));
                    """);
            // sorted here: the catalog's own order follows the database's collation
            assertEquals(List.of(
                    "collation plain_c",
                    "columns from type pair of table pairs",
                    "compression pglz of column item.name",
                    "conversion latin_to_utf8",
                    "extended statistics item_stats",
                    "operator ===(bigint, bigint)",
                    "operator class id_ops",
                    "operator family id_ops",
                    "options (n_distinct=100) of column item.id",
                    "rule item.item_keep",
                    "shell type later_type",
                    "statistics target 500 of column item.note",
                    "storage EXTERNAL of column item.name",
                    "storage parameters (toast.autovacuum_enabled=false) of table item",
                    "text search configuration plain_search",
                    "text search dictionary plain_words",
                    "unlogged sequence ticket_numbers",
                    "unlogged table scratch"),
                    CatalogReader.read(connection, Set.of("public")).uncovered().stream().sorted().toList());
        }
    }
}
