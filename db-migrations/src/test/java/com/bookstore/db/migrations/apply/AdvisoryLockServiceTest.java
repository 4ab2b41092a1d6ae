package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.fixtures.ScratchServer;
import com.bookstore.db.migrations.internal.schema.LiquibaseDatabases;
import liquibase.database.Database;
import liquibase.exception.LockException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration lock: exclusive per database, waits a bounded time, names the session holding it, dies with it. */
class AdvisoryLockServiceTest {

    @ScratchServer
    private static ScratchDatabases server;

    @Test
    void a_second_migration_waits_then_fails_naming_the_holder_and_gets_the_lock_once_the_holder_session_ends() throws Exception {
        DatabaseSettings settings = server.create("locking");
        Database database = LiquibaseDatabases.open(settings);
        try {
            AdvisoryLockService lock = new AdvisoryLockService();
            lock.setDatabase(database);
            lock.waitAtMost(Duration.ofMillis(300));
            lock.setChangeLogLockRecheckTime(0);
            int holderPid;
            try (Connection holder = MigrationConnections.unpooled(settings).getConnection();
                 Statement statement = holder.createStatement()) {
                try (ResultSet rs = statement.executeQuery("select pg_backend_pid(), pg_advisory_lock(" + AdvisoryLockService.LOCK_KEY + ")")) {
                    rs.next();
                    holderPid = rs.getInt(1);
                }
                assertFalse(lock.acquireLock(), "another session holds the lock");
                LockException timeout = assertThrows(LockException.class, lock::waitForLock);
                assertTrue(timeout.getMessage().contains("pid " + holderPid), timeout.getMessage());
                assertTrue(timeout.getMessage().contains("pg_terminate_backend"), timeout.getMessage());
            } // the holder's session ends here, and its advisory lock with it: no manual release
            // the server ends the session a moment after the client closed it: the lock comes free within that moment
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean acquired = lock.acquireLock();
            while (!acquired && System.nanoTime() < deadline) {
                Thread.sleep(20);
                acquired = lock.acquireLock();
            }
            assertTrue(acquired, "the lock is free once the holder's session has ended");
            assertTrue(lock.hasChangeLogLock());
            lock.releaseLock();
            assertFalse(lock.hasChangeLogLock());
        } finally {
            LiquibaseDatabases.closeQuietly(database);
        }
    }

    @Test
    void reading_the_history_does_not_wait_behind_a_running_migration() throws Exception {
        DatabaseSettings settings = server.create("watched");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.classpath(), settings)) {
            runner.upgrade();
        }
        try (Connection holder = MigrationConnections.unpooled(settings).getConnection();
             Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + AdvisoryLockService.LOCK_KEY + ")"); // an upgrade is running
            try (ChangelogRunner reader = ChangelogRunner.openForReading(ChangelogSource.classpath(), settings)) {
                assertTrue(reader.pending().isEmpty());
                assertFalse(reader.history().isEmpty());
            }
        }
    }
}
