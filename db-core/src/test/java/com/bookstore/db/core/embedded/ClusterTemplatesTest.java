package com.bookstore.db.core.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template store on plain directories: what is stored comes back whole, or not at all. */
class ClusterTemplatesTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    private Path dataDirectory(String content) throws IOException {
        Path data = Files.createTempDirectory(work, "data");
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.writeString(data.resolve("base/1/1259"), content);
        return data;
    }

    @Test
    void a_stored_template_copies_back_file_for_file() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-abc", dataDirectory("catalog"));

        Path copy = work.resolve("copy");
        templates.copy(templates.find("initdb-abc").orElseThrow(), copy);

        assertEquals("catalog", Files.readString(copy.resolve("base/1/1259")));
        assertEquals("17\n", Files.readString(copy.resolve("PG_VERSION")));
    }

    @Test
    void a_template_missing_a_file_fails_the_copy() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-abc", dataDirectory("catalog"));
        Path template = templates.find("initdb-abc").orElseThrow();
        Files.delete(template.resolve("data/base/1/1259"));

        IOException failure = assertThrows(IOException.class, () -> templates.copy(template, work.resolve("copy")));
        assertTrue(failure.getMessage().contains("does not match its manifest"), failure.getMessage());
    }

    @Test
    void a_template_with_a_truncated_file_fails_the_copy() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-abc", dataDirectory("catalog"));
        Path template = templates.find("initdb-abc").orElseThrow();
        Files.writeString(template.resolve("data/base/1/1259"), "cat");

        assertThrows(IOException.class, () -> templates.copy(template, work.resolve("copy")));
    }

    @Test
    void an_evicted_template_fails_the_copy_instead_of_coming_out_empty() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-abc", dataDirectory("catalog"));
        Path template = templates.find("initdb-abc").orElseThrow();
        templates.evict("initdb-abc");

        assertTrue(templates.find("initdb-abc").isEmpty());
        assertThrows(IOException.class, () -> templates.copy(template, work.resolve("copy")));
    }

    @Test
    void the_first_of_two_stores_under_one_key_wins_and_nothing_is_left_behind() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("migrated-abc", dataDirectory("first"));
        templates.save("migrated-abc", dataDirectory("second"));

        Path copy = work.resolve("copy");
        templates.copy(templates.find("migrated-abc").orElseThrow(), copy);
        assertEquals("first", Files.readString(copy.resolve("base/1/1259")));
        assertEquals(List.of("migrated-abc"), children());
    }

    @Test
    void a_server_that_was_not_stopped_is_never_stored() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        Path running = dataDirectory("catalog");
        Files.writeString(running.resolve("postmaster.pid"), "4242\n");

        assertThrows(IOException.class, () -> templates.save("initdb-abc", running));
        assertTrue(templates.find("initdb-abc").isEmpty());
    }

    @Test
    void only_the_most_recently_used_templates_of_a_kind_are_kept() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-keep", dataDirectory("initdb"));
        for (int i = 0; i < 4; i++) {
            templates.save("migrated-" + i, dataDirectory("m" + i));
            Files.setLastModifiedTime(root.resolve("migrated-" + i + "/used"), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        templates.find("migrated-0"); // used just now: the most recent of all

        templates.save("migrated-4", dataDirectory("m4"));

        List<String> kept = children();
        assertTrue(kept.contains("initdb-keep"), "another kind is not evicted: " + kept);
        assertTrue(kept.contains("migrated-0"), "a recently used template is kept: " + kept);
        assertTrue(kept.contains("migrated-4"), "the new template is kept: " + kept);
        assertFalse(kept.contains("migrated-1"), "the least recently used goes: " + kept);
        assertEquals(4, kept.stream().filter(name -> name.startsWith("migrated-")).count(), kept::toString);
    }

    @Test
    void what_earlier_processes_left_behind_is_swept_but_not_what_may_still_be_in_use() throws IOException {
        ClusterTemplates templates = ClusterTemplates.in(root);
        templates.save("initdb-abc", dataDirectory("catalog"));
        Path trash = Files.createDirectories(root.resolve("trash-1/base"));
        Path evicted = Files.createDirectories(root.resolve("evicted-1"));
        Path freshStaging = Files.createDirectories(root.resolve("staging-1"));
        Path oldStaging = Files.createDirectories(root.resolve("staging-2"));
        Path oldRun = Files.createDirectories(root.resolve("run-1"));
        Path freshRun = Files.createDirectories(root.resolve("run-2"));
        FileTime twoHoursAgo = FileTime.from(java.time.Instant.now().minusSeconds(7200));
        Files.setLastModifiedTime(oldStaging, twoHoursAgo);
        Files.setLastModifiedTime(oldRun, twoHoursAgo);

        List<Path> swept = templates.leftovers();

        assertEquals(List.of(evicted, oldRun, oldStaging, trash.getParent()).stream().sorted().toList(),
                swept.stream().sorted().toList());
        assertFalse(swept.contains(freshStaging), "a staging copy may be in progress");
        assertFalse(swept.contains(freshRun), "a run directory may be in use");
    }

    @Test
    void disabled_templates_store_nothing() throws IOException {
        ClusterTemplates templates = ClusterTemplates.disabled();
        templates.save("initdb-abc", dataDirectory("catalog"));

        assertFalse(templates.enabled());
        assertTrue(templates.find("initdb-abc").isEmpty());
    }

    @Test
    void the_store_is_configured_by_its_two_settings() {
        String switchProperty = "embedded.pg.cache";
        String directoryProperty = "embedded.pg.cache.dir";
        String previousSwitch = System.getProperty(switchProperty);
        String previousDirectory = System.getProperty(directoryProperty);
        try {
            System.setProperty(directoryProperty, root.toString());
            assertEquals(java.util.Optional.of(root.toAbsolutePath()), ClusterTemplates.standard().directory());
            System.setProperty(switchProperty, "off");
            assertFalse(ClusterTemplates.standard().enabled());
            System.setProperty(switchProperty, "on");
            assertTrue(ClusterTemplates.standard().enabled());
        } finally {
            restore(switchProperty, previousSwitch);
            restore(directoryProperty, previousDirectory);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void a_key_that_could_leave_the_directory_is_refused() {
        ClusterTemplates templates = ClusterTemplates.in(root);
        assertThrows(IllegalArgumentException.class, () -> templates.find("../etc"));
    }

    private List<String> children() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
