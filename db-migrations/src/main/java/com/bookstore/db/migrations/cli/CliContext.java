package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.schema.Progress;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a command works with: output streams, configuration, the entity registry, where the changelogs are, the clock.
 * Tests build one around their own fixtures.
 */
public record CliContext(PrintStream out, PrintStream err, ConfigSource config, Supplier<EntityRegistry> registry,
        Path defaultChangelogRoot, Clock clock) {

    /** The process's context: standard streams, {@code DATABASE_URL} lookup, ServiceLoader registry. */
    public static CliContext standard() {
        Path workingDir = Path.of("").toAbsolutePath();
        String root = System.getProperty("bookstore.root");
        Path repository = root == null ? workingDir : Path.of(root);
        Path changelogRoot = repository.resolve("db-migrations/src/main/resources");
        if (!Files.isDirectory(changelogRoot) && Files.isDirectory(workingDir.resolve("src/main/resources"))) {
            changelogRoot = workingDir.resolve("src/main/resources");
        }
        return new CliContext(System.out, System.err, ConfigSource.standard(workingDir), EntityRegistry::discover,
                changelogRoot, Clock.systemUTC());
    }

    ChangelogDirectory changelogDirectory(Arguments arguments) {
        return new ChangelogDirectory(arguments.value("changelog-dir").map(Path::of).orElse(defaultChangelogRoot));
    }

    ChangelogSource changelogSource(Arguments arguments) {
        ChangelogDirectory directory = changelogDirectory(arguments);
        if (!directory.exists()) {
            throw new UsageException("No changelog at " + directory.masterFile().toAbsolutePath()
                    + ". Run ./migrate generate -m \"baseline\" first, or pass --changelog-dir <resource root>.");
        }
        return ChangelogSource.directory(directory.resourceRoot());
    }

    /** {@code --url} when given, else {@code DATABASE_URL}. */
    DatabaseSettings database(Arguments arguments) {
        return arguments.value("url")
                .map(url -> DatabaseSettings.from(variable -> DatabaseSettings.DATABASE_URL.equals(variable)
                        ? java.util.Optional.of(url) : config.get(variable)))
                .orElseGet(() -> DatabaseSettings.from(config));
    }

    /** {@code MIGRATION_LOCK_TIMEOUT} and {@code MIGRATION_STATEMENT_TIMEOUT} of the sessions that apply revisions. */
    MigrationTimeouts timeouts() {
        return MigrationTimeouts.from(config);
    }

    Progress progress() {
        return new Progress(err);
    }
}
