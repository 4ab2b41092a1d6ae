package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.changelog.ChangelogFingerprint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The changelogs applied once per shadow server and changelog bytes: a caller that keeps one shadow server for many
 * comparisons (the test suites, the in-process API) gets a copy ({@code CREATE DATABASE ... TEMPLATE}) of the database
 * the same bytes were applied to earlier on that server, instead of applying them again. The database-level twin of
 * the cluster templates {@link MigratedShadow#start} keeps between command-line runs.
 *
 * <p>Invisible except in speed:
 * <ul>
 * <li>the key is the {@link ChangelogFingerprint} (every byte of every file under the resource root, the master's path,
 * Liquibase's version), so an edit, a new, deleted or renamed file, or a branch switch is applied anew; a changelog
 * without a fingerprint ({@code ${...}} parameters, the class path) is applied every time;</li>
 * <li>after its apply, the kept database is only read once (its settings, below) and copied: every comparison works
 * on a copy of its own;</li>
 * <li>a changelog that leaves settings on its database ({@code ALTER DATABASE ... SET}), which a copy does not carry,
 * is applied every time;</li>
 * <li>an apply that fails is not kept, so the next call applies again and fails the same way;</li>
 * <li>nor is one during which the files changed (their fingerprint is taken again after the apply): what was applied
 * may not be what the key says.</li>
 * </ul>
 */
final class KeptMigrations {

    static final String APPLYING = "applying changelogs to shadow database";
    static final String COPYING = "copying the database the same changelog bytes were applied to on this shadow server";

    private static final String PURPOSE = "migrated";

    /** Per server, weakly: the entries of a server go with it. Empty: the changelogs must be applied every time. */
    private static final Map<ScratchDatabases, Map<String, CompletableFuture<Optional<DatabaseSettings>>>> BY_SERVER =
            new WeakHashMap<>();

    private KeptMigrations() {
    }

    /** A new database on {@code shadow} holding what {@code changelogs} build, for the caller to use as it likes. */
    static DatabaseSettings migrated(ScratchDatabases shadow, ChangelogSource changelogs, Progress progress)
            throws Exception {
        if (!changelogs.exists()) {
            return shadow.create(PURPOSE);
        }
        ChangelogFingerprint.Outcome outcome = ChangelogFingerprint.of(changelogs);
        if (!(outcome instanceof ChangelogFingerprint.Fingerprinted fingerprinted)) {
            return applied(shadow, changelogs, progress);
        }
        Map<String, CompletableFuture<Optional<DatabaseSettings>>> kept;
        synchronized (BY_SERVER) {
            kept = BY_SERVER.computeIfAbsent(shadow, server -> new ConcurrentHashMap<>());
        }
        ChangelogFingerprint fingerprint = fingerprinted.fingerprint();
        String key = fingerprint.hash();
        CompletableFuture<Optional<DatabaseSettings>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<DatabaseSettings>> earlier = kept.putIfAbsent(key, mine);
        if (earlier == null) {
            return keepFirst(shadow, changelogs, progress, kept, fingerprint, mine);
        }
        Optional<DatabaseSettings> template;
        try {
            template = earlier.get();
        } catch (ExecutionException failed) {
            template = Optional.empty(); // that apply failed: this one applies, and fails the same way on its own
        }
        if (template.isEmpty()) {
            return applied(shadow, changelogs, progress);
        }
        DatabaseSettings from = template.get();
        return progress.step(COPYING, () -> shadow.copyOf(from, PURPOSE));
    }

    private static DatabaseSettings keepFirst(ScratchDatabases shadow, ChangelogSource changelogs, Progress progress,
            Map<String, CompletableFuture<Optional<DatabaseSettings>>> kept, ChangelogFingerprint fingerprint,
            CompletableFuture<Optional<DatabaseSettings>> mine) throws Exception {
        String key = fingerprint.hash();
        DatabaseSettings first;
        try {
            first = applied(shadow, changelogs, progress);
        } catch (Exception | Error e) {
            kept.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        try {
            if (!fingerprint.stillMatches(changelogs)) {
                progress.note("the changelog files changed while they were applied: the migrated database is not kept");
                kept.remove(key, mine);
                mine.complete(Optional.empty());
                return first;
            }
            if (hasDatabaseSettings(first)) {
                progress.note("the migrated database is not kept on this shadow server: the changelogs set parameters on "
                        + "their database (ALTER DATABASE ... SET), which a copy would not carry");
                mine.complete(Optional.empty());
                return first;
            }
            mine.complete(Optional.of(first));
            return progress.step(COPYING, () -> shadow.copyOf(first, PURPOSE));
        } catch (Exception | Error e) {
            mine.complete(Optional.empty()); // the apply itself succeeded; whoever waits applies on its own
            throw e;
        }
    }

    private static DatabaseSettings applied(ScratchDatabases shadow, ChangelogSource changelogs, Progress progress)
            throws Exception {
        DatabaseSettings database = shadow.create(PURPOSE);
        MigratedShadow.apply(changelogs, database, progress);
        return database;
    }

    /** Whether {@code database} has settings of its own, for any role ({@code pg_db_role_setting}). */
    private static boolean hasDatabaseSettings(DatabaseSettings database) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select exists (select 1 from pg_db_role_setting s join pg_database d"
                     + " on d.oid = s.setdatabase where d.datname = current_database())")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
