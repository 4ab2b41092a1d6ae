package com.bookstore.db.migrations.internal.changelog;

import com.bookstore.db.migrations.apply.ChangelogSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the schema built by applying a changelog depends on, as one hash: every byte of every file under the changelog's
 * resource root (its path and its content, so that an edit, a new file, a deleted or renamed one, or a branch switch
 * all change it), the master changelog's path and Liquibase's version. Two runs with the same fingerprint apply the
 * same changesets the same way, so the second may start from the first one's result.
 *
 * <p>No fingerprint (so no reuse) when the result may depend on something outside those bytes: a changelog read from
 * the class path, or a file using {@code ${...}} parameters, which Liquibase fills from system properties and the
 * environment.
 *
 * @param hash    hex SHA-256 prefix
 * @param files   how many files were hashed
 */
public record ChangelogFingerprint(String hash, int files) {

    private static final String FORMAT = "changelog-fingerprint-v1";
    private static final byte[] PARAMETER = "${".getBytes(StandardCharsets.UTF_8);

    /** The fingerprint, or why there is none. */
    public sealed interface Outcome permits Fingerprinted, NotReusable {
    }

    public record Fingerprinted(ChangelogFingerprint fingerprint) implements Outcome {
    }

    public record NotReusable(String reason) implements Outcome {
    }

    public static Outcome of(ChangelogSource source) throws IOException {
        if (source.resourceRoot().isEmpty()) {
            return new NotReusable("the changelog is read from the class path");
        }
        Path root = source.resourceRoot().get().toAbsolutePath().normalize();
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, liquibase.util.LiquibaseUtil.getBuildVersion());
        update(digest, source.masterPath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            update(digest, relative(root, file));
            update(digest, Long.toString(Files.size(file)));
            boolean parameters = false;
            byte[] tail = new byte[0];
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    parameters = parameters || containsParameter(tail, buffer, read);
                    tail = read > 0 ? new byte[]{buffer[read - 1]} : tail;
                }
            }
            if (parameters) {
                return new NotReusable(relative(root, file) + " uses ${...} parameters, which may come from the "
                        + "environment");
            }
        }
        return new Fingerprinted(new ChangelogFingerprint(HexFormat.of().formatHex(digest.digest(), 0, 16), files.size()));
    }

    /**
     * Whether the files of {@code source} still have this fingerprint: taken again after an apply, so that a result is
     * never kept under bytes other than the ones applied (a file saved or a branch switched during the apply).
     */
    public boolean stillMatches(ChangelogSource source) throws IOException {
        return of(source) instanceof Fingerprinted now && now.fingerprint().hash().equals(hash);
    }

    /** Whether {@code ${} occurs in {@code buffer[0, read)}, or across the previous buffer's last byte. */
    private static boolean containsParameter(byte[] tail, byte[] buffer, int read) {
        if (read > 0 && tail.length == 1 && tail[0] == PARAMETER[0] && buffer[0] == PARAMETER[1]) {
            return true;
        }
        for (int i = 0; i + 1 < read; i++) {
            if (buffer[i] == PARAMETER[0] && buffer[i + 1] == PARAMETER[1]) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
