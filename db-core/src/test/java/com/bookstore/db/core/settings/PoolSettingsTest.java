package com.bookstore.db.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoolSettingsTest {

    private static PoolSettings from(Map<String, String> values) {
        return PoolSettings.from(ConfigSource.of(values));
    }

    @Test
    void defaults() {
        PoolSettings pool = from(Map.of());
        assertEquals(PoolSettings.DEFAULTS, pool);
        assertEquals(10, pool.maximumPoolSize());
        assertEquals(2, pool.minimumIdle());
        assertEquals(Duration.ofSeconds(30), pool.connectionTimeout());
        assertEquals(Duration.ofMinutes(10), pool.idleTimeout());
        assertEquals(Duration.ofMinutes(30), pool.maxLifetime());
    }

    @Test
    void every_value_can_be_set() {
        PoolSettings pool = from(Map.of(
                "DATABASE_POOL_MAX_SIZE", "20",
                "DATABASE_POOL_MIN_IDLE", "0",
                "DATABASE_POOL_CONNECTION_TIMEOUT_MS", "2500",
                "DATABASE_POOL_IDLE_TIMEOUT_MS", "60000",
                "DATABASE_POOL_MAX_LIFETIME_MS", "900000"));
        assertEquals(new PoolSettings(20, 0, Duration.ofMillis(2500), Duration.ofMinutes(1), Duration.ofMinutes(15)), pool);
    }

    @Test
    void blank_values_mean_the_default_and_spaces_are_ignored() {
        PoolSettings pool = from(Map.of("DATABASE_POOL_MAX_SIZE", " 4 ", "DATABASE_POOL_MIN_IDLE", "   "));
        assertEquals(4, pool.maximumPoolSize());
        assertEquals(2, pool.minimumIdle());
    }

    @Test
    void default_minimum_idle_never_exceeds_a_small_maximum() {
        PoolSettings pool = from(Map.of("DATABASE_POOL_MAX_SIZE", "1"));
        assertEquals(1, pool.maximumPoolSize());
        assertEquals(1, pool.minimumIdle());
    }

    @Test
    void zero_connection_timeout_means_no_limit_and_is_accepted() {
        assertEquals(Duration.ZERO, from(Map.of("DATABASE_POOL_CONNECTION_TIMEOUT_MS", "0")).connectionTimeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DATABASE_POOL_MAX_SIZE              | -1       | 10
            DATABASE_POOL_MAX_SIZE              | ten      | 10
            DATABASE_POOL_MAX_SIZE              | 1.5      | 10
            DATABASE_POOL_MAX_SIZE              | 99999999999 | 10
            DATABASE_POOL_MIN_IDLE              | -3       | 2
            DATABASE_POOL_MIN_IDLE              | two      | 2
            DATABASE_POOL_CONNECTION_TIMEOUT_MS | -100     | 30000
            DATABASE_POOL_CONNECTION_TIMEOUT_MS | 30s      | 30000
            DATABASE_POOL_IDLE_TIMEOUT_MS       | -1       | 600000
            DATABASE_POOL_IDLE_TIMEOUT_MS       | 10m      | 600000
            DATABASE_POOL_MAX_LIFETIME_MS       | -5       | 1800000
            DATABASE_POOL_MAX_LIFETIME_MS       | forever  | 1800000
            """)
    void negative_or_non_numeric_values_name_the_variable_the_value_and_the_rule(String variable, String value,
            String defaultValue) {
        SettingsException e = assertThrows(SettingsException.class, () -> from(Map.of(variable, value)));
        assertEquals(variable, e.variable());
        assertEquals(variable + " is '" + value + "'; it must be a whole number of at least 0 (default " + defaultValue + ").",
                e.getMessage());
    }

    @Test
    void maximum_size_zero() {
        SettingsException e = assertThrows(SettingsException.class, () -> from(Map.of("DATABASE_POOL_MAX_SIZE", "0")));
        assertEquals("DATABASE_POOL_MAX_SIZE", e.variable());
        assertEquals("DATABASE_POOL_MAX_SIZE is 0; it must be at least 1.", e.getMessage());
    }

    @Test
    void minimum_idle_above_maximum_size() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> from(Map.of("DATABASE_POOL_MAX_SIZE", "3", "DATABASE_POOL_MIN_IDLE", "5")));
        assertEquals("DATABASE_POOL_MIN_IDLE", e.variable());
        assertEquals("DATABASE_POOL_MIN_IDLE is 5; it must be between 0 and DATABASE_POOL_MAX_SIZE (3).", e.getMessage());
    }

    @Test
    void default_minimum_idle_above_a_given_one_is_fine_when_equal() {
        PoolSettings pool = from(Map.of("DATABASE_POOL_MAX_SIZE", "3", "DATABASE_POOL_MIN_IDLE", "3"));
        assertEquals(3, pool.minimumIdle());
    }

    @Test
    void connection_timeout_under_250_ms_is_refused_before_hikari_does() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> from(Map.of("DATABASE_POOL_CONNECTION_TIMEOUT_MS", "100")));
        assertEquals("DATABASE_POOL_CONNECTION_TIMEOUT_MS", e.variable());
        assertEquals("DATABASE_POOL_CONNECTION_TIMEOUT_MS is 100; it must be at least 250 (milliseconds), or 0 to wait"
                + " without limit.", e.getMessage());
        assertEquals(Duration.ofMillis(250), from(Map.of("DATABASE_POOL_CONNECTION_TIMEOUT_MS", "250")).connectionTimeout());
    }

    @Test
    void constructor_validates_as_well() {
        assertEquals("DATABASE_POOL_MAX_SIZE", assertThrows(SettingsException.class,
                () -> new PoolSettings(0, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)).variable());
        assertEquals("DATABASE_POOL_MIN_IDLE", assertThrows(SettingsException.class,
                () -> new PoolSettings(2, -1, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO)).variable());
        assertEquals("DATABASE_POOL_CONNECTION_TIMEOUT_MS", assertThrows(SettingsException.class,
                () -> new PoolSettings(2, 1, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO)).variable());
        assertEquals("DATABASE_POOL_IDLE_TIMEOUT_MS", assertThrows(SettingsException.class,
                () -> new PoolSettings(2, 1, Duration.ofSeconds(1), null, Duration.ZERO)).variable());
        SettingsException e = assertThrows(SettingsException.class,
                () -> new PoolSettings(2, 1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(-5)));
        assertEquals("DATABASE_POOL_MAX_LIFETIME_MS", e.variable());
        assertEquals("DATABASE_POOL_MAX_LIFETIME_MS is -5; it must be a duration of at least 0 ms.", e.getMessage());
    }
}
