package com.bookstore.db.migrations.internal.changelog;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.hazard.HazardAnalyser;
import com.bookstore.db.migrations.internal.hazard.HazardReport;
import com.bookstore.db.migrations.internal.schema.ChangeReview;
import com.bookstore.db.migrations.internal.schema.ColumnRename;
import com.bookstore.db.migrations.internal.schema.ExcludedObjects;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.RevisionPlan;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.MigratedShadow;
import com.bookstore.db.migrations.internal.schema.ModelSchemaExporter;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code generate}: diffs the model against what the existing changelogs build on a shadow database and writes the
 * difference as a new revision, unless it is empty or destructive and not allowed.
 */
public final class RevisionGenerator {

    /**
     * What the developer asked for, and the objects of the changelogs' schema the model does not own.
     *
     * @param blockingDdl write changes on existing tables in their plain form, which blocks the service's writes (or
     *        reads) while it runs, instead of the safe form (for databases never under load)
     */
    public record Request(String message, String author, boolean allowDestructive, List<ColumnRename> renames, Instant now,
            ExcludedObjects excluded, boolean blockingDdl) {

        public Request(String message, String author, boolean allowDestructive, List<ColumnRename> renames, Instant now) {
            this(message, author, allowDestructive, renames, now, ExcludedObjects.NONE);
        }

        public Request(String message, String author, boolean allowDestructive, List<ColumnRename> renames, Instant now,
                ExcludedObjects excluded) {
            this(message, author, allowDestructive, renames, now, excluded, false);
        }

        /** This request with the plain, blocking forms ({@code --blocking-ddl}). */
        public Request withBlockingDdl() {
            return new Request(message, author, allowDestructive, renames, now, excluded, true);
        }
    }

    /** What happened. */
    public enum Outcome { NO_CHANGES, WRITTEN, REFUSED_DESTRUCTIVE }

    /**
     * The outcome, the review of the changes, the file written (when one was), the objects left out of the comparison,
     * and the hazards of the revision's statements for a deploy while the service runs.
     */
    public record Result(Outcome outcome, ChangeReview review, Path file, List<String> excluded, HazardReport hazards) {
    }

    private RevisionGenerator() {
    }

    public static Result generate(EntityRegistry registry, ChangelogDirectory directory, Request request, Progress progress)
            throws Exception {
        ModelSchemaExporter.warmUpInBackground(registry);
        return generate(registry, directory, request, changelogs -> MigratedShadow.start(changelogs, progress), progress);
    }

    /** As above, on a shadow server the caller owns. */
    public static Result generate(EntityRegistry registry, ChangelogDirectory directory, Request request,
            ScratchDatabases shadow, Progress progress) throws Exception {
        return generate(registry, directory, request, changelogs -> MigratedShadow.on(shadow, changelogs, progress), progress);
    }

    private interface ShadowStart {
        MigratedShadow start(ChangelogSource changelogs) throws Exception;
    }

    private static Result generate(EntityRegistry registry, ChangelogDirectory directory, Request request,
            ShadowStart shadowStart, Progress progress) throws Exception {
        String fileName = directory.newRevisionName(request.message(), request.now()); // validates the message first
        java.nio.file.Files.createDirectories(directory.resourceRoot());
        SchemaDiff diff;
        try (MigratedShadow shadow = shadowStart.start(ChangelogSource.directory(directory.resourceRoot()))) {
            diff = ShadowComparison.revisionFor(registry, shadow, request.renames(), request.excluded(), request.blockingDdl(),
                    progress);
        }
        ChangeReview review = diff.review();
        RevisionPlan plan = diff.plan();
        HazardReport hazards = hazards(fileName, diff, plan);
        if (diff.isEmpty()) {
            return new Result(Outcome.NO_CHANGES, review, null, diff.excluded(), hazards);
        }
        if (review.hasDestructive() && !request.allowDestructive()) {
            return new Result(Outcome.REFUSED_DESTRUCTIVE, review, null, diff.excluded(), hazards);
        }
        String content = RevisionWriter.render(fileName, request.author(), request.message(), plan);
        return new Result(Outcome.WRITTEN, review, directory.addRevision(fileName, content), diff.excluded(), hazards);
    }

    /** The hazards of the revision's changesets, judged against the schema the earlier revisions build. */
    private static HazardReport hazards(String fileName, SchemaDiff diff, RevisionPlan plan) {
        List<HazardAnalyser.Unit> units = new java.util.ArrayList<>();
        for (int i = 0; i < plan.changesets().size(); i++) {
            RevisionPlan.Changeset changeset = plan.changesets().get(i);
            units.add(new HazardAnalyser.Unit(RevisionWriter.changeSetId(fileName, i), changeset.inTransaction(),
                    changeset.forward()));
        }
        return HazardAnalyser.startingFrom(diff.current()).analyse(units);
    }
}
