package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.embedded.ClusterTemplates;
import com.bookstore.db.core.embedded.EmbeddedPostgresServer;
import com.bookstore.db.migrations.apply.ChangelogSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrated shadow kept between runs is invisible except in speed: whatever happens to the changelog files (an
 * edit, a new revision, a deleted one, a branch switch, a damaged template, two runs at once), the shadow always holds
 * exactly what applying the files on disk builds.
 */
class MigratedShadowTest {

    /** The repository (the git test makes it one); the changelogs' resource root is a folder inside, as in the project. */
    @TempDir
    Path repository;

    private ChangelogRepository changelogs;

    /** A store of this test's own, where the default store lives (memory on Linux), removed after each test. */
    private Path templateDirectory;

    @org.junit.jupiter.api.BeforeEach
    void directories() throws IOException {
        changelogs = new ChangelogRepository(repository);
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
    private record Run(List<String> columns, boolean applied, String output) {
    }

    private Run start() throws Exception {
        return start(changelogs.root());
    }

    private Run start(Path root) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (MigratedShadow shadow = MigratedShadow.start(ChangelogSource.directory(root), templates(), progress)) {
            return new Run(columns(shadow), progress.orderedTimings().containsKey(KeptMigrations.APPLYING),
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

        Run first = start();
        Run second = start();

        assertTrue(first.applied(), first.output());
        assertFalse(second.applied(), second.output());
        assertTrue(second.output().contains("changelogs already applied"), second.output());
        assertEquals(List.of("book.id", "book.title"), first.columns());
        assertEquals(first.columns(), second.columns());
        assertEquals(1, storedTemplates("migrated-").size());
    }

    @Test
    void an_edited_revision_is_applied_again() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        start();

        changelogs.edit("r1.xml", "create table book (id bigint primary key, title text, isbn varchar(13))");
        Run edited = start();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title", "book.isbn"), edited.columns());
    }

    @Test
    void a_one_byte_edit_that_keeps_the_size_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, tytle text)");
        start();

        changelogs.replace("r1.xml", "tytle", "title");
        Run edited = start();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title"), edited.columns());
    }

    @Test
    void an_added_revision_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        start();

        changelogs.revision("r2.xml", "create table author (id bigint primary key)");
        Run added = start();

        assertTrue(added.applied(), added.output());
        assertEquals(List.of("author.id", "book.id"), added.columns());
    }

    @Test
    void a_deleted_revision_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        String masterWithOne = Files.readString(changelogs.master());
        changelogs.revision("r2.xml", "create table author (id bigint primary key)");
        assertEquals(List.of("author.id", "book.id"), start().columns());

        changelogs.delete("r2.xml", masterWithOne);
        Run deleted = start();

        assertTrue(deleted.applied(), deleted.output());
        assertEquals(List.of("book.id"), deleted.columns());
    }

    @Test
    void switching_branches_back_and_forth_always_gives_the_branch_schema() throws Exception {
        changelogs.mainAndFeatureBranches();

        List<String> feature = start().columns();
        changelogs.git("checkout", "-q", "main");
        Run onMain = start();
        changelogs.git("checkout", "-q", "feature");
        Run backOnFeature = start();
        changelogs.git("checkout", "-q", "main");
        Run backOnMain = start();

        assertEquals(List.of("author.id", "book.id"), feature);
        assertEquals(List.of("book.id"), onMain.columns());
        assertEquals(feature, backOnFeature.columns());
        assertFalse(backOnFeature.applied(), "the feature branch's shadow is reused: " + backOnFeature.output());
        assertEquals(List.of("book.id"), backOnMain.columns());
        assertFalse(backOnMain.applied(), backOnMain.output());
    }

    @Test
    void a_damaged_template_is_not_used() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        start();
        Path template = storedTemplates("migrated-").get(0);
        Path victim;
        try (Stream<Path> files = Files.walk(template.resolve("data/base"))) {
            victim = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.delete(victim);

        Run afterDamage = start();

        assertTrue(afterDamage.applied(), afterDamage.output());
        assertEquals(List.of("book.id"), afterDamage.columns());
    }

    @Test
    void changelogs_with_parameters_are_applied_every_time() throws Exception {
        changelogs.revision("r1.xml", "create table ${table_name} (id bigint primary key)");
        changelogs.property("table_name", "book");

        Run first = start();
        Run second = start();

        assertTrue(second.applied(), second.output());
        assertTrue(first.output().contains("not kept between runs"), first.output());
        assertEquals(List.of("book.id"), second.columns());
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

    @Test
    void two_runs_at_once_both_see_the_schema_and_store_one_template() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Run> run = () -> {
            together.await();
            return start();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(run);
            Future<Run> b = pool.submit(run);
            assertEquals(List.of("book.id", "book.title"), a.get().columns());
            assertEquals(List.of("book.id", "book.title"), b.get().columns());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, storedTemplates("migrated-").size());
        assertTrue(storedTemplates("staging-").isEmpty());
        assertFalse(start().applied());
    }
}
