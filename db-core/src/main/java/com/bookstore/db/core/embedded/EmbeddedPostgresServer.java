package com.bookstore.db.core.embedded;

import com.bookstore.db.core.settings.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A private PostgreSQL 17 server on a random local port (binaries for every {@link EmbeddedPlatform}), in a temporary
 * directory removed on {@link #close()}.
 * Tuned for throw-away data (no fsync): never for data that must survive.
 *
 * <p>The data directory starts as a copy of an initialised cluster kept in {@link ClusterTemplates} (made by
 * {@code initdb} once per machine and binaries), which saves the two seconds {@code initdb} takes on every start; with
 * templates off or unusable the server runs {@code initdb} itself.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    /** Bump when the initdb options or the server's layout change: old templates are then ignored. */
    private static final String TEMPLATE_FORMAT = "initdb-v2 -A trust -U postgres -E UTF-8 --wal-segsize=1";

    private EmbeddedPostgres postgres;
    private final Path dataDirectory; // ours to discard, or null when zonky made (and removes) a temporary one
    private final ClusterTemplates templates; // where dataDirectory lives

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, ClusterTemplates templates) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.templates = templates;
    }

    /** A server on a copy of the initialised-cluster template of the {@link ClusterTemplates#standard()} directory. */
    public static EmbeddedPostgresServer start() {
        return start(ClusterTemplates.standard());
    }

    /** A server on a copy of the initialised-cluster template (made now if missing), or by initdb when none is usable. */
    public static EmbeddedPostgresServer start(ClusterTemplates templates) {
        EmbeddedPlatform.current(); // a clear message on a machine without binaries, before zonky's own error
        if (templates.enabled()) {
            String key = initialisedClusterKey();
            try {
                Optional<Path> template = templates.find(key);
                if (template.isEmpty()) {
                    storeInitialisedCluster(templates, key);
                    template = templates.find(key);
                }
                if (template.isPresent()) {
                    Optional<EmbeddedPostgresServer> server = startFrom(templates, template.get());
                    if (server.isPresent()) {
                        return server.get();
                    }
                    templates.evict(key);
                }
            } catch (IOException e) {
                // the template directory is unusable (full disk, permissions): start the slow way
            }
        }
        return withInitdb();
    }

    /**
     * Gives {@code target} the initialised-cluster template by copying the one of {@code source} (made there first when
     * missing) rather than running {@code initdb} for it: a store of its own (a test's, a tool's) then starts its first
     * server in a fraction of a second. Does nothing when either store is off or {@code target} already has it.
     */
    public static void shareInitialisedCluster(ClusterTemplates source, ClusterTemplates target) throws IOException {
        String key = initialisedClusterKey();
        if (!source.enabled() || !target.enabled() || target.find(key).isPresent()) {
            return;
        }
        Optional<Path> template = source.find(key);
        if (template.isEmpty()) {
            storeInitialisedCluster(source, key);
            template = source.find(key);
        }
        Path copy = source.newRunDirectory();
        try {
            source.copy(template.orElseThrow(() -> new IOException("no initialised cluster in " + source.directory())), copy);
            target.save(key, copy);
        } finally {
            source.discard(copy);
        }
    }

    private static String initialisedClusterKey() {
        return "initdb-" + hash(TEMPLATE_FORMAT + "\n" + binaries());
    }

    /**
     * A server on a private copy of {@code template}; empty when the copy fails (the template was evicted meanwhile, or
     * does not match its manifest) or the server does not start on it, so that the caller can start another way.
     */
    public static Optional<EmbeddedPostgresServer> startFrom(ClusterTemplates templates, Path template) {
        Path data = null;
        try {
            data = templates.newRunDirectory();
            templates.copy(template, data);
        } catch (IOException e) {
            if (data != null) {
                templates.discard(data);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new EmbeddedPostgresServer(builder(0).setDataDirectory(data.toFile()).start(), data,
                    templates));
        } catch (IOException | RuntimeException e) {
            // a template PostgreSQL cannot start on is as good as a damaged one: the caller starts another way, and
            // if the server cannot start at all, that way fails with the server's own error
            templates.discard(data);
            return Optional.empty();
        }
    }

    /**
     * Stops the server, stores its data directory as a template under {@code key}, and starts it again on the same
     * port (so that settings handed out before stay valid), or on another free one when that port was taken meanwhile.
     * Returns whether the template was stored.
     */
    public boolean saveAsTemplate(ClusterTemplates templates, String key) {
        if (dataDirectory == null) {
            throw new IllegalStateException("Only a server started from a template can be saved as one");
        }
        int port = postgres.getPort();
        stopPostmaster();
        boolean saved;
        try {
            templates.save(key, dataDirectory);
            saved = true;
        } catch (IOException e) {
            saved = false;
        }
        try {
            postgres = builder(port).setDataDirectory(dataDirectory.toFile()).start();
        } catch (IOException | RuntimeException samePort) {
            try {
                postgres = builder(0).setDataDirectory(dataDirectory.toFile()).start();
            } catch (IOException e) {
                e.addSuppressed(samePort);
                throw new UncheckedIOException("Cannot restart the embedded PostgreSQL server on " + dataDirectory + ": "
                        + e.getMessage(), e);
            }
        }
        return saved;
    }

    /** Whether the server runs on a copy of a template, so that {@link #saveAsTemplate} can keep its data. */
    public boolean startedFromTemplate() {
        return dataDirectory != null;
    }

    /** Where the binaries come from (their artifact and version): part of every template key. */
    public static String binaries() {
        String resource = EmbeddedPlatform.current().resource();
        URL url = EmbeddedPostgres.class.getClassLoader().getResource(resource);
        return url == null ? resource : url.toString();
    }

    /** A short hex SHA-256 of {@code text}, for template keys. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void storeInitialisedCluster(ClusterTemplates templates, String key) throws IOException {
        Path data = templates.newRunDirectory();
        try {
            // 1 MB WAL segments instead of 16: a third less to copy on every start
            builder(0).setDataDirectory(data.toFile()).setLocaleConfig("wal-segsize", "1").start().close();
            templates.save(key, data);
        } finally {
            templates.discard(data);
        }
    }

    private static EmbeddedPostgresServer withInitdb() {
        try {
            return new EmbeddedPostgresServer(builder(0).setCleanDataDirectory(true).start(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                // no replica ever reads this server: least WAL, none kept for reuse (smaller templates to copy)
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setServerConfig("wal_recycle", "off")
                .setServerConfig("autovacuum", "off")
                .setCleanDataDirectory(false); // a data directory given to zonky is ours: initdb only when it is empty
        return port == 0 ? builder : builder.setPort(port);
    }

    /** The server's maintenance database {@code postgres}, as superuser. */
    public DatabaseSettings adminSettings() {
        return new DatabaseSettings("localhost", postgres.getPort(), "postgres", SUPERUSER, null, Map.of());
    }

    public int port() {
        return postgres.getPort();
    }

    private void stopPostmaster() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            stopPostmaster();
        } finally {
            if (dataDirectory != null) {
                templates.discard(dataDirectory);
            }
        }
    }
}
