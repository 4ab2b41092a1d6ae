package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ClusterTemplates;
import com.bookstore.db.core.embedded.EmbeddedPostgresServer;
import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.apply.LiquibaseDefaults;
import com.bookstore.db.migrations.internal.changelog.ChangelogFingerprint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

/**
 * The shadow server of a comparison, with the changelogs applied in one of its databases.
 *
 * <p>Applying a changelog is the slowest step of {@code check} and {@code generate}, and it repeats the same work run
 * after run. So the migrated cluster is kept as a {@link ClusterTemplates template} keyed by the changelog's
 * {@link ChangelogFingerprint} (every byte of every changelog file, Liquibase's version) and the PostgreSQL binaries:
 * the next run with the same bytes starts a private copy of it instead of migrating again; any other bytes miss and
 * migrate. Only shadow comparisons use it, never {@code upgrade}, whose target is the user's own database.
 */
public final class MigratedShadow implements AutoCloseable {

    private static final String MIGRATED = "migrated";

    private final ScratchDatabases databases;
    private final DatabaseSettings migrated;
    private final boolean owned;

    private MigratedShadow(ScratchDatabases databases, DatabaseSettings migrated, boolean owned) {
        this.databases = databases;
        this.migrated = migrated;
        this.owned = owned;
    }

    /** A new embedded server with the changelogs applied, from {@link ClusterTemplates#standard()} when possible. */
    public static MigratedShadow start(ChangelogSource changelogs, Progress progress) throws Exception {
        return start(changelogs, ClusterTemplates.standard(), progress);
    }

    /** As above, with the templates of {@code templates}. */
    public static MigratedShadow start(ChangelogSource changelogs, ClusterTemplates templates, Progress progress)
            throws Exception {
        Optional<ChangelogFingerprint> fingerprint = fingerprint(changelogs, templates, progress);
        Optional<String> key = fingerprint.map(MigratedShadow::templateKey);
        if (key.isPresent()) {
            Optional<Path> template = templates.find(key.get());
            if (template.isPresent()) {
                Optional<EmbeddedPostgresServer> server = progress.step(
                        "starting shadow PostgreSQL, changelogs already applied (same changelog bytes as an earlier run)",
                        () -> EmbeddedPostgresServer.startFrom(templates, template.get()));
                if (server.isPresent()) {
                    ScratchDatabases databases = ScratchDatabases.on(server.get());
                    return new MigratedShadow(databases, databases.existing(MIGRATED), true);
                }
                templates.evict(key.get());
            }
        }
        EmbeddedPostgresServer server = progress.step("starting shadow PostgreSQL", () -> EmbeddedPostgresServer.start(templates));
        try {
            DatabaseSettings migrated = server.adminSettings().withDatabase(MIGRATED);
            try (Connection connection = MigrationConnections.unpooled(server.adminSettings()).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + MIGRATED + " strategy = file_copy");
            }
            apply(changelogs, migrated, progress);
            if (key.isPresent() && server.startedFromTemplate()) {
                if (fingerprint.get().stillMatches(changelogs)) {
                    progress.step("keeping the migrated shadow for the next run",
                            () -> server.saveAsTemplate(templates, key.get()));
                } else {
                    progress.note("the changelog files changed while they were applied: the migrated shadow is not kept");
                }
            }
            ScratchDatabases databases = ScratchDatabases.on(server); // after the restart: its port
            return new MigratedShadow(databases, databases.existing(MIGRATED), true);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * On a server the caller owns (tests, benchmarks, the in-process API): a database of its own holding what the
     * changelogs build, applied once per server and changelog bytes ({@link KeptMigrations}); nothing outlives the
     * server.
     */
    public static MigratedShadow on(ScratchDatabases shadow, ChangelogSource changelogs, Progress progress) throws Exception {
        return new MigratedShadow(shadow, KeptMigrations.migrated(shadow, changelogs, progress), false);
    }

    private static Optional<ChangelogFingerprint> fingerprint(ChangelogSource changelogs, ClusterTemplates templates,
            Progress progress) throws Exception {
        if (!templates.enabled() || !changelogs.exists()) {
            return Optional.empty();
        }
        ChangelogFingerprint.Outcome outcome = ChangelogFingerprint.of(changelogs);
        if (outcome instanceof ChangelogFingerprint.NotReusable notReusable) {
            progress.note("the migrated shadow is not kept between runs: " + notReusable.reason());
            return Optional.empty();
        }
        return Optional.of(((ChangelogFingerprint.Fingerprinted) outcome).fingerprint());
    }

    private static String templateKey(ChangelogFingerprint fingerprint) {
        return "migrated-" + EmbeddedPostgresServer.hash(fingerprint.hash() + "\n" + EmbeddedPostgresServer.binaries());
    }

    static void apply(ChangelogSource changelogs, DatabaseSettings migrated, Progress progress) throws Exception {
        if (changelogs.exists()) {
            progress.step(KeptMigrations.APPLYING, () -> {
                try (ChangelogRunner runner = ChangelogRunner.open(changelogs, migrated, MigrationTimeouts.NONE)) {
                    return LiquibaseDefaults.quietly(runner::update);
                }
            });
        }
    }

    /** The server, for the model's database and any other the comparison needs. */
    public ScratchDatabases databases() {
        return databases;
    }

    /** The database the changelogs were applied to. */
    public DatabaseSettings migrated() {
        return migrated;
    }

    @Override
    public void close() {
        if (owned) {
            databases.close();
        }
    }
}
