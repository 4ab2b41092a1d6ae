package com.bookstore.db.migrations.internal.hazard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statements are split where PostgreSQL would split them, and nothing inside a literal or comment is read as SQL. */
class SqlLexerTest {

    private static List<String> statements(String script) {
        return Tokens.statements(script).stream().map(Tokens::text).toList();
    }

    @Test
    void splits_at_semicolons_outside_literals_comments_and_bodies() {
        assertEquals(List.of("select 'a;b'", "select \"x;y\" from t", "select 1"),
                statements("select 'a;b'; select \"x;y\" from t;;\n select 1;"));
        assertEquals(List.of("create function f() returns int as $body$ select 1; $body$ language sql", "select 2"),
                statements("create function f() returns int as $body$ select 1; $body$ language sql; select 2"));
        assertEquals(List.of("do $$ begin perform 1; end $$"), statements("do $$ begin perform 1; end $$;"));
        assertEquals(List.of("select E'it\\'s; fine'", "select 'it''s; fine'"),
                statements("select E'it\\'s; fine'; select 'it''s; fine'"));
    }

    @Test
    void comments_are_skipped_and_nested_block_comments_end_where_postgresql_ends_them() {
        assertEquals(List.of("select 1"), statements("-- drop table book;\nselect 1 -- ; drop table x\n"));
        assertEquals(List.of("select 1"), statements("/* outer /* inner; */ still comment; */ select 1"));
        assertEquals(List.of(), statements("-- only a comment; nothing else\n/* and; this */"));
    }

    @Test
    void words_fold_to_lower_case_and_quoted_identifiers_keep_theirs() {
        List<SqlLexer.Token> tokens = SqlLexer.tokens("ALTER TABLE \"Order\" ADD \"Total\" int");
        assertEquals("alter", tokens.get(0).value());
        assertEquals(SqlLexer.Kind.QUOTED_IDENTIFIER, tokens.get(2).kind());
        assertEquals("Order", tokens.get(2).value());
        assertEquals("Total", tokens.get(4).value());
        assertEquals("a\"b", SqlLexer.tokens("\"a\"\"b\"").get(0).value());
    }

    @Test
    void an_unterminated_literal_runs_to_the_end_instead_of_failing() {
        assertEquals(1, statements("select 'never closed; drop table x").size());
    }
}
