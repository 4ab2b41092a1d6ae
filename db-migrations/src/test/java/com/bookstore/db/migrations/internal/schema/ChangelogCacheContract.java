package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.settings.DatabaseSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every cache of applied changelogs must pass to be invisible except in speed: whatever a developer does to the
 * changelog files between two comparisons (an edit, a same-size edit, a new revision, a deleted one, a branch switch
 * back and forth), the next comparison holds exactly what applying the files as they are now builds. Each cache's
 * test extends this with its own cases.
 */
abstract class ChangelogCacheContract {

    /** The repository (the git test makes it one); the changelogs' resource root is a folder inside, as in the project. */
    @TempDir
    Path repository;

    ChangelogRepository changelogs;

    /**
     * What one comparison saw: its migrated database (null when it went away with its server), the columns there, and
     * whether the changelogs were applied for it rather than taken from the cache.
     */
    record Run(DatabaseSettings database, List<String> columns, boolean applied, String output) {
    }

    /** Run once when the next comparison starts applying the changelogs (after the cache took their fingerprint). */
    private volatile Step duringApply;

    interface Step {
        void run() throws Exception;
    }

    @BeforeEach
    void changelogRepository() throws Exception {
        changelogs = new ChangelogRepository(repository);
    }

    /**
     * Where a comparison's progress goes: into {@code buffer}, and the moment the apply step is announced (before
     * Liquibase reads a file), {@link #duringApply} runs.
     */
    PrintStream progressOutput(ByteArrayOutputStream buffer) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.write(bytes, offset, length);
                Step step = duringApply;
                if (step != null && buffer.toString(StandardCharsets.UTF_8).contains(KeptMigrations.APPLYING)) {
                    duringApply = null;
                    try {
                        step.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Test
    void a_file_saved_while_the_changelogs_are_applied_is_never_kept_under_the_bytes_fingerprinted_before() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        String before = Files.readString(changelogs.revisionFile("r1.xml"));
        duringApply = () -> changelogs.edit("r1.xml", "create table book (id bigint primary key, title text, isbn text)");

        Run raced = run();
        Files.writeString(changelogs.revisionFile("r1.xml"), before);
        Run back = run();

        assertEquals(List.of("book.id", "book.title", "book.isbn"), raced.columns(), "what was applied: the saved file");
        assertTrue(raced.output().contains("changed while they were applied"), raced.output());
        assertTrue(back.applied(), "nothing was kept under the first bytes: " + back.output());
        assertEquals(List.of("book.id", "book.title"), back.columns());
    }

    /** One comparison's migrated database, through the cache under test, with the changelogs as they are now. */
    abstract Run run() throws Exception;

    @Test
    void a_changelog_that_reads_a_file_outside_its_resource_root_is_refused() throws Exception {
        // no fingerprint of the resource root covers ../../../shared.sql: an edit to it would go unseen
        Files.writeString(repository.resolve("shared.sql"), "create table book (id bigint primary key)");
        new com.bookstore.db.migrations.internal.changelog.ChangelogDirectory(changelogs.root()).addRevision("r1.xml",
                com.bookstore.db.migrations.fixtures.RevisionXml.withChange("r1", "<sqlFile path=\"../../../shared.sql\"/>"));
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, this::run);
        String messages = "";
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("outside its resource root"), messages);
        assertTrue(messages.contains("shared.sql"), messages);
    }

    @Test
    void an_edited_revision_is_applied_again() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        run();

        changelogs.edit("r1.xml", "create table book (id bigint primary key, title text, isbn varchar(13))");
        Run edited = run();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title", "book.isbn"), edited.columns());
    }

    @Test
    void a_one_byte_edit_that_keeps_the_size_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, tytle text)");
        run();

        changelogs.replace("r1.xml", "tytle", "title");
        Run edited = run();

        assertTrue(edited.applied(), edited.output());
        assertEquals(List.of("book.id", "book.title"), edited.columns());
    }

    @Test
    void an_added_revision_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        run();

        changelogs.revision("r2.xml", "create table author (id bigint primary key)");
        Run added = run();

        assertTrue(added.applied(), added.output());
        assertEquals(List.of("author.id", "book.id"), added.columns());
    }

    @Test
    void a_deleted_revision_is_seen() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key)");
        String masterWithOne = Files.readString(changelogs.master());
        changelogs.revision("r2.xml", "create table author (id bigint primary key)");
        assertEquals(List.of("author.id", "book.id"), run().columns());

        changelogs.delete("r2.xml", masterWithOne);
        Run deleted = run();

        assertTrue(deleted.applied(), deleted.output());
        assertEquals(List.of("book.id"), deleted.columns());
    }

    @Test
    void changelogs_with_parameters_are_applied_every_time() throws Exception {
        // ${...} may be filled from system properties and the environment: the bytes do not say what they build
        changelogs.revision("r1.xml", "create table ${table_name} (id bigint primary key)");
        changelogs.property("table_name", "book");

        Run first = run();
        Run second = run();

        assertTrue(first.applied(), first.output());
        assertTrue(second.applied(), second.output());
        assertEquals(List.of("book.id"), second.columns());
        noneKept(first);
    }

    @Test
    void changelogs_with_a_custom_change_are_applied_every_time() throws Exception {
        // what a customChange builds is Java code on the class path: the same bytes may build something else tomorrow
        new com.bookstore.db.migrations.internal.changelog.ChangelogDirectory(changelogs.root()).addRevision("r1.xml",
                com.bookstore.db.migrations.fixtures.RevisionXml.withChange("r1",
                        "<customChange class=\"com.bookstore.db.migrations.fixtures.CreatesBookChange\"/>"));

        Run first = run();
        Run second = run();

        assertTrue(first.applied(), first.output());
        assertTrue(second.applied(), second.output());
        assertEquals(List.of("book.id"), second.columns());
        noneKept(first);
    }

    @Test
    void two_comparisons_at_once_both_see_the_schema_and_the_next_one_is_served_from_the_cache() throws Exception {
        changelogs.revision("r1.xml", "create table book (id bigint primary key, title text)");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Run> both = () -> {
            together.await();
            return run();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(both);
            Future<Run> b = pool.submit(both);
            assertEquals(List.of("book.id", "book.title"), a.get().columns());
            assertEquals(List.of("book.id", "book.title"), b.get().columns());
            afterTwoAtOnce(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
        Run next = run();
        assertFalse(next.applied(), next.output());
        assertEquals(List.of("book.id", "book.title"), next.columns());
    }

    /** What else the cache under test shows after two comparisons ran at once with the same changelogs. */
    void afterTwoAtOnce(Run a, Run b) throws Exception {
    }

    /** What else the cache under test shows when it kept nothing ({@code first} ran with parameters). */
    void noneKept(Run first) throws Exception {
    }

    @Test
    void switching_branches_back_and_forth_always_gives_the_branch_schema() throws Exception {
        changelogs.mainAndFeatureBranches();

        Run feature = run();
        changelogs.git("checkout", "-q", "main");
        Run onMain = run();
        changelogs.git("checkout", "-q", "feature");
        Run backOnFeature = run();
        changelogs.git("checkout", "-q", "main");
        Run backOnMain = run();

        assertEquals(List.of("author.id", "book.id"), feature.columns());
        assertEquals(List.of("book.id"), onMain.columns());
        assertTrue(onMain.applied(), onMain.output());
        assertEquals(feature.columns(), backOnFeature.columns());
        assertFalse(backOnFeature.applied(), "the feature branch's result is reused: " + backOnFeature.output());
        assertEquals(List.of("book.id"), backOnMain.columns());
        assertFalse(backOnMain.applied(), backOnMain.output());
    }
}
