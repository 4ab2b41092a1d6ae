package com.bookstore.db.migrations.internal.changelog;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void baseline_then_check_reports_no_difference() throws Exception {
        EntityRegistry registry = EntityRegistry.of(new RoundTripEntities());
        ChangelogDirectory changelogs = new ChangelogDirectory(dir);
        RevisionGenerator.Result result = RevisionGenerator.generate(registry, changelogs,
                new RevisionGenerator.Request("baseline", "test", false, List.of(), Instant.parse("2026-01-01T00:00:00Z")),
                new Progress(System.out));
        assertEquals(RevisionGenerator.Outcome.WRITTEN, result.outcome(), result.review().toString());
        System.out.println(Files.readString(result.file()));
        SchemaDiff after = ShadowComparison.modelVersusChangelogs(registry, ChangelogSource.directory(dir), new Progress(System.out));
        assertTrue(after.isEmpty(), () -> "false positives: " + after.review().findings());
    }
}
