package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the migration session from a second connection while it applies changesets, and remembers what it was last
 * seen doing: its statement and, when it waited for a lock, which lock and the sessions holding it
 * ({@code pg_blocking_pids}).
 *
 * <p>Why: when {@code lock_timeout} cancels a statement, PostgreSQL's error names neither the lock nor who held it, and
 * once cancelled the wait is gone from {@code pg_locks}; only a look taken during the wait can name the blocking
 * session. The watch reads the one session's row of {@code pg_stat_activity} at each tick, and the lock tables only
 * while that session waits for a lock. Best effort: a watch that cannot connect or read sees nothing, and never fails
 * the migration.
 */
final class LockWaitWatch implements AutoCloseable {

    /** A session holding (or queued ahead for) the lock the migration waited for. */
    record Blocker(int pid, String application, String state, Duration transactionAge, String query) {
    }

    /**
     * The migration session's running statement, and, when it waited for a lock, the lock
     * ({@code AccessExclusiveLock on public.book}) and who held it; {@code lock} is null when it did not wait.
     */
    record Sighting(String statement, String lock, List<Blocker> blockers) {

        boolean waitedForLock() {
            return lock != null;
        }
    }

    private static final String APPLICATION_NAME = "bookstore-migrations-watch";
    /**
     * One look, in one statement so that the wait, its lock and who blocks it come from the same moment: looked up in
     * three round trips, a lock timeout firing between them left a wait whose blockers were already gone. One row per
     * blocker (one row with nulls when none): whether the session is active, whether it waits for a lock, its statement
     * and for how long it has run, then the lock it waits for and the blocker's pid, application, state, transaction age
     * and statement. The lock tables are read only while the session waits for a lock.
     */
    private static final String LOOK = "select a.state = 'active', a.wait_event_type = 'Lock', a.query, "
            + "extract(epoch from clock_timestamp() - a.query_start) * 1000, "
            + "w.locktype, w.mode, w.relation, w.transaction, "
            + "b.pid, b.application_name, b.state, extract(epoch from clock_timestamp() - b.xact_start)::bigint, b.query "
            + "from pg_stat_activity a "
            + "left join lateral (select l.locktype, l.mode, "
            + "case when c.oid is not null then format('%I.%I', n.nspname, c.relname) end as relation, "
            + "l.transactionid::text as transaction from pg_locks l left join pg_class c on c.oid = l.relation "
            + "left join pg_namespace n on n.oid = c.relnamespace "
            + "where a.wait_event_type = 'Lock' and l.pid = a.pid and not l.granted limit 1) w on true "
            + "left join lateral (select s.pid, s.application_name, s.state, s.xact_start, s.query from pg_stat_activity s "
            + "where a.wait_event_type = 'Lock' and s.pid = any(pg_blocking_pids(a.pid))) b on true "
            + "where a.pid = ? order by b.xact_start nulls last, b.pid";

    private final Duration interval;
    private Thread thread;
    private volatile boolean running = true;
    /** The last lock wait seen, and when: kept apart so that the statements after a cancel do not hide it. */
    private volatile Sighting lastWait;
    private volatile long lastWaitNanos;
    /** The last statement seen running for longer than a look's interval (a short one cannot be what timed out). */
    private volatile Sighting lastLong;
    private volatile long lastLongNanos;

    private LockWaitWatch(Duration interval) {
        this.interval = interval;
    }

    /** A watch that sees nothing: no timeout is set, or nothing is about to run. */
    static LockWaitWatch none() {
        return new LockWaitWatch(Duration.ZERO);
    }

    /**
     * Starts watching session {@code pid}, looking every {@code interval}: shorter than the timeouts, so that the last
     * look before a timeout sees the statement it cancels.
     */
    static LockWaitWatch start(DatabaseSettings settings, int pid, Duration interval) {
        LockWaitWatch watch = new LockWaitWatch(interval);
        Connection connection;
        try {
            // connected before the first changeset runs: on a loaded machine a connection made by the watch's thread
            // came after a short lock timeout had already cancelled the statement
            connection = connect(settings);
        } catch (SQLException | RuntimeException e) {
            return none(); // best effort, as below
        }
        PreparedStatement look;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set statement_timeout = '2s'");
            }
            look = connection.prepareStatement(LOOK);
            look.setInt(1, pid);
            look.executeQuery().close(); // the first look (catalog caches, planning) is not taken during a short wait
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            return none();
        }
        watch.thread = new Thread(() -> watch.watch(connection, look), "bookstore-migrations-lock-watch");
        watch.thread.setDaemon(true);
        watch.thread.start();
        return watch;
    }

    /**
     * Stops watching and returns what the session was seen doing at the last looks before now, a lock wait first:
     * what it did earlier (a statement that then got its lock or finished) is not what a failure right now is about.
     */
    Optional<Sighting> stop() {
        long now = System.nanoTime();
        close();
        // the failure reaches this call only once Liquibase has handled it (rolled back, logged), which on a loaded
        // machine took longer than a quarter of a second: a look from before that still shows what failed
        long recent = 2 * interval.toNanos() + Duration.ofSeconds(2).toNanos();
        if (lastWait != null && now - lastWaitNanos <= recent) {
            return Optional.of(lastWait);
        }
        return lastLong != null && now - lastLongNanos <= recent ? Optional.of(lastLong) : Optional.empty();
    }

    @Override
    public void close() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch(Connection connection, PreparedStatement look) {
        try (connection; look) {
            while (running) {
                long seen = System.nanoTime();
                look(look, seen);
                Thread.sleep(interval.toMillis());
            }
        } catch (SQLException | RuntimeException e) {
            // best effort: without the watch, a timeout is reported without naming the blocking session
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void look(PreparedStatement look, long seen) throws SQLException {
        try (ResultSet rs = look.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return;
            }
            String statement = rs.getString(3);
            if (rs.getBoolean(2)) {
                String lock = rs.getString(6) == null ? "a lock"
                        : describe(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                List<Blocker> blockers = new ArrayList<>();
                do {
                    int blocker = rs.getInt(9);
                    if (!rs.wasNull()) {
                        long age = rs.getLong(12);
                        blockers.add(new Blocker(blocker, rs.getString(10), rs.getString(11),
                                rs.wasNull() ? null : Duration.ofSeconds(age), rs.getString(13)));
                    }
                } while (rs.next());
                Sighting previous = lastWait;
                if (blockers.isEmpty() && previous != null && !previous.blockers().isEmpty()
                        && java.util.Objects.equals(previous.statement(), statement)) {
                    // the same wait, caught as it ended (granted or cancelled): its blockers were seen before
                    blockers = previous.blockers();
                }
                lastWait = new Sighting(statement, lock, List.copyOf(blockers));
                lastWaitNanos = seen;
            } else if (rs.getDouble(4) >= interval.toMillis()) {
                lastLong = new Sighting(statement, null, List.of());
                lastLongNanos = seen;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to keep
        }
    }

    /** A session of its own name, so that nobody counts or mistakes it for a migration session. */
    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return MigrationConnections.unpooled(settings, APPLICATION_NAME).getConnection();
    }

    /** {@code AccessExclusiveLock on public.book}, {@code ShareLock on transaction 1234 (...)}, ... */
    private static String describe(String type, String mode, String relation, String transaction) {
        if (relation != null) {
            return mode + (type.equals("tuple") ? " on a row of " : " on ") + relation;
        }
        if (transaction != null) {
            return mode + " on transaction " + transaction + " (a row that transaction changed or locked)";
        }
        return mode + " (" + type + ")";
    }
}
