package com.bookstore.db.core.embedded;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchDatabasesTest {

    @Test
    void creates_isolated_empty_databases_on_postgresql_17_and_drops_them() throws Exception {
        try (ScratchDatabases databases = ScratchDatabases.forTests()) {
            DatabaseSettings first = databases.create("scratch");
            DatabaseSettings second = databases.create("scratch");
            assertNotEquals(first.database(), second.database());
            try (Connection c = MigrationConnections.unpooled(first).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create table probe (id int primary key)");
                ResultSet version = s.executeQuery("show server_version_num");
                version.next();
                if (databases.isEmbedded()) {
                    assertTrue(version.getInt(1) >= 170000 && version.getInt(1) < 180000, "embedded server is PostgreSQL 17");
                }
            }
            DatabaseSettings scoped;
            try (ScratchDatabases scope = databases.sameServer()) {
                scoped = scope.create("scoped");
                assertEquals(1, count(first, "select count(*) from pg_database where datname = '" + scoped.database() + "'"));
            }
            assertEquals(0, count(first, "select count(*) from pg_database where datname = '" + scoped.database() + "'"),
                    "a scope's databases go with it; the server stays");
            try (Connection c = MigrationConnections.unpooled(second).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name = 'probe'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "a table of one scratch database is invisible in another");
            }
        }
    }

    private static int count(DatabaseSettings database, String sql) throws Exception {
        try (Connection c = MigrationConnections.unpooled(database).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
