package com.bookstore.db.migrations.internal.catalog;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlNamesTest {

    @Test
    void quotes_exactly_what_quote_ident_quotes() throws Exception {
        try (ScratchDatabases server = ScratchDatabases.forTests();
             Connection c = MigrationConnections.unpooled(server.create("names")).getConnection()) {
            Set<String> keywords = new TreeSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select word from pg_get_keywords() where catcode <> 'U'")) {
                while (rs.next()) {
                    keywords.add(rs.getString(1));
                }
            }
            assertEquals(keywords, new TreeSet<>(SqlNames.QUOTED_KEYWORDS), "postgres-quoted-keywords.txt is PostgreSQL's list");
            try (PreparedStatement ps = c.prepareStatement("select quote_ident(?), quote_literal(?)")) {
                for (String name : new String[] {"user", "order", "book", "Book", "name", "value", "select", "a b", "x\"y",
                        "_ok$1", "1abc", "é", "type", "desc"}) {
                    ps.setString(1, name);
                    ps.setString(2, name + "'s");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(rs.getString(1), SqlNames.quote(name), name);
                        assertEquals(rs.getString(2), SqlNames.literal(name + "'s"), name);
                    }
                }
            }
        }
    }
}
