package com.bookstore.db.core.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code lock_timeout} and {@code statement_timeout} of the session that applies migrations, each
 * overridable like {@code DATABASE_URL} (environment, system property, {@code .env}) and written as PostgreSQL writes
 * durations ({@code 5s}, {@code 500ms}, {@code 2min}; a bare number is milliseconds; {@code 0} turns it off).
 *
 * <p>Why a lock timeout by default: DDL such as {@code ALTER TABLE} needs an ACCESS EXCLUSIVE lock, and while its request
 * waits in the queue behind a long transaction, every later query on that table waits behind the request: the service
 * stalls for as long as that transaction lasts. With a lock timeout the migration gives up instead, rolled back and
 * still pending, to be retried. Why no statement timeout by default: once a migration holds its locks, its duration is
 * the work itself (an index build, a table rewrite, a backfill); cancelling it half-way throws that work away and a
 * retry takes as long again, and lock waits are already bounded by the lock timeout.
 *
 * @param lockTimeout {@code MIGRATION_LOCK_TIMEOUT}, default 5 s: how long one statement waits for one lock
 * @param statementTimeout {@code MIGRATION_STATEMENT_TIMEOUT}, default 0 (no limit): how long one statement may run
 */
public record MigrationTimeouts(Duration lockTimeout, Duration statementTimeout) {

    public static final String LOCK_TIMEOUT = "MIGRATION_LOCK_TIMEOUT";
    public static final String STATEMENT_TIMEOUT = "MIGRATION_STATEMENT_TIMEOUT";

    public static final MigrationTimeouts DEFAULTS = new MigrationTimeouts(Duration.ofSeconds(5), Duration.ZERO);

    /** No limit: for a private shadow server, where no other session can block and a limit could only fail a run. */
    public static final MigrationTimeouts NONE = new MigrationTimeouts(Duration.ZERO, Duration.ZERO);

    /** PostgreSQL's syntax for a time setting whose unit is milliseconds: a number, optional spaces, a unit. */
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");
    private static final Map<String, Long> MICROS = Map.of("us", 1L, "ms", 1_000L, "s", 1_000_000L,
            "min", 60_000_000L, "h", 3_600_000_000L, "d", 86_400_000_000L);
    /** The largest value PostgreSQL accepts for either setting (an int of milliseconds, about 24.8 days). */
    private static final long MAX_MILLIS = Integer.MAX_VALUE;

    public MigrationTimeouts {
        requireValid(LOCK_TIMEOUT, lockTimeout);
        requireValid(STATEMENT_TIMEOUT, statementTimeout);
    }

    /** Reads both settings in the standard order (environment, system property, {@code .env}). */
    public static MigrationTimeouts fromEnvironment() {
        return from(ConfigSource.standard(Path.of("")));
    }

    /** Reads both settings from {@code source}; a malformed value is a {@link SettingsException} naming it. */
    public static MigrationTimeouts from(ConfigSource source) {
        return new MigrationTimeouts(duration(source, LOCK_TIMEOUT, DEFAULTS.lockTimeout),
                duration(source, STATEMENT_TIMEOUT, DEFAULTS.statementTimeout));
    }

    /** Whether neither timeout is set: the session waits and runs without limit. */
    public boolean isOff() {
        return lockTimeout.isZero() && statementTimeout.isZero();
    }

    /** {@code 5s}, {@code 1500ms}, {@code 2min}, {@code 0}: the value as this setting and PostgreSQL write it. */
    public static String format(Duration value) {
        long millis = value.toMillis();
        if (millis == 0) {
            return "0";
        }
        for (String unit : new String[] {"d", "h", "min", "s"}) {
            long unitMillis = MICROS.get(unit) / 1_000L;
            if (millis % unitMillis == 0) {
                return millis / unitMillis + unit;
            }
        }
        return millis + "ms";
    }

    private static Duration duration(ConfigSource source, String variable, Duration defaultValue) {
        Optional<String> raw = source.get(variable).map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(raw.get());
        if (!m.matches()) {
            throw new SettingsException(variable, variable + " is '" + raw.get() + "'; it must be a duration as "
                    + "PostgreSQL writes it: a number and one of the units ms, s, min, h, d (a bare number is "
                    + "milliseconds), e.g. " + variable + "=5s or " + variable + "=500ms; 0 turns it off (default "
                    + format(defaultValue) + ").");
        }
        BigDecimal micros = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(MICROS.get(m.group(2) == null ? "ms"
                : m.group(2))));
        BigDecimal millis = micros.divide(BigDecimal.valueOf(1_000L), 0, RoundingMode.HALF_UP);
        if (millis.signum() == 0 && micros.signum() != 0) {
            throw new SettingsException(variable, variable + " is '" + raw.get() + "', less than 1 ms, which PostgreSQL "
                    + "would round to 0, turning the timeout off; write at least 1ms (e.g. " + variable + "=500ms), or 0 "
                    + "to turn it off.");
        }
        if (millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            throw tooLong(variable, raw.get());
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    private static void requireValid(String variable, Duration value) {
        if (value == null || value.isNegative()) {
            throw new SettingsException(variable, variable + " is " + (value == null ? "not set" : format(value.abs())
                    + " below zero") + "; it must be a duration of at least 0 (0 turns it off), e.g. " + variable + "=5s.");
        }
        if (!value.isZero() && value.toMillis() == 0) {
            throw new SettingsException(variable, variable + " is less than 1 ms, which PostgreSQL would round to 0, "
                    + "turning the timeout off; use at least 1 ms, or 0 to turn it off.");
        }
        if (value.compareTo(Duration.ofMillis(MAX_MILLIS)) > 0) {
            throw tooLong(variable, value.toSeconds() + "s");
        }
    }

    private static SettingsException tooLong(String variable, String value) {
        return new SettingsException(variable, variable + " is '" + value + "', more than PostgreSQL accepts ("
                + MAX_MILLIS + "ms, about 24 days); use a shorter duration (e.g. " + variable + "=1h), or 0 for no limit.");
    }
}
