package com.bookstore.db.core.embedded;

import com.bookstore.db.core.settings.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A private PostgreSQL 17 server on a random local port (binaries for every {@link EmbeddedPlatform}), in a temporary
 * directory removed on {@link #close()}.
 * Tuned for throw-away data (no fsync): never for data that must survive.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start() {
        EmbeddedPlatform.current(); // a clear message on a machine without binaries, before zonky's own error
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** The server's maintenance database {@code postgres}, as superuser. */
    public DatabaseSettings adminSettings() {
        return new DatabaseSettings("localhost", postgres.getPort(), "postgres", SUPERUSER, null, Map.of());
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }
}
