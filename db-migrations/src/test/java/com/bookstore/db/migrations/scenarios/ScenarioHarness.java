package com.bookstore.db.migrations.scenarios;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.fixtures.TestRegistries;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.hazard.Hazard;
import com.bookstore.db.migrations.internal.hazard.Rule;
import com.bookstore.db.migrations.internal.schema.ColumnRename;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one row of the autogenerate scenario table: a database migrated to the "before" model, then the "after" model:
 * {@code check} must fail, {@code generate} must write the expected revision, {@code upgrade} must apply it, and then
 * {@code check} must pass; the revision's rollback must bring the database back to the "before" model.
 */
final class ScenarioHarness {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ScratchDatabases server;
    private final Path workDir;
    /** Whether revisions are generated with {@code --blocking-ddl} (the plain forms). */
    private final boolean blockingDdl;

    ScenarioHarness(ScratchDatabases server, Path workDir) {
        this(server, workDir, false);
    }

    private ScenarioHarness(ScratchDatabases server, Path workDir, boolean blockingDdl) {
        this.server = server;
        this.workDir = workDir;
        this.blockingDdl = blockingDdl;
    }

    /** The same harness generating the plain, blocking forms ({@code generate --blocking-ddl}). */
    ScenarioHarness withBlockingDdl() {
        return new ScenarioHarness(server, workDir, true);
    }

    private RevisionGenerator.Request request(String message, boolean allowDestructive, List<ColumnRename> renames,
            Instant now) {
        RevisionGenerator.Request request = new RevisionGenerator.Request(message, "scenario", allowDestructive, renames, now);
        return blockingDdl ? request.withBlockingDdl() : request;
    }

    static EntityRegistry model(Class<?>... entities) {
        return TestRegistries.of("scenario", entities);
    }

    /** The outcome of the "after" generate, with everything a scenario asserts on. */
    record Outcome(SchemaDiff driftBefore, RevisionGenerator.Result generated, String revision, ChangelogDirectory changelogs,
            DatabaseSettings live, Map<String, Long> rows) {

        String summary() {
            return generated.review().findings().toString() + " " + generated.review().renameHints();
        }
    }

    /** Baseline with {@code before}, upgrade, then generate with {@code after}; upgrade and check when written. */
    Outcome run(EntityRegistry before, EntityRegistry after, boolean allowDestructive, List<ColumnRename> renames)
            throws Exception {
        return run(before, after, allowDestructive, renames, false);
    }

    /**
     * As above; with {@code withRows}, a row is put into every table after the baseline ({@link RowSeeder}), and the
     * upgrade must keep every table's rows.
     */
    private Outcome run(EntityRegistry before, EntityRegistry after, boolean allowDestructive, List<ColumnRename> renames,
            boolean withRows) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "changelog");
        ChangelogDirectory changelogs = new ChangelogDirectory(dir);
        RevisionGenerator.Result baseline = RevisionGenerator.generate(before, changelogs,
                request("baseline", true, List.of(), T0), server, Progress.silent());
        assertEquals(RevisionGenerator.Outcome.WRITTEN, baseline.outcome(), "the baseline is written");
        assertAnalysed(baseline);

        DatabaseSettings live = server.create("live");
        upgrade(changelogs, live);
        assertNoDrift(before, live, "after the baseline");
        Map<String, Long> rows = Map.of();
        if (withRows) {
            RowSeeder.seed(live);
            rows = RowSeeder.counts(live);
        }

        SchemaDiff driftBefore = ShadowComparison.modelVersusDatabase(after, live, server, Progress.silent());
        RevisionGenerator.Result generated = RevisionGenerator.generate(after, changelogs,
                request("change", allowDestructive, renames, T0.plusSeconds(60)),
                server, Progress.silent());
        assertAnalysed(generated);
        String revision = generated.file() == null ? "" : Files.readString(generated.file());
        if (generated.outcome() == RevisionGenerator.Outcome.WRITTEN) {
            upgrade(changelogs, live);
            assertRowsKept(rows, live, "after the upgrade");
            assertNoDrift(after, live, "after upgrading with the generated revision\n" + revision + "\n");
        }
        return new Outcome(driftBefore, generated, revision, changelogs, live, rows);
    }

    /** The hazard analysis understands every statement the generator writes: none is reported as not analysed. */
    private static void assertAnalysed(RevisionGenerator.Result generated) {
        List<Hazard> unknown = generated.hazards().hazards().stream().filter(h -> h.rule() == Rule.NOT_ANALYSED).toList();
        assertTrue(unknown.isEmpty(), "statements of a generated revision the hazard analysis does not understand: " + unknown);
    }

    /** Every table present before and after still holds the rows it held. */
    private static void assertRowsKept(Map<String, Long> before, DatabaseSettings live, String when) throws Exception {
        Map<String, Long> now = RowSeeder.counts(live);
        for (Map.Entry<String, Long> table : before.entrySet()) {
            if (now.containsKey(table.getKey())) {
                assertEquals(table.getValue(), now.get(table.getKey()), "rows of " + table.getKey() + " " + when);
            }
        }
    }

    /** Takes the database and changelogs of an earlier outcome on to another model (generate, then upgrade). */
    Outcome continueWith(Outcome earlier, EntityRegistry after, List<ColumnRename> renames) throws Exception {
        SchemaDiff driftBefore = ShadowComparison.modelVersusDatabase(after, earlier.live(), server, Progress.silent());
        RevisionGenerator.Result generated = RevisionGenerator.generate(after, earlier.changelogs(),
                request("next", false, renames, T0.plusSeconds(120)), server, Progress.silent());
        assertAnalysed(generated);
        String revision = generated.file() == null ? "" : Files.readString(generated.file());
        if (generated.outcome() == RevisionGenerator.Outcome.WRITTEN) {
            upgrade(earlier.changelogs(), earlier.live());
            assertNoDrift(after, earlier.live(), "after upgrading with the generated revision");
        }
        return new Outcome(driftBefore, generated, revision, earlier.changelogs(), earlier.live(), earlier.rows());
    }

    /** Generates the next revision for {@code after} on an earlier outcome's changelogs, without upgrading. */
    RevisionGenerator.Result generateOnly(Outcome earlier, EntityRegistry after) throws Exception {
        return RevisionGenerator.generate(after, earlier.changelogs(),
                request("next", false, List.of(), T0.plusSeconds(180)), server, Progress.silent());
    }

    /** Applies the pending revisions of an outcome's changelogs to its database. */
    void upgrade(Outcome outcome) throws Exception {
        upgrade(outcome.changelogs(), outcome.live());
    }

    /** Rolls the last revision back and asserts the database matches {@code model} again. */
    void rollBackLastAndExpect(Outcome outcome, EntityRegistry model) throws Exception {
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(outcome.changelogs().resourceRoot()),
                outcome.live())) {
            runner.rollback(1);
        }
        assertNoDrift(model, outcome.live(), "after rolling the revision back");
        if (!outcome.generated().review().hasDestructive()) {
            assertRowsKept(outcome.rows(), outcome.live(), "after the rollback");
        }
    }

    private void upgrade(ChangelogDirectory changelogs, DatabaseSettings live) throws Exception {
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(changelogs.resourceRoot()), live)) {
            runner.update();
        }
    }

    private void assertNoDrift(EntityRegistry model, DatabaseSettings live, String when) throws Exception {
        SchemaDiff drift = ShadowComparison.modelVersusDatabase(model, live, server, Progress.silent());
        assertTrue(drift.isEmpty(), () -> "check --url " + when + " reports " + drift.review().findings());
    }

    /**
     * A row whose revision is written: check reports it before, the revision holds each expected text, upgrade and
     * check pass (in {@link #run}), and its rollback restores {@code before}.
     */
    Outcome written(EntityRegistry before, EntityRegistry after, String... expectedXml) throws Exception {
        Outcome outcome = run(before, after, false, List.of(), true);
        assertFalse(outcome.driftBefore().isEmpty(), "check reports the change before a revision exists");
        assertEquals(RevisionGenerator.Outcome.WRITTEN, outcome.generated().outcome(), outcome::summary);
        for (String xml : expectedXml) {
            assertTrue(outcome.revision().contains(xml), () -> "revision lacks " + xml + ":\n" + outcome.revision());
        }
        rollBackLastAndExpect(outcome, before);
        return outcome;
    }

    /**
     * A destructive row: refused without --allow-destructive (naming {@code finding}), written with it, and rolled
     * back to {@code before}'s schema.
     */
    Outcome destructive(EntityRegistry before, EntityRegistry after, String finding, String expectedXml) throws Exception {
        Outcome refused = run(before, after, false, List.of());
        assertFalse(refused.driftBefore().isEmpty(), "check reports the change before a revision exists");
        assertEquals(RevisionGenerator.Outcome.REFUSED_DESTRUCTIVE, refused.generated().outcome(), refused::summary);
        assertTrue(refused.generated().review().destructive().stream().anyMatch(f -> f.description().contains(finding)),
                refused::summary);
        assertEquals(null, refused.generated().file(), "nothing written");

        Outcome allowed = run(before, after, true, List.of(), true);
        assertEquals(RevisionGenerator.Outcome.WRITTEN, allowed.generated().outcome(), allowed::summary);
        assertTrue(allowed.revision().contains(expectedXml), () -> "revision lacks " + expectedXml + ":\n" + allowed.revision());
        rollBackLastAndExpect(allowed, before);
        return allowed;
    }
}
