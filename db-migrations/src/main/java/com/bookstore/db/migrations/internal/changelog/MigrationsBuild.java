package com.bookstore.db.migrations.internal.changelog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The identity of this build of db-migrations: a hash of its jar, or of its classes directory (tests, an IDE). A
 * migrated shadow kept on disk was applied by the code of one build (which parsed, refused or applied the changelogs
 * its own way), so another build (an upgraded jar, a rebuilt working copy) must not take it as its own result: the
 * identity is part of every {@link ChangelogFingerprint}.
 */
final class MigrationsBuild {

    private static volatile Optional<String> identity;

    private MigrationsBuild() {
    }

    /** This build's identity, computed once per process; empty when its code cannot be read (then nothing is kept). */
    static Optional<String> identity() {
        Optional<String> known = identity;
        if (known == null) {
            known = compute();
            identity = known;
        }
        return known;
    }

    private static Optional<String> compute() {
        CodeSource source = MigrationsBuild.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(identityOf(Path.of(source.getLocation().toURI())));
        } catch (IOException | URISyntaxException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The hash of a jar's bytes, or of every file under a directory (relative path and bytes, in path order). */
    static String identityOf(Path code) throws IOException {
        MessageDigest digest = ChangelogFingerprint.sha256();
        if (Files.isDirectory(code)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(code)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path file : files) {
                digest.update(code.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digestFile(digest, file);
            }
        } else {
            digestFile(digest, code);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static void digestFile(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        digest.update((byte) 0);
    }
}
