package com.bookstore.db.migrations.internal.changelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangelogDirectoryTest {

    @TempDir
    Path root;

    @Test
    void slug_keeps_letters_and_digits_only() {
        assertEquals("add_isbn_13_index", ChangelogDirectory.slug("  Add ISBN-13 index!  "));
        assertEquals(60, ChangelogDirectory.slug("x".repeat(100)).length());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ChangelogDirectory.slug(" "));
        assertTrue(empty.getMessage().contains("-m \"add book subtitle\""), empty.getMessage());
        IllegalArgumentException symbols = assertThrows(IllegalArgumentException.class, () -> ChangelogDirectory.slug("?!"));
        assertTrue(symbols.getMessage().contains("no letter or digit"), symbols.getMessage());
    }

    @Test
    void revisions_are_named_by_utc_time_and_included_in_order() throws Exception {
        ChangelogDirectory directory = new ChangelogDirectory(root);
        assertFalse(directory.exists());
        String first = directory.newRevisionName("baseline", Instant.parse("2026-11-25T10:15:30Z"));
        assertEquals("20261125101530_baseline.xml", first);
        directory.addRevision(first, "<databaseChangeLog/>");
        assertTrue(directory.exists());

        // a clock behind the last revision still yields a later name, so the include order stays the time order
        String second = directory.newRevisionName("add subtitle", Instant.parse("2026-11-25T09:00:00Z"));
        assertEquals("20261125101531_add_subtitle.xml", second);
        directory.addRevision(second, "<databaseChangeLog/>");
        assertEquals(List.of(first, second), directory.includedRevisions());
        assertTrue(Files.readString(directory.masterFile()).contains("<include file=\"changes/" + second
                + "\" relativeToChangelogFile=\"true\"/>"));
        assertThrows(IllegalStateException.class, () -> directory.addRevision(second, "again"), "never overwrites");
    }
}
