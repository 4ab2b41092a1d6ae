package com.bookstore.db.migrations.internal.changelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kept migrated shadow was made by one build's code: found when a shadow applied by a build that did not refuse a
 * changelog was taken, by the bytes alone, by a build that does, which then agreed without ever reading the changelog.
 */
class MigrationsBuildTest {

    @TempDir
    Path dir;

    @Test
    void a_classes_directory_is_identified_by_every_file_it_holds() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
        Files.write(classes.resolve("A.class"), new byte[] {1, 2, 3});
        Files.write(classes.resolve("B.class"), new byte[] {4, 5});
        Path root = dir.resolve("classes");
        String first = MigrationsBuild.identityOf(root);
        assertEquals(first, MigrationsBuild.identityOf(root), "the same code, the same identity");

        Files.write(classes.resolve("B.class"), new byte[] {4, 6});
        String edited = MigrationsBuild.identityOf(root);
        assertNotEquals(first, edited, "a class file rebuilt with other bytes");

        Files.write(classes.resolve("C.class"), new byte[0]);
        assertNotEquals(edited, MigrationsBuild.identityOf(root), "a new, empty class file");

        Files.delete(classes.resolve("C.class"));
        Files.move(classes.resolve("B.class"), classes.resolve("D.class"));
        assertNotEquals(edited, MigrationsBuild.identityOf(root), "the same bytes under another name");
    }

    @Test
    void a_jar_is_identified_by_its_bytes() throws Exception {
        Path jar = dir.resolve("db-migrations.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        String first = MigrationsBuild.identityOf(jar);
        Files.write(jar, new byte[] {1, 2, 4});
        assertNotEquals(first, MigrationsBuild.identityOf(jar));
    }

    @Test
    void this_build_is_identified_so_that_its_results_can_be_kept() {
        assertTrue(MigrationsBuild.identity().isPresent(), "the code under test is read from its classes directory");
    }
}
