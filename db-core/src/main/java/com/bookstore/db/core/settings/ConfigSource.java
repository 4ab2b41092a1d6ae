package com.bookstore.db.core.settings;

import com.bookstore.db.core.internal.DotEnvFile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a setting comes from. {@link #standard(Path)} is the documented lookup order; tests and embedding frameworks
 * pass a {@link #of(Map) map}.
 */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value of the variable named as in the environment ({@code DATABASE_URL}), if set anywhere. */
    Optional<String> get(String variable);

    /** Where {@code variable} would be looked up, for error messages. */
    default String describe(String variable) {
        return variable;
    }

    /**
     * Environment variable, then system property ({@code DATABASE_URL} → {@code database.url}), then the {@code .env}
     * file of {@code workingDirectory}.
     */
    static ConfigSource standard(Path workingDirectory) {
        return standard(System.getenv(), workingDirectory);
    }

    /** As {@link #standard(Path)}, with the given environment instead of the process's one. */
    static ConfigSource standard(Map<String, String> environment, Path workingDirectory) {
        Path dotEnv = workingDirectory.resolve(".env");
        return new ConfigSource() {
            private DotEnvFile file;

            @Override
            public Optional<String> get(String variable) {
                String value = environment.get(variable);
                if (value != null) {
                    return Optional.of(value);
                }
                value = System.getProperty(propertyName(variable));
                if (value != null) {
                    return Optional.of(value);
                }
                return dotEnv().get(variable);
            }

            private synchronized DotEnvFile dotEnv() {
                if (file == null) {
                    file = DotEnvFile.read(dotEnv);
                }
                return file;
            }

            @Override
            public String describe(String variable) {
                return "the environment variable " + variable + ", the system property -D" + propertyName(variable)
                        + " or " + dotEnv.toAbsolutePath();
            }
        };
    }

    /** Values from a map only. */
    static ConfigSource of(Map<String, String> values) {
        return variable -> Optional.ofNullable(values.get(variable));
    }

    /** {@code DATABASE_POOL_MAX_SIZE} → {@code database.pool.max.size}. */
    static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
