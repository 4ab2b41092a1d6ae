package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;

import java.sql.Connection;
import java.util.List;

/**
 * The Prisma-style shadow database workflow: a private, throw-away PostgreSQL (never the developer's database) holds
 * two databases, one migrated by the existing changelogs and one created by Hibernate from the entity model; the
 * difference between the two is what a new revision must contain.
 */
public final class ShadowComparison {

    private ShadowComparison() {
    }

    /** Model versus the schema that the changelogs build: what {@code generate} writes and {@code check} reports. */
    public static SchemaDiff modelVersusChangelogs(EntityRegistry registry, ChangelogSource changelogs, Progress progress)
            throws Exception {
        return modelVersusChangelogs(registry, changelogs, ExcludedObjects.NONE, progress);
    }

    /** As above, leaving out {@code excluded} objects the changelogs created and the model does not own. */
    public static SchemaDiff modelVersusChangelogs(EntityRegistry registry, ChangelogSource changelogs,
            ExcludedObjects excluded, Progress progress) throws Exception {
        ModelSchemaExporter.warmUpInBackground(registry);
        try (MigratedShadow shadow = MigratedShadow.start(changelogs, progress)) {
            return compareWithChangelogs(registry, shadow, excluded, progress).diff();
        }
    }

    /** As above, on a shadow server the caller owns (tests and benchmarks share one across many comparisons). */
    public static SchemaDiff modelVersusChangelogs(EntityRegistry registry, ChangelogSource changelogs,
            ScratchDatabases shadow, Progress progress) throws Exception {
        try (MigratedShadow migrated = MigratedShadow.on(shadow, changelogs, progress)) {
            return compareWithChangelogs(registry, migrated, ExcludedObjects.NONE, progress).diff();
        }
    }

    /**
     * The revision {@code generate} writes: the comparison with the confirmed renames, changes on existing tables in
     * their safe form unless {@code blockingDdl} ({@link SafeForms}), proven on the shadow database before anything is
     * written (see {@link RevisionVerifier}).
     */
    public static SchemaDiff revisionFor(EntityRegistry registry, MigratedShadow shadow, List<ColumnRename> renames,
            ExcludedObjects excluded, boolean blockingDdl, Progress progress) throws Exception {
        Compared compared = compareWithChangelogs(registry, shadow, excluded, progress);
        SchemaDiff renamed = compared.diff().withRenames(renames);
        SchemaDiff diff = blockingDdl ? renamed : renamed.withSafeForms();
        if (!diff.isEmpty()) {
            progress.step("verifying the revision and its rollback on the shadow database", () -> {
                try {
                    RevisionVerifier.verify(diff, diff.plan(), compared.migrated(), shadow.databases());
                } catch (IllegalStateException failed) {
                    throw VerificationRefusals.explain(failed, diff, compared.migrated());
                }
                return null;
            });
        }
        return diff;
    }

    private record Compared(SchemaDiff diff, DatabaseSettings migrated) {
    }

    private static Compared compareWithChangelogs(EntityRegistry registry, MigratedShadow shadow,
            ExcludedObjects excluded, Progress progress) throws Exception {
        DatabaseSettings migrated = shadow.migrated();
        SchemaDiff diff = ExportedModels.compare(shadow.databases(), registry, migrated, true, excluded,
                "comparing model with migrated schema", progress);
        return new Compared(diff, migrated);
    }

    /** Model versus a live database: drift made by hand, or changelogs never applied there. */
    public static SchemaDiff modelVersusDatabase(EntityRegistry registry, DatabaseSettings live, Progress progress)
            throws Exception {
        ModelSchemaExporter.warmUpInBackground(registry);
        try (ScratchDatabases shadow = progress.step("starting shadow PostgreSQL", ScratchDatabases::embedded)) {
            return modelVersusDatabase(registry, live, shadow, progress);
        }
    }

    /** As above, leaving out {@code excluded} objects of the live database that the model does not own. */
    public static SchemaDiff modelVersusDatabase(EntityRegistry registry, DatabaseSettings live, ExcludedObjects excluded,
            Progress progress) throws Exception {
        ModelSchemaExporter.warmUpInBackground(registry);
        try (ScratchDatabases shadow = progress.step("starting shadow PostgreSQL", ScratchDatabases::embedded)) {
            return modelVersusDatabase(registry, live, excluded, shadow, progress);
        }
    }

    /** As above, on a shadow server the caller owns. */
    public static SchemaDiff modelVersusDatabase(EntityRegistry registry, DatabaseSettings live, ScratchDatabases shadow,
            Progress progress) throws Exception {
        return modelVersusDatabase(registry, live, ExcludedObjects.NONE, shadow, progress);
    }

    /** As above, leaving out {@code excluded} objects. */
    public static SchemaDiff modelVersusDatabase(EntityRegistry registry, DatabaseSettings live, ExcludedObjects excluded,
            ScratchDatabases shadow, Progress progress) throws Exception {
        return ExportedModels.compare(shadow, registry, live, false, excluded, "comparing model with " + live.maskedUrl(),
                progress);
    }

    /**
     * Model versus a database the caller has a connection to ({@code mvn liquibase:diff}'s target), on a shadow
     * server started for the purpose.
     */
    public static SchemaDiff modelVersusConnection(EntityRegistry registry, Connection live) throws Exception {
        try (ScratchDatabases shadow = ScratchDatabases.embedded()) {
            DatabaseSettings model = shadow.create("model");
            EnumColumns enums = ModelSchemaExporter.export(registry, model, CatalogReader.extensions(live).keySet());
            try (Connection modelConnection = MigrationConnections.unpooled(model).getConnection()) {
                return SchemaComparator.compare(modelConnection, live, false, enums, ExcludedObjects.NONE);
            }
        }
    }
}
