package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import liquibase.database.Database;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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

    private static ScratchDatabases scratch;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() {
        scratch = ScratchDatabases.forTests();
    }

    @AfterAll
    static void stopServer() {
        if (scratch != null) {
            scratch.close();
        }
    }

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

        String changeLog = diffChangeLog("registry:bookstore", db, tmp);

        assertEquals(0, changeSetCount(changeLog), () -> "false positives:\n" + changeLog);
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
