package com.bookstore.db.migrations.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, in the migrated database, the last {@code upgrade} that failed: which revision and why, so that
 * {@code status} can say it later (Liquibase records only successes). The table's name starts with
 * {@code databasechangelog} so that the schema diff treats it as bookkeeping; a successful upgrade empties it.
 */
final class UpgradeFailures {

    private static final String TABLE = "public.databasechangelog_failure";

    /** The revision that failed, when, and the database's error. */
    record Failure(String changeset, Instant failedAt, String error) {
    }

    private UpgradeFailures() {
    }

    static void record(Connection connection, String changeset, String error) throws SQLException {
        inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists " + TABLE
                        + " (changeset text not null, failed_at timestamptz not null, error text not null)");
                statement.execute("delete from " + TABLE);
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " values (?, now(), ?)")) {
                insert.setString(1, changeset);
                insert.setString(2, error);
                insert.executeUpdate();
            }
        });
    }

    static void clear(Connection connection) throws SQLException {
        if (exists(connection)) {
            inTransaction(connection, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("delete from " + TABLE);
                }
            });
        }
    }

    static Optional<Failure> last(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select changeset, failed_at, error from " + TABLE)) {
            return rs.next() ? Optional.of(new Failure(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                    : Optional.empty();
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select to_regclass('" + TABLE + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
