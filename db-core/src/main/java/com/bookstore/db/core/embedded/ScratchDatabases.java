package com.bookstore.db.core.embedded;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates empty databases that are dropped again on {@link #close()}: on an embedded server, or on the server that
 * {@code DATABASE_URL} names (then the configured role needs {@code CREATEDB}).
 */
public final class ScratchDatabases implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseSettings admin;
    private final EmbeddedPostgresServer embedded;
    private final List<String> created = new ArrayList<>();
    private Connection adminConnection; // guarded by this

    private ScratchDatabases(DatabaseSettings admin, EmbeddedPostgresServer embedded) {
        this.admin = admin;
        this.embedded = embedded;
    }

    /** Always a fresh embedded server, never a configured one: for shadow databases. */
    public static ScratchDatabases embedded() {
        return on(EmbeddedPostgresServer.start());
    }

    /** Databases on {@code server}, which is stopped on {@link #close()}. */
    public static ScratchDatabases on(EmbeddedPostgresServer server) {
        return new ScratchDatabases(server.adminSettings(), server);
    }

    /** On the server of {@code DATABASE_URL} when it is set, on a fresh embedded server otherwise: for tests. */
    public static ScratchDatabases forTests() {
        ConfigSource source = ConfigSource.standard(Path.of(""));
        if (source.get(DatabaseSettings.DATABASE_URL).isPresent()) {
            return onServerOf(DatabaseSettings.from(source));
        }
        return embedded();
    }

    /** Databases created on the server of {@code settings}, with its credentials. */
    public static ScratchDatabases onServerOf(DatabaseSettings settings) {
        return new ScratchDatabases(settings, null);
    }

    /**
     * Databases on the same server, created and dropped by the new object, which leaves the server running: a scope of
     * its own (one test's) on a server shared by many.
     */
    public ScratchDatabases sameServer() {
        return onServerOf(admin);
    }

    /** Whether the databases live on an embedded server started by this object. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A new, empty database named {@code <purpose>_<pid>_<n>}. */
    public synchronized DatabaseSettings create(String purpose) {
        String name = newName(purpose);
        // on the embedded server, a plain file copy of template1: a third of the time of the default WAL-logged copy
        execute("create database " + name + (embedded != null ? " strategy = file_copy" : ""));
        created.add(name);
        return admin.withDatabase(name);
    }

    /**
     * A new database holding a copy of {@code source} ({@code CREATE DATABASE ... TEMPLATE}), dropped on
     * {@link #close()} or {@link #drop}: to try statements that cannot run in a transaction that is rolled back.
     * Nobody may be connected to {@code source} meanwhile (PostgreSQL refuses to copy a database in use).
     */
    public synchronized DatabaseSettings copyOf(DatabaseSettings source, String purpose) {
        String name = newName(purpose);
        execute("create database " + name + " template \"" + source.database().replace("\"", "\"\"") + "\""
                + (embedded != null ? " strategy = file_copy" : ""));
        created.add(name);
        return admin.withDatabase(name);
    }

    private static String newName(String purpose) {
        return (purpose.replaceAll("[^A-Za-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** Drops a database this object created, now rather than on {@link #close()}. */
    public synchronized void drop(DatabaseSettings database) {
        if (created.remove(database.database())) {
            execute("drop database if exists " + database.database() + " with (force)");
        }
    }

    /** A database that already exists on the server (one a template brought along): never dropped by this object. */
    public DatabaseSettings existing(String name) {
        return admin.withDatabase(name);
    }

    /**
     * Runs {@code sql} on the one admin connection this object keeps (a test suite creates hundreds of databases: a
     * connection each cost more than the statement), opened again once when the server dropped it.
     */
    private void execute(String sql) {
        try {
            try {
                run(sql);
            } catch (SQLException e) {
                if (adminConnection == null || !adminConnection.isClosed() && !isConnectionFailure(e)) {
                    throw e;
                }
                closeAdminConnection();
                run(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + admin.maskedUrl() + ": " + e.getMessage(), e);
        }
    }

    private void run(String sql) throws SQLException {
        if (adminConnection == null) {
            adminConnection = MigrationConnections.unpooled(admin).getConnection();
        }
        try (Statement statement = adminConnection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private void closeAdminConnection() {
        Connection connection = adminConnection;
        adminConnection = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: nothing of ours is lost with it
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (embedded == null) {
                RuntimeException failure = null;
                for (String name : created) { // drop every one, even when one fails
                    try {
                        execute("drop database if exists " + name + " with (force)");
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
        } finally {
            created.clear();
            closeAdminConnection();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
