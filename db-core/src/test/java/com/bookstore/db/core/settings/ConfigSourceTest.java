package com.bookstore.db.core.settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The lookup order environment → system property → {@code .env} of the working directory. */
class ConfigSourceTest {

    private static final List<String> PROPERTIES = List.of("database.url", "database.user", "database.password",
            "database.pool.max.size");

    private final Map<String, String> savedProperties = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void clearProperties() {
        for (String property : PROPERTIES) {
            String value = System.clearProperty(property);
            if (value != null) {
                savedProperties.put(property, value);
            }
        }
    }

    @AfterEach
    void restoreProperties() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
        savedProperties.forEach(System::setProperty);
    }

    private void writeDotEnv(String... lines) throws IOException {
        Files.write(dir.resolve(".env"), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void environment_wins_over_system_property_and_dot_env() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://from-dotenv/db");
        System.setProperty("database.url", "postgresql://from-property/db");
        ConfigSource source = ConfigSource.standard(Map.of("DATABASE_URL", "postgresql://from-env/db"), dir);
        assertEquals(Optional.of("postgresql://from-env/db"), source.get("DATABASE_URL"));
    }

    @Test
    void system_property_wins_over_dot_env() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://from-dotenv/db");
        System.setProperty("database.url", "postgresql://from-property/db");
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        assertEquals(Optional.of("postgresql://from-property/db"), source.get("DATABASE_URL"));
    }

    @Test
    void dot_env_of_the_working_directory_comes_last() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://from-dotenv/db");
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        assertEquals(Optional.of("postgresql://from-dotenv/db"), source.get("DATABASE_URL"));
    }

    @Test
    void each_variable_is_looked_up_on_its_own() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://from-dotenv/bookstore", "DATABASE_USER=dotenv-user",
                "DATABASE_PASSWORD=dotenv-password");
        System.setProperty("database.user", "property-user");
        ConfigSource source = ConfigSource.standard(Map.of("DATABASE_PASSWORD", "env-password"), dir);

        DatabaseSettings settings = DatabaseSettings.from(source);

        assertEquals("from-dotenv", settings.host());
        assertEquals("property-user", settings.user());
        assertEquals("env-password", settings.password());
    }

    @Test
    void nothing_anywhere_is_empty() {
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        assertEquals(Optional.empty(), source.get("DATABASE_URL"));
    }

    @Test
    void empty_environment_value_still_wins() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://from-dotenv/db");
        ConfigSource source = ConfigSource.standard(Map.of("DATABASE_URL", ""), dir);
        assertEquals(Optional.of(""), source.get("DATABASE_URL"));
    }

    @Test
    void a_malformed_dot_env_is_not_read_while_the_environment_answers() throws IOException {
        writeDotEnv("this line is not KEY=value");
        ConfigSource source = ConfigSource.standard(Map.of("DATABASE_URL", "postgresql://from-env/db"), dir);
        assertEquals(Optional.of("postgresql://from-env/db"), source.get("DATABASE_URL"));
    }

    @Test
    void a_malformed_dot_env_is_reported_with_file_and_line_when_it_is_read() throws IOException {
        writeDotEnv("# settings", "DATABASE_USER=app", "this line is not KEY=value");
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        SettingsException e = assertThrows(SettingsException.class, () -> source.get("DATABASE_URL"));
        assertTrue(e.getMessage().contains("Line 3 of " + dir.toAbsolutePath().resolve(".env")), e.getMessage());
    }

    @Test
    void dot_env_is_read_once() throws IOException {
        writeDotEnv("DATABASE_URL=postgresql://first/db");
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        assertEquals(Optional.of("postgresql://first/db"), source.get("DATABASE_URL"));
        writeDotEnv("DATABASE_URL=postgresql://second/db");
        assertEquals(Optional.of("postgresql://first/db"), source.get("DATABASE_URL"));
    }

    @Test
    void pool_variables_follow_the_same_order() throws IOException {
        writeDotEnv("DATABASE_POOL_MAX_SIZE=7", "DATABASE_POOL_MIN_IDLE=1", "DATABASE_POOL_IDLE_TIMEOUT_MS=60000");
        System.setProperty("database.pool.max.size", "5");
        ConfigSource source = ConfigSource.standard(Map.of("DATABASE_POOL_MIN_IDLE", "3"), dir);

        PoolSettings pool = PoolSettings.from(source);

        assertEquals(5, pool.maximumPoolSize());
        assertEquals(3, pool.minimumIdle());
        assertEquals(Duration.ofMinutes(1), pool.idleTimeout());
    }

    @Test
    void describe_names_every_place() {
        ConfigSource source = ConfigSource.standard(Map.of(), dir);
        assertEquals("the environment variable DATABASE_URL, the system property -Ddatabase.url or "
                + dir.toAbsolutePath().resolve(".env"), source.describe("DATABASE_URL"));
        assertEquals("DATABASE_URL", ConfigSource.of(Map.of()).describe("DATABASE_URL"));
    }

    @Test
    void property_names() {
        assertEquals("database.url", ConfigSource.propertyName("DATABASE_URL"));
        assertEquals("database.pool.max.size", ConfigSource.propertyName("DATABASE_POOL_MAX_SIZE"));
    }

    @Test
    void of_map_reads_the_map_only() {
        System.setProperty("database.url", "postgresql://from-property/db");
        ConfigSource source = ConfigSource.of(Map.of("DATABASE_USER", "app"));
        assertEquals(Optional.of("app"), source.get("DATABASE_USER"));
        assertEquals(Optional.empty(), source.get("DATABASE_URL"));
    }

    @Test
    void from_environment_reads_the_system_property_when_the_process_has_no_database_url() {
        assumeTrue(System.getenv("DATABASE_URL") == null, "DATABASE_URL is set in this process's environment");
        assumeTrue(!Files.exists(Path.of(".env")), "a .env file in the working directory");
        System.setProperty("database.url", "postgresql://from-property:6543/bookstore");
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        assertEquals("from-property", settings.host());
        assertEquals(6543, settings.port());
    }
}
