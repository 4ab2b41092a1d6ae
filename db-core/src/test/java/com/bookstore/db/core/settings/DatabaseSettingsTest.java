package com.bookstore.db.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    private static final String SECRET = "Sup3r-S3cret";

    private static DatabaseSettings from(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return DatabaseSettings.from(ConfigSource.of(values));
    }

    @Test
    void user_and_password_variables_fill_in_when_the_url_has_none() {
        DatabaseSettings s = from("DATABASE_URL", "postgresql://db:5432/bookstore",
                "DATABASE_USER", "app", "DATABASE_PASSWORD", SECRET);
        assertEquals("app", s.user());
        assertEquals(SECRET, s.password());
        assertEquals("jdbc:postgresql://db:5432/bookstore", s.jdbcUrl());
    }

    @Test
    void the_url_wins_when_both_give_credentials() {
        DatabaseSettings s = from("DATABASE_URL", "postgresql://owner:" + SECRET + "@db/bookstore",
                "DATABASE_USER", "app", "DATABASE_PASSWORD", "other-password");
        assertEquals("owner", s.user());
        assertEquals(SECRET, s.password());
    }

    @Test
    void url_parameters_count_as_url_credentials() {
        DatabaseSettings s = from("DATABASE_URL", "jdbc:postgresql://db/bookstore?user=owner&password=" + SECRET,
                "DATABASE_USER", "app", "DATABASE_PASSWORD", "other-password");
        assertEquals("owner", s.user());
        assertEquals(SECRET, s.password());
    }

    @Test
    void each_credential_is_filled_in_separately() {
        DatabaseSettings s = from("DATABASE_URL", "postgresql://owner@db/bookstore",
                "DATABASE_USER", "app", "DATABASE_PASSWORD", SECRET);
        assertEquals("owner", s.user(), "the URL's user stays");
        assertEquals(SECRET, s.password(), "the password comes from DATABASE_PASSWORD");
    }

    @Test
    void blank_user_variable_is_no_user() {
        DatabaseSettings s = from("DATABASE_URL", "postgresql://db/bookstore", "DATABASE_USER", "  ");
        assertNull(s.user());
        assertNull(s.password());
    }

    @Test
    void missing_url_names_the_variable_and_how_to_set_it() {
        SettingsException e = assertThrows(SettingsException.class, () -> from("DATABASE_USER", "app"));
        assertEquals("DATABASE_URL", e.variable());
        assertTrue(e.getMessage().startsWith("DATABASE_URL is not set. Set it in DATABASE_URL to the database to use"),
                e.getMessage());
        assertTrue(e.getMessage().contains("e.g. postgresql://user:password@localhost:5432/bookstore."), e.getMessage());
    }

    @Test
    void missing_url_in_the_standard_source_names_every_place_it_is_looked_up(@TempDir Path dir) {
        String previous = System.clearProperty("database.url");
        try {
            SettingsException e = assertThrows(SettingsException.class,
                    () -> DatabaseSettings.from(ConfigSource.standard(Map.of(), dir)));
            assertEquals("DATABASE_URL", e.variable());
            assertTrue(e.getMessage().contains("the environment variable DATABASE_URL, the system property -Ddatabase.url or "
                    + dir.toAbsolutePath().resolve(".env")), e.getMessage());
        } finally {
            if (previous != null) {
                System.setProperty("database.url", previous);
            }
        }
    }

    @Test
    void malformed_url_from_a_source_is_a_settings_exception_without_the_password() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> from("DATABASE_URL", "mysql://app:" + SECRET + "@db/bookstore", "DATABASE_PASSWORD", SECRET));
        assertEquals("DATABASE_URL", e.variable());
        assertTrue(e.getMessage().contains("unsupported scheme 'mysql'"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void blank_url_is_empty() {
        SettingsException e = assertThrows(SettingsException.class, () -> from("DATABASE_URL", " "));
        assertEquals("DATABASE_URL", e.variable());
        assertTrue(e.getMessage().startsWith("DATABASE_URL is empty."), e.getMessage());
    }

    @Test
    void to_string_and_masked_url_never_show_the_password() {
        DatabaseSettings s = DatabaseSettings.parse("postgresql://app:" + SECRET + "@db.example.com:6543/bookstore?sslmode=require");
        assertEquals("postgresql://app:****@db.example.com:6543/bookstore", s.maskedUrl());
        assertEquals("DatabaseSettings[postgresql://app:****@db.example.com:6543/bookstore]", s.toString());
        assertFalse(s.jdbcUrl().contains(SECRET));
        assertEquals(SECRET, s.password(), "the password is still there for whoever opens connections");
    }

    @Test
    void masked_url_without_password_or_user() {
        assertEquals("postgresql://app@db:5432/bookstore", DatabaseSettings.parse("postgresql://app@db/bookstore").maskedUrl());
        assertEquals("postgresql://db:5432/bookstore", DatabaseSettings.parse("postgresql://db/bookstore").maskedUrl());
    }

    @Test
    void password_from_the_variable_is_masked_as_well() {
        DatabaseSettings s = from("DATABASE_URL", "postgresql://db/bookstore", "DATABASE_USER", "app",
                "DATABASE_PASSWORD", SECRET);
        assertEquals("postgresql://app:****@db:5432/bookstore", s.maskedUrl());
        assertFalse(s.toString().contains(SECRET));
    }

    @Test
    void connection_properties_carry_the_credentials() {
        Properties p = DatabaseSettings.parse("postgresql://app:" + SECRET + "@db/bookstore").connectionProperties();
        assertEquals("app", p.getProperty("user"));
        assertEquals(SECRET, p.getProperty("password"));
        assertEquals(2, p.size());
    }

    @Test
    void with_database_keeps_server_credentials_and_parameters() {
        DatabaseSettings s = DatabaseSettings.parse("postgresql://app:" + SECRET + "@db:6543/bookstore?sslmode=require")
                .withDatabase("shadow_1");
        assertEquals("shadow_1", s.database());
        assertEquals("app", s.user());
        assertEquals(SECRET, s.password());
        assertEquals("jdbc:postgresql://db:6543/shadow_1?sslmode=require", s.jdbcUrl());
    }

    @Test
    void with_credentials_replaces_both() {
        DatabaseSettings s = DatabaseSettings.parse("postgresql://app:" + SECRET + "@db/bookstore").withCredentials("other", null);
        assertEquals("other", s.user());
        assertNull(s.password());
        assertEquals("postgresql://other@db:5432/bookstore", s.maskedUrl());
    }

    @Test
    void parameters_are_immutable_copies() {
        Map<String, String> parameters = new HashMap<>(Map.of("sslmode", "require"));
        DatabaseSettings s = new DatabaseSettings("db", 5432, "bookstore", null, null, parameters);
        parameters.put("ssl", "true");
        assertEquals(Map.of("sslmode", "require"), s.parameters());
        assertThrows(UnsupportedOperationException.class, () -> s.parameters().put("x", "y"));
    }

    @Test
    void host_and_database_are_required() {
        assertThrows(NullPointerException.class, () -> new DatabaseSettings(null, 5432, "db", null, null, Map.of()));
        assertThrows(NullPointerException.class, () -> new DatabaseSettings("db", 5432, null, null, null, Map.of()));
    }

    @Test
    void ipv6_host_given_without_brackets_is_bracketed_in_urls() {
        DatabaseSettings s = new DatabaseSettings("::1", 5432, "bookstore", "app", SECRET, Map.of());
        assertEquals("jdbc:postgresql://[::1]:5432/bookstore", s.jdbcUrl());
        assertEquals("postgresql://app:****@[::1]:5432/bookstore", s.maskedUrl());
    }
}
