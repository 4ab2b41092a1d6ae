package com.bookstore.db.core.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * Sizing and timeouts of the application's connection pool, each overridable like {@code DATABASE_URL}
 * (environment, system property, {@code .env}).
 *
 * @param maximumPoolSize {@code DATABASE_POOL_MAX_SIZE}, default 10
 * @param minimumIdle {@code DATABASE_POOL_MIN_IDLE}, default 2
 * @param connectionTimeout {@code DATABASE_POOL_CONNECTION_TIMEOUT_MS}, default 30 s: how long a caller waits for a
 *                          connection
 * @param idleTimeout {@code DATABASE_POOL_IDLE_TIMEOUT_MS}, default 10 min
 * @param maxLifetime {@code DATABASE_POOL_MAX_LIFETIME_MS}, default 30 min
 */
public record PoolSettings(int maximumPoolSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout,
        Duration maxLifetime) {

    private static final long MINIMUM_CONNECTION_TIMEOUT_MS = 250;

    public static final PoolSettings DEFAULTS = new PoolSettings(10, 2, Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofMinutes(30));

    public PoolSettings {
        if (maximumPoolSize < 1) {
            throw new SettingsException("DATABASE_POOL_MAX_SIZE",
                    "DATABASE_POOL_MAX_SIZE is " + maximumPoolSize + "; it must be at least 1.");
        }
        if (minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new SettingsException("DATABASE_POOL_MIN_IDLE", "DATABASE_POOL_MIN_IDLE is " + minimumIdle
                    + "; it must be between 0 and DATABASE_POOL_MAX_SIZE (" + maximumPoolSize + ").");
        }
        requireNotNegative("DATABASE_POOL_CONNECTION_TIMEOUT_MS", connectionTimeout);
        requireNotNegative("DATABASE_POOL_IDLE_TIMEOUT_MS", idleTimeout);
        requireNotNegative("DATABASE_POOL_MAX_LIFETIME_MS", maxLifetime);
        // HikariCP refuses a connection timeout under 250 ms (0 means no limit), with an error naming no variable
        if (!connectionTimeout.isZero() && connectionTimeout.toMillis() < MINIMUM_CONNECTION_TIMEOUT_MS) {
            throw new SettingsException("DATABASE_POOL_CONNECTION_TIMEOUT_MS", "DATABASE_POOL_CONNECTION_TIMEOUT_MS is "
                    + connectionTimeout.toMillis() + "; it must be at least " + MINIMUM_CONNECTION_TIMEOUT_MS
                    + " (milliseconds), or 0 to wait without limit.");
        }
    }

    private static void requireNotNegative(String variable, Duration value) {
        if (value == null || value.isNegative()) {
            throw new SettingsException(variable, variable + " is " + (value == null ? "not set" : value.toMillis())
                    + "; it must be a duration of at least 0 ms.");
        }
    }

    public static PoolSettings from(ConfigSource source) {
        int max = integer(source, "DATABASE_POOL_MAX_SIZE", DEFAULTS.maximumPoolSize);
        return new PoolSettings(max,
                integer(source, "DATABASE_POOL_MIN_IDLE", Math.min(DEFAULTS.minimumIdle, max)),
                Duration.ofMillis(integer(source, "DATABASE_POOL_CONNECTION_TIMEOUT_MS", DEFAULTS.connectionTimeout.toMillis())),
                Duration.ofMillis(integer(source, "DATABASE_POOL_IDLE_TIMEOUT_MS", DEFAULTS.idleTimeout.toMillis())),
                Duration.ofMillis(integer(source, "DATABASE_POOL_MAX_LIFETIME_MS", DEFAULTS.maxLifetime.toMillis())));
    }

    private static int integer(ConfigSource source, String variable, long defaultValue) {
        Optional<String> raw = source.get(variable).map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return Math.toIntExact(defaultValue);
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(variable, variable + " is '" + raw.get()
                + "'; it must be a whole number of at least 0 (default " + defaultValue + ").");
    }
}
