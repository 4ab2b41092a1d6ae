package com.bookstore.db.core.embedded;

import com.bookstore.db.core.runtime.MigrationConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerTest {

    @TempDir
    Path stores;

    @Test
    void a_store_given_the_initialised_cluster_of_another_starts_servers_from_it() throws Exception {
        // the machine's store, which earlier servers filled (an initdb of this test's own only when it is off)
        ClusterTemplates source = ClusterTemplates.standard().enabled() ? ClusterTemplates.standard()
                : ClusterTemplates.in(stores.resolve("source"));
        ClusterTemplates target = ClusterTemplates.in(stores.resolve("target"));

        EmbeddedPostgresServer.shareInitialisedCluster(source, target);
        EmbeddedPostgresServer.shareInitialisedCluster(source, target); // already there: nothing copied again

        List<Path> shared = templates(stores.resolve("target"));
        assertEquals(1, shared.size(), "one initialised cluster, stored once: " + shared);
        List<String> manifest = Files.readAllLines(shared.get(0).resolve("manifest"));
        Path sourceTemplate = source.directory().orElseThrow().resolve(shared.get(0).getFileName());
        assertEquals(Files.readAllLines(sourceTemplate.resolve("manifest")), manifest, "the same files, the same sizes");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(target);
             Connection connection = MigrationConnections.unpooled(server.adminSettings()).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('wal_segment_size')")) {
            assertTrue(server.startedFromTemplate(), "started on a copy of the shared template, not by initdb");
            rs.next();
            assertEquals("1MB", rs.getString(1), "the template's initdb options came along");
        }
        assertEquals(shared, templates(stores.resolve("target")), "starting took the shared template, made no other");
    }

    @Test
    void a_store_that_is_off_gets_nothing() throws Exception {
        EmbeddedPostgresServer.shareInitialisedCluster(ClusterTemplates.in(stores.resolve("source")), ClusterTemplates.disabled());
        EmbeddedPostgresServer.shareInitialisedCluster(ClusterTemplates.disabled(), ClusterTemplates.in(stores.resolve("target")));

        assertTrue(Files.notExists(stores.resolve("source")), "no initdb for a store that is off");
        assertTrue(Files.notExists(stores.resolve("target")), "nothing to copy from a store that is off");
    }

    private static List<Path> templates(Path store) throws Exception {
        try (Stream<Path> children = Files.list(store)) {
            return children.filter(p -> p.getFileName().toString().startsWith("initdb-")).toList();
        }
    }
}
