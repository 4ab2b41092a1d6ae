package com.bookstore.db.core.internal;

import com.bookstore.db.core.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotEnvFileTest {

    private static final String SECRET = "Sup3r-S3cret";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(".env");
    }

    private Map<String, String> parse(String... lines) {
        return DotEnvFile.parse(List.of(lines), file());
    }

    @Test
    void reads_a_typical_file() throws IOException {
        Files.writeString(file(), """
                # Local database
                DATABASE_URL=postgresql://app:secret@localhost:5432/bookstore

                  # indented comment
                export DATABASE_USER=app
                DATABASE_POOL_MAX_SIZE = 5
                """, StandardCharsets.UTF_8);
        DotEnvFile env = DotEnvFile.read(file());
        assertEquals(Optional.of("postgresql://app:secret@localhost:5432/bookstore"), env.get("DATABASE_URL"));
        assertEquals(Optional.of("app"), env.get("DATABASE_USER"));
        assertEquals(Optional.of("5"), env.get("DATABASE_POOL_MAX_SIZE"));
        assertEquals(Optional.empty(), env.get("DATABASE_PASSWORD"));
    }

    @Test
    void missing_file_is_empty() {
        assertEquals(Optional.empty(), DotEnvFile.read(dir.resolve("absent/.env")).get("DATABASE_URL"));
    }

    @Test
    void a_directory_named_dot_env_is_ignored() throws IOException {
        Files.createDirectory(file());
        assertEquals(Optional.empty(), DotEnvFile.read(file()).get("DATABASE_URL"));
    }

    @Test
    void export_prefix_and_spaces_around_equals() {
        assertEquals(Map.of("A", "1", "B", "2", "C", "3"), parse("export A=1", "export   B =  2", "C\t=\t3"));
    }

    @Test
    void double_and_single_quotes_keep_spaces_and_hashes() {
        Map<String, String> values = parse(
                "A=\"two words # not a comment\"",
                "B='single # quoted '",
                "C=\"\"",
                "D=\"quoted\" # trailing comment");
        assertEquals("two words # not a comment", values.get("A"));
        assertEquals("single # quoted ", values.get("B"));
        assertEquals("", values.get("C"));
        assertEquals("quoted", values.get("D"));
    }

    @Test
    void inline_comment_after_a_space_ends_an_unquoted_value() {
        Map<String, String> values = parse("A=value # comment", "B=pa#ss", "C=a=b=c", "D=", "E=  spaced value  ");
        assertEquals("value", values.get("A"));
        assertEquals("pa#ss", values.get("B"), "a '#' without a space before it is part of the value");
        assertEquals("a=b=c", values.get("C"));
        assertEquals("", values.get("D"));
        assertEquals("spaced value", values.get("E"));
    }

    @Test
    void url_with_query_and_special_characters_is_kept_whole() {
        assertEquals("postgresql://app:p%40ss@db:5432/bookstore?sslmode=require&application_name=api",
                parse("DATABASE_URL=postgresql://app:p%40ss@db:5432/bookstore?sslmode=require&application_name=api")
                        .get("DATABASE_URL"));
    }

    @Test
    void later_lines_win() {
        assertEquals("second", parse("A=first", "A=second").get("A"));
    }

    @Test
    void keys_may_hold_dots_and_underscores() {
        assertEquals(Map.of("_A.b_1", "x"), parse("_A.b_1=x"));
    }

    @Test
    void crlf_line_endings_and_a_byte_order_mark_are_accepted() throws IOException {
        Files.writeString(file(), "\uFEFFDATABASE_URL=postgresql://db/bookstore\r\nDATABASE_USER=app\r\n", StandardCharsets.UTF_8);
        DotEnvFile env = DotEnvFile.read(file());
        assertEquals(Optional.of("postgresql://db/bookstore"), env.get("DATABASE_URL"));
        assertEquals(Optional.of("app"), env.get("DATABASE_USER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"just words " + SECRET, "=" + SECRET, "1KEY=" + SECRET, "KEY " + SECRET, "export", "KEY-NAME=" + SECRET})
    void malformed_line_names_file_and_line_but_not_its_content(String line) {
        SettingsException e = assertThrows(SettingsException.class, () -> parse("# comment", "", "OK=1", line));
        assertEquals(".env", e.variable());
        assertEquals("Line 4 of " + file().toAbsolutePath() + " is not of the form KEY=value; fix or remove that line.",
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void malformed_line_read_from_disk() throws IOException {
        Files.writeString(file(), "A=1\nnot valid\n", StandardCharsets.UTF_8);
        SettingsException e = assertThrows(SettingsException.class, () -> DotEnvFile.read(file()));
        assertTrue(e.getMessage().startsWith("Line 2 of " + file().toAbsolutePath()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "'"})
    void unclosed_quote_names_key_line_and_file_but_not_the_value(String quote) {
        SettingsException e = assertThrows(SettingsException.class,
                () -> parse("A=1", "DATABASE_PASSWORD=" + quote + SECRET));
        assertEquals("DATABASE_PASSWORD", e.variable());
        assertEquals("The value of DATABASE_PASSWORD on line 2 of " + file().toAbsolutePath() + " opens a quote ("
                + quote + ") that is never closed; close it.", e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void mismatched_quotes_are_unclosed() {
        SettingsException e = assertThrows(SettingsException.class, () -> parse("A=\"value'"));
        assertTrue(e.getMessage().contains("opens a quote (\")"), e.getMessage());
    }

    @Test
    void unreadable_file_is_reported_with_its_path() throws IOException {
        Files.write(file(), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});
        SettingsException e = assertThrows(SettingsException.class, () -> DotEnvFile.read(file()));
        assertEquals(".env", e.variable());
        assertTrue(e.getMessage().startsWith("Cannot read " + file().toAbsolutePath()), e.getMessage());
    }
}
