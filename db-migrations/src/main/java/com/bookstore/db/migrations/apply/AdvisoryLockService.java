package com.bookstore.db.migrations.apply;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.servicelocator.PrioritizedService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;

/**
 * Serialises migrations of one PostgreSQL database with a session-level advisory lock instead of Liquibase's
 * {@code DATABASECHANGELOGLOCK} row.
 *
 * <p>Why: the row lock outlives a killed process (someone must run {@code releaseLocks} by hand before the next
 * deploy), and concurrent first runs race to create the lock table. An advisory lock belongs to the database session:
 * when the process dies, PostgreSQL ends the session and the lock is gone; nothing is created in the schema.
 * Registered through {@code META-INF/services/liquibase.lockservice.LockService}; wins over the standard service on
 * PostgreSQL by priority.
 */
public class AdvisoryLockService implements LockService {

    /** An arbitrary, fixed key: "bookstore migrations". Advisory locks are scoped to the current database. */
    static final long LOCK_KEY = 0x626f6f6b_6d696772L;

    private Database database;
    private boolean hasLock;
    private long waitMillis = 5 * 60 * 1000L;
    private long recheckMillis = 1000L;

    @Override
    public int getPriority() {
        return PrioritizedService.PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database candidate) {
        return candidate instanceof PostgresDatabase && candidate.getConnection() instanceof JdbcConnection;
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long minutes) {
        this.waitMillis = minutes * 60 * 1000L;
    }

    @Override
    public void setChangeLogLockRecheckTime(long seconds) {
        this.recheckMillis = Math.max(100L, seconds * 1000L);
    }

    /** Tests: how long {@link #waitForLock()} waits before it gives up. */
    void waitAtMost(java.time.Duration wait) {
        this.waitMillis = wait.toMillis();
    }

    @Override
    public boolean hasChangeLogLock() {
        return hasLock;
    }

    @Override
    public void waitForLock() throws LockException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (!acquireLock()) {
            if (System.currentTimeMillis() >= deadline) {
                throw new LockException("Another migration of this database has held its advisory lock for over "
                        + (waitMillis / 1000) + " s (" + holder() + "). It is released as soon as that session ends; "
                        + "wait for it, or end it with pg_terminate_backend(pid).");
            }
            try {
                Thread.sleep(recheckMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockException("Interrupted while waiting for the migration lock", e);
            }
        }
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (hasLock) {
            return true;
        }
        hasLock = booleanQuery("select pg_try_advisory_lock(?)");
        return hasLock;
    }

    @Override
    public void releaseLock() throws LockException {
        if (hasLock) {
            booleanQuery("select pg_advisory_unlock(?)");
            hasLock = false;
        }
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() throws LockException {
        String holder = holder();
        return holder.isEmpty() ? new DatabaseChangeLogLock[0]
                : new DatabaseChangeLogLock[] {new DatabaseChangeLogLock(1, new Date(), holder)};
    }

    @Override
    public void forceReleaseLock() throws LockException {
        releaseLock();
    }

    @Override
    public void reset() {
        hasLock = false;
    }

    @Override
    public void init() {
        // nothing to create: advisory locks need no table
    }

    @Override
    public void destroy() {
        // nothing to drop
    }

    /** The session holding the lock, as {@code pid 1234, application bookstore-migrations, since ...}, or empty. */
    private String holder() throws LockException {
        String sql = "select a.pid, a.application_name, a.backend_start from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                + "where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database()) "
                + "and ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? "pid " + rs.getInt(1) + ", application " + rs.getString(2) + ", connected since "
                        + rs.getTimestamp(3) : "";
            }
        } catch (SQLException e) {
            throw new LockException("Cannot read the migration lock's holder: " + e.getMessage(), e);
        }
    }

    private boolean booleanQuery(String sql) throws LockException {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new LockException("Cannot use the migration lock: " + e.getMessage(), e);
        }
    }

    /** The real JDBC connection, also when Liquibase only writes SQL ({@code sql} command): locking is never output. */
    private Connection connection() {
        return com.bookstore.db.migrations.internal.schema.LiquibaseDatabases.jdbc(database);
    }
}
