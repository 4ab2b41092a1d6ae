package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import liquibase.exception.LiquibaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed revision leaves the database at the revision before it and is remembered until an upgrade succeeds. */
class ChangelogRunnerTest {

    private static final String SCHEMA = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation="
            + "\"http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\"";

    @ScratchServer
    private static ScratchDatabases server;

    @TempDir
    Path root;

    private void changelog(String secondRevisionSql) throws Exception {
        ChangelogDirectory directory = new ChangelogDirectory(root);
        Files.deleteIfExists(directory.masterFile());
        Files.createDirectories(root.resolve(ChangelogDirectory.CHANGES_DIR));
        Files.writeString(root.resolve(ChangelogDirectory.CHANGES_DIR).resolve("r1.xml"), revision("r1",
                "<createTable tableName=\"first\"><column name=\"id\" type=\"int\"/></createTable>"));
        Files.writeString(root.resolve(ChangelogDirectory.CHANGES_DIR).resolve("r2.xml"), revision("r2",
                "<createTable tableName=\"second\"><column name=\"id\" type=\"int\"/></createTable><sql>" + secondRevisionSql + "</sql>"));
        Files.writeString(directory.masterFile(), "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" "
                + SCHEMA + "><include file=\"changes/r1.xml\" relativeToChangelogFile=\"true\"/>"
                + "<include file=\"changes/r2.xml\" relativeToChangelogFile=\"true\"/></databaseChangeLog>");
    }

    private static String revision(String id, String changes) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" " + SCHEMA + "><changeSet id=\"" + id
                + "\" author=\"test\">" + changes + "</changeSet></databaseChangeLog>";
    }

    @Test
    void a_failed_revision_is_rolled_back_whole_and_reported_until_the_next_successful_upgrade() throws Exception {
        DatabaseSettings database = server.create("failing");
        changelog("select * from no_such_table");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), database)) {
            assertThrows(LiquibaseException.class, runner::update);
            assertEquals(List.of("r2"), runner.pending().stream().map(cs -> cs.getId()).toList());
            String failure = runner.lastFailure().orElseThrow();
            assertTrue(failure.contains("db/changelog/changes/r2.xml::r2") && failure.contains("no_such_table"), failure);
        }
        assertTrue(tableExists(database, "first"), "the revision before the failed one stays applied");
        assertFalse(tableExists(database, "second"), "nothing of the failed revision remains (transactional DDL)");
    }

    @Test
    void a_successful_upgrade_clears_the_failure() throws Exception {
        DatabaseSettings database = server.create("recovering");
        changelog("select * from no_such_table");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), database)) {
            assertThrows(LiquibaseException.class, runner::update);
        }
        changelog("select 1");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(root), database)) {
            assertEquals(List.of("r2"), runner.update().ran());
            assertTrue(runner.lastFailure().isEmpty());
            assertTrue(runner.pending().isEmpty());
        }
        assertTrue(tableExists(database, "second"));
    }

    private static boolean tableExists(DatabaseSettings database, String table) throws Exception {
        try (Connection c = MigrationConnections.unpooled(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('public." + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
