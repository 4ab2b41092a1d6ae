package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.LockWaitWatch.Blocker;
import com.bookstore.db.migrations.apply.LockWaitWatch.Sighting;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A revision (or its rollback) was cancelled by the migration session's {@code lock_timeout} (SQLSTATE 55P03) or
 * {@code statement_timeout} (57014). The message is one paragraph saying which revision, which lock it waited for and
 * the sessions that held it (pid, application, state, how long their transaction has been open, their query), that the
 * revision is left as it was, and how to go on: retry when the blocker is gone, or raise the timeout. A statement that
 * another session cancelled (also 57014) is reported as cancelled, not as a timeout. The cause is the failure.
 */
public class MigrationTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String QUERY_CANCELED = "57014";
    private static final int MAX_BLOCKERS = 3;
    private static final int MAX_QUERY = 100;
    private static final int MAX_STATEMENT = 160;

    private MigrationTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The SQLSTATE 55P03 or 57014 error under {@code failure}, if that is what stopped it. */
    static Optional<SQLException> timeoutIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                    || QUERY_CANCELED.equals(sql.getSQLState()))) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** An upgrade stopped at {@code revision}: that revision was rolled back and is still pending. */
    static MigrationTimeoutException upgrade(Revision revision, SQLException timeout, MigrationTimeouts timeouts,
            Optional<Sighting> seen, Throwable cause) {
        return new MigrationTimeoutException("The upgrade stopped: " + explain(revision, timeout, timeouts, seen)
                + " That revision was rolled back and is still pending (./migrate status); the revisions before it stay "
                + "applied. " + advice("upgrade", timeout, timeouts, seen), cause);
    }

    /** The rollback of {@code revision} stopped: that revision is still applied. */
    static MigrationTimeoutException rollback(Revision revision, SQLException timeout, MigrationTimeouts timeouts,
            Optional<Sighting> seen, Throwable cause) {
        return new MigrationTimeoutException("The rollback stopped: the rollback of "
                + explain(revision, timeout, timeouts, seen) + " That revision is still applied (its rollback was undone "
                + "whole). " + advice("rollback", timeout, timeouts, seen), cause);
    }

    private static String explain(Revision revision, SQLException timeout, MigrationTimeouts timeouts, Optional<Sighting> seen) {
        boolean lock = LOCK_NOT_AVAILABLE.equals(timeout.getSQLState());
        Optional<Sighting> waited = seen.filter(Sighting::waitedForLock);
        String variable = lock ? MigrationTimeouts.LOCK_TIMEOUT : MigrationTimeouts.STATEMENT_TIMEOUT;
        Duration limit = lock ? timeouts.lockTimeout() : timeouts.statementTimeout();
        StringBuilder text = new StringBuilder(revision == null ? "a revision" : revision.describe());
        if (cancelledByAnotherSession(timeout)) {
            text.append(" was cancelled by another session (pg_cancel_backend, or a client cancelling its query), not "
                    + "by a timeout").append(waited.map(w -> ", while waiting for " + w.lock()).orElse(""));
        } else if (limit.isZero()) {
            text.append(lock ? " could not get a lock" : " was cancelled");
        } else if (lock) {
            text.append(" waited longer than ").append(setting(variable, limit)).append(" for ")
                    .append(waited.map(Sighting::lock).orElse("a lock"));
        } else {
            text.append(" ran longer than ").append(setting(variable, limit))
                    .append(waited.map(w -> ", waiting for " + w.lock()).orElse(""));
        }
        text.append(" (").append(serverText(timeout)).append(", SQLSTATE ").append(timeout.getSQLState()).append(')');
        List<Blocker> blockers = waited.map(Sighting::blockers).orElse(List.of());
        if (!blockers.isEmpty()) {
            text.append(", held by ").append(blockers.stream().limit(MAX_BLOCKERS).map(MigrationTimeoutException::blocker)
                    .collect(Collectors.joining(" and ")));
            if (blockers.size() > MAX_BLOCKERS) {
                text.append(" and ").append(blockers.size() - MAX_BLOCKERS).append(" more session(s)");
            }
        } else {
            seen.map(Sighting::statement).filter(s -> s != null && !s.isBlank())
                    .ifPresent(s -> text.append(", in the statement: ").append(brief(s, MAX_STATEMENT)));
            if (lock && !limit.isZero()) {
                text.append("; the session holding the lock was not seen (sessions with old transactions: select pid, "
                        + "application_name, state, xact_start, query from pg_stat_activity order by xact_start)");
            }
        }
        return text.append('.').toString();
    }

    private static String advice(String command, SQLException timeout, MigrationTimeouts timeouts, Optional<Sighting> seen) {
        boolean lock = LOCK_NOT_AVAILABLE.equals(timeout.getSQLState());
        Duration limit = lock ? timeouts.lockTimeout() : timeouts.statementTimeout();
        List<Blocker> blockers = seen.filter(Sighting::waitedForLock).map(Sighting::blockers).orElse(List.of());
        String retry = "Run ./migrate " + command + " again";
        if (cancelledByAnotherSession(timeout)) {
            return retry + " (and find who cancelled it if that was not meant to happen).";
        }
        if (!blockers.isEmpty()) {
            retry += " once " + (blockers.size() == 1 ? "that transaction ends (or end it: select pg_terminate_backend("
                    + blockers.get(0).pid() + "))" : "those transactions end (or end them with pg_terminate_backend(pid))");
        } else if (lock) {
            retry += " once the transaction holding the lock ends";
        }
        if (limit.isZero()) {
            return retry + ".";
        }
        if (lock) {
            return retry + ", or raise " + MigrationTimeouts.LOCK_TIMEOUT + " (e.g. " + MigrationTimeouts.LOCK_TIMEOUT
                    + "=30s), though queries on that table then queue behind the migration for up to that long.";
        }
        return retry + ", or raise " + MigrationTimeouts.STATEMENT_TIMEOUT + " (e.g. " + MigrationTimeouts.STATEMENT_TIMEOUT
                + "=30min, or 0 for no limit, the default).";
    }

    /**
     * SQLSTATE 57014 also ends a statement that another session cancelled ({@code pg_cancel_backend}); only the server's
     * message tells the two apart. A server answering in another language than English is taken at its SQLSTATE.
     */
    private static boolean cancelledByAnotherSession(SQLException failure) {
        return QUERY_CANCELED.equals(failure.getSQLState()) && serverText(failure).contains("due to user request");
    }

    /** {@code pid 4242 (application long-report, idle in transaction, transaction open for 3 s, query: ...)}. */
    private static String blocker(Blocker blocker) {
        String application = blocker.application() == null || blocker.application().isBlank() ? "no application_name"
                : "application " + blocker.application();
        String transaction = blocker.transactionAge() == null ? "no open transaction"
                : "transaction open for " + age(blocker.transactionAge());
        return "pid " + blocker.pid() + " (" + application + ", " + blocker.state() + ", " + transaction + ", query: "
                + brief(String.valueOf(blocker.query()), MAX_QUERY) + ")";
    }

    private static String age(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 2 * 3600 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private static String setting(String variable, Duration limit) {
        return variable + "=" + MigrationTimeouts.format(limit);
    }

    /** The server's own message ({@code canceling statement due to lock timeout}), else the driver's first line. */
    private static String serverText(SQLException sql) {
        if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage().strip();
        }
        String message = String.valueOf(sql.getMessage());
        return message.lines().findFirst().orElse(message).strip();
    }

    /** One line, cut at {@code max} characters. */
    private static String brief(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + " …";
    }
}
