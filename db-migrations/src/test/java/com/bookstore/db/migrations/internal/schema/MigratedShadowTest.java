package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ClusterTemplates;
import com.bookstore.db.core.embedded.EmbeddedPostgresServer;
import com.bookstore.db.migrations.apply.ChangelogSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrated shadow kept between runs is invisible except in speed: whatever happens to the changelog files (an
 * edit, a new revision, a deleted one, a branch switch, a damaged template, two runs at once), the shadow always holds
 * exactly what applying the files on disk builds.
 */
class MigratedShadowTest extends ChangelogCacheContract {

    /** A store of this test's own, where the default store lives (memory on Linux), removed after each test. */
    private Path templateDirectory;

    @org.junit.jupiter.api.BeforeEach
    void directories() throws IOException {
        templateDirectory = Files.createTempDirectory(ClusterTemplates.defaultParent(), "migrated-shadow-test-");
        // the initialised cluster every server starts from, copied from the machine's store instead of an initdb per
        // test: these tests are about the migrated shadows, which the store does not hold yet
        EmbeddedPostgresServer.shareInitialisedCluster(ClusterTemplates.standard(), templates());
    }

    /** Removes the store; the background removal of discarded run directories may still be deleting there. */
    @org.junit.jupiter.api.AfterEach
    void removeTemplates() throws IOException {
        Files.walkFileTree(templateDirectory, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes)
                    throws IOException {
                Files.deleteIfExists(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE; // deleted meanwhile
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                try {
                    Files.deleteIfExists(directory);
                } catch (java.nio.file.DirectoryNotEmptyException stillFilling) {
                    // a file the background removal had not reached yet when listed: left in the temporary directory
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private ClusterTemplates templates() {
        return ClusterTemplates.in(templateDirectory);
    }

    /** What one shadow start saw: the columns of the migrated database, and whether the changelogs were applied. */

    @Override
    Run run() throws Exception {
        return start(changelogs.root());
    }

    private Run start(Path root) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Progress progress = new Progress(progressOutput(buffer));
        try (MigratedShadow shadow = MigratedShadow.start(ChangelogSource.directory(root), templates(), progress)) {
            return new Run(null, columns(shadow), progress.orderedTimings().containsKey(KeptMigrations.APPLYING),
                    buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> columns(MigratedShadow shadow) throws Exception {
        return ChangelogRepository.columns(shadow.migrated());
    }

    private List<Path> storedTemplates(String prefix) throws IOException {
        try (Stream<Path> children = Files.list(templateDirectory)) {
            return children.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    @Test
    void an_unchanged_changelog_is_applied_once_and_the_next_run_sees_the_same_schema() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");

        Run first = run();
        Run second = run();

        assertTrue(first.applied(), first.output());
        assertFalse(second.applied(), second.output());
        assertTrue(second.output().contains("changelogs already applied"), second.output());
        assertEquals(List.of("book.id", "book.title"), first.columns());
        assertEquals(first.columns(), second.columns());
        assertEquals(1, storedTemplates("migrated-").size());
    }

    @Test
    void a_damaged_template_is_not_used() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        run();
        Path template = storedTemplates("migrated-").get(0);
        Path victim;
        try (Stream<Path> files = Files.walk(template.resolve("data/base"))) {
            victim = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.delete(victim);

        Run afterDamage = run();

        assertTrue(afterDamage.applied(), afterDamage.output());
        assertEquals(List.of("book.id"), afterDamage.columns());
    }

    @Override
    void noneKept(Run first) throws IOException {
        assertTrue(first.output().contains("not kept between runs"), first.output());
        assertTrue(storedTemplates("migrated-").isEmpty());
    }

    @Test
    void with_templates_off_every_run_applies_the_changelogs() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        ClusterTemplates off = ClusterTemplates.disabled();

        for (int run = 0; run < 2; run++) {
            Progress progress = Progress.silent();
            try (MigratedShadow shadow = MigratedShadow.start(changelogs.source(), off, progress)) {
                assertEquals(List.of("book.id"), columns(shadow));
            }
            assertTrue(progress.orderedTimings().containsKey(KeptMigrations.APPLYING));
        }
        assertTrue(storedTemplates("migrated-").isEmpty());
    }

    @Override
    void afterTwoAtOnce(Run a, Run b) throws IOException {
        assertEquals(1, storedTemplates("migrated-").size(), "one template stored, whichever run renamed it first");
        assertTrue(storedTemplates("staging-").isEmpty());
    }
}
