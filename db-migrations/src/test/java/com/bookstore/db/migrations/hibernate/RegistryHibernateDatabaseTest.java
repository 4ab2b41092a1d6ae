package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import liquibase.database.Database;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.changeSetCount;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.constraintsAndIndexes;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.contributorsUrl;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.diffChangeLog;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.diffChangeLogToFile;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.exportSchema;
import static com.bookstore.db.migrations.hibernate.RegistryDiffSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryHibernateDatabaseTest {

    @ScratchServer
    private static ScratchDatabases scratch;

    @TempDir
    Path tmp;

    @Test
    void schemaCreatedByHibernateHasNoDifferenceFromTheModel() throws Exception {
        DatabaseSettings db = scratch.create("registry_roundtrip");
        exportSchema(EntityRegistry.of(new FixtureModel.Contributor()), db);

        String changeLog = diffChangeLog(contributorsUrl(FixtureModel.Contributor.class), db, tmp);

        assertEquals(0, changeSetCount(changeLog), () -> "false positives:\n" + changeLog);
    }

    /** The same for the domain modules' entities, as {@code mvn liquibase:diff} sees them. */
    @Test
    void schemaOfTheRealModelHasNoDifferenceFromIt() throws Exception {
        DatabaseSettings db = scratch.create("registry_bookstore");
        exportSchema(EntityRegistry.discover(), db);

        List<String> warnings = new ArrayList<>();
        String changeLog = withWarnings(warnings, () -> diffChangeLog("registry:bookstore", db, tmp));

        assertEquals(0, changeSetCount(changeLog), () -> "false positives:\n" + changeLog);
        // Hibernate's own CHECK printing equals the model's: the full comparison finds nothing either
        assertTrue(warnings.stream().noneMatch(w -> w.contains("./migrate")), warnings::toString);
    }

    @Test
    void columnMissingFromTheDatabaseIsReported() throws Exception {
        DatabaseSettings db = scratch.create("registry_new_column");
        exportSchema(EntityRegistry.of(new FixtureModel.PublisherContributor()), db);

        String changeLog = diffChangeLog(contributorsUrl(FixtureModel.PublisherWithWebsiteContributor.class), db, tmp);

        assertEquals(1, changeSetCount(changeLog), changeLog);
        assertTrue(changeLog.contains("<addColumn") && changeLog.contains("name=\"website\"")
                && changeLog.contains("tableName=\"fx_publisher\""), changeLog);
    }

    @Test
    void columnMadeNotNullIsReported() throws Exception {
        DatabaseSettings db = scratch.create("registry_not_null");
        exportSchema(EntityRegistry.of(new FixtureModel.PublisherWithWebsiteContributor()), db);

        String changeLog = diffChangeLog(contributorsUrl(FixtureModel.PublisherWithRequiredWebsiteContributor.class), db, tmp);

        assertEquals(1, changeSetCount(changeLog), changeLog);
        assertTrue(changeLog.contains("<addNotNullConstraint") && changeLog.contains("columnName=\"website\""), changeLog);
    }

    @Test
    void changelogForAnEmptyDatabaseCreatesWhatHibernateCreates() throws Exception {
        DatabaseSettings byHibernate = scratch.create("registry_by_hibernate");
        exportSchema(EntityRegistry.of(new FixtureModel.Contributor()), byHibernate);
        DatabaseSettings byLiquibase = scratch.create("registry_by_liquibase");
        String url = contributorsUrl(FixtureModel.Contributor.class);

        String changeLog = diffChangeLogToFile(url, byLiquibase, tmp.resolve("create.xml"));
        update(tmp, "create.xml", byLiquibase);

        assertEquals(constraintsAndIndexes(byHibernate), constraintsAndIndexes(byLiquibase), changeLog);
        String again = diffChangeLog(url, byLiquibase, tmp);
        assertEquals(0, changeSetCount(again), () -> "false positives after update:\n" + again);
    }

    /**
     * A difference Liquibase's diff has no change type for (a CHECK constraint, a foreign key's ON DELETE rule): the
     * diff changelog stays empty, and the plugin warns with what {@code ./migrate generate} would write.
     */
    @Test
    void differencesLiquibaseCannotExpressAreWarnedAbout() throws Exception {
        DatabaseSettings db = scratch.create("registry_warns");
        exportSchema(EntityRegistry.of(new FixtureModel.PublisherContributor()), db);
        try (java.sql.Connection c = com.bookstore.db.core.runtime.MigrationConnections.unpooled(db).getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("alter table fx_publisher add constraint ck_fx_publisher_by_hand check (id > 0)");
        }
        List<String> warnings = new ArrayList<>();
        String changeLog = withWarnings(warnings,
                () -> diffChangeLog(contributorsUrl(FixtureModel.PublisherContributor.class), db, tmp));
        assertEquals(0, changeSetCount(changeLog), changeLog);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Run ./migrate generate")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("./migrate would write: drop CHECK constraint "
                + "ck_fx_publisher_by_hand on fx_publisher")), warnings::toString);
    }

    /** Liquibase's warnings (and every other JUL record at WARNING or above) while {@code action} runs. */
    private static <T> T withWarnings(List<String> warnings, java.util.concurrent.Callable<T> action) throws Exception {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                if (logRecord.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(logRecord.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            return action.call();
        } finally {
            root.removeHandler(handler);
        }
    }

    @Test
    void unknownContributorIsNamedInTheError() {
        Exception error = assertThrows(Exception.class,
                () -> RegistryDiffSupport.open("registry:bookstore?contributors=com.example.Missing", null, null).close());
        assertTrue(error.getMessage().contains("Entity contributor com.example.Missing")
                && error.getMessage().contains("is not on the class path"), error::toString);
    }

    @Test
    void registryUrlDiscoversContributorsAndSetsTheDialect() throws Exception {
        try (Database database = RegistryDiffSupport.open("registry:bookstore", null, null)) {
            RegistryHibernateDatabase registryDatabase = assertInstanceOf(RegistryHibernateDatabase.class, database);
            assertInstanceOf(PostgreSQLDialect.class, registryDatabase.getDialect());
            assertEquals(EntityRegistry.discover().managedClassNames(), registryDatabase.registry().managedClassNames());
        }
    }
}
