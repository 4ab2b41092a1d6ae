package com.bookstore.db.core.testing;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support for scripts (.ci/run): starts an embedded PostgreSQL 17 with one empty database, writes its
 * {@code DATABASE_URL} to the file named by the first argument, and serves until its standard input closes.
 *
 * <pre>{@code java -cp <db-core test class path> com.bookstore.db.core.testing.ServeScratchDatabase url.txt < fifo}</pre>
 */
public final class ServeScratchDatabase {

    private ServeScratchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ServeScratchDatabase <file to write DATABASE_URL to>");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (ScratchDatabases server = ScratchDatabases.embedded()) {
            DatabaseSettings database = server.create("ci");
            String url = "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/" + database.database();
            Path file = Path.of(args[0]);
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, url + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.err.println("serving " + url + " until standard input closes");
            while (System.in.read() >= 0) {
                // wait for end of input
            }
        }
    }
}
