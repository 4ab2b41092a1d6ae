package com.bookstore.db.core.testing;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * Test support shipped in db-core's test-jar: creates a test database's schema the way production does, by applying
 * the repository's Liquibase changelogs (db-migrations/src/main/resources), never from Hibernate's mapping. The domain
 * modules cannot depend on db-migrations (it depends on them), so they read the changelog files of the checkout.
 */
public final class ChangelogSchema {

    /** Overrides where the changelogs' resource root is ({@code db-migrations/src/main/resources}). */
    public static final String ROOT_PROPERTY = "bookstore.changelog.root";
    private static final String MASTER = "db/changelog/db.changelog-master.xml";

    private ChangelogSchema() {
    }

    /** Applies every revision to {@code database} and returns it, for {@code start(registry, apply(db), ...)}. */
    public static DatabaseSettings apply(DatabaseSettings database) {
        System.setProperty("liquibase.analytics.enabled", "false");
        Path root = resourceRoot();
        try (Connection connection = MigrationConnections.unpooled(database).getConnection()) {
            Database liquibaseDatabase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(MASTER, new DirectoryResourceAccessor(root), liquibaseDatabase)
                    .update(new Contexts(), new LabelExpression());
            return database;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot apply the changelogs of " + root + " to " + database.maskedUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Path resourceRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        Path start = Path.of("").toAbsolutePath();
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("db-migrations/src/main/resources");
            if (Files.isRegularFile(candidate.resolve(MASTER))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No db-migrations/src/main/resources/" + MASTER + " above " + start
                + "; run the tests from the repository checkout or set -D" + ROOT_PROPERTY + ".");
    }
}
