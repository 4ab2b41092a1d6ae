package com.bookstore.db.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationTimeoutsTest {

    private static MigrationTimeouts from(Map<String, String> values) {
        return MigrationTimeouts.from(ConfigSource.of(values));
    }

    @Test
    void defaults_are_a_lock_timeout_of_5_s_and_no_statement_timeout() {
        MigrationTimeouts timeouts = from(Map.of());
        assertEquals(MigrationTimeouts.DEFAULTS, timeouts);
        assertEquals(Duration.ofSeconds(5), timeouts.lockTimeout());
        assertEquals(Duration.ZERO, timeouts.statementTimeout());
        assertFalse(timeouts.isOff());
    }

    @ParameterizedTest
    @CsvSource({"5s, 5000", "500ms, 500", "250, 250", "2min, 120000", "1h, 3600000", "1d, 86400000", "1.5s, 1500",
            "' 3 s ', 3000", "1500us, 2", "0, 0", "0ms, 0", "2147483647ms, 2147483647"})
    void postgresql_durations_are_read_in_milliseconds(String raw, long millis) {
        assertEquals(Duration.ofMillis(millis), from(Map.of("MIGRATION_LOCK_TIMEOUT", raw)).lockTimeout());
        assertEquals(Duration.ofMillis(millis), from(Map.of("MIGRATION_STATEMENT_TIMEOUT", raw)).statementTimeout());
    }

    @Test
    void zero_turns_a_timeout_off_and_blank_means_the_default() {
        assertTrue(from(Map.of("MIGRATION_LOCK_TIMEOUT", "0")).isOff());
        assertEquals(MigrationTimeouts.DEFAULTS, from(Map.of("MIGRATION_LOCK_TIMEOUT", "  ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 seconds | MIGRATION_LOCK_TIMEOUT is '5 seconds'; it must be a duration as PostgreSQL writes it",
            "5S        | e.g. MIGRATION_LOCK_TIMEOUT=5s or MIGRATION_LOCK_TIMEOUT=500ms; 0 turns it off (default 5s)",
            "-1        | MIGRATION_LOCK_TIMEOUT is '-1'",
            "abc       | the units ms, s, min, h, d",
            "1s5       | MIGRATION_LOCK_TIMEOUT is '1s5'",
            "0.4ms     | less than 1 ms, which PostgreSQL would round to 0, turning the timeout off",
            "100us     | less than 1 ms",
            "25d       | more than PostgreSQL accepts (2147483647ms, about 24 days)"})
    void malformed_values_are_refused_naming_the_variable_with_an_example(String raw, String expected) {
        SettingsException refused = assertThrows(SettingsException.class,
                () -> from(Map.of("MIGRATION_LOCK_TIMEOUT", raw)));
        assertEquals("MIGRATION_LOCK_TIMEOUT", refused.variable());
        assertTrue(refused.getMessage().contains(expected), refused::getMessage);
        assertTrue(refused.getMessage().contains("MIGRATION_LOCK_TIMEOUT="), refused::getMessage);
    }

    @Test
    void the_statement_timeout_is_checked_under_its_own_name() {
        SettingsException refused = assertThrows(SettingsException.class,
                () -> from(Map.of("MIGRATION_STATEMENT_TIMEOUT", "ten minutes")));
        assertEquals("MIGRATION_STATEMENT_TIMEOUT", refused.variable());
        assertTrue(refused.getMessage().contains("e.g. MIGRATION_STATEMENT_TIMEOUT=5s"), refused::getMessage);
        assertTrue(refused.getMessage().contains("(default 0)"), refused::getMessage);
    }

    @Test
    void values_given_in_code_are_checked_too() {
        assertThrows(SettingsException.class, () -> new MigrationTimeouts(Duration.ofSeconds(-1), Duration.ZERO));
        assertThrows(SettingsException.class, () -> new MigrationTimeouts(Duration.ZERO, Duration.ofNanos(10)));
        assertThrows(SettingsException.class, () -> new MigrationTimeouts(Duration.ofDays(30), Duration.ZERO));
        assertThrows(SettingsException.class, () -> new MigrationTimeouts(null, Duration.ZERO));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "500, 500ms", "1500, 1500ms", "5000, 5s", "120000, 2min", "3600000, 1h", "86400000, 1d"})
    void durations_are_printed_as_postgresql_writes_them(long millis, String printed) {
        assertEquals(printed, MigrationTimeouts.format(Duration.ofMillis(millis)));
    }
}
