package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.settings.ConfigSource;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The project's settings lookup seen through Spring: the Spring environment first (which holds the process
 * environment, {@code DATABASE_URL}, the system properties and the application properties, {@code database.url}), then
 * the {@code .env} file of the working directory, as {@link ConfigSource#standard(Path)} reads it.
 */
final class SpringConfigSource implements ConfigSource {

    private final Environment environment;
    private final ConfigSource dotEnv;

    SpringConfigSource(Environment environment) {
        this.environment = environment;
        this.dotEnv = ConfigSource.standard(Map.of(), Path.of(""));
    }

    @Override
    public Optional<String> get(String variable) {
        String value = environment.getProperty(ConfigSource.propertyName(variable));
        if (value == null) {
            value = environment.getProperty(variable);
        }
        return value != null ? Optional.of(value) : dotEnv.get(variable);
    }

    @Override
    public String describe(String variable) {
        return "the environment variable " + variable + ", the Spring or system property "
                + ConfigSource.propertyName(variable) + " or " + Path.of(".env").toAbsolutePath();
    }
}
